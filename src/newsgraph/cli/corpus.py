"""Corpus commands: ingest, the questions (relations, speakers, quotes, actors, actor, network, stats),
export, and the demo."""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import networkx as nx
import pyarrow as pa
import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from ..corpus import BuildSummary, CorpusBuilder
from ..corpus.export import export_gdelt, export_tables
from ..corpus.queries import Corpus, QueryError, UnknownActor
from ..ingest import Columns, read_inputs
from ..nlp import ModelNotFound
from ..store import DEFAULT_PATH, RESUME_HINT, Store, StoreError
from .analyze import DateField, DebugOption, IdField, ModelOption, SourceField, TextField, TitleField, UrlField
from .common import EXIT_ERROR, EXIT_USAGE, fail, stderr, warn
from .report import shorten

DbOption = Annotated[Path, typer.Option("--db", help="The store file (or, for questions, a Parquet export folder).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="At most this many rows.")]
AboutOption = Annotated[Optional[str], typer.Option("--about", help="Only quotations about this actor.")]
STORE_DEFAULT = Path(DEFAULT_PATH)
TABLE_WIDTH = 120


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    gdelt = "gdelt"


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


# ---------------------------------------------------------------- ingest

class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} articles/s", style="cyan")


def ingest_command(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, folders, or - for standard input.")] = None,
    db: DbOption = STORE_DEFAULT,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1,
                                                   help="Analysis processes (default: all cores).")] = None,
    reanalyze: Annotated[bool, typer.Option("--reanalyze", help="Re-run extraction for stored articles and "
                                            "replace their rows (all stored articles when no PATH is given).")] = False,
    model: ModelOption = None,
    text_col: TextField = "text", title_col: TitleField = "title", id_col: IdField = "id",
    date_col: DateField = "date", source_col: SourceField = "source", url_col: UrlField = "url",
    debug: DebugOption = False,
) -> None:
    """Analyse articles into a store: parallel, idempotent, resumable after a crash."""
    if not paths and not reanalyze:
        fail("give files or folders to ingest (or --reanalyze to re-run extraction on the stored articles)")
    columns = Columns(text_col, title_col, id_col, date_col, source_col, url_col)
    with open_store(db) as store:
        items = read_inputs(paths, columns) if paths else list(store.articles())
        summary = run_build(store, items, workers, model, reanalyze, debug)
    print_summary(summary, db)
    if paths and summary.skipped and not (summary.added or summary.present or summary.replaced):
        raise SystemExit(EXIT_ERROR)


@contextmanager
def open_store(path: Path) -> Iterator[Store]:
    """The store to write, or one clear line and exit 1."""
    try:
        store = Store(path)
    except StoreError as error:
        fail(str(error), EXIT_ERROR)
    with store:
        yield store


class IngestProgress:
    """A progress bar with articles/s and ETA on a terminal; a line per commit in a log."""

    def __init__(self) -> None:
        self.bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=stderr,
                            transient=True, disable=not stderr.is_terminal)
        self.task = self.bar.add_task("reading", total=None)
        self.total = self.done = 0

    def start(self, total: int) -> None:
        self.total = total
        self.bar.update(self.task, total=total, description="analysing")

    def advance(self, count: int) -> None:
        self.done += count
        self.bar.advance(self.task, count)
        if not stderr.is_terminal:
            warn(f"stored {self.done} of {self.total} articles")


def run_build(store: Store, items, workers: int | None, model: str | None, reanalyze: bool,
              debug: bool) -> BuildSummary:
    progress = IngestProgress()
    builder = CorpusBuilder(store, workers=workers, model=model, reanalyze=reanalyze, on_total=progress.start,
                            on_progress=progress.advance)
    try:
        with progress.bar:
            return builder.build(items)
    except (StoreError, ModelNotFound) as error:
        fail(str(error), EXIT_ERROR)
    except KeyboardInterrupt:
        fail(f"interrupted after storing {progress.done} articles; {RESUME_HINT}", EXIT_ERROR)
    except Exception as error:
        if debug:
            raise
        fail(f"ingest stopped: {type(error).__name__}: {str(error).rstrip('.')}; {RESUME_HINT}", EXIT_ERROR)


