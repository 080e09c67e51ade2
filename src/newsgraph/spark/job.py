"""``spark_ingest``: read, analyse, store and link a corpus on Spark, into a folder of Parquet tables that
``newsgraph.Corpus`` and every query command open like a store file."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession

from ..corpus.build import BuildSummary
from ..ingest import Columns, InputError
from ..model import Article
from ..store import ARTICLE_TABLES, TableRows
from ..store.schema import column_names
from .analyse import analyse_partition
from .files import COMPLETE, OutputFolder
from .inputs import list_inputs, read_listed
from .link import link_tables
from .session import spark_session
from .tables import DAY, day_of, read_table, spark_schema

ARTICLES_PER_TASK = 20  # fewer per task and the model's batches run short; more and the cores idle at the end
TASKS_PER_CORE = 8
ERRORS = "ingest_errors"


def spark_ingest(inputs: Iterable[str], out: str, *, master: str | None = None, spark: SparkSession | None = None,
                 model: str | None = None, columns: Columns | None = None,
                 on_stage: Callable[[str], None] = lambda message: None) -> BuildSummary:
    """Analyse the articles under ``inputs`` that ``out`` does not hold yet, then relink the whole corpus.

    Re-running adds nothing; a run killed at any point is completed by running it again.
    """
    started = time.perf_counter()
    session = spark or spark_session(master)
    folder = OutputFolder(session, out)
    folder.recover(list(ARTICLE_TABLES))
    summary = BuildSummary()
    files, listing_errors = list_inputs(session, list(inputs))
    on_stage(f"reading {len(files)} files")
    columns = columns or Columns()
    context = session.sparkContext
    items = (context.parallelize(files, max(1, min(len(files), context.defaultParallelism * TASKS_PER_CORE)))
             .flatMap(lambda uri: read_listed(uri, columns)).persist(StorageLevel.MEMORY_AND_DISK))
    errors = items.filter(lambda item: isinstance(item, InputError)).map(lambda e: (e.source, e.reason))
    summary.skipped.update(error.reason for error in listing_errors)
    summary.skipped.update(errors.values().countByValue())
    articles = items.filter(lambda item: isinstance(item, Article)).keyBy(lambda a: a.id).reduceByKey(first_seen)
    stored = table(session, folder, "articles").select("article_id").rdd.map(lambda r: (r[0], None))
    todo = articles.subtractByKey(stored).values().persist(StorageLevel.MEMORY_AND_DISK)
    summary.added = todo.count()
    summary.present = items.filter(lambda item: isinstance(item, Article)).count() - summary.added
    if summary.added:
        on_stage(f"analysing {summary.added} articles")
        write_articles(session, folder, todo, model, summary)
    on_stage("linking the corpus")
    new_errors = session.createDataFrame(
        errors.union(context.parallelize([(e.source, e.reason) for e in listing_errors], 1)), spark_schema(ERRORS))
    derived = link_tables(session, lambda name: table(session, folder, name))
    derived[ERRORS] = table(session, folder, ERRORS).union(new_errors).distinct()
    write_derived(folder, derived)
    new_ids = session.createDataFrame(todo.map(lambda article: (article.id,)), "article_id string")
    summary.near_duplicates = table(session, folder, "duplicates").join(new_ids, "article_id").count()
    todo.unpersist()
    items.unpersist()
    summary.seconds = time.perf_counter() - started
    return summary


def first_seen(a: Article, b: Article) -> Article:
    """Of two inputs with one id, the one from the first file (as ``ingest`` keeps the first it reads)."""
    return min(a, b, key=lambda article: (article.path or "", article.text))


def table(session: SparkSession, folder: OutputFolder, name: str) -> DataFrame:
    return read_table(session, folder.path(name), name, folder.has_files(folder.path(name)))


def analysis_tasks(articles: int, cores: int) -> int:
    return max(1, min(cores * TASKS_PER_CORE, -(-articles // ARTICLES_PER_TASK)))


def write_articles(session: SparkSession, folder: OutputFolder, todo, model: str | None,
                   summary: BuildSummary) -> None:
    """Analyse the new articles into a staging run, mark it complete, then move it into the tables."""
    run = uuid.uuid4().hex
    tasks = analysis_tasks(summary.added, session.sparkContext.defaultParallelism)
    rows = (todo.repartition(tasks).mapPartitions(lambda part: analyse_partition(part, model))
            .persist(StorageLevel.MEMORY_AND_DISK))
    for name in ARTICLE_TABLES:
        data = session.createDataFrame(rows.flatMap(lambda article_rows, name=name: partitioned(article_rows, name)),
                                       spark_schema(name, partitioned=True))
        data.write.partitionBy(DAY).parquet(folder.staging(run, name))
    summary.quotes = rows.map(lambda r: len(r["quotes"])).sum()
    summary.events = rows.map(lambda r: len(r["events"])).sum()
    folder.mark(folder.staging(run, COMPLETE))
    folder.publish(run, list(ARTICLE_TABLES))
    rows.unpersist()


def partitioned(rows: TableRows, table_name: str) -> list[tuple]:
    """One article's rows of one table as tuples, each with the article's day for the partition."""
    day = day_of(rows["articles"][0]["date"])
    names = column_names(table_name)
    return [(*(row[n] for n in names), day) for row in rows.get(table_name, [])]


def write_derived(folder: OutputFolder, derived: dict[str, DataFrame]) -> None:
    """Write each derived table whole beside the output, then swap it in."""
    for name, data in derived.items():
        written = folder.path("_derived", name)
        data.write.mode("overwrite").parquet(written)
        folder.replace(name, written)
    folder.delete(folder.path("_derived"))

