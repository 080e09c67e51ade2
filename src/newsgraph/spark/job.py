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
from ..store import ARTICLE_TABLES
from .analyse import analyse_partition
from .files import COMPLETE, OutputFolder
from .inputs import list_inputs, read_listed
from .link import link_tables
from .session import spark_session
from .tables import read_table, spark_schema
from .write import write_task

ARTICLES_PER_TASK = 20  # fewer per task and the model's batches run short; more and the cores idle at the end
TASKS_PER_CORE = 8
READ_TASKS_PER_CORE = 2  # reading is light next to analysis: more tasks would cost more in scheduling than they save
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
    items = (context.parallelize(files, max(1, min(len(files), context.defaultParallelism * READ_TASKS_PER_CORE)))
             .flatMap(lambda uri: read_listed(uri, columns)).persist(StorageLevel.MEMORY_AND_DISK))
    errors = items.filter(lambda item: isinstance(item, InputError)).map(lambda e: (e.source, e.reason))
    read = items.map(lambda item: item.reason if isinstance(item, InputError) else None).countByValue()
    articles_read = read.pop(None, 0)
    summary.skipped.update(read)
    summary.skipped.update(error.reason for error in listing_errors)
    articles = items.filter(lambda item: isinstance(item, Article)).keyBy(lambda a: a.id).reduceByKey(first_seen)
    stored = table(session, folder, "articles").select("article_id").rdd.map(lambda r: (r[0], None))
    todo = articles.subtractByKey(stored).values().persist(StorageLevel.MEMORY_AND_DISK)
    summary.added = todo.count()
    summary.present = articles_read - summary.added
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
    staging = folder.qualified(folder.staging(run))
    tasks = analysis_tasks(summary.added, session.sparkContext.defaultParallelism)
    counts = (todo.repartition(tasks)
              .mapPartitionsWithIndex(lambda task, part: write_task(task, analyse_partition(part, model), staging))
              .collect())  # one (articles, quotes, events) per task
    summary.quotes = sum(quotes for _, quotes, _ in counts)
    summary.events = sum(events for _, _, events in counts)
    folder.mark(folder.staging(run, COMPLETE))
    folder.publish(run, list(ARTICLE_TABLES))


def write_derived(folder: OutputFolder, derived: dict[str, DataFrame]) -> None:
    """Write each derived table whole beside the output, then swap it in."""
    for name, data in derived.items():
        written = folder.path("_derived", name)
        data.write.mode("overwrite").parquet(written)
        folder.replace(name, written)
    folder.delete(folder.path("_derived"))
