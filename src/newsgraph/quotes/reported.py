"""Reported speech: the complement clause of a verb of saying, as the guidelines cut it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from .attribution import Attribution, attribution_at
from .context import QuoteContext
from .lexicon import cues

TRIMMED_AT_END = set(" \t\n.,;:—–-")
MIN_WORDS = 2
MIN_WORDS_OUTSIDE_MARKS = 3


@dataclass
class Reported:
    start: int
    end: int
    attribution: Attribution


def complement(verb: Token) -> tuple[int, int] | None:
    """Token bounds [first, last] of the clause a verb of saying reports."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child.left_edge.i, child.right_edge.i
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        last = verb.left_edge.i - 1
        return verb.head.left_edge.i, last
    return None


def is_blocked(verb: Token) -> bool:
    """Denied or refused speech reports nothing: ``declined to say``, ``did not say``."""
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    return verb.dep_ == "xcomp" and cues().lemma(verb.head) in cues().not_speech


def clause_bounds(ctx: QuoteContext, first: int, last: int) -> tuple[int, int] | None:
    """Character bounds from the first word after 'that' to the clause's end, final punctuation off."""
    doc = ctx.doc
    while first <= last and (doc[first].is_punct or doc[first].is_space
                             or (doc[first].lower_ == "that" and doc[first].dep_ == "mark")):
        first += 1
    if first > last:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    text = ctx.text
    while end > start:
        if text[end - 1] in TRIMMED_AT_END:
            end -= 1
            continue
        stretch = ctx.stretch_of(end - 1)
        if stretch is not None and stretch.open_at < start and not text[end - 1].isalnum():
            end -= 1
            continue
        break
    return (start, end) if end > start else None


def words_outside_marks(ctx: QuoteContext, start: int, end: int) -> tuple[int, bool]:
    """How many words of [start, end) lie outside quotation marks, and whether any lie inside."""
    outside, inside = 0, False
    for token in ctx.tokens_between(start, end):
        if not token.is_alpha:
            continue
        if ctx.quoted(token):
            inside = True
        else:
            outside += 1
    return outside, inside


def reported_speech(ctx: QuoteContext) -> Iterator[Reported]:
    """Each indirect quotation of the text flow with the attribution of its verb."""
    lexicon = cues()
    for token in ctx.doc:
        if not lexicon.takes_clause(token) or ctx.quoted(token) or not ctx.in_flow(token.idx) \
                or is_blocked(token):
            continue
        bounds = complement(token)
        if bounds is None:
            continue
        span = clause_bounds(ctx, *bounds)
        if span is None:
            continue
        outside, inside = words_outside_marks(ctx, *span)
        if outside < (MIN_WORDS_OUTSIDE_MARKS if inside else MIN_WORDS):
            continue
        attribution = attribution_at(ctx, token)
        if attribution is not None:
            yield Reported(span[0], span[1], attribution)
