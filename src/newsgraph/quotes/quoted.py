"""Attributing words in quotation marks: the cue around the marks, else the nearest speaker before."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..model import Mention

from .attribution import Attribution, ancestor_attribution, attributions_in, colon_speaker
from .context import QuoteContext
from .marks import Quoted

SENTENCES_BACK = 2
LEADS_INTO_ATTRIBUTION = {",", "—", "–"}
QUESTION_OR_EXCLAMATION = {"?", "!"}
CREDIT_DASHES = {"―", "—", "–"}
TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


def frame(ctx: QuoteContext, index: int) -> tuple[list[Token], list[Token]]:
    """The reporter's words before and after a quoted stretch, within its sentences and the neighbouring marks."""
    stretch = ctx.stretches[index]
    first = ctx.token_at(stretch.start)
    last = ctx.token_at(max(stretch.end - 1, stretch.start))
    if first is None or last is None:
        return [], []
    left = first.sent.start
    if left == first.i or ctx.doc[left:first.i].text.strip() in ("", "“", '"', "‘", "'", "''", "``"):
        left = previous_sentence_start(ctx, first, stretch)
    right = last.sent.end
    if index > 0 and ctx.stretches[index - 1].end >= ctx.doc[left].idx:
        left = ctx.token_at(ctx.stretches[index - 1].after).i if ctx.stretches[index - 1].after < stretch.open_at \
            else first.i
    closing = stretch.after
    if right < len(ctx.doc) and ctx.doc[right - 1].idx < closing and asks_for_attribution(ctx, stretch):
        right = ctx.doc[right].sent.end  # ``"Q?" X asked.``: the parser ends the sentence at the mark
    if index + 1 < len(ctx.stretches) and ctx.stretches[index + 1].open_at < ctx.doc[right - 1].idx + 1:
        right = ctx.token_at(ctx.stretches[index + 1].open_at).i
    before = [t for t in ctx.doc[left:first.i] if t.idx < stretch.open_at and not t.is_space]
    after = [t for t in ctx.doc[last.i:right] if t.idx >= closing and not t.is_space]
    return before, after


def previous_sentence_start(ctx: QuoteContext, first: Token, stretch: Quoted) -> int:
    """After ``He added:`` the parser may cut the sentence at the colon; take the cue sentence back in."""
    i = stretch.open_at - 1
    while i >= 0 and ctx.text[i] in " \t":
        i -= 1
    if i >= 0 and ctx.text[i] in ":," and first.sent.start > 0:
        return ctx.doc[first.sent.start - 1].sent.start
    return first.sent.start


def _distance(ctx: QuoteContext, stretch: Quoted, attribution: Attribution) -> int:
    cue = attribution.cue[0]
    return stretch.open_at - cue.idx if cue.idx < stretch.open_at else cue.idx - stretch.end


def attribute_quoted(ctx: QuoteContext, index: int) -> Attribution | None:
    """The cue and speaker in the quotation's own sentence: ``"Q," X said``, ``X said: "Q"``, ``X: "Q"``."""
    stretch = ctx.stretches[index]
    before, after = frame(ctx, index)
    leading = attributions_in(ctx, after)
    trailing = list(reversed(attributions_in(ctx, before)))
    if ends_into_attribution(ctx, stretch):
        ordered = leading + trailing
    elif before and before[-1].text == ":":
        ordered = trailing + leading
    else:
        ordered = sorted(leading + trailing, key=lambda a: _distance(ctx, stretch, a))
    labelled = transcript_speaker(ctx, stretch) or dash_credit(ctx, stretch)
    if labelled is not None:
        return labelled
    for attribution in ordered:
        if attribution.found:
            return attribution
    return colon_speaker(ctx, before) or (ordered[0] if ordered else None)


def transcript_speaker(ctx: QuoteContext, stretch: Quoted) -> Attribution | None:
    """``"SMITH: We will ..."``: a transcript's speaker label in capitals opening the quotation, read as
    the person of the article with that name."""
    label = TRANSCRIPT_LABEL.match(ctx.text, stretch.start, stretch.end)
    if label is None:
        return None
    start, end = label.span(1)
    token, colon = ctx.token_at(start), ctx.token_at(end)
    actor = ctx.actors.person_named(label.group(1))
    if token is None or colon is None or actor is None:
        return None
    return Attribution([colon], token, Mention(start, end, label.group(1), actor.id, "name"))


