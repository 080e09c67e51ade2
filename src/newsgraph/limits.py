"""Limits on one article's size, checked before it is parsed, so that one hostile input cannot hang a run.

Each limit is far above what a news article needs and below where parsing time or memory blows up:
spaCy's tokenizer is quadratic in the length of a run without white space, and the parse, the layout
and the quotation stage grow with characters, tokens, paragraphs and quotation marks (in the article and in
any one paragraph, where marks are paired and quotations attributed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from .quotes.marks import FAMILY

TOKEN = re.compile(r"\w+|[^\w\s]")
WORD = re.compile(r"\S+")
QUOTATION_MARK = re.compile("[" + "".join(mark for mark in FAMILY if len(mark) == 1) + "]")


@dataclass(frozen=True)
class ArticleLimits:
    """The most an article may hold; an article over any limit is skipped with the limit named."""

    characters: int = 200_000
    tokens: int = 60_000  # words and punctuation marks
    paragraphs: int = 10_000  # non-empty lines
    quotation_marks: int = 12_000
    word_characters: int = 2_000  # the longest run without white space
    paragraph_quotation_marks: int = 200  # in any one paragraph: the quotation stage works paragraph by paragraph

    def breach(self, text: str) -> str | None:
        """Why ``text`` is over a limit (naming it and its value), or None when it is within all of them."""
        measures = (
            ("characters", lambda: len(text)),
            ("paragraphs", lambda: sum(1 for line in text.splitlines() if line.strip())),
            ("word_characters", lambda: max((len(w) for w in WORD.findall(text)), default=0)),
            ("tokens", lambda: len(TOKEN.findall(text))),
            ("quotation_marks", lambda: len(QUOTATION_MARK.findall(text))),
            ("paragraph_quotation_marks", lambda: max((len(QUOTATION_MARK.findall(line))
                                                       for line in text.splitlines()), default=0)),
        )
        for name, measure in measures:  # cheapest first; each measure is linear in the text
            value, limit = measure(), getattr(self, name)
            if value > limit:
                return (f"too large: {value:,} {LABELS[name]} (the limit is {limit:,}; "
                        f"raise it with --max-{dashed(name)})")
        return None


LABELS = {
    "characters": "characters", "tokens": "tokens", "paragraphs": "paragraphs",
    "quotation_marks": "quotation marks", "word_characters": "characters in one word (a run without a space)",
    "paragraph_quotation_marks": "quotation marks in one paragraph",
}


def dashed(name: str) -> str:
    return name.replace("_", "-")


LIMIT_NAMES = [field.name for field in fields(ArticleLimits)]
