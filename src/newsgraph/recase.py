"""Title Case lines parsed as the sentences they are.

A headline written in Title Case ("Moldova Expels Armenian Diplomats") reads to the tagger as one long name,
so its verb and its parties are lost. Such a line is parsed again with its common words in lower case, and
its tags, parse and entities replace those of the line in the article's Doc; the text is never changed.
A capitalised word stays capitalised when it names something: a gazetteer name, an all-capitals acronym, or
a word the article itself capitalises in the middle of a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors.gazetteer import find_hits

PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
WORD = re.compile(r"[A-Za-z][\w'’-]*")
ENT_INSIDE, ENT_OUTSIDE = 1, 2  # spaCy's ENT_IOB codes in token arrays
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


def reparse_title_lines(nlp: Language, doc: Doc, text: str) -> Doc:
    """``doc`` with each Title Case line's annotations taken from a parse of its sentence-cased copy."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if is_title_cased(m.group())]
    if not lines:
        return doc
    names = written_names(text)
    starts = [token.idx for token in doc]
    array = doc.to_array(PARSE_ATTRS)
    changed = False
    for (start, line), reparsed in zip(lines, nlp.pipe(sentence_cased(line, names) for _, line in lines)):
        tokens = doc[bisect_left(starts, start):bisect_left(starts, start + len(line))]
        if len(tokens) and aligned(tokens, reparsed, start) and closed(tokens):
            array[tokens.start:tokens.end] = reparsed.to_array(PARSE_ATTRS)
            end_entity_at(array, tokens.end)
            changed = True
    if not changed:
        return doc
    rebuilt = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    return rebuilt.from_array(PARSE_ATTRS, array)


def end_entity_at(array: numpy.ndarray, index: int) -> None:
    """Tokens after the line that continued an entity of its old parse (a line break inside a long false
    name) are outside any entity now."""
    iob, label = PARSE_ATTRS.index(ENT_IOB), PARSE_ATTRS.index(ENT_TYPE)
    while index < len(array) and array[index, iob] == ENT_INSIDE:
        array[index, iob], array[index, label] = ENT_OUTSIDE, 0
        index += 1


def aligned(tokens: Span, reparsed: Doc, start: int) -> bool:
    """The copy splits into the same tokens as the line did."""
    return [(t.idx - start, len(t)) for t in tokens] == [(t.idx, len(t)) for t in reparsed]


def closed(tokens: Span) -> bool:
    """No arc joins the line to the words around it, so its parse can be swapped alone (the line break
    after it may hang on its last word)."""
    inside = range(tokens.start, tokens.end)
    return all(t.head.i in inside and all(c.i in inside or c.is_space for c in t.children) for t in tokens)
