"""An Analysis as rows of the store's base tables, and back."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..model import (Actor, ActorRef, Analysis, Article, Block, Event, Layout, Mention, Place, Quote, Span)
from .schema import ACTOR_REF, ARTICLE_TABLES

Row = dict[str, Any]
TableRows = dict[str, list[Row]]

REF_FIELDS = [definition.split()[0] for definition in ACTOR_REF]


def span_columns(prefix: str, value: Span | None) -> Row:
    return {f"{prefix}_start": value.start if value else None, f"{prefix}_end": value.end if value else None,
            f"{prefix}_text": value.text if value else None}


def span_of(row: Row, prefix: str) -> Span | None:
    if row[f"{prefix}_start"] is None:
        return None
    return Span(row[f"{prefix}_start"], row[f"{prefix}_end"], row[f"{prefix}_text"])


def ref_columns(prefix: str, ref: ActorRef | None) -> Row:
    return {f"{prefix}_{name}": getattr(ref, name) if ref else None for name in REF_FIELDS}


def ref_of(row: Row, prefix: str) -> ActorRef | None:
    if row[f"{prefix}_id"] is None:
        return None
    return ActorRef(**{name: row[f"{prefix}_{name}"] for name in REF_FIELDS})


def analysis_rows(analysis: Analysis) -> TableRows:
    """The rows one Analysis adds to each base table (signatures excepted)."""
    key = {"article_id": analysis.id}
    return {
        "articles": [article_row(analysis)],
        "blocks": [{**key, "block_index": b.index, "kind": b.kind, "start": b.start, "end": b.end,
                    "text": b.text, "credit": b.credit, "twin": b.twin} for b in analysis.layout.blocks],
        "actors": [{**key, "actor_id": a.id, "name": a.name, "type": a.type, "country": a.country,
                    "sector": a.sector, "organisation": a.organisation, "role": a.role, "aliases": list(a.aliases),
                    "gender": a.gender} for a in analysis.actors],
        "mentions": [{**key, "mention_index": i, "start": m.start, "end": m.end, "text": m.text,
                      "actor_id": m.actor_id, "kind": m.kind, "paragraph": m.paragraph, "in_quote": m.in_quote}
                     for i, m in enumerate(analysis.mentions)],
        "quotes": [quote_row(analysis.id, q) for q in analysis.quotes],
        "events": [event_row(analysis.id, e) for e in analysis.events],
        "event_actors": [{**key, "event_id": e.id, "side": side, "position": i, **ref_columns("actor", ref)}
                         for e in analysis.events
                         for side, refs in (("actor", e.actor), ("recipient", e.recipient))
                         for i, ref in enumerate(refs)],
    }


def article_row(analysis: Analysis) -> Row:
    a = analysis.article
    return {"article_id": analysis.id, "title": a.title, "date": a.date, "source": a.source, "url": a.url,
            "path": a.path, "author": a.author, "language": a.language, "text": a.text,
            "metadata": json.dumps(a.metadata, ensure_ascii=False, default=str), "warnings": list(a.warnings),
            "notes": list(analysis.notes), "model": analysis.model, "analysis_schema": analysis.schema_version}


def quote_row(article_id: str, q: Quote) -> Row:
    return {"article_id": article_id, "quote_id": q.id, "text": q.text, "start": q.start, "end": q.end,
            "kind": q.kind, **ref_columns("speaker", q.speaker), **span_columns("speaker_mention", q.speaker_mention),
            **span_columns("cue", q.cue), "paragraph": q.paragraph, "pullquote": q.pullquote, "twin": q.twin,
            "confidence": q.confidence}


def event_row(article_id: str, e: Event) -> Row:
    place = e.place
    return {"article_id": article_id, "event_id": e.id, "type": e.type, **span_columns("trigger", e.trigger),
            **span_columns("sentence", e.sentence), "mode": e.mode, "context": list(e.context),
            "negated": e.negated, "hypothetical": e.hypothetical, "future": e.future, "claimed_by": e.claimed_by,
            **ref_columns("claimed_by_speaker", e.claimed_by_speaker), "date": e.date,
            "date_source": e.date_source, **span_columns("date_span", e.date_span),
            "place_name": place.name if place else None, "place_country": place.country if place else None,
            "place_latitude": place.latitude if place else None,
            "place_longitude": place.longitude if place else None,
            **span_columns("place_span", place.span if place else None), "score": e.score,
            "quad_class": e.quad_class, "quad_label": e.quad_label, "cameo": e.cameo, "goldstein": e.goldstein,
            "paragraph": e.paragraph, "confidence": e.confidence}


def merge_rows(parts: Iterable[TableRows]) -> TableRows:
    """The rows of several articles, table by table."""
    merged: TableRows = {table: [] for table in ARTICLE_TABLES}
    for part in parts:
        for table, rows in part.items():
            merged[table].extend(rows)
    return merged


def analysis_of(rows: TableRows) -> Analysis:
    """Rebuild one article's Analysis from its rows (the inverse of ``analysis_rows``)."""
    [row] = rows["articles"]
    article = Article(id=row["article_id"], text=row["text"], title=row["title"], date=row["date"],
                      source=row["source"], url=row["url"], path=row["path"], author=row["author"],
                      language=row["language"], metadata=json.loads(row["metadata"]),
                      warnings=list(row["warnings"]))
    layout = Layout([Block(b["block_index"], b["kind"], b["start"], b["end"], b["text"], b["credit"], b["twin"])
                     for b in sorted(rows["blocks"], key=lambda b: b["block_index"])])
    actors = [Actor(a["actor_id"], a["name"], a["type"], a["country"], a["sector"], a["organisation"],
                    a["role"], list(a["aliases"]), a["gender"]) for a in rows["actors"]]
    mentions = [Mention(m["start"], m["end"], m["text"], m["actor_id"], m["kind"], m["paragraph"], m["in_quote"])
                for m in sorted(rows["mentions"], key=lambda m: m["mention_index"])]
    return Analysis(id=row["article_id"], article=article, layout=layout, actors=actors, mentions=mentions,
                    quotes=[quote_of(q) for q in rows["quotes"]], events=events_of(rows),
                    notes=list(row["notes"]), model=row["model"], schema_version=row["analysis_schema"])


