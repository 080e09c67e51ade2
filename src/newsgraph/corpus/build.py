"""Building a corpus: analyse articles in worker processes and write them to the store.

Each worker process loads the spaCy model once; only the main process writes to DuckDB, a few
articles per transaction, so that an interrupted run leaves only whole articles behind.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from itertools import chain

from ..ingest import InputError, Inputs, Page
from ..model import Analysis, Article
from ..limits import ArticleLimits
from ..pipeline import Pipeline
from ..store import Store, TableRows, analysis_rows, merge_rows
from .duplicates import signature
from .link import link_corpus
from .workers import Analysed, Failure, WorkerPool, WorkerSettings, analyse_batch, peak_memory_mb

WORKER_BATCH = 8
COMMIT_ARTICLES = 32
COMMIT_SECONDS = 2.0
ARTICLES_PER_WORKER = 40  # below this, starting another process costs more than it saves
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".parquet", ".pq")


@dataclass
class BuildSummary:
    added: int = 0
    replaced: int = 0
    present: int = 0
    near_duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    events: int = 0
    seconds: float = 0.0
    worker_peak_mb: dict[int, float] = field(default_factory=dict)

    @property
    def peak_mb(self) -> float:
        return max(self.worker_peak_mb.values(), default=0.0)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def stored_rows(analysis: Analysis) -> TableRows:
    """Everything the store keeps for one article: its Analysis rows and its MinHash signature."""
    rows = analysis_rows(analysis)
    rows["signatures"] = [{"article_id": analysis.id, "minhash": signature(analysis.article.text)}]
    return rows


def article_label(article: Article) -> str:
    """How a skipped article is named: its file, with its id when the file holds many records."""
    if not article.path:
        return f"id {article.id}"
    return f"{article.path}: id {article.id}" if article.path.lower().endswith(RECORD_SUFFIXES) else article.path


def batches(articles: list[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(articles), size):
        yield articles[start:start + size]


@contextmanager
def analysed_batches(articles: list[Article], workers: int, model: str | None, settings: WorkerSettings,
                     in_process: bool, pool: WorkerPool | None) -> Iterator[Iterator[Analysed]]:
    """Analysed batches, in completion order: in this process, or in supervised worker processes (``pool``'s,
    when the workers were started already)."""
    if in_process:
        pipeline = Pipeline(model)

        def in_process(batch: list[Article]) -> Analysed:
            result = analyse_batch(pipeline, batch, stored_rows)
            result.peak_mb = peak_memory_mb()
            return result
        yield (in_process(batch) for batch in batches(articles, WORKER_BATCH))
        return
    if pool is not None:
        yield pool.results(batches(articles, WORKER_BATCH))
        return
    with WorkerPool(workers, model, settings, stored_rows) as pool:
        yield pool.results(batches(articles, WORKER_BATCH))


class CorpusBuilder:
    """Adds articles to a store; ``on_total`` and ``on_progress`` (articles stored, failed) report to a
    progress bar, ``on_skip`` names each input or article skipped and why.

    ``workers`` defaults to all cores, fewer for a small batch of articles, each in its own supervised
    process; ``workers=1`` analyses in this process (no time limit, and a crash in native code ends the run).
    An article over one of ``limits`` is skipped; one that fails or kills its worker is recorded in
    ``ingest_errors`` and skipped by later runs unless ``retry_failed``.
    """

    def __init__(self, store: Store, *, workers: int | None = None, model: str | None = None,
                 reanalyze: bool = False, retry_failed: bool = False, limits: ArticleLimits = ArticleLimits(),
                 settings: WorkerSettings = WorkerSettings(), on_total: Callable[[int], None] = lambda n: None,
                 on_progress: Callable[[int, int], None] = lambda stored, failed: None,
                 on_skip: Callable[[str, str], None] = lambda source, reason: None) -> None:
        self.store = store
        self.workers = workers
        self.model = model
        self.reanalyze = reanalyze
        self.retry_failed = retry_failed
        self.limits = limits
        self.settings = settings
        self.on_total = on_total
        self.on_progress = on_progress
        self.on_skip = on_skip
        self.summary = BuildSummary()
        self.stored_before: set[str] = set()
        self.pool: WorkerPool | None = None

    def build(self, items: Iterable[Article | InputError]) -> BuildSummary:
        """Analyse and store what is new (or everything, with ``reanalyze``), then relink the corpus."""
        started = time.perf_counter()
        with ExitStack() as workers:
            todo = self.select(self.read(items, workers))
            self.on_total(len(todo))
            if todo:
                self.write(todo)
        link_corpus(self.store)
        self.summary.near_duplicates = self.count_new_duplicates(todo)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def read(self, items: Iterable[Article | InputError], workers: ExitStack) -> Iterator[Article | InputError]:
        """The items, with the crawled pages among ``Inputs`` read in parallel by the workers that will analyse
        the articles (started at the first page, on ``workers``), not one by one here."""
        if not isinstance(items, Inputs) or self.workers == 1:
            yield from items
            return
        unread = items.with_pages()
        for item in unread:
            if isinstance(item, Page):
                self.pool = workers.enter_context(
                    WorkerPool(self.workers or default_workers(), self.model, self.settings, stored_rows))
                yield from self.pool.read(chain([item], unread))
                return
            yield item

    def select(self, items: Iterable[Article | InputError]) -> list[Article]:
        """The articles to analyse: each id once, stored ones only when re-analysing; errors recorded."""
        stored = self.stored_before = self.store.article_ids()
        failed_before = {} if self.retry_failed else self.store.failed_articles()
        chosen: dict[str, Article] = {}
        errors: list[tuple[str, str, str | None]] = []
        for item in items:
            if isinstance(item, InputError):
                errors.append(self.skip(item.source, item.reason))
            elif item.id in chosen or (item.id in stored and not self.reanalyze):
                self.summary.present += 1
            elif item.id in failed_before:
                self.skip(article_label(item), f"{failed_before[item.id]} (in an earlier run; "
                                               "--retry-failed tries it again)")
            elif (breach := self.limits.breach(item.text)) is not None:
                errors.append(self.skip(article_label(item), breach))  # checked afresh by each run
            else:
                chosen[item.id] = item
        self.store.add_errors(errors)
        return list(chosen.values())

    def skip(self, source: str, reason: str, article_id: str | None = None) -> tuple[str, str, str | None]:
        """Count and report a skipped input; the (source, reason, article id) to record."""
        self.summary.skipped[reason] += 1
        self.on_skip(source, reason)
        return source, reason, article_id

    def write(self, todo: list[Article]) -> None:
        pending: list[TableRows] = []
        failures: list[Failure] = []
        last_commit = time.monotonic()
        workers = self.workers or min(default_workers(), max(1, len(todo) // ARTICLES_PER_WORKER))
        in_process = self.workers == 1
        with analysed_batches(todo, 1 if in_process else workers, self.model, self.settings,
                              in_process, self.pool) as results:
            for result in results:
                if result.peak_mb:
                    self.summary.worker_peak_mb[result.pid] = max(result.peak_mb,
                                                                  self.summary.worker_peak_mb.get(result.pid, 0.0))
                pending.extend(result.rows)
                failures.extend(result.failures)
                if len(pending) >= COMMIT_ARTICLES or time.monotonic() - last_commit >= COMMIT_SECONDS:
                    self.commit(pending, failures)
                    pending, failures, last_commit = [], [], time.monotonic()
            self.commit(pending, failures)

    def commit(self, pending: list[TableRows], failures: list[Failure]) -> None:
        """Store whole articles and record the failed ones; the progress counts both."""
        if pending:
            self.store.add_articles(merge_rows(pending), replace=self.reanalyze)
        self.store.add_errors([self.skip(article_label(f.article), f.reason, f.article.id) for f in failures])
        for rows in pending:
            replaced = rows["articles"][0]["article_id"] in self.stored_before
            self.summary.replaced += replaced
            self.summary.added += not replaced
            self.summary.quotes += len(rows["quotes"])
            self.summary.events += len(rows["events"])
        if pending or failures:
            self.store.release()  # readers may open the store until the next commit
            self.on_progress(len(pending), len(failures))

    def count_new_duplicates(self, todo: list[Article]) -> int:
        new_ids = [a.id for a in todo if a.id not in self.stored_before]
        [(count,)] = self.store.connection.execute(
            "SELECT count(*) FROM duplicates WHERE list_contains(?, article_id)", [new_ids]).fetchall()
        return count
