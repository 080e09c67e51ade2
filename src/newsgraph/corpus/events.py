"""Event clusters: one real-world event reported by many articles, as GDELT counts them.

Each factual event (not negated, not hypothetical) becomes one dyad per actor and recipient pair of
corpus actors. Dyads with the same type, mode, actor and recipient whose dates lie within
``WINDOW_DAYS`` of the cluster's first date are one event, with its number of mentions, articles
(near-duplicates counted once) and sources.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import fmean

WINDOW_DAYS = 3


@dataclass(frozen=True)
class Dyad:
    article_id: str
    event_id: str
    type: str
    mode: str | None
    source_id: str | None
    target_id: str | None
    date: date | None
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    score: float | None
    paragraph: int | None
    place_name: str | None
    place_country: str | None
    latitude: float | None
    longitude: float | None
    article_source: str | None
    url: str | None
    duplicate: bool

    def key(self) -> tuple:
        return (self.type, self.mode or "", self.source_id or "", self.target_id or "")

    def order(self) -> tuple:
        return (self.date or date.max, self.article_id, self.event_id)


@dataclass
class EventCluster:
    members: list[Dyad] = field(default_factory=list)

    @property
    def first(self) -> Dyad:
        return self.members[0]

    @property
    def cluster_id(self) -> int:
        first = self.first
        digest = hashlib.sha1(f"{first.article_id}/{first.event_id}/{first.source_id}/{first.target_id}".encode())
        return int(digest.hexdigest()[:15], 16)

    def row(self, names: dict[str, tuple[str, str | None]]) -> dict:
        first, members = self.first, self.members
        kept = [m for m in members if not m.duplicate] or members
        source_name, source_country = names.get(first.source_id or "", (None, None))
        target_name, target_country = names.get(first.target_id or "", (None, None))
        place = next((m for m in members if m.place_name), None)
        return {"cluster_id": self.cluster_id, "date": first.date,
                "root_event": any(m.paragraph is not None and m.paragraph <= 1 for m in members),
                "type": first.type, "mode": first.mode, "cameo": most_common(m.cameo for m in members),
                "quad_class": most_common(m.quad_class for m in members),
                "goldstein": mean(m.goldstein for m in members), "score": mean(m.score for m in members),
                "source_id": first.source_id, "source_name": source_name, "source_country": source_country,
                "target_id": first.target_id, "target_name": target_name, "target_country": target_country,
                "place_name": place.place_name if place else None,
                "place_country": place.place_country if place else None,
                "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
                "num_mentions": len(members), "num_articles": len({m.article_id for m in kept}),
                "num_sources": len({m.article_source for m in members if m.article_source}),
                "first_article_id": first.article_id, "source_url": first.url}


def most_common(values):
    counts = Counter(v for v in values if v is not None)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def mean(values) -> float | None:
    known = [v for v in values if v is not None]
    return round(fmean(known), 4) if known else None


def cluster_events(dyads: list[Dyad]) -> list[EventCluster]:
    """Dyads grouped into clusters; each cluster's members in date order."""
    by_key: dict[tuple, list[Dyad]] = defaultdict(list)
    for dyad in dyads:
        by_key[dyad.key()].append(dyad)
    clusters = []
    for key in sorted(by_key):
        current: EventCluster | None = None
        for dyad in sorted(by_key[key], key=Dyad.order):
            if current is None or not within_window(current.first.date, dyad.date):
                current = EventCluster()
                clusters.append(current)
            current.members.append(dyad)
    return clusters


def within_window(first: date | None, later: date | None) -> bool:
    if first is None or later is None:
        return first is later
    return (later - first).days <= WINDOW_DAYS
