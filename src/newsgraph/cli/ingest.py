"""`newsgraph ingest`, `errors` and `check`: building a store, what it skipped, and whether it is sound."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from ..corpus import BuildSummary, CorpusBuilder
from ..corpus.link import link_corpus
from ..corpus.workers import WorkerSettings, WorkerStartFailed
from ..ingest import Columns, read_inputs
from ..limits import LABELS, ArticleLimits, dashed
from ..nlp import ModelNotFound
from ..store import DEFAULT_PATH, RESUME_HINT, Store, StoreError
from .analyze import DateField, DebugOption, IdField, ModelOption, SourceField, TextField, TitleField, UrlField
from .common import EXIT_ERROR, EXIT_OK, fail, interrupted, stderr, warn

DEFAULTS = ArticleLimits()
WORKER_DEFAULTS = WorkerSettings()
DbPath = Annotated[Path, typer.Option("--db", help="The store file.")]


def limit_option(name: str):
    return Annotated[int, typer.Option(f"--max-{dashed(name)}", min=1, max=10**9, help=(
        f"Skip an article with more {LABELS[name]} (default {getattr(DEFAULTS, name):,})."))]


class Terminated(Exception):
    """SIGTERM: stop as Ctrl-C does, cleanly."""


def on_sigterm(signum, frame) -> None:
    raise Terminated


def ingest_command(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, folders, or - for standard input.")] = None,
    db: DbPath = Path(DEFAULT_PATH),
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, max=1024, help=(
        "Analysis processes (default: all cores); 1 analyses in this process, without the time limit."))] = None,
    reanalyze: Annotated[bool, typer.Option("--reanalyze", help="Re-run extraction for stored articles and "
                                            "replace their rows (all stored articles when no PATH is given).")] = False,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Try again the articles whose analysis "
                                               "failed in an earlier run (see `newsgraph errors`).")] = False,
    max_characters: limit_option("characters") = DEFAULTS.characters,
    max_tokens: limit_option("tokens") = DEFAULTS.tokens,
    max_paragraphs: limit_option("paragraphs") = DEFAULTS.paragraphs,
    max_quotation_marks: limit_option("quotation_marks") = DEFAULTS.quotation_marks,
    max_word_characters: limit_option("word_characters") = DEFAULTS.word_characters,
    max_paragraph_quotation_marks: limit_option("paragraph_quotation_marks") = DEFAULTS.paragraph_quotation_marks,
    time_limit: Annotated[float, typer.Option("--time-limit", min=1, max=86400, help=(
        "CPU seconds per article before its worker is stopped and the article recorded as failed."))]
        = WORKER_DEFAULTS.seconds_per_article,
    worker_memory: Annotated[Optional[int], typer.Option("--worker-memory", min=500, max=10**7, help=(
        "Address space per worker in MB; an article needing more is recorded as failed."))] = None,
    model: ModelOption = None,
    text_col: TextField = "text", title_col: TitleField = "title", id_col: IdField = "id",
    date_col: DateField = "date", source_col: SourceField = "source", url_col: UrlField = "url",
    debug: DebugOption = False,
) -> None:
    """Analyse articles into a store: parallel, idempotent, resumable after a crash.

    Each skipped input gets one line on stderr; the exit status is 1 when any input was skipped.
    Without PATH, relinks a store whose linking an earlier run did not finish."""
    limits = ArticleLimits(max_characters, max_tokens, max_paragraphs, max_quotation_marks, max_word_characters,
                           max_paragraph_quotation_marks)
    settings = WorkerSettings(time_limit, memory_mb=worker_memory)
    columns = Columns(text_col, title_col, id_col, date_col, source_col, url_col)
    with open_store(db) as store:
        if not paths and not reanalyze:
            relink_or_fail(store, db)
            return
        items = read_inputs(paths, columns) if paths else list(store.articles())
        builder = CorpusBuilder(store, workers=workers, model=model, reanalyze=reanalyze, retry_failed=retry_failed,
                                limits=limits, settings=settings)
        summary = run_build(builder, items, debug)
    print_summary(summary, db)
    raise SystemExit(EXIT_ERROR if summary.skipped else EXIT_OK)


def relink_or_fail(store: Store, db: Path) -> None:
    if not store.links_stale:
        fail("give files or folders to ingest (or --reanalyze to re-run extraction on the stored articles)")
    with terminating():
        link_corpus(store)
    print(f"{db}: corpus links rebuilt")


@contextmanager
def open_store(path: Path) -> Iterator[Store]:
    """The store to write, checked sound, or one clear line and exit 1."""
    try:
        store = Store(path)
    except StoreError as error:
        fail(str(error), EXIT_ERROR)
    with store:
        yield store


@contextmanager
def terminating() -> Iterator[None]:
    """SIGTERM stops the run as Ctrl-C does: workers stopped, whole articles kept, one message."""
    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} articles/s", style="cyan")


class IngestProgress:
    """A progress bar with articles/s and ETA on a terminal; a line per commit in a log."""

    def __init__(self) -> None:
        self.bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=stderr,
                            transient=True, disable=not stderr.is_terminal)
        self.task = self.bar.add_task("reading", total=None)
        self.total = self.done = self.failed = 0

    def start(self, total: int) -> None:
        self.total = total
        self.bar.update(self.task, total=total, description="analysing")

    def advance(self, stored: int, failed: int) -> None:
        self.done += stored
        self.failed += failed
        self.bar.advance(self.task, stored + failed)
        if not stderr.is_terminal:
            warn(f"stored {self.done} of {self.total} articles" + (f" ({self.failed} failed)" if self.failed else ""))


def skipped(source: str, reason: str) -> None:
    warn(f"skipped {source}: {reason}")


def run_build(builder: CorpusBuilder, items, debug: bool) -> BuildSummary:
    progress = IngestProgress()
    builder.on_total, builder.on_progress, builder.on_skip = progress.start, progress.advance, skipped
    try:
        with terminating(), progress.bar:
            return builder.build(items)
    except (StoreError, ModelNotFound, WorkerStartFailed) as error:
        fail(str(error), EXIT_ERROR)
    except (KeyboardInterrupt, Terminated, Exception) as error:
        if isinstance(error, Terminated) or interrupted(error):
            how = "stopped by SIGTERM" if isinstance(error, Terminated) else "interrupted"
            fail(f"{how} after storing {progress.done} articles; {RESUME_HINT}", EXIT_ERROR)
        if debug:
            raise
        fail(f"ingest stopped: {type(error).__name__}: {str(error).rstrip('.')} (run with --debug for details); "
             f"{RESUME_HINT} once the cause is fixed", EXIT_ERROR)


def print_summary(summary: BuildSummary, db: Path) -> None:
    out = Console(highlight=False, soft_wrap=True)
    rate = (summary.added + summary.replaced) / summary.seconds if summary.seconds else 0
    out.print(f"[bold]{db}[/bold]: added {summary.added} articles ({summary.quotes} quotations, "
              f"{summary.events} events) in {summary.seconds:.1f} s ({rate:.1f} articles/s)")
    if summary.replaced:
        out.print(f"  re-analysed {summary.replaced} stored articles")
    out.print(f"  already present: {summary.present}")
    out.print(f"  near-duplicates among the new articles: {summary.near_duplicates}")
    out.print(f"  skipped: {sum(summary.skipped.values())}" + (" (listed above; `newsgraph errors` lists them "
                                                               "all)" if summary.skipped else ""))
    for reason, count in summary.skipped.most_common():
        out.print(f"    {count} × {reason}", markup=False)
    if summary.worker_peak_mb:
        out.print(f"  peak memory per worker: {summary.peak_mb:.0f} MB ({len(summary.worker_peak_mb)} worker"
                  f"{'s' if len(summary.worker_peak_mb) != 1 else ''})")


def check_command(db: DbPath = Path(DEFAULT_PATH)) -> None:
    """Check a store: read every block (DuckDB verifies its checksum) and the corpus links' state."""
    try:
        with Store(db, read_only=True) as store:
            store.verify()
            stale = store.links_stale
            articles = len(store.article_ids())
    except StoreError as error:
        fail(str(error), EXIT_ERROR)
    print(f"{db}: sound; {articles} articles")
    if stale:
        fail(f"the corpus links do not cover every stored article (an ingest is running or stopped before "
             f"linking); `newsgraph ingest --db {db}` rebuilds them", EXIT_ERROR)
