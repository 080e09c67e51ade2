"""Quotations: direct, partial and indirect, each attributed to a resolved speaker."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..document import ParsedArticle
from ..model import ActorRef, Quote, Span
from .attribution import Attribution
from .context import QuoteContext, token_span
from .kinds import kind_of
from .quoted import (attribute_partial, attribute_quoted, following_speaker, nearby_speaker,
                     previous_paragraph_speaker)
from .ranker import Candidate, CandidateFinder, reranked
from .reported import reported_speech

if TYPE_CHECKING:
    from ..actors import ActorIndex

__all__ = ["extract_quotes", "rule_drafts", "speaker_candidates"]


@dataclass
class _Draft:
    """A quotation before ids are given out."""

    start: int
    end: int
    kind: str
    attribution: Attribution | None
    pullquote: bool = False
    twin_of: _Draft | None = None


def extract_quotes(parsed: ParsedArticle, actors: ActorIndex) -> list[Quote]:
    """Every quotation in the article with its speaker, pull quotes linked to their body twins."""
    ctx = QuoteContext(parsed, actors)
    drafts = rule_drafts(ctx)
    for draft, candidates in speaker_candidates(ctx, drafts):
        draft.attribution = reranked(candidates, draft.attribution)
    drafts += pull_quote_drafts(ctx, drafts)
    drafts.sort(key=lambda d: (d.start, d.end))
    ids = {id(draft): f"q{n}" for n, draft in enumerate(drafts, start=1)}
    return [to_quote(ctx, draft, ids) for draft in drafts]


def rule_drafts(ctx: QuoteContext) -> list[_Draft]:
    """The body's quotations, quoted and reported, in text order, with the rules' attributions."""
    drafts = quoted_drafts(ctx)
    drafts += [_Draft(r.start, r.end, "indirect", r.attribution) for r in reported_speech(ctx)]
    drafts.sort(key=lambda d: (d.start, d.end))
    document_goes_on(ctx, drafts)
    return drafts


def document_goes_on(ctx: QuoteContext, drafts: list[_Draft]) -> None:
    """``Mr Crosby's statement said: "..." It added: "..."``: an ``it`` that the resolver could not tie to
    a body is the statement or report just quoted, and speaks for the same source."""
    for previous, draft in zip(drafts, drafts[1:]):
        attribution, before = draft.attribution, previous.attribution
        if attribution is None or attribution.speaker is None or attribution.mention is not None \
                or attribution.speaker.lower_ != "it" or before is None or before.mention is None:
            continue
        here, there = ctx.paragraph(draft.start), ctx.paragraph(previous.start)
        if here is not None and there is not None and here - there <= 1:
            draft.attribution = Attribution(attribution.cue, attribution.speaker, before.mention)


def speaker_candidates(ctx: QuoteContext, drafts: list[_Draft]) -> Iterator[tuple[_Draft, list[Candidate]]]:
    """Each draft with the mentions that may have spoken it, described for the ranker; the previous
    quotation's speaker, by the rules, is one of the things each candidate is compared with."""
    finder = CandidateFinder(ctx)
    previous: str | None = None
    for draft in drafts:
        rule = draft.attribution
        yield draft, finder.candidates(draft.start, draft.end, draft.kind, rule, previous)
        if rule is not None and rule.mention is not None:
            previous = rule.mention.actor_id


def quoted_drafts(ctx: QuoteContext) -> list[_Draft]:
    """Direct and partial quotations of the text flow, each with its attribution or a carried-over one;
    a fragment no one is said to have spoken is a term, not a quotation."""
    drafts: list[_Draft] = []
    last_in_paragraph: dict[int | None, _Draft] = {}
    for index, stretch in enumerate(ctx.stretches):
        if not ctx.in_flow(stretch.open_at):
            continue
        kind = kind_of(ctx, stretch)
        if kind is None:
            continue
        attribution = attribute_quoted(ctx, index) if kind == "direct" else attribute_partial(ctx, index)
        if attribution is None or not attribution.found:
            attribution = carried_over(ctx, index, last_in_paragraph) or attribution
        if kind == "partial" and attribution is None:
            continue
        draft = _Draft(stretch.start, stretch.end, kind, attribution)
        drafts.append(draft)
        if attribution is not None and attribution.found:
            last_in_paragraph[ctx.paragraph(stretch.open_at)] = draft
    named_at_the_end_of_the_run(ctx, drafts)
    return drafts


