"""``spark_ingest``: read, analyse, store and link a corpus on Spark, into a folder of Parquet tables that
``newsgraph.Corpus`` and every query command open like a store file.

A run is two passes over the data, each one Spark job: the inputs are read, each article id kept once
(and skipped when the output holds it), analysed and written by the same tasks; then the corpus is linked
(``link.link_corpus``). Spark's fixed costs are paid per job and per stage, so there are as few as can be.
"""

from __future__ import annotations

import time
import uuid
import zlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate

from pyspark.sql import SparkSession

from ..corpus.build import BuildSummary
from ..ingest import Columns, InputError, Page
from ..model import Article
from ..store import ARTICLE_TABLES
from .analyse import analyse_partition
from .files import COMPLETE, OutputFolder
from .inputs import list_inputs, read_listed
from .link import ERRORS, link_corpus
from .session import spark_session
from .write import arrow_filesystem, read_rows, write_articles_task, write_tables

TASK_INPUT_BYTES = 50_000  # about twenty news articles: enough for the model's batches, small enough to balance
MIN_TASKS_PER_CORE = 4
MAX_TASKS_PER_CORE = 32
READ_TASKS_PER_CORE = 2  # reading is light next to analysis: more tasks would cost more in scheduling than they save
LAST_TASK_SHARE = 1 / 3  # tasks shrink toward the last, a third of the first, so that the cores finish together
STAGED_TABLES = [*ARTICLE_TABLES, ERRORS]

# What the reading gives for one key: an article read (count times), an article the output holds, or an error.
ARTICLE, STORED, ERROR = "article", "stored", "error"


def spark_ingest(inputs: Iterable[str], out: str, *, master: str | None = None, spark: SparkSession | None = None,
                 model: str | None = None, columns: Columns | None = None,
                 on_stage: Callable[[str], None] = lambda message: None) -> BuildSummary:
    """Analyse the articles under ``inputs`` that ``out`` does not hold yet, then relink the whole corpus.

    Re-running adds nothing; a run killed at any point is completed by running it again.
    """
    started = time.perf_counter()
    session = spark or spark_session(master)
    folder = OutputFolder(session, out)
    folder.recover(STAGED_TABLES)
    files, listing_errors = list_inputs(session, list(inputs))
    on_stage(f"reading and analysing {len(files)} files")
    run = uuid.uuid4().hex[:16]
    counts, skipped = analyse_inputs(session, folder, run, files, columns or Columns(), model)
    folder.mark(folder.staging(run, COMPLETE))
    folder.publish(run, STAGED_TABLES)
    summary = BuildSummary(added=counts["added"], present=counts["present"], quotes=counts["quotes"],
                           events=counts["events"], skipped=skipped)
    summary.skipped.update(error.reason for error in listing_errors)
    on_stage("linking the corpus")
    summary.near_duplicates = link_corpus(session, folder, run, listing_errors)
    summary.seconds = time.perf_counter() - started
    return summary


def analyse_inputs(session: SparkSession, folder: OutputFolder, run: str, files: dict[str, int], columns: Columns,
                   model: str | None) -> tuple[Counter[str], Counter[str]]:
    """One job: read the files, keep each new article once, analyse and stage it; the counts of every task."""
    context = session.sparkContext
    cores = context.defaultParallelism
    staging = folder.qualified(folder.staging(run))
    tasks = analysis_tasks(sum(files.values()), cores)
    read = (context.parallelize(list(files), max(1, min(len(files), cores * READ_TASKS_PER_CORE)))
            .flatMap(lambda uri: keyed_entries(read_listed(uri, columns))))
    stored = (context.parallelize(folder.table_files("articles"), cores)
              .flatMap(lambda uri: [(row["article_id"], (STORED, None, 0)) for row in read_rows(uri, ["article_id"])]))
    boundaries = shrinking_boundaries(tasks)
    results = (read.union(stored).reduceByKey(merge_entries, tasks, lambda key: task_of(key, boundaries))
               .mapPartitionsWithIndex(lambda task, entries: [
                   analyse_task(f"part-{run}-{task:05d}", entries, model, staging)])
               .collect())
    counts: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    for task_counts, task_skipped in results:
        counts.update(task_counts)
        skipped.update(task_skipped)
    return counts, skipped


def keyed_entries(items: Iterable[Article | InputError | Page]) -> Iterator[tuple]:
    """Each item keyed by article id (or by its error), a crawled page read here, in the reading task."""
    for item in items:
        if isinstance(item, Page):
            item = item.article()
        if isinstance(item, InputError):
            yield (item.source, item.reason), (ERROR, item, 1)
        else:
            yield item.id, (ARTICLE, item, 1)


def merge_entries(a: tuple, b: tuple) -> tuple:
    """Two entries of one key: an article the output holds stays held; of two copies read, the first is kept."""
    count = a[2] + b[2]
    if a[0] == STORED or b[0] == STORED:
        return STORED, None, count
    return a[0], first_seen(a[1], b[1]) if a[0] == ARTICLE else a[1], count


def first_seen(a: Article, b: Article) -> Article:
    """Of two inputs with one id, the one from the first file (as ``ingest`` keeps the first it reads)."""
    return min(a, b, key=lambda article: (article.path or "", article.text))


def analysis_tasks(input_bytes: int, cores: int) -> int:
    return max(cores * MIN_TASKS_PER_CORE, min(cores * MAX_TASKS_PER_CORE, input_bytes // TASK_INPUT_BYTES))


def shrinking_boundaries(tasks: int) -> list[float]:
    """Where each task's share of the key space ends: shares fall linearly from the first to the last task."""
    step = (1 - LAST_TASK_SHARE) / max(1, tasks - 1)
    shares = [1 - step * task for task in range(tasks)]
    return [end / sum(shares) for end in accumulate(shares)][:-1]


def task_of(key, boundaries: list[float]) -> int:
    """The analysis task of a key: Spark runs tasks in order, so the small ones at the end fill the gaps."""
    return bisect_right(boundaries, zlib.crc32(str(key).encode("utf-8")) / 2 ** 32)


def analyse_task(name: str, entries: Iterator[tuple], model: str | None, staging: str) -> tuple[Counter, Counter]:
    """Analyse and stage the new articles of one task, stage its input errors; what it counted."""
    counts: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    errors: list[dict] = []

    def new_articles() -> Iterator[Article]:
        for _, (kind, item, count) in entries:
            if kind == ARTICLE:
                counts["present"] += count - 1
                yield item
            elif kind == STORED:
                counts["present"] += count
            else:
                skipped[item.reason] += count
                errors.append({"source": item.source, "reason": item.reason, "article_id": None})

    counts["added"], counts["quotes"], counts["events"] = write_articles_task(
        name, analyse_partition(new_articles(), model), staging)
    filesystem, root = arrow_filesystem(staging)
    write_tables(filesystem, root, name, {(ERRORS, ""): errors})
    return counts, skipped
