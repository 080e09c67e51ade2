"""The one data model every stage reads and writes.

Offsets (``start``/``end``) always index ``Article.text`` exactly as read,
end exclusive, in Python string (code point) units.
"""

from __future__ import annotations

import dataclasses
import json
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

BlockKind = Literal["headline", "standfirst", "subheading", "paragraph", "pullquote"]
QuoteKind = Literal["direct", "partial", "indirect"]
ActorType = Literal["person", "organisation", "country", "region", "group", "description"]


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    author: str | None = None
    language: str = "en"
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Block:
    """A layout unit: one paragraph-level line of the article."""

    index: int
    kind: BlockKind
    start: int
    end: int
    text: str
    credit: str | None = None
    twin: int | None = None


@dataclass
class Layout:
    blocks: list[Block] = field(default_factory=list)

    @cached_property
    def _starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        """The block holding ``offset``, in O(log n); blocks are in text order and never overlap."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None


@dataclass
class Actor:
    id: str
    name: str
    type: ActorType
    country: str | None = None
    sector: str | None = None
    organisation: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None


@dataclass
class ActorRef:
    """A pointer to an actor of the same record, with its main facts repeated."""

    id: str
    name: str
    type: ActorType
    country: str | None = None
    sector: str | None = None
    role: str | None = None

    @classmethod
    def of(cls, actor: Actor) -> ActorRef:
        return cls(actor.id, actor.name, actor.type, actor.country, actor.sector, actor.role)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    actor_id: str
    kind: Literal["name", "pronoun", "description", "gazetteer"] = "name"
    paragraph: int | None = None
    in_quote: bool = False


@dataclass
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: ActorRef | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    paragraph: int | None = None
    pullquote: bool = False
    twin: str | None = None
    confidence: float = 1.0


@dataclass
class Place:
    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    span: Span | None = None


@dataclass
class Event:
    id: str
    type: str
    trigger: Span
    sentence: Span
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    claimed_by: str | None = None
    claimed_by_speaker: ActorRef | None = None
    date: str | None = None
    date_source: Literal["text", "article"] | None = None
    date_span: Span | None = None
    place: Place | None = None
    score: float | None = None
    quad_class: int | None = None
    quad_label: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    paragraph: int | None = None
    confidence: float = 1.0


@dataclass
class Analysis:
    id: str
    article: Article
    layout: Layout
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    model: str | None = None
    schema_version: str = SCHEMA_VERSION

    @property
    def path(self) -> str | None:
        return self.article.path

    def to_dict(self) -> dict[str, Any]:
        record = dataclasses.asdict(self)
        return {"schema_version": record.pop("schema_version"), "id": record.pop("id"),
                "path": self.path, **record}

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _build(cls: type, data: dict[str, Any] | None) -> Any:
    if data is None:
        return None
    return cls(**data)


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an Analysis from its serialised form (the inverse of ``to_dict``)."""
    span = lambda d: _build(Span, d)  # noqa: E731
    refs = lambda items: [ActorRef(**r) for r in items]  # noqa: E731
    quotes = [Quote(**{**q, "speaker": _build(ActorRef, q.get("speaker")),
                       "speaker_mention": span(q.get("speaker_mention")), "cue": span(q.get("cue"))})
              for q in data.get("quotes", [])]
    events = []
    for e in data.get("events", []):
        place = e.get("place")
        if place:
            place = Place(**{**place, "span": span(place.get("span"))})
        events.append(Event(**{**e, "trigger": Span(**e["trigger"]), "sentence": Span(**e["sentence"]),
                               "actor": refs(e.get("actor", [])), "recipient": refs(e.get("recipient", [])),
                               "claimed_by_speaker": _build(ActorRef, e.get("claimed_by_speaker")),
                               "date_span": span(e.get("date_span")), "place": place}))
    return Analysis(
        id=data["id"],
        article=Article(**data["article"]),
        layout=Layout([Block(**b) for b in data.get("layout", {}).get("blocks", [])]),
        actors=[Actor(**a) for a in data.get("actors", [])],
        mentions=[Mention(**m) for m in data.get("mentions", [])],
        quotes=quotes,
        events=events,
        notes=list(data.get("notes", [])),
        model=data.get("model"),
        schema_version=data.get("schema_version", SCHEMA_VERSION),
    )