def print_summary(summary: BuildSummary, db: Path) -> None:
    out = Console(highlight=False, soft_wrap=True)
    rate = (summary.added + summary.replaced) / summary.seconds if summary.seconds else 0
    out.print(f"[bold]{db}[/bold]: added {summary.added} articles ({summary.quotes} quotations, "
              f"{summary.events} events) in {summary.seconds:.1f} s ({rate:.1f} articles/s)")
    if summary.replaced:
        out.print(f"  re-analysed {summary.replaced} stored articles")
    out.print(f"  already present: {summary.present}")
    out.print(f"  near-duplicates among the new articles: {summary.near_duplicates}")
    out.print(f"  skipped: {sum(summary.skipped.values())}")
    for reason, count in summary.skipped.most_common():
        out.print(f"    {count} × {reason}", markup=False)
    if summary.worker_peak_mb:
        out.print(f"  peak memory per worker: {summary.peak_mb:.0f} MB ({len(summary.worker_peak_mb)} worker"
                  f"{'s' if len(summary.worker_peak_mb) != 1 else ''})")


# ---------------------------------------------------------------- questions

@contextmanager
def open_corpus(db: Path) -> Iterator[Corpus]:
    """A corpus for a question; every known failure becomes one clear line and an exit code."""
    try:
        corpus = Corpus(db)
    except StoreError as error:
        fail(str(error), EXIT_ERROR)
    with corpus:
        try:
            yield corpus
        except (UnknownActor, QueryError) as error:
            fail(str(error), EXIT_USAGE)


def show(table: pa.Table, as_json: bool, as_csv: bool, title: str | None = None, console: Console | None = None) -> None:
    """A query's answer as a rich table, JSON or CSV on standard output."""
    if as_json and as_csv:
        fail("give --json or --csv, not both")
    if as_json:
        sys.stdout.write(json.dumps(table.to_pylist(), ensure_ascii=False, default=str, indent=2) + "\n")
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows([cell_text(v, full=True) for v in row.values()] for row in table.to_pylist())
    else:
        render(table, title, console or wide_console())


def render(table: pa.Table, title: str | None, console: Console) -> None:
    """A rich table; identifier columns (``*_id``) are left to --json and --csv."""
    if not table.num_rows:
        console.print(Text(f"{title or 'result'}: nothing found", style="dim"))
        return
    shown = [name for name in table.column_names if not name.endswith("_id")]
    view = Table(title=title, title_justify="left")
    for name in shown:
        kind = table.schema.field(name).type
        numeric = pa.types.is_integer(kind) or pa.types.is_floating(kind)
        view.add_column(name.replace("_", "\n"), justify="right" if numeric else "left", no_wrap=numeric,
                        min_width=30 if name == "text" else None)
    for row in table.select(shown).to_pylist():
        view.add_row(*(cell_text(v) for v in row.values()))
    console.print(view)


def wide_console() -> Console:
    """Standard output; at least TABLE_WIDTH columns wide when it is not a terminal."""
    console = Console()
    if not console.is_terminal:
        console.width = max(console.width, TABLE_WIDTH)
    return console


def cell_text(value, full: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}" if not full else repr(value)
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False) if full else ", ".join(map(str, value))
    return str(value) if full else shorten(str(value))