def quote_of(q: Row) -> Quote:
    return Quote(q["quote_id"], q["text"], q["start"], q["end"], q["kind"], ref_of(q, "speaker"),
                 span_of(q, "speaker_mention"), span_of(q, "cue"), q["paragraph"], q["pullquote"], q["twin"],
                 q["confidence"])


def events_of(rows: TableRows) -> list[Event]:
    sides: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in sorted(rows["event_actors"], key=lambda r: r["position"]):
        sides[(row["event_id"], row["side"])].append(row)
    return [event_of(e, [ref_of(r, "actor") for r in sides[(e["event_id"], "actor")]],
                     [ref_of(r, "actor") for r in sides[(e["event_id"], "recipient")]]) for e in rows["events"]]


def event_of(e: Row, actor: list[ActorRef], recipient: list[ActorRef]) -> Event:
    place = None
    if e["place_name"] is not None:
        place = Place(e["place_name"], e["place_country"], e["place_latitude"], e["place_longitude"],
                      span_of(e, "place_span"))
    return Event(id=e["event_id"], type=e["type"], trigger=span_of(e, "trigger"), sentence=span_of(e, "sentence"),
                 actor=actor, recipient=recipient, mode=e["mode"], context=list(e["context"]),
                 negated=e["negated"], hypothetical=e["hypothetical"], future=e["future"],
                 claimed_by=e["claimed_by"], claimed_by_speaker=ref_of(e, "claimed_by_speaker"), date=e["date"],
                 date_source=e["date_source"], date_span=span_of(e, "date_span"), place=place, score=e["score"],
                 quad_class=e["quad_class"], quad_label=e["quad_label"], cameo=e["cameo"],
                 goldstein=e["goldstein"], paragraph=e["paragraph"], confidence=e["confidence"])
