"""Cross-article linking on Spark: the same tables as ``corpus.link``, computed without the driver holding
the corpus. Each step hands the single-machine linking code groups that never link to each other:

- near-duplicates: candidate pairs share an LSH band of their signatures; only the pairs similar enough reach
  the driver (as edges), and ``near_duplicates`` runs on each connected group of them;
- corpus actors: ``link_actors`` runs per ``link_group`` (people within a surname, others within a type);
- event clusters: ``cluster_events`` runs per dyad key (type, mode, actor, recipient);
- quotation clusters: ``cluster_quotes`` runs in one task over the quotations (ids, text and speaker only),
  since any two quotations may share words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import combinations

import networkx as nx
from pyspark import RDD, StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from ..corpus.actors import ArticleActor, CorpusActor, link_actors, link_group
from ..corpus.duplicates import THRESHOLD, lsh_bands, minhash_of, near_duplicates
from ..corpus.events import Dyad, cluster_events
from ..corpus.link import (DYAD_EVENT_COLUMNS, add_side, canonical_order, carried_quote, duplicate_row,
                           event_dyads)
from ..corpus.quotes import CarriedQuote, cluster_quotes
from ..store.schema import column_names
from .tables import spark_schema

ACTOR_ENDS = ("source", "target")  # the two actors of an event cluster


def frame(spark: SparkSession, rows: RDD, table: str) -> DataFrame:
    """A DataFrame of one store table from an RDD of row dicts."""
    names = column_names(table)
    return spark.createDataFrame(rows.map(lambda row: tuple(row[n] for n in names)), spark_schema(table))


def link_tables(spark: SparkSession, read: Callable[[str], DataFrame]) -> dict[str, DataFrame]:
    """Every derived table, from the article tables that ``read`` gives."""
    articles = read("articles").select("article_id", "date", "source", "url")
    info = articles.rdd.map(lambda r: (r[0], (r[1], r[2], r[3])))
    duplicates = frame(spark, find_duplicates(spark, read("signatures"), info), "duplicates").cache()
    flagged = articles.join(duplicates.select("article_id", F.lit(True).alias("duplicate")), "article_id", "left")
    article_facts = flagged.rdd.map(lambda r: (r[0], ((r[1], r[2], r[3]), bool(r[4]))))
    corpus = link_corpus_actors(read("actors"), read("mentions")).persist(StorageLevel.MEMORY_AND_DISK)
    corpus_actors = frame(spark, corpus.map(CorpusActor.row), "corpus_actors").cache()
    actor_links = frame(spark, corpus.flatMap(lambda c: [
        {"article_id": m.article_id, "actor_id": m.actor_id, "corpus_actor_id": c.corpus_actor_id}
        for m in c.members]), "actor_links").cache()
    quote_clusters, quote_links = link_quotes(spark, read("quotes"), actor_links, corpus_actors, flagged)
    event_clusters, event_links = link_events(spark, read("events"), read("event_actors"), actor_links,
                                              corpus_actors, article_facts)
    return {"duplicates": duplicates, "corpus_actors": corpus_actors, "actor_links": actor_links,
            "quote_clusters": quote_clusters, "quote_links": quote_links, "event_clusters": event_clusters,
            "event_links": event_links}


def find_duplicates(spark: SparkSession, signatures: DataFrame, info: RDD) -> RDD:
    """Rows of the duplicates table, as ``corpus.link.find_duplicates`` gives them."""
    hashes = signatures.rdd.map(lambda r: (r[0], list(r[1]))).persist(StorageLevel.MEMORY_AND_DISK)
    bands = lsh_bands()
    candidates = (hashes.flatMap(lambda item: [((i, tuple(item[1][a:b])), item[0]) for i, (a, b) in enumerate(bands)])
                  .groupByKey().flatMap(lambda group: combinations(sorted(set(group[1])), 2)).distinct())
    similar = (candidates.join(hashes).map(lambda item: (item[1][0], (item[0], item[1][1]))).join(hashes)
               .filter(lambda item: minhash_of(item[1][0][1]).jaccard(minhash_of(item[1][1])) >= THRESHOLD)
               .map(lambda item: (item[1][0][0], item[0])))
    groups = list(nx.connected_components(nx.Graph(similar.collect())))  # edges between near-duplicates only
    membership = spark.sparkContext.parallelize([(a, i) for i, group in enumerate(groups) for a in group] or [],
                                                max(1, min(len(groups), spark.sparkContext.defaultParallelism)))
    return (membership.join(hashes).join(info)
            .map(lambda item: (item[1][0][0], (canonical_order(item[0], item[1][1][0]), item[0], item[1][0][1])))
            .groupByKey().flatMap(lambda group: resolve_duplicates(group[1])))


def resolve_duplicates(members: Iterable[tuple]) -> list[dict]:
    ordered = sorted(members, key=lambda member: member[0])
    return [duplicate_row(d) for d in near_duplicates([(article_id, values) for _, article_id, values in ordered])]


def link_corpus_actors(actors: DataFrame, mentions: DataFrame) -> RDD:
    counts = mentions.groupBy("article_id", "actor_id").agg(F.count("actor_id").alias("mentions"))
    rows = actors.join(counts, ["article_id", "actor_id"], "left").select(
        "article_id", "actor_id", "name", "type", "country", "sector", "organisation", "role", "aliases",
        F.coalesce("mentions", F.lit(0)))
    return (rows.rdd.map(lambda r: ArticleActor(*r[:8], tuple(r[8] or ()), r[9])).keyBy(link_group)
            .groupByKey().flatMap(lambda group: link_actors(list(group[1]))))


def link_quotes(spark: SparkSession, quotes: DataFrame, actor_links: DataFrame, corpus_actors: DataFrame,
                flagged: DataFrame) -> tuple[DataFrame, DataFrame]:
    speakers = actor_links.withColumnRenamed("actor_id", "speaker_id")
    names = corpus_actors.select("corpus_actor_id", F.col("name").alias("speaker_name"))
    carried = (quotes.select("article_id", "quote_id", "text", "speaker_id")
               .join(speakers, ["article_id", "speaker_id"], "left").join(names, "corpus_actor_id", "left")
               .join(flagged, "article_id")
               .select("article_id", "quote_id", "text", "corpus_actor_id", "speaker_name", "date", "source", "url",
                       "duplicate")
               .rdd.map(lambda r: carried_quote((r[0], r[1], r[2]), r[3], r[4], (r[5], r[6], r[7]), bool(r[8]))))
    clustered = carried.repartition(1).mapPartitions(quote_cluster_rows).persist(StorageLevel.MEMORY_AND_DISK)
    return (frame(spark, clustered.filter(lambda t: t[0] == "quote_clusters").values(), "quote_clusters"),
            frame(spark, clustered.filter(lambda t: t[0] == "quote_links").values(), "quote_links"))


def quote_cluster_rows(quotes: Iterator[CarriedQuote]) -> Iterator[tuple[str, dict]]:
    for cluster in cluster_quotes(list(quotes)):
        yield "quote_clusters", cluster.row()
        for quote in cluster.members:
            yield "quote_links", {"article_id": quote.article_id, "quote_id": quote.quote_id,
                                  "cluster_id": cluster.cluster_id}


def link_events(spark: SparkSession, events: DataFrame, event_actors: DataFrame, actor_links: DataFrame,
                corpus_actors: DataFrame, article_facts: RDD) -> tuple[DataFrame, DataFrame]:
    sides = (event_actors.join(actor_links, ["article_id", "actor_id"], "left")
             .select("article_id", "event_id", "side", "position", "corpus_actor_id")
             .rdd.map(lambda r: (r[0], (r[1], r[2], r[3], r[4]))))
    factual = (events.filter(~F.col("negated") & ~F.col("hypothetical"))
               .select("article_id", *DYAD_EVENT_COLUMNS).rdd.map(lambda r: (r[0], tuple(r[1:]))))
    dyads = factual.cogroup(sides).join(article_facts).flatMap(article_dyads)
    clusters = (dyads.keyBy(Dyad.key).groupByKey().flatMap(lambda group: cluster_events(list(group[1])))
                .persist(StorageLevel.MEMORY_AND_DISK))
    unnamed = frame(spark, clusters.map(lambda c: c.row({})), "event_clusters")
    named = unnamed.drop(*[f"{end}_{part}" for end in ACTOR_ENDS for part in ("name", "country")])
    for end in ACTOR_ENDS:
        named = named.join(corpus_actors.select(F.col("corpus_actor_id").alias(f"{end}_id"),
                                                F.col("name").alias(f"{end}_name"),
                                                F.col("country").alias(f"{end}_country")), f"{end}_id", "left")
    links = clusters.flatMap(lambda c: [
        {"article_id": d.article_id, "event_id": d.event_id, "source_id": d.source_id, "target_id": d.target_id,
         "cluster_id": c.cluster_id} for d in c.members])
    return named.select(*column_names("event_clusters")), frame(spark, links, "event_links")


def article_dyads(item: tuple) -> list[Dyad]:
    """The dyads of one article's factual events, its event sides taken in position order."""
    article_id, ((events, sides), (article, duplicate)) = item
    by_side: dict = {}
    for event_id, side, _, corpus_id in sorted(sides, key=lambda s: (s[0], s[2])):
        by_side.setdefault((article_id, event_id, side), [])
        add_side(by_side, (article_id, event_id, side), corpus_id)
    return [dyad for event in sorted(events, key=lambda e: e[0]) for dyad in event_dyads(article_id, event, by_side, article, duplicate)]