def relations_command(
    first: Annotated[str, typer.Argument(help="An actor: name, alias or country code (NATO, RUS, Russia).")],
    second: Annotated[str, typer.Argument(help="The other actor.")],
    by: Annotated[Period, typer.Option("--by", help="The period of the time series.")] = Period.month,
    plot: Annotated[Optional[Path], typer.Option("--plot", help="Also draw the series to this image (.png, .svg).")] = None,
    db: DbOption = STORE_DEFAULT, as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """How two actors' relations move over time: event clusters by quad class and PLOVER score, both ways."""
    with open_corpus(db) as corpus:
        table = corpus.relations(first, second, by.value)
    show(table, as_json, as_csv, f"Relations {first} ↔ {second} by {by.value}")
    if not table.num_rows:
        warn(f"no dated event clusters between {first} and {second}" + ("; no plot written" if plot else ""))
    elif plot is not None:
        from ..corpus.plot import plot_relations
        try:
            plot_relations(table, first, second, by.value, plot)
        except (OSError, ValueError) as error:
            fail(f"cannot write the plot {plot}: {error}", EXIT_ERROR)
        stderr.print(f"newsgraph: plot written to {plot}", markup=False)


def speakers_command(
    top: Annotated[int, typer.Option("--top", min=1, help="How many speakers.")] = 20,
    about: AboutOption = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only articles from this outlet.")] = None,
    db: DbOption = STORE_DEFAULT, as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """Who is quoted most."""
    with open_corpus(db) as corpus:
        show(corpus.speakers(top, about, outlet), as_json, as_csv, "Speakers")


def quotes_command(
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Only quotations by this actor.")] = None,
    about: AboutOption = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Only quotations containing this text.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only articles from this date (YYYY-MM-DD).")] = None,
    limit: LimitOption = 50,
    db: DbOption = STORE_DEFAULT, as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """Quotation clusters: each quotation once, with where and when it was first seen and how far it spread."""
    with open_corpus(db) as corpus:
        show(corpus.quotes(speaker, about, search, since, limit), as_json, as_csv, "Quotations")


def actors_command(
    country: Annotated[Optional[str], typer.Option("--country", help="A country code, e.g. RUS.")] = None,
    sector: Annotated[Optional[str], typer.Option("--sector", help="A sector code, e.g. GOV.")] = None,
    limit: LimitOption = 50,
    db: DbOption = STORE_DEFAULT, as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """The corpus actors, most mentioned first."""
    with open_corpus(db) as corpus:
        show(corpus.actors(country, sector, limit), as_json, as_csv, "Actors")


def actor_command(
    name: Annotated[str, typer.Argument(help="A name, alias or country code.")],
    db: DbOption = STORE_DEFAULT, as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """One actor: roles, quotations, events and counterparts."""
    with open_corpus(db) as corpus:
        profile = corpus.actor(name)
    if as_json:
        sys.stdout.write(json.dumps({part: table.to_pylist() for part, table in profile.items()},
                                    ensure_ascii=False, default=str, indent=2) + "\n")
        return
    for part, table in profile.items():
        if as_csv:
            sys.stdout.write(f"# {part}\n")
        show(table, False, as_csv, part.capitalize())


def network_command(
    out: Annotated[Path, typer.Option("--out", help="FILE.graphml or FILE.json (node-link).")],
    db: DbOption = STORE_DEFAULT,
) -> None:
    """The actor network, weighted by events and their scores."""
    if out.suffix.lower() not in (".graphml", ".json"):
        fail(f"--out must end in .graphml or .json, not {out.name!r}")
    with open_corpus(db) as corpus:
        graph = corpus.network()
    try:
        if out.suffix.lower() == ".graphml":
            nx.write_graphml(graph, out)
        else:
            out.write_text(json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, indent=1))
    except OSError as error:
        fail(f"cannot write {out}: {error.strerror or error}", EXIT_ERROR)
    print(f"{out}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} links")


def stats_command(db: DbOption = STORE_DEFAULT, as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """What the store holds."""
    with open_corpus(db) as corpus:
        show(corpus.stats(), as_json, as_csv, f"{db}")


def export_command(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="parquet, csv or jsonl for every table; "
                                                 "gdelt for events in the GDELT 2.0 event layout.")],
    out: Annotated[Path, typer.Option("--out", help="The folder to write into.")],
    db: DbOption = STORE_DEFAULT,
) -> None:
    """Export the store's tables (the Parquet export reopens with --db FOLDER and newsgraph.Corpus)."""
    with open_corpus(db) as corpus:
        try:
            if format is ExportFormat.gdelt:
                written = [export_gdelt(corpus.connection, out)]
            else:
                written = export_tables(corpus.connection, out, format.value)
        except OSError as error:
            fail(f"cannot write to {out}: {error.strerror or error}", EXIT_ERROR)
    print(f"wrote {len(written)} file{'s' if len(written) != 1 else ''} to {out}")


# ---------------------------------------------------------------- demo

def demo_command(model: ModelOption = None, debug: DebugOption = False,
                 db: Annotated[Optional[Path], typer.Option("--db", help="Keep the demo store here "
                                                            "(default: a temporary file).")] = None) -> None:
    """Ingest the bundled sample articles into a fresh store and print a short corpus report."""
    samples = resources.files("newsgraph.samples").joinpath("articles.jsonl")
    with tempfile.TemporaryDirectory() as folder, resources.as_file(samples) as path:
        store_path = db or Path(folder) / DEFAULT_PATH
        with open_store(store_path) as store:
            summary = run_build(store, read_inputs([str(path)]), 1, model, False, debug)
        print_summary(summary, store_path)
        with open_corpus(store_path) as corpus:
            corpus_report(corpus)


def corpus_report(corpus: Corpus) -> None:
    console = wide_console()
    render(corpus.speakers(top=5), "Top speakers", console)
    render(corpus.quotes(limit=5), "Top quotation clusters", console)
    states = corpus.most_active_states(2)
    if len(states) == 2:
        first, second = states
        render(corpus.relations(first, second, "month"), f"Relations {first} ↔ {second} by month", console)
    else:
        console.print(Text("No events between two different states in the samples.", style="dim"))
