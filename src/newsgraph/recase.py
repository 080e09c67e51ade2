"""Title Case lines parsed as the sentences they are.

A headline written in Title Case ("Moldova Expels Armenian Diplomats") reads to the tagger as one long name,
so its verb and its parties are lost. The parser reads such a line with its common words in lower case, and
the Doc it gives is carried over to the text as written: the text is never changed, and never parsed twice.
A capitalised word stays capitalised when it names something: a gazetteer name, an all-capitals acronym, or
a word the article itself capitalises in the middle of a sentence.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from .actors.gazetteer import find_hits

PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
WORD = re.compile(r"[A-Za-z][\w'’-]*")
MIN_CONTENT_LETTERS = 4  # shorter words (of, to, in, and) may keep either case in a Title Case line
MIN_CONTENT_WORDS = 3
MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’-]*")


def is_title_cased(line: str) -> bool:
    """Every word of four letters or more starts with a capital, and not all are in capitals."""
    words = [w for w in WORD.findall(line) if len(w) >= MIN_CONTENT_LETTERS]
    return (len(words) >= MIN_CONTENT_WORDS and all(w[0].isupper() for w in words)
            and not all(w.isupper() for w in words))


def sentence_cased(line: str, names: set[str]) -> str:
    """``line`` with its common words in lower case, the first word and names kept; lengths are kept."""
    protected = [(hit.start, hit.end) for hit in find_hits(line)]

    def lower(word: re.Match[str]) -> str:
        text = word.group()
        kept = (word.start() == 0 or text.isupper() or text in names
                or any(start <= word.start() < end for start, end in protected))
        lowered = text.lower()
        return text if kept or len(lowered) != len(text) else lowered
    return WORD.sub(lower, line)


def written_names(text: str) -> set[str]:
    """Words the text capitalises after a lower-case word or a comma, outside Title Case lines: names,
    not sentence openings."""
    return {word for line in text.splitlines() if not is_title_cased(line)
            for word in MID_SENTENCE_CAPITAL.findall(line)}


def sentence_cased_lines(text: str) -> str:
    """``text`` with its Title Case lines sentence-cased, to be parsed in its place; lengths are kept, so
    every offset of the parse holds for ``text``."""
    if not any(is_title_cased(line) for line in text.splitlines()):
        return text
    names = written_names(text)
    return re.sub(r"[^\n]+", lambda line: sentence_cased(line.group(), names)
                  if is_title_cased(line.group()) else line.group(), text)


def with_text(doc: Doc, text: str) -> Doc:
    """The parse of a sentence-cased copy, carried over to the words of the text it was made from."""
    if doc.text == text:
        return doc
    words = [text[t.idx:t.idx + len(t)] for t in doc]
    rebuilt = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    return rebuilt.from_array(PARSE_ATTRS, doc.to_array(PARSE_ATTRS))
