"""The article reader: each layout block cut into runs of text, each run marked by what covers it.

Quotations, event triggers and actor mentions may nest (a trigger inside a quotation), so a block is
cut at every boundary; each run is rendered as one element (a trigger before a mention before a
quotation) and keeps the colour of the quotation around it, so nothing is nested in the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote as url_part

from ..model import ActorRef, Analysis, Event, Quote
from .listings import QUAD_LABELS

PALETTE_SIZE = 8


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # quote, trigger or mention
    ref: str  # the id of the quotation, event or mention in this article
    href: str | None
    colour: int | None = None


PRIORITY = {"trigger": 0, "mention": 1, "quote": 2}


def runs(text: str, start: int, end: int, marks: list[Mark]) -> list[dict[str, Any]]:
    """The runs of ``text[start:end]``, each with the innermost quotation and the leading mark covering it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    found = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [m for m in inside if m.start <= left and m.end >= right]
        quote = min((m for m in covering if m.kind == "quote"), key=lambda m: m.end - m.start, default=None)
        lead = min(covering, key=lambda m: (PRIORITY[m.kind], m.end - m.start), default=None)
        found.append({"text": text[left:right], "kind": lead.kind if lead else None,
                      "ref": lead.ref if lead else None, "href": lead.href if lead else None,
                      "quote": quote.ref if quote else None, "colour": quote.colour if quote else None})
    return found


def speaker_colours(speakers: list[str | None]) -> dict[str | None, int]:
    """A palette index per speaker, in order of first appearance (unattributed quotations share one)."""
    colours: dict[str | None, int] = {}
    for speaker in speakers:
        if speaker not in colours:
            colours[speaker] = len(colours) % PALETTE_SIZE
    return colours


@dataclass(frozen=True)
class ArticleLinks:
    """Where an article's items lead: its actors' corpus actors, its quotations' and events' clusters."""

    actors: dict[str, dict[str, str]]  # article actor id -> {"id": corpus actor id, "name": ...}
    quote_clusters: dict[str, str]
    event_clusters: dict[str, list[int]]

    def actor(self, actor_id: str | None) -> dict[str, str] | None:
        return self.actors.get(actor_id or "")

    def side(self, refs: list[ActorRef]) -> list[dict[str, str | None]]:
        return [self.actor(ref.id) or {"id": None, "name": ref.name} for ref in refs]


def reader_data(analysis: Analysis, links: ArticleLinks) -> dict[str, Any]:
    """The article reader's page: metadata, the blocks cut into marked runs, the quotations, the events."""
    colours = speaker_colours([q.speaker.id if q.speaker else None for q in analysis.quotes])
    quotes = [quote_row(q, links, colours) for q in analysis.quotes]
    events = [event_row(e, links) for e in analysis.events]
    marks = [Mark(q["start"], q["end"], "quote", q["id"], actor_href(q["speaker"]) or cluster_href(q), q["colour"])
             for q in quotes if not q["pullquote"]]
    marks += [Mark(e["start"], e["end"], "trigger", e["id"], event_href(e)) for e in events]
    marks += [Mark(m.start, m.end, "mention", f"m{m.start}", actor_href(links.actor(m.actor_id)))
              for m in analysis.mentions if links.actor(m.actor_id)]
    article, text = analysis.article, analysis.article.text
    blocks = [{"kind": b.kind, "credit": b.credit, "runs": runs(text, b.start, b.end, marks)}
              for b in analysis.layout.blocks] or [{"kind": "paragraph", "credit": None,
                                                    "runs": runs(text, 0, len(text), marks)}]
    return {"article": {"id": article.id, "title": article.title, "date": article.date, "source": article.source,
                        "url": article.url, "author": article.author, "path": article.path,
                        "warnings": article.warnings, "notes": analysis.notes},
            "blocks": blocks, "quotes": quotes, "events": events, "legend": speaker_legend(quotes)}


def quote_row(quote: Quote, links: ArticleLinks, colours: dict[str | None, int]) -> dict[str, Any]:
    speaker = quote.speaker
    return {"id": quote.id, "text": quote.text, "kind": quote.kind, "start": quote.start, "end": quote.end,
            "speaker": links.actor(speaker.id) if speaker else None, "speaker_name": speaker.name if speaker else None,
            "cue": quote.cue.text if quote.cue else None, "pullquote": quote.pullquote,
            "cluster_id": links.quote_clusters.get(quote.id), "colour": colours[speaker.id if speaker else None],
            "confidence": quote.confidence}


def event_row(event: Event, links: ArticleLinks) -> dict[str, Any]:
    place = event.place
    return {"id": event.id, "type": event.type, "mode": event.mode, "context": event.context,
            "trigger": event.trigger.text, "start": event.trigger.start, "end": event.trigger.end,
            "sentence": event.sentence.text, "actors": links.side(event.actor),
            "recipients": links.side(event.recipient), "negated": event.negated,
            "hypothetical": event.hypothetical, "future": event.future, "claimed_by": event.claimed_by,
            "date": event.date, "place": place.name if place else None,
            "place_country": place.country if place else None, "score": event.score,
            "quad_class": event.quad_class, "quad": QUAD_LABELS.get(event.quad_class or 0),
            "cameo": event.cameo, "goldstein": event.goldstein, "clusters": links.event_clusters.get(event.id, [])}


def speaker_legend(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    legend: dict[str | None, dict[str, Any]] = {}
    for q in quotes:
        key = q["speaker"]["id"] if q["speaker"] else None
        legend.setdefault(key, {"speaker": q["speaker"], "name": q["speaker_name"] or "unattributed",
                                "colour": q["colour"], "quotes": 0})["quotes"] += 1
    return list(legend.values())


def actor_href(actor: dict | None) -> str | None:
    return f"/actors/{url_part(actor['id'], safe='')}" if actor and actor.get("id") else None


def cluster_href(quote_row: dict) -> str | None:
    return f"/quote-clusters/{quote_row['cluster_id']}" if quote_row.get("cluster_id") else None


def event_href(event: dict) -> str:
    return f"/event-clusters/{event['clusters'][0]}" if event["clusters"] else f"#event-{event['id']}"
