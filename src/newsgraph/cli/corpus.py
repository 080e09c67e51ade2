"""Corpus commands: the questions (relations, speakers, quotes, actors, actor, network, stats), export,
and the demo."""

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

import duckdb
import networkx as nx
import pyarrow as pa
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..corpus import CorpusBuilder
from ..corpus.export import export_gdelt, export_tables
from ..corpus.queries import Corpus, QueryError, UnknownActor
from ..ingest import read_inputs
from ..store import DEFAULT_PATH, Store, StoreError
from .analyze import DebugOption, ModelOption
from .common import EXIT_ERROR, EXIT_USAGE, fail, interrupted, stderr, warn
from .ingest import open_store, print_summary, run_build
from .report import shorten

DbOption = Annotated[Path, typer.Option("--db", help="The store file (or, for questions, a Parquet export folder).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]
MAX_ROWS = 10**9  # larger numbers are a usage error, not a database overflow
LimitOption = Annotated[int, typer.Option("--limit", min=1, max=MAX_ROWS, help="At most this many rows.")]
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


# ---------------------------------------------------------------- questions

@contextmanager
def open_corpus(db: Path) -> Iterator[Corpus]:
    """A corpus for a question; every known failure becomes one clear line and an exit code."""
    try:
        corpus = Corpus(db)
    except StoreError as error:
        fail(str(error), EXIT_ERROR)
    with corpus:
        if corpus.store is not None and corpus.store.links_stale:
            warn(f"the corpus links do not yet cover every stored article (an ingest is running or stopped before "
                 f"linking): actors, clusters and duplicates may be incomplete; `newsgraph ingest --db {db}` "
                 "rebuilds them")
        try:
            yield corpus
        except (UnknownActor, QueryError) as error:
            fail(str(error), EXIT_USAGE)
        except (KeyboardInterrupt, RuntimeError, duckdb.Error) as error:
            if interrupted(error):
                fail("interrupted", EXIT_ERROR)
            raise


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
    top: Annotated[int, typer.Option("--top", min=1, max=MAX_ROWS, help="How many speakers.")] = 20,
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


def errors_command(db: DbOption = STORE_DEFAULT, as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """The inputs and articles ingest skipped, and why (an article id marks a failed analysis)."""
    try:
        with Store(db, read_only=True) as store:
            table = store.errors()
    except StoreError as error:
        fail(str(error), EXIT_ERROR)
    show(table, as_json, as_csv, f"Skipped by ingest into {db}")


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
        except (OSError, duckdb.IOException) as error:
            reason = getattr(error, "strerror", None) or str(error).splitlines()[0]
            fail(f"cannot write to {out}: {reason}; no file was written", EXIT_ERROR)
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
            summary = run_build(CorpusBuilder(store, workers=1, model=model), read_inputs([str(path)]), debug)
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
