"""Corpus linking: rebuild the derived tables (duplicates, corpus actors, quotation and event clusters)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pyarrow as pa

from ..store import Store
from ..store.schema import arrow_schema
from .actors import ArticleActor, link_actors
from .duplicates import Duplicate, near_duplicates
from .events import Dyad, cluster_events
from .quotes import CarriedQuote, cluster_quotes

ArticleKey = tuple[str, str]


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or timestamp; None for anything else."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def table_of(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=arrow_schema(name))


def link_corpus(store: Store) -> None:
    """Recompute every derived table from the article tables, replacing them in one transaction."""
    con = store.connection
    articles = {row[0]: row[1:] for row in con.execute(
        "SELECT article_id, date, source, url FROM articles").fetchall()}
    duplicates = find_duplicates(store, articles)
    duplicate_ids = {d["article_id"] for d in duplicates}
    corpus = link_actors([ArticleActor(*row[:8], tuple(row[8]), row[9]) for row in con.execute(
        "SELECT a.article_id, a.actor_id, a.name, a.type, a.country, a.sector, a.organisation, a.role, a.aliases, "
        "count(m.actor_id) FROM actors AS a LEFT JOIN mentions AS m "
        "ON m.article_id = a.article_id AND m.actor_id = a.actor_id GROUP BY ALL ORDER BY ALL").fetchall()])
    corpus_of = {(m.article_id, m.actor_id): c.corpus_actor_id for c in corpus for m in c.members}
    corpus_rows = [c.row() for c in corpus]
    names = {row["corpus_actor_id"]: (row["name"], row["country"]) for row in corpus_rows}
    quote_clusters = cluster_quotes(carried_quotes(store, articles, corpus_of, names, duplicate_ids))
    event_clusters = cluster_events(dyads(store, articles, corpus_of, duplicate_ids))
    store.replace_derived({
        "duplicates": table_of("duplicates", duplicates),
        "corpus_actors": table_of("corpus_actors", corpus_rows),
        "actor_links": table_of("actor_links", [
            {"article_id": a, "actor_id": actor, "corpus_actor_id": c} for (a, actor), c in corpus_of.items()]),
        "quote_clusters": table_of("quote_clusters", [c.row() for c in quote_clusters]),
        "quote_links": table_of("quote_links", [
            {"article_id": q.article_id, "quote_id": q.quote_id, "cluster_id": c.cluster_id}
            for c in quote_clusters for q in c.members]),
        "event_clusters": table_of("event_clusters", [c.row(names) for c in event_clusters]),
        "event_links": table_of("event_links", [
            {"article_id": d.article_id, "event_id": d.event_id, "source_id": d.source_id,
             "target_id": d.target_id, "cluster_id": c.cluster_id} for c in event_clusters for d in c.members]),
    })


def canonical_order(article_id: str, day: str | None) -> tuple:
    """The order in which articles are seen: by date, then id; the first of a near-duplicate group is kept."""
    return (parse_day(day) or date.max, article_id)


def find_duplicates(store: Store, articles: dict[str, tuple]) -> list[dict]:
    """Near-duplicates, each linked to the earliest article of its group (by date, then id)."""
    signatures = store.connection.execute("SELECT article_id, minhash FROM signatures").fetchall()
    signatures.sort(key=lambda row: canonical_order(row[0], articles[row[0]][0]))
    return [duplicate_row(d) for d in near_duplicates(signatures)]


def duplicate_row(duplicate: Duplicate) -> dict:
    return {"article_id": duplicate.article_id, "duplicate_of": duplicate.duplicate_of,
            "similarity": duplicate.similarity}


def carried_quotes(store: Store, articles: dict[str, tuple], corpus_of: dict[ArticleKey, str],
                   names: dict[str, tuple], duplicate_ids: set[str]) -> list[CarriedQuote]:
    found = []
    for article_id, quote_id, text, speaker in store.connection.execute(
            "SELECT article_id, quote_id, text, speaker_id FROM quotes ORDER BY ALL").fetchall():
        speaker_id = corpus_of.get((article_id, speaker)) if speaker else None
        found.append(carried_quote((article_id, quote_id, text), speaker_id, names.get(speaker_id, (None,))[0],
                                   articles[article_id], article_id in duplicate_ids))
    return found


def carried_quote(quote: tuple[str, str, str], speaker_id: str | None, speaker_name: str | None,
                  article: tuple, duplicate: bool) -> CarriedQuote:
    """A quotation (article id, quote id, text) with its corpus speaker and its article's (date, source, url)."""
    day, source, url = article
    return CarriedQuote(*quote, speaker_id, speaker_name, parse_day(day), source, url, duplicate)


def dyads(store: Store, articles: dict[str, tuple], corpus_of: dict[ArticleKey, str],
          duplicate_ids: set[str]) -> list[Dyad]:
    """One dyad per (actor, recipient) pair of every factual event, in corpus actors."""
    sides: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for article_id, event_id, side, actor_id in store.connection.execute(
            "SELECT article_id, event_id, side, actor_id FROM event_actors ORDER BY article_id, event_id, position"
    ).fetchall():
        add_side(sides, (article_id, event_id, side), corpus_of.get((article_id, actor_id)))
    found = []
    for event in store.connection.execute(
            f"SELECT article_id, {', '.join(DYAD_EVENT_COLUMNS)} FROM events "
            "WHERE NOT negated AND NOT hypothetical ORDER BY article_id, event_id").fetchall():
        article_id = event[0]
        found.extend(event_dyads(article_id, event[1:], sides, articles[article_id], article_id in duplicate_ids))
    return found


# The columns of a factual event that its dyads carry, in the order ``event_dyads`` takes them.
DYAD_EVENT_COLUMNS = ["event_id", "type", "mode", "date", "cameo", "quad_class", "goldstein", "score", "paragraph",
                      "place_name", "place_country", "place_latitude", "place_longitude"]


def add_side(sides: dict[tuple[str, str, str], list[str]], key: tuple[str, str, str], corpus_id: str | None) -> None:
    """Add a corpus actor to one side of an event (sides taken in position order), each actor once."""
    if corpus_id and corpus_id not in sides[key]:
        sides[key].append(corpus_id)


def event_dyads(article_id: str, event: tuple, sides: dict[tuple[str, str, str], list[str]], article: tuple,
                duplicate: bool) -> list[Dyad]:
    """The dyads of one factual event (its DYAD_EVENT_COLUMNS) of an article with (date, source, url)."""
    (event_id, kind, mode, day, cameo, quad_class, goldstein, score, paragraph, place_name, place_country,
     latitude, longitude) = event
    article_day, source, url = article
    sources = sides.get((article_id, event_id, "actor"), [])
    targets = sides.get((article_id, event_id, "recipient"), [])
    if not sources and not targets:
        return []
    return [Dyad(article_id, event_id, kind, mode, source_id, target_id, parse_day(day) or parse_day(article_day),
                 cameo, quad_class, goldstein, score, paragraph, place_name, place_country, latitude, longitude,
                 source, url, duplicate)
            for source_id in sources or [None] for target_id in targets or [None]]
