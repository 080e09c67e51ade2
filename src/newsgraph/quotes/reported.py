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
RELATIVE_WORDS = {"which", "who", "whom", "whose"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
CLAUSE_BREAKS = {",", ";", "-", "—", "–"}
DASHES = {"-", "—", "–"}
CONTINUING_VERBS = {"go", "continue", "begin", "start", "proceed"}
MIN_WORDS_OUTSIDE_MARKS = 3


@dataclass
class Reported:
    start: int
    end: int
    attribution: Attribution


def complement(verb: Token) -> tuple[int, int] | None:
    """Token bounds [first, last] of the clause a verb of saying reports: its complement clause (with a
    following coordinated clause of its own subject), or the clause it interrupts or follows."""
    clause = next((child for child in verb.children if child.dep_ == "ccomp"), None)
    if clause is not None:
        if clause.left_edge.lower_ in RELATIVE_WORDS:
            return None
        last = clause_end(clause)
        following = [c for c in verb.children if c.dep_ == "conj" and c.i > clause.i and has_subject(c)
                     and not cues().is_verb_cue(c)]
        if following and all(t.dep_ in ("cc", "punct") for t in verb.doc[last + 1:following[0].left_edge.i]):
            last = clause_end(following[0])
        return clause.left_edge.i, last
    if verb.dep_ != "parataxis":
        return None
    head = verb.head
    if head.i > verb.i:
        return head.left_edge.i, clause_end(head)
    if verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",":
        return head.left_edge.i, verb.left_edge.i - 1
    return None


def has_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def clause_end(head: Token) -> int:
    """The clause's last token, leaving out what the reporter adds after a comma or dash: a verb
    phrase with no subject of its own (``, prompting unions to ...``) or an aside (``- a move he ...``)."""
    doc = head.doc
    for child in head.rights:
        before = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        after_break = before is not None and before.text in CLAUSE_BREAKS
        added_verb = child.dep_ in ("conj", "advcl") and child.pos_ in ("VERB", "AUX") and not has_subject(child)
        aside = child.dep_ in ("appos", "npadvmod", "dep") and before is not None and before.text in DASHES
        if (after_break and added_verb) or aside or (added_verb and cues().is_verb_cue(child)):
            end = child.left_edge.i - 1
            while end > head.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
                end -= 1
            return end
    return head.right_edge.i


def is_blocked(verb: Token) -> bool:
    """Speech that reports nothing: denied or refused (``did not say``, ``declined to say``), only urged
    (``urged him to admit``), or the finding of a survey rather than anyone's words."""
    lexicon = cues()
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    if verb.dep_ == "xcomp" and (lexicon.lemma(verb.head) in lexicon.not_speech
                                 or verb.tag_ == "VB" and lexicon.lemma(verb.head) not in CONTINUING_VERBS):
        return True
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.lemma_.lower() in lexicon.non_speakers


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