def dash_credit(ctx: QuoteContext, stretch: Quoted) -> Attribution | None:
    """``"..." ― Jane Roe``: a name credited after a dash, right after the closing mark."""
    line_end = ctx.text.find("\n", stretch.after)
    after = [t for t in ctx.tokens_between(stretch.after, line_end if line_end >= 0 else len(ctx.text))
             if not t.is_space][:2]
    if len(after) < 2 or after[0].text not in CREDIT_DASHES:
        return None
    mention = ctx.mention_of(after[1])
    if mention is None or mention.kind != "name":
        return None
    return Attribution([after[0]], after[1], mention)


def asks_for_attribution(ctx: QuoteContext, stretch: Quoted) -> bool:
    """A quotation ending in a comma, dash, question or exclamation mark: the attribution, if any,
    comes next, though the parser may start a new sentence there."""
    inside = ctx.text[stretch.start:stretch.end].rstrip()
    return inside[-1:] in QUESTION_OR_EXCLAMATION or ends_into_attribution(ctx, stretch)


def ends_into_attribution(ctx: QuoteContext, stretch: Quoted) -> bool:
    """``"...,"`` or ``"..." —``: the sentence goes on to say who spoke."""
    inside = ctx.text[stretch.start:stretch.end].rstrip()
    after = ctx.text[stretch.after:stretch.after + 2].strip()[:1] if stretch.closed else ""
    return inside[-1:] in LEADS_INTO_ATTRIBUTION or after in LEADS_INTO_ATTRIBUTION


def attribute_partial(ctx: QuoteContext, index: int) -> Attribution | None:
    """A fragment's speaker: the cue the fragment hangs on in the parse, else the one in its sentence."""
    stretch = ctx.stretches[index]
    tokens = ctx.tokens_between(stretch.start, stretch.end)
    if not len(tokens):
        return None
    heads = [t for t in tokens if not tokens.start <= t.head.i < tokens.end or t.head.i == t.i]
    for head in heads:
        found = ancestor_attribution(ctx, head)
        if found is not None:
            return found
    return attribute_quoted(ctx, index)


def nearby_speaker(ctx: QuoteContext, stretch: Quoted) -> Attribution | None:
    """A speaker named in the sentences just before, within the paragraph."""
    first = ctx.token_at(stretch.open_at)
    if first is None:
        return None
    paragraph = ctx.paragraph(stretch.open_at)
    sentence = first.sent
    for _ in range(SENTENCES_BACK):
        if sentence.start == 0:
            return None
        sentence = ctx.doc[sentence.start - 1].sent
        if ctx.paragraph(sentence[0].idx) != paragraph:
            return None
        found = [a for a in attributions_in(ctx, list(sentence)) if a.found and a.mention is not None]
        if found:
            return found[-1]
    return None


def following_speaker(ctx: QuoteContext, stretch: Quoted) -> Attribution | None:
    """A speaker named in the next sentence of the paragraph, when it holds no quotation of its own."""
    last = ctx.token_at(max(stretch.end - 1, stretch.start))
    if last is None or last.sent.end >= len(ctx.doc):
        return None
    sentence = ctx.doc[last.sent.end].sent
    if ctx.paragraph(sentence[0].idx) != ctx.paragraph(stretch.open_at) \
            or any(ctx.quoted(t) for t in sentence):
        return None
    found = [a for a in attributions_in(ctx, list(sentence)) if a.found and a.mention is not None]
    return found[0] if found else None


def previous_paragraph_speaker(ctx: QuoteContext, stretch: Quoted) -> Attribution | None:
    """The last speaker a cue names in the paragraph before (subheadings and pull quotes skipped)."""
    block = ctx.parsed.block_at(stretch.open_at)
    if block is None:
        return None
    blocks = ctx.parsed.layout.blocks
    index = block.index - 1
    while index >= 0 and blocks[index].kind in ("subheading", "pullquote"):
        index -= 1
    if index < 0:
        return None
    tokens = list(ctx.tokens_between(blocks[index].start, blocks[index].end))
    found = [a for a in attributions_in(ctx, tokens) if a.found and a.mention is not None]
    return found[-1] if found else None
