"""Building a corpus: analyse articles in worker processes and write them to the store.

Each worker process loads the spaCy model once; only the main process writes to DuckDB, a few
articles per transaction, so that an interrupted run leaves only whole articles behind.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..ingest import InputError
from ..model import Analysis, Article
from ..pipeline import Pipeline
from ..store import Store, TableRows, analysis_rows, merge_rows
from .duplicates import signature
from .link import link_corpus

WORKER_BATCH = 8
COMMIT_ARTICLES = 32
COMMIT_SECONDS = 2.0
ARTICLES_PER_WORKER = 40  # below this, starting another process costs more than it saves


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


@dataclass
class Analysed:
    """What one worker sends back for a batch: the articles' rows and its own peak memory."""

    rows: list[TableRows]
    pid: int
    peak_mb: float


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def stored_rows(analysis: Analysis) -> TableRows:
    """Everything the store keeps for one article: its Analysis rows and its MinHash signature."""
    rows = analysis_rows(analysis)
    rows["signatures"] = [{"article_id": analysis.id, "minhash": signature(analysis.article.text)}]
    return rows


def analysed(pipeline: Pipeline, articles: list[Article]) -> Analysed:
    return Analysed([stored_rows(a) for a in pipeline.analyze_many(articles)], os.getpid(), peak_memory_mb())


_worker_pipeline: Pipeline | Exception | None = None


def _start_worker(model: str | None) -> None:
    global _worker_pipeline
    try:
        _worker_pipeline = Pipeline(model)
    except Exception as error:  # reported on the first batch: a failing initializer would respawn forever
        _worker_pipeline = error


def _analyse_in_worker(articles: list[Article]) -> Analysed:
    if isinstance(_worker_pipeline, Exception):
        raise _worker_pipeline
    return analysed(_worker_pipeline, articles)


def batches(articles: list[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(articles), size):
        yield articles[start:start + size]


@contextmanager
def analysed_batches(articles: list[Article], workers: int, model: str | None) -> Iterator[Iterator[Analysed]]:
    """Analysed batches, in completion order: in this process for one worker, else in a process pool."""
    if workers <= 1:
        pipeline = Pipeline(model)
        yield (analysed(pipeline, batch) for batch in batches(articles, WORKER_BATCH))
        return
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(model,))
    try:
        yield as_finished(pool, batches(articles, WORKER_BATCH), in_flight=2 * workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def as_finished(pool: ProcessPoolExecutor, work: Iterator[list[Article]], in_flight: int) -> Iterator[Analysed]:
    """Results as workers finish them, with at most ``in_flight`` batches handed out at a time.

    Unlike ``multiprocessing.Pool``, the executor reports a worker that died (killed, out of memory)
    instead of waiting for it for ever.
    """
    pending: set[Future[Analysed]] = set()
    for batch in work:
        pending.add(pool.submit(_analyse_in_worker, batch))
        if len(pending) >= in_flight:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)
    for future in as_completed(pending):
        yield future.result()


class CorpusBuilder:
    """Adds articles to a store; ``on_total`` and ``on_progress`` report to a progress bar.

    ``workers`` defaults to all cores, fewer for a small batch of articles.
    """

    def __init__(self, store: Store, *, workers: int | None = None, model: str | None = None,
                 reanalyze: bool = False, on_total: Callable[[int], None] = lambda n: None,
                 on_progress: Callable[[int], None] = lambda n: None) -> None:
        self.store = store
        self.workers = workers
        self.model = model
        self.reanalyze = reanalyze
        self.on_total = on_total
        self.on_progress = on_progress
        self.summary = BuildSummary()
        self.stored_before: set[str] = set()

    def build(self, items: Iterable[Article | InputError]) -> BuildSummary:
        """Analyse and store what is new (or everything, with ``reanalyze``), then relink the corpus."""
        started = time.perf_counter()
        todo = self.select(items)
        self.on_total(len(todo))
        if todo:
            self.write(todo)
        link_corpus(self.store)
        self.summary.near_duplicates = self.count_new_duplicates(todo)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def select(self, items: Iterable[Article | InputError]) -> list[Article]:
        """The articles to analyse: each id once, stored ones only when re-analysing; errors recorded."""
        stored = self.stored_before = self.store.article_ids()
        chosen: dict[str, Article] = {}
        errors = []
        for item in items:
            if isinstance(item, InputError):
                errors.append((item.source, item.reason))
                self.summary.skipped[item.reason] += 1
            elif item.id in chosen or (item.id in stored and not self.reanalyze):
                self.summary.present += 1
            else:
                chosen[item.id] = item
        self.store.add_errors(errors)
        return list(chosen.values())

    def write(self, todo: list[Article]) -> None:
        pending: list[TableRows] = []
        last_commit = time.monotonic()
        workers = self.workers or min(default_workers(), max(1, len(todo) // ARTICLES_PER_WORKER))
        with analysed_batches(todo, workers, self.model) as results:
            for result in results:
                self.summary.worker_peak_mb[result.pid] = max(result.peak_mb,
                                                              self.summary.worker_peak_mb.get(result.pid, 0.0))
                pending.extend(result.rows)
                if len(pending) >= COMMIT_ARTICLES or time.monotonic() - last_commit >= COMMIT_SECONDS:
                    self.commit(pending)
                    pending, last_commit = [], time.monotonic()
            self.commit(pending)

    def commit(self, pending: list[TableRows]) -> None:
        if not pending:
            return
        self.store.add_articles(merge_rows(pending), replace=self.reanalyze)
        for rows in pending:
            replaced = rows["articles"][0]["article_id"] in self.stored_before
            self.summary.replaced += replaced
            self.summary.added += not replaced
            self.summary.quotes += len(rows["quotes"])
            self.summary.events += len(rows["events"])
        self.on_progress(len(pending))

    def count_new_duplicates(self, todo: list[Article]) -> int:
        new_ids = [a.id for a in todo if a.id not in self.stored_before]
        [(count,)] = self.store.connection.execute(
            "SELECT count(*) FROM duplicates WHERE list_contains(?, article_id)", [new_ids]).fetchall()
        return count
