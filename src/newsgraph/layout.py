"""Article layout: headline, standfirst, subheadings, paragraphs and pull quotes.

Layout works on the text alone, before the parse, so every later stage can ask
which block an offset is in and whether that block is part of the text flow.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .model import Block, Layout

OPENING_MARKS = "\"“‘«„'"
CLOSING_MARKS = ("\"", "”", "’", "»", "'")
SENTENCE_END = ".!?:;…\"”’»)]|,"
MAX_HEADLINE_WORDS = 30
MAX_STANDFIRST_WORDS = 45
MAX_SUBHEADING_WORDS = 8

_WORD = re.compile(r"\w+", re.UNICODE)
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
# A credit after a pull quote: `” James Appathurai, |`, `” Anna Berg, Nato` or `James Appathurai |`.
_CREDIT = re.compile(
    rf"(?:[\"”’»]\s*(?P<credit>{_NAME})(?:\s*,\s*[A-Z][\w .'’&-]{{0,60}}?)?\s*[,|]?"
    rf"|[\"”’»]?\s*(?P<open_credit>{_NAME})\s*(?:,\s*\|?|\|))\s*$"
)
_AUXILIARY = re.compile(
    r"\b(is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do|been|be"
    r"|said|says|told|'s)\b", re.IGNORECASE
)
# Where a deck's main clause ends: what follows may be ordinary grammar ("... after ties were frozen").
_MAIN_CLAUSE_END = re.compile(
    r"\b(after|while|because|when|following|amid|since|despite|if|before|until|unless)\b",
    re.IGNORECASE,
)


def lines_with_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding white space trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def detect_layout(text: str, title: str | None = None, doc: Doc | None = None) -> Layout:
    """Label each line of the article with its role in the page; a parse, when given, sharpens decks."""
    blocks = [Block(i, "paragraph", s, e, text[s:e]) for i, (s, e) in enumerate(lines_with_offsets(text))]
    if not blocks:
        return Layout(blocks)
    if is_headline(blocks[0].text, title):
        blocks[0].kind = "headline"
        if len(blocks) > 2 and is_standfirst(blocks[1], doc):
            blocks[1].kind = "standfirst"
    for block in blocks[1:-1]:
        if block.kind == "paragraph" and is_subheading(block.text):
            block.kind = "subheading"
    mark_pullquotes(blocks)
    return Layout(blocks)


def is_headline(line: str, title: str | None) -> bool:
    if len(words(line)) > MAX_HEADLINE_WORDS or len(line) > 250:
        return False
    if title is None:
        return True
    return words(title) == words(line) or words(line)[:6] == words(title)[:6]


def is_standfirst(block: Block, doc: Doc | None = None) -> bool:
    """A deck: one short sentence under the headline, in headline grammar, with no quotation."""
    line = block.text.rstrip()
    count = len(words(line))
    if not 4 <= count <= MAX_STANDFIRST_WORDS or any(mark in line for mark in "\"“”«»„"):
        return False
    if (line[-1] not in ".!?" and count < 6) or re.search(r"[.!?]\s+[A-Z]", line[:-1]):
        return False
    if line.split()[0].lower() in {"the", "a", "an", "this", "it", "he", "she", "they", "we", "in", "on", "at"}:
        return False
    main_clause = _MAIN_CLAUSE_END.split(line, maxsplit=1)[0]
    return len(words(main_clause)) >= 3 and not _AUXILIARY.search(main_clause) \
        and not has_past_tense(doc, block.start, block.start + len(main_clause))


def has_past_tense(doc: Doc | None, start: int, end: int) -> bool:
    """A finite past-tense verb: ordinary prose ("Anger spilled over"), not a deck ("talks planned")."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return span is not None and any(token.tag_ == "VBD" for token in span)


def is_subheading(line: str) -> bool:
    """A short unpunctuated line between paragraphs: 'Common concerns'."""
    count = len(words(line))
    return (1 <= count <= MAX_SUBHEADING_WORDS and len(line) <= 60 and line[0].isupper()
            and line[-1] not in SENTENCE_END and line[0] not in OPENING_MARKS)


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + size]) for i in range(max(len(tokens) - size + 1, 1))}


def mark_pullquotes(blocks: list[Block]) -> None:
    """A pull quote opens with a mark and repeats another block's words or ends in a credit."""
    for block in blocks:
        if block.kind != "paragraph" or block.text[0] not in OPENING_MARKS:
            continue
        credit = _CREDIT.search(block.text)
        body = block.text[: credit.start()] if credit else block.text
        if credit is None and not block.text.rstrip().endswith(CLOSING_MARKS):
            continue  # words after the closing mark are an attribution: body text, not a pull quote
        twin = repeated_in(body, block, blocks, credited=credit is not None)
        if twin is not None or (credit and "|" in block.text[credit.start():]):
            block.kind = "pullquote"
            block.twin = twin
            block.credit = (credit.group("credit") or credit.group("open_credit")) if credit else None


def repeated_in(body: str, block: Block, blocks: list[Block], credited: bool) -> int | None:
    """The index of another block that repeats ``body``'s word sequences.

    Uncredited, most of the body must recur; a credited pull quote may trim or extend
    the quotation it repeats, so a few shared four-word sequences suffice.
    """
    own = shingles(body)
    if len(own) < 2:
        return None
    needed = 2 if credited else max(2, int(0.6 * len(own) + 0.999))
    best, best_shared = None, needed - 1
    for other in blocks:
        if other is block or other.kind == "pullquote":
            continue
        shared = len(own & shingles(other.text))
        if shared > best_shared:
            best, best_shared = other.index, shared
    return best
