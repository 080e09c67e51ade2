"""Quotation clusters, after MemeTracker: one cluster per quotation however many articles carry it.

Quotations are taken longest first; each joins the cluster whose root (its longest version) contains
most of its word trigrams, so wording variants and partial quotations of a longer one land together.
Quotations shorter than ``MIN_WORDS`` only join an identical one: short phrases are too common to link.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

MIN_WORDS = 4
GRAM = 3
CONTAINMENT = 0.6


@dataclass(frozen=True)
class CarriedQuote:
    article_id: str
    quote_id: str
    text: str
    speaker_id: str | None
    speaker_name: str | None
    date: date | None
    source: str | None
    url: str | None
    duplicate: bool

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(re.findall(r"\w+", self.text.casefold()))

    def order(self) -> tuple:
        return (self.date or date.max, self.article_id, self.quote_id)


def grams(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(words) < GRAM:
        return {words}
    return {words[i:i + GRAM] for i in range(len(words) - GRAM + 1)}


@dataclass
class QuoteCluster:
    root: CarriedQuote
    members: list[CarriedQuote] = field(default_factory=list)

    @property
    def cluster_id(self) -> str:
        return "q" + hashlib.sha1(f"{self.root.article_id}/{self.root.quote_id}".encode()).hexdigest()[:12]

    def row(self) -> dict:
        kept = [m for m in self.members if not m.duplicate] or self.members
        first = min(kept, key=CarriedQuote.order)
        speakers = Counter(m.speaker_id for m in self.members if m.speaker_id)
        speaker = min(speakers, key=lambda s: (-speakers[s], s)) if speakers else None
        names = {m.speaker_id: m.speaker_name for m in self.members}
        return {"cluster_id": self.cluster_id, "text": self.root.text, "speaker_id": speaker,
                "speaker_name": names.get(speaker), "first_date": first.date, "first_source": first.source,
                "first_article_id": first.article_id, "first_url": first.url, "quotes": len(kept),
                "articles": len({m.article_id for m in kept}),
                "sources": len({m.source for m in self.members if m.source}),
                "variants": len({m.words for m in self.members})}


def cluster_quotes(quotes: list[CarriedQuote]) -> list[QuoteCluster]:
    """Every quotation in exactly one cluster; clusters in a deterministic order."""
    clusters: list[QuoteCluster] = []
    by_gram: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_words: dict[tuple[str, ...], int] = {}
    for quote in sorted(quotes, key=lambda q: (-len(q.words), q.order())):
        words = quote.words
        found = by_words.get(words)
        if found is None and len(words) >= MIN_WORDS:
            found = best_root(grams(words), by_gram)
        if found is None:
            found = len(clusters)
            clusters.append(QuoteCluster(quote))
            for gram in grams(words):
                by_gram[gram].append(found)
        by_words.setdefault(words, found)
        clusters[found].members.append(quote)
    return clusters


def best_root(own: set[tuple[str, ...]], by_gram: dict[tuple[str, ...], list[int]]) -> int | None:
    """The cluster whose root contains the largest share (at least CONTAINMENT) of these trigrams."""
    shared: Counter[int] = Counter()
    for gram in own:
        shared.update(by_gram.get(gram, ()))
    if not shared:
        return None
    cluster, count = min(shared.items(), key=lambda item: (-item[1], item[0]))
    return cluster if count / len(own) >= CONTAINMENT else None
