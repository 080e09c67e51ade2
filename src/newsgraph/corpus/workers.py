"""Analysis in worker processes that cannot take a run down with them.

The main process hands each worker a batch of articles over a pipe and waits on every worker's pipe
and process sentinel at once. A worker that dies (killed, out of memory, crashed in native code) or
runs past its time limit is replaced; its batch is retried one article at a time, so that the one
article that kills a worker is named and recorded while the others are stored. Workers are replaced
after a number of articles, so that memory does not grow with the length of a run, and die with the
main process.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from multiprocessing.connection import Connection, wait
from pathlib import Path

from ..ingest import InputError, Page
from ..model import Article
from ..pipeline import Pipeline
from ..store import TableRows

PR_SET_PDEATHSIG = 1
STOP_SECONDS = 5.0
POLL_SECONDS = 1.0
WALL_FACTOR = 10  # a worker using no CPU (blocked) is stopped after this many times its CPU budget in wall time
PAGE_BATCH = 16  # crawled pages a worker reads at a time


@dataclass(frozen=True)
class WorkerSettings:
    """How workers are bounded: CPU seconds per article (so that a busy machine does not stop good articles),
    articles before a fresh process, memory."""

    seconds_per_article: float = 60.0
    articles_per_process: int = 500
    memory_mb: int | None = None  # address space per worker, when given


@dataclass
class Failure:
    """An article that could not be analysed, and why."""

    article: Article
    reason: str


@dataclass
class Analysed:
    """What came back for a batch: the stored rows of its articles, the failures, and the worker's peak memory;
    for a PageBatch, what each page read into."""

    rows: list[TableRows]
    failures: list[Failure] = field(default_factory=list)
    pid: int = 0
    peak_mb: float = 0.0
    read: list[tuple[int, Article | InputError]] = field(default_factory=list)


class PageBatch(list):
    """Crawled pages, each with its place in the input, for a worker to read into articles."""


def read_batch(pages: PageBatch) -> Analysed:
    return Analysed([], pid=os.getpid(), read=[(index, page.article()) for index, page in pages])


def failed_alone(batch: list, reason: str, pid: int, peak_mb: float) -> Analysed:
    """The result of a one-item batch whose worker died or overran."""
    if isinstance(batch, PageBatch):
        [(index, page)] = batch
        return Analysed([], pid=pid, peak_mb=peak_mb, read=[(index, InputError(page.origin, reason))])
    return Analysed([], [Failure(batch[0], reason)], pid=pid, peak_mb=peak_mb)


class WorkerStartFailed(RuntimeError):
    """A worker could not load the pipeline (for instance a model that is not installed)."""


def peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def analyse_batch(pipeline: Pipeline, articles: list[Article], to_rows) -> Analysed:
    """A batch analysed together; when that fails, each article alone, so that one failure costs one article."""
    try:
        return Analysed([to_rows(a) for a in pipeline.analyze_many(articles)], pid=os.getpid())
    except Exception:  # noqa: BLE001 - retried article by article below, where the error is recorded
        if len(articles) == 1:
            return Analysed([], [Failure(articles[0], failure_reason())], pid=os.getpid())
    result = Analysed([], pid=os.getpid())
    for article in articles:
        single = analyse_batch(pipeline, [article], to_rows)
        result.rows += single.rows
        result.failures += single.failures
    return result


def failure_reason() -> str:
    error = sys.exc_info()[1]
    text = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
    return f"analysis failed: {type(error).__name__}" + (f": {text}" if text else "")


def process_stat(pid: int, field: int) -> int | None:
    """One field of /proc/PID/stat (numbered from 1, as in proc(5)), or None where there is no /proc."""
    try:
        after_name = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(after_name[field - 3])


def cpu_seconds_of(pid: int) -> float | None:
    user, system = process_stat(pid, 14), process_stat(pid, 15)
    return None if user is None or system is None else (user + system) / os.sysconf("SC_CLK_TCK")


def peak_mb_of(pid: int) -> float:
    """The peak resident memory of a live process (read before it is killed), 0 where unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (a kill -9 of ingest leaves no orphans)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


def worker_main(connection: Connection, parent: int, model: str | None, memory_mb: int | None, to_rows) -> None:
    """A worker: load the pipeline once, then analyse each batch it is sent until it is sent None."""
    die_with_parent()
    if os.getppid() != parent:  # the parent died before the death signal was set
        return
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        pipeline = Pipeline(model)
    except Exception as error:  # noqa: BLE001 - reported to the main process, which stops the run
        connection.send(("failed", f"{type(error).__name__}: {error}"))
        return
    connection.send(("ready", None))
    while True:
        try:
            articles = connection.recv()
        except (EOFError, OSError):  # the main process is gone
            return
        if articles is None:
            return
        result = read_batch(articles) if isinstance(articles, PageBatch) else analyse_batch(pipeline, articles, to_rows)
        result.peak_mb = peak_memory_mb()
        connection.send(("done", result))