def named_at_the_end_of_the_run(ctx: QuoteContext, drafts: list[_Draft]) -> None:
    """News style runs one quotation over several paragraphs, each re-opened and left unclosed, and may
    name the speaker only in the last: the paragraphs before take that speaker."""
    for draft, following in reversed(list(zip(drafts, drafts[1:]))):
        if draft.attribution is not None and draft.attribution.found:
            continue
        stretch = ctx.stretch_of(draft.start)
        here, there = ctx.paragraph(draft.start), ctx.paragraph(following.start)
        if stretch is not None and not stretch.closed and here is not None and there == here + 1 \
                and following.kind == "direct" and following.attribution is not None:
            draft.attribution = following.attribution


def carried_over(ctx: QuoteContext, index: int, last_in_paragraph: dict[int | None, _Draft]) -> Attribution | None:
    """A quotation with no cue of its own: the latest speaker before it in the paragraph (an earlier
    quotation's or one a cue names just before), the previous paragraph's when the quotation opens a
    paragraph, or one named just after."""
    stretch = ctx.stretches[index]
    paragraph = ctx.paragraph(stretch.open_at)
    earlier = last_in_paragraph.get(paragraph)
    nearby = nearby_speaker(ctx, stretch)
    if earlier is not None and (nearby is None or nearby.cue[0].idx < earlier.start):
        return earlier.attribution
    if nearby is not None:
        return nearby
    if paragraph is not None and opens_paragraph(ctx, stretch):
        before = previous_paragraph_speaker(ctx, stretch)
        if before is not None:
            return before
        if paragraph - 1 in last_in_paragraph:
            return last_in_paragraph[paragraph - 1].attribution
    return following_speaker(ctx, stretch)


def opens_paragraph(ctx: QuoteContext, stretch) -> bool:
    block = ctx.parsed.block_at(stretch.open_at)
    return block is not None and block.start == stretch.open_at


def pull_quote_drafts(ctx: QuoteContext, body: list[_Draft]) -> list[_Draft]:
    """Quotations inside pull-quote blocks, linked to the body quotation they repeat."""
    drafts = []
    for stretch in ctx.stretches:
        block = ctx.parsed.block_at(stretch.open_at)
        if block is None or block.kind != "pullquote":
            continue
        twin = best_twin(ctx, stretch.start, stretch.end, body)
        kind = twin.kind if twin is not None else "direct"
        drafts.append(_Draft(stretch.start, stretch.end, kind, twin.attribution if twin else None,
                             pullquote=True, twin_of=twin))
    return drafts


def best_twin(ctx: QuoteContext, start: int, end: int, body: list[_Draft]) -> _Draft | None:
    """The body quotation sharing most words with a pull quote."""
    words = set(ctx.text[start:end].lower().split())
    best, best_share = None, 0.5
    for draft in body:
        share = len(words & set(ctx.text[draft.start:draft.end].lower().split())) / max(len(words), 1)
        if share > best_share:
            best, best_share = draft, share
    return best


def to_quote(ctx: QuoteContext, draft: _Draft, ids: dict[int, str]) -> Quote:
    attribution = draft.attribution
    speaker: ActorRef | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    if attribution is not None:
        cue = token_span(attribution.cue) if attribution.cue else None
        if attribution.mention is not None:
            speaker = ctx.actors.ref(attribution.mention.actor_id)
            mention = attribution.mention
            speaker_mention = Span(mention.start, mention.end, mention.text)
        elif attribution.speaker is not None:
            speaker_mention = token_span([attribution.speaker])
    if draft.pullquote:
        speaker_mention = cue = None
    return Quote(id=ids[id(draft)], text=ctx.text[draft.start:draft.end], start=draft.start, end=draft.end,
                 kind=draft.kind, speaker=speaker, speaker_mention=speaker_mention, cue=cue,  # type: ignore[arg-type]
                 paragraph=ctx.paragraph(draft.start), pullquote=draft.pullquote,
                 twin=ids.get(id(draft.twin_of)) if draft.twin_of is not None else None)
