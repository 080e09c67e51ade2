"""Cross-article linking on Spark: the same tables as ``corpus.link``, computed without the driver holding
the corpus, in two jobs.

The article tables are read chunk by chunk: the files that one analysis task wrote for one day hold whole
articles, so each article's rows meet without a shuffle. Each linking step then hands the single-machine
linking code groups that never link to each other:

- near-duplicates: candidate pairs share an LSH band of their signatures; the first job brings only the pairs
  similar enough to the driver (as edges), and ``near_duplicates`` runs on each connected group of them;
- corpus actors: ``link_actors`` runs per ``link_group`` (people within a surname, others within a type);
- event clusters: ``cluster_events`` runs per dyad key (type, mode, actor, recipient);
- quotation clusters: ``cluster_quotes`` runs in one task over the quotations (ids, text and speaker only),
  since any two quotations may share words.

The second job computes every derived table and writes them all in one pass, beside the output; the driver
then swaps them in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
from pyspark import RDD, StorageLevel
from pyspark.sql import SparkSession

from ..corpus.actors import ArticleActor, CorpusActor, link_actors, link_group
from ..corpus.duplicates import THRESHOLD, lsh_bands, minhash_of, near_duplicates
from ..corpus.events import Dyad, cluster_events
from ..corpus.link import DYAD_EVENT_COLUMNS, add_side, canonical_order, carried_quote, duplicate_row, event_dyads
from ..corpus.quotes import CarriedQuote, cluster_quotes
from ..ingest import InputError
from ..store import DERIVED_TABLES
from .files import OutputFolder
from .write import read_rows, write_rows_task

ERRORS = "ingest_errors"  # rewritten with the derived tables: each skipped input once, however many runs saw it
DERIVED = [*DERIVED_TABLES, ERRORS]
DERIVING = "_derived"
NEW_DUPLICATE = "new duplicate"  # counted by the writing tasks, not written
CHUNK_TASKS_PER_CORE = 2
CHUNK_COLUMNS = {
    "articles": ["article_id", "date", "source", "url"],
    "signatures": ["article_id", "minhash"],
    "actors": ["article_id", "actor_id", "name", "type", "country", "sector", "organisation", "role", "aliases"],
    "mentions": ["article_id", "actor_id"],
    "quotes": ["article_id", "quote_id", "text", "speaker_id"],
    "events": ["article_id", *DYAD_EVENT_COLUMNS, "negated", "hypothetical"],
    "event_actors": ["article_id", "event_id", "side", "position", "actor_id"],
}


@dataclass(frozen=True)
class LinkedArticle:
    """What linking needs of one article: (date, source, url), whether this run added it, and its rows."""

    article_id: str
    facts: tuple
    new: bool
    signature: list[int]
    actors: list[ArticleActor]
    quotes: list[tuple]  # (quote id, text, speaker id)
    events: list[tuple]  # the DYAD_EVENT_COLUMNS of its factual events
    sides: list[tuple]  # (event id, side, position, actor id)


def link_corpus(spark: SparkSession, folder: OutputFolder, run: str, listing_errors: list[InputError]) -> int:
    """Rewrite every derived table from the article tables; the near-duplicates among the articles of ``run``."""
    context = spark.sparkContext
    chunks = chunk_files(folder)
    articles = (context.parallelize(chunks, max(1, min(len(chunks), context.defaultParallelism * CHUNK_TASKS_PER_CORE)))
                .flatMap(lambda files: chunk_articles(files, run)).persist(StorageLevel.MEMORY_AND_DISK))
    groups = nx.connected_components(nx.Graph(near_duplicate_edges(articles).collect()))
    membership = context.broadcast({article_id: i for i, group in enumerate(groups) for article_id in group})
    errors = (context.parallelize(folder.table_files(ERRORS), 1)
              .flatMap(lambda uri: read_rows(uri, ["source", "reason", "article_id"]))
              .union(context.parallelize([{"source": e.source, "reason": e.reason, "article_id": None}
                                          for e in listing_errors], 1)))
    written = folder.qualified(folder.path(DERIVING))
    folder.delete(written)
    outputs = derived_rows(articles, membership, errors)
    counts: Counter[str] = Counter()
    for part in outputs.mapPartitionsWithIndex(lambda i, rows: [write_part(f"part-{i:05d}", rows, written)]).collect():
        counts.update(part)
    for table in DERIVED:
        folder.replace(table, folder.path(DERIVING, table))
    folder.delete(written)
    articles.unpersist()
    return counts[NEW_DUPLICATE]


def chunk_files(folder: OutputFolder) -> list[dict[str, str]]:
    """For each chunk (a day's files of one analysis task), its file in each article table."""
    chunks: dict[str, dict[str, str]] = defaultdict(dict)
    for table in CHUNK_COLUMNS:
        base = folder.qualified(folder.path(table))
        for uri in folder.table_files(table):
            chunks[uri[len(base):]][table] = uri
    return [files for _, files in sorted(chunks.items())]


def chunk_articles(files: dict[str, str], run: str) -> Iterator[LinkedArticle]:
    """The articles of one chunk, each with its own rows of every table."""
    rows = {table: by_article(read_rows(uri, CHUNK_COLUMNS[table])) for table, uri in files.items()}
    new = f"-{run}-" in files.get("articles", "")
    for article_id, [article] in rows.get("articles", {}).items():
        yield linked_article(article, {table: grouped.get(article_id, []) for table, grouped in rows.items()}, new)


def linked_article(article: dict, own: dict[str, list[dict]], new: bool) -> LinkedArticle:
    article_id = article["article_id"]
    mentions = Counter(m["actor_id"] for m in own.get("mentions", []))
    actors = [ArticleActor(article_id, a["actor_id"], a["name"], a["type"], a["country"], a["sector"],
                           a["organisation"], a["role"], tuple(a["aliases"] or ()), mentions[a["actor_id"]])
              for a in own.get("actors", [])]
    [signature] = own["signatures"]
    return LinkedArticle(
        article_id, (article["date"], article["source"], article["url"]), new, signature["minhash"], actors,
        sorted((q["quote_id"], q["text"], q["speaker_id"]) for q in own.get("quotes", [])),
        sorted((tuple(e[c] for c in DYAD_EVENT_COLUMNS) for e in own.get("events", [])
                if not e["negated"] and not e["hypothetical"]), key=lambda e: e[0]),
        [(s["event_id"], s["side"], s["position"], s["actor_id"]) for s in own.get("event_actors", [])])


def by_article(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["article_id"]].append(row)
    return grouped


def near_duplicate_edges(articles: RDD) -> RDD:
    """Pairs of articles similar enough to be near-duplicates, each found in the first LSH band they share."""
    bands = lsh_bands()
    return (articles.flatMap(lambda a: [((band, tuple(a.signature[start:end])), (a.article_id, a.signature))
                                        for band, (start, end) in enumerate(bands)])
            .groupByKey().flatMap(lambda group: similar_pairs(group[0][0], group[1], bands)))


def similar_pairs(band: int, members: Iterable[tuple[str, list[int]]], bands: list[tuple[int, int]]) -> Iterator[tuple]:
    for (a, first), (b, second) in combinations(sorted(members), 2):
        shared = next(i for i, (start, end) in enumerate(bands) if first[start:end] == second[start:end])
        if shared == band and minhash_of(first).jaccard(minhash_of(second)) >= THRESHOLD:
            yield a, b


def derived_rows(articles: RDD, membership, errors: RDD) -> RDD:
    """(table, row) of every derived table, and a NEW_DUPLICATE mark for each near-duplicate this run added."""
    duplicates = (articles.filter(lambda a: a.article_id in membership.value)
                  .map(lambda a: (membership.value[a.article_id],
                                  (canonical_order(a.article_id, a.facts[0]), a.article_id, a.signature, a.new)))
                  .groupByKey().flatMap(resolve_duplicates).persist(StorageLevel.MEMORY_AND_DISK))
    corpus = (articles.flatMap(lambda a: a.actors).keyBy(link_group).groupByKey()
              .flatMap(lambda group: link_actors(sorted(group[1], key=lambda m: (m.article_id, m.actor_id))))
              .map(lambda actor: (actor, actor.row())).persist(StorageLevel.MEMORY_AND_DISK))
    actor_links = corpus.flatMap(lambda c: [
        (m.article_id, (m.actor_id, c[1]["corpus_actor_id"], c[1]["name"], c[1]["country"])) for m in c[0].members])
    linked = (articles.map(lambda a: (a.article_id, (a.facts, a.quotes, a.events, a.sides)))
              .groupWith(actor_links, duplicates.map(lambda d: (d[0]["article_id"], True)))
              .flatMap(article_links).persist(StorageLevel.MEMORY_AND_DISK))
    quotes = linked.filter(lambda item: item[0] == "quote").values().repartition(1).mapPartitions(quote_cluster_rows)
    events = (linked.filter(lambda item: item[0] == "dyad").values().keyBy(lambda dyad: dyad[0].key()).groupByKey()
              .flatMap(lambda group: event_cluster_rows(group[1])))
    return duplicates.flatMap(lambda d: [("duplicates", d[0])] + [(NEW_DUPLICATE, d[0])] * d[1]).union(
        corpus.flatMap(corpus_actor_rows)).union(quotes).union(events).union(
        errors.map(lambda row: (tuple(row.values()), row)).reduceByKey(lambda a, b: a)
        .map(lambda item: (ERRORS, item[1])))


def resolve_duplicates(group: tuple[int, Iterable[tuple]]) -> list[tuple[dict, bool]]:
    """The duplicates rows of one connected group, each with whether its article is new."""
    ordered = sorted(group[1], key=lambda member: member[0])
    new = {article_id: is_new for _, article_id, _, is_new in ordered}
    found = near_duplicates([(article_id, signature) for _, article_id, signature, _ in ordered])
    return [(duplicate_row(d), new[d.article_id]) for d in found]


def corpus_actor_rows(item: tuple[CorpusActor, dict]) -> list[tuple[str, dict]]:
    actor, row = item
    return [("corpus_actors", row)] + [
        ("actor_links", {"article_id": m.article_id, "actor_id": m.actor_id, "corpus_actor_id": actor.corpus_actor_id})
        for m in actor.members]


def article_links(item: tuple) -> list[tuple[str, object]]:
    """One article's quotations (with their corpus speakers) and event dyads (with their actors' names)."""
    article_id, (own, links, flags) = item
    if not own:
        return []
    [(facts, quotes, events, sides)] = own
    corpus_of = {actor_id: corpus_id for actor_id, corpus_id, _, _ in links}
    names = {corpus_id: (name, country) for _, corpus_id, name, country in links}
    duplicate = bool(flags)
    found: list[tuple[str, object]] = []
    for quote_id, text, speaker in quotes:
        speaker_id = corpus_of.get(speaker) if speaker else None
        found.append(("quote", carried_quote((article_id, quote_id, text), speaker_id,
                                             names.get(speaker_id, (None,))[0], facts, duplicate)))
    by_side: dict = defaultdict(list)
    for event_id, side, _, actor_id in sorted(sides, key=lambda s: (s[0], s[2])):
        add_side(by_side, (article_id, event_id, side), corpus_of.get(actor_id))
    for event in events:
        for dyad in event_dyads(article_id, event, by_side, facts, duplicate):
            found.append(("dyad", (dyad, {i: names[i] for i in (dyad.source_id, dyad.target_id) if i})))
    return found


def quote_cluster_rows(quotes: Iterator[CarriedQuote]) -> Iterator[tuple[str, dict]]:
    for cluster in cluster_quotes(list(quotes)):
        yield "quote_clusters", cluster.row()
        for quote in cluster.members:
            yield "quote_links", {"article_id": quote.article_id, "quote_id": quote.quote_id,
                                  "cluster_id": cluster.cluster_id}


def event_cluster_rows(dyads: Iterable[tuple[Dyad, dict]]) -> Iterator[tuple[str, dict]]:
    """The clusters of one dyad key, named by their actors."""
    members = list(dyads)
    names = {i: name for _, named in members for i, name in named.items()}
    for cluster in cluster_events([dyad for dyad, _ in members]):
        yield "event_clusters", cluster.row(names)
        for d in cluster.members:
            yield "event_links", {"article_id": d.article_id, "event_id": d.event_id, "source_id": d.source_id,
                                  "target_id": d.target_id, "cluster_id": cluster.cluster_id}


def write_part(name: str, outputs: Iterator[tuple[str, dict]], root: str) -> Counter[str]:
    """Write one task's derived rows; the rows written per table, and the NEW_DUPLICATE marks."""
    marks: Counter[str] = Counter()

    def rows() -> Iterator[tuple[str, dict]]:
        for table, row in outputs:
            if table == NEW_DUPLICATE:
                marks[table] += 1
            else:
                yield table, row

    return Counter(write_rows_task(name, rows(), root)) + marks