@contextmanager
def sigint_ignored() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class Worker:
    """One worker process, its pipe, and the batch it is working on."""

    def __init__(self, context, model: str | None, settings: WorkerSettings, to_rows) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=worker_main, daemon=True, name="newsgraph-worker",
                                       args=(child, os.getpid(), model, settings.memory_mb, to_rows))
        with sigint_ignored():  # inherited, so a Ctrl-C while the worker starts prints no traceback from it
            self.process.start()
        child.close()
        self.ready = False
        self.batch: list[Article] | None = None
        self.budget = 0.0
        self.started = self.cpu_started = 0.0
        self.articles = 0

    def give(self, batch: list[Article], settings: WorkerSettings) -> None:
        self.batch = batch
        self.budget = settings.seconds_per_article * len(batch)
        self.started = time.monotonic()
        self.cpu_started = cpu_seconds_of(self.process.pid) or 0.0
        self.articles += 0 if isinstance(batch, PageBatch) else len(batch)  # reading pages adds no memory
        self.connection.send(batch)

    def overran(self) -> bool:
        """The batch has used more CPU than its budget (wall time where CPU time cannot be read), or has
        been blocked for WALL_FACTOR times its budget."""
        elapsed = time.monotonic() - self.started
        cpu = cpu_seconds_of(self.process.pid)
        used = elapsed if cpu is None else cpu - self.cpu_started
        return used > self.budget or elapsed > WALL_FACTOR * self.budget

    def stop(self) -> None:
        """Ask the worker to finish, and kill it if it does not."""
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(STOP_SECONDS)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()

    def death(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            why = " (out of memory?)" if -code == signal.SIGKILL else ""
            return f"the worker analysing it was killed by {name}{why}"
        return f"the worker analysing it stopped (exit status {code})"


class WorkerPool:
    """Batches in, ``Analysed`` results out, in completion order, from ``size`` supervised processes."""

    def __init__(self, size: int, model: str | None, settings: WorkerSettings, to_rows) -> None:
        self.size = size
        self.model = model
        self.settings = settings
        self.to_rows = to_rows
        self.context = multiprocessing.get_context("spawn")
        self.workers: list[Worker] = []

    def __enter__(self) -> WorkerPool:
        self.workers = [self._start() for _ in range(self.size)]
        return self

    def __exit__(self, *exc_info: object) -> None:
        for worker in self.workers:
            if exc_info[0] is None and worker.batch is None:
                worker.stop()
            else:
                worker.kill()
        self.workers = []

    def _start(self) -> Worker:
        return Worker(self.context, self.model, self.settings, self.to_rows)

    def results(self, batches: Iterator[list[Article]]) -> Iterator[Analysed]:
        queue: deque[list[Article]] = deque()  # retried articles first, then the next batch
        exhausted = False
        while True:
            for worker in self.workers:
                if worker.ready and worker.batch is None:
                    if not queue and not exhausted:
                        batch = next(batches, None)
                        exhausted = batch is None
                        queue.extend([] if batch is None else [batch])
                    if queue:
                        worker.give(queue.popleft(), self.settings)
            if exhausted and not queue and all(w.batch is None for w in self.workers):
                return
            yield from self._collect(queue)

    def read(self, items: Iterable[Article | InputError | Page]) -> Iterator[Article | InputError]:
        """The items in their order, each page read into its article by the workers, PAGE_BATCH at a time."""
        waiting: dict[int, Article | InputError] = {}
        next_index = 0

        def page_batches() -> Iterator[PageBatch]:
            batch = PageBatch()
            for index, item in enumerate(items):
                if not isinstance(item, Page):
                    waiting[index] = item
                    continue
                batch.append((index, item))
                if len(batch) == PAGE_BATCH:
                    yield batch
                    batch = PageBatch()
            if batch:
                yield batch

        for result in chain(self.results(page_batches()), [Analysed([])]):
            waiting.update(result.read)
            while next_index in waiting:
                yield waiting.pop(next_index)
                next_index += 1

    def _collect(self, queue: deque[list[Article]]) -> Iterator[Analysed]:
        """Wait for the next worker to answer, die or overrun its time, and deal with it."""
        waiting = [w for w in self.workers if w.batch is not None or not w.ready]
        ready = set(wait([w.connection for w in waiting] + [w.process.sentinel for w in self.workers], POLL_SECONDS))
        for index, worker in enumerate(self.workers):
            if worker.connection in ready:
                message = self._receive(worker)
                if message is not None:
                    yield from self._answer(index, worker, message)
                    continue
            if worker.connection in ready or worker.process.sentinel in ready:
                yield from self._replace(index, worker.death(), queue)
            elif worker.batch is not None and worker.overran():
                limit = self.settings.seconds_per_article
                yield from self._replace(index, f"took longer than {limit:g} s of CPU per article (the time "
                                                "limit; raise it with --time-limit)", queue)

    @staticmethod
    def _receive(worker: Worker):
        try:
            return worker.connection.recv()
        except (EOFError, OSError):
            return None

    def _answer(self, index: int, worker: Worker, message) -> Iterator[Analysed]:
        kind, value = message
        if kind == "failed":
            raise WorkerStartFailed(value)
        if kind == "ready":
            worker.ready = True
            return
        worker.batch = None
        yield value
        if worker.articles >= self.settings.articles_per_process:  # a fresh process: memory stays bounded
            worker.stop()
            self.workers[index] = self._start()

    def _replace(self, index: int, reason: str, queue: deque[list[Article]]) -> Iterator[Analysed]:
        """A worker died or overran: replace it; name a lone article, retry a batch's articles alone."""
        worker = self.workers[index]
        batch = worker.batch
        peak_mb = peak_mb_of(worker.process.pid)
        worker.kill()
        if batch is None and not worker.ready:
            raise WorkerStartFailed(f"a worker process stopped while loading the model: {worker.death()}")
        self.workers[index] = self._start()
        if batch is None:
            return
        if len(batch) == 1:
            yield failed_alone(batch, reason, worker.process.pid or 0, peak_mb)
        else:
            queue.extendleft(type(batch)([item]) for item in reversed(batch))
