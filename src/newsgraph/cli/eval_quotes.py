"""`newsgraph eval quotes GOLD...`: quotation spans and speakers against gold files."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..evaluate.quotes import SPEAKER_ERROR_KINDS, GoldError, QuotesReport, evaluate_quotes, gold_files, read_gold_file
from ..nlp import ModelNotFound
from ..pipeline import Pipeline
from .analyze import ModelOption
from .common import EXIT_ERROR, fail

MEASURES = ("precision", "recall", "f1", "speaker_accuracy", "end_to_end_f1", "source_mention_accuracy",
            "predicted", "gold", "matched")


def eval_quotes_command(
    gold: Annotated[list[str], typer.Argument(help="Gold JSON files, or folders of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the measures as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List every miss, false hit and wrong speaker.")] = False,
    model: ModelOption = None,
) -> None:
    """Span precision, recall and F1, speaker accuracy and end-to-end F1, for quoted and indirect quotations."""
    try:
        documents = [read_gold_file(path) for path in gold_files(gold)]
    except GoldError as error:
        fail(str(error))
    if not documents:
        fail("no gold files found in " + ", ".join(gold))
    try:
        pipeline = Pipeline(model)
    except ModelNotFound as error:
        fail(str(error), EXIT_ERROR)
    report = evaluate_quotes(pipeline, documents)
    if as_json:
        body = report.summary()
        if errors:
            body["errors"] = [asdict(e) for e in report.errors]
            body["speaker_errors_by_kind"] = report.speaker_errors_by_kind()
        print(json.dumps(body, indent=2, ensure_ascii=False))
        return
    console = Console(soft_wrap=True, highlight=False)
    console.print(measures_table(report))
    if errors:
        print_errors(report, console)
        console.print(speaker_errors_table(report))


def measures_table(report: QuotesReport) -> Table:
    table = Table(title=f"Quotations against gold ({report.documents} articles)", title_justify="left")
    table.add_column("measure")
    for category in report.counts:
        table.add_column(category, justify="right")
    summary = report.summary()
    for measure in MEASURES:
        values = [summary[category][measure] for category in report.counts]
        if all(v is None for v in values):
            continue
        table.add_row(measure.replace("_", " "), *(shown(v) for v in values))
    return table


def shown(value: float | int | None) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def speaker_errors_table(report: QuotesReport) -> Table:
    """Wrong speakers counted by kind, for each category."""
    grouped = report.speaker_errors_by_kind()
    table = Table(title="Wrong speakers by kind", title_justify="left")
    table.add_column("kind")
    for category in report.counts:
        table.add_column(category, justify="right")
    table.add_column("what it means")
    for kind, meaning in SPEAKER_ERROR_KINDS.items():
        counts = [grouped.get(category, {}).get(kind, 0) for category in report.counts]
        if any(counts):
            table.add_row(kind, *(str(c) for c in counts), meaning)
    return table


def print_errors(report: QuotesReport, console: Console) -> None:
    for error in report.errors:
        speakers = ""
        if error.error != "false":
            speakers = f" gold: {error.gold_speaker}"
        if error.error != "miss":
            speakers += f" predicted: {error.predicted_speaker}"
        kind = f" [{error.speaker_error}]" if error.speaker_error else ""
        console.print(f"{error.doc} {error.category} {error.error}{kind}{speakers}", style="bold", markup=False)
        console.print(f"    {error.context}", markup=False)
