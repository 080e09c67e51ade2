"""`newsgraph eval events GOLD...`: event coding against gold records or gold articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..evaluate.events import (ArticleEventsReport, ArticleGoldError, EventsReport, article_gold_files,
                               evaluate_article_events, evaluate_events, read_gold)
from ..pipeline import Pipeline
from .analyze import ModelOption
from .common import fail

TARGETS = {"type_found": 0.75, "macro_f1": 0.70, "actor_country": 0.80, "recipient_country": 0.70,
           "triple_f1": 0.55}
ARTICLE_TARGETS = {"actor": 0.75, "recipient": 0.65, "triple_f1": 0.50}
ARTICLE_MEASURES = ("gold", "predicted", "matched", "type_found", "actor", "recipient",
                    "triple_precision", "triple_recall", "triple_f1")


def eval_events_command(
    gold: Annotated[list[Path], typer.Argument(
        help="Gold records (a .jsonl file, one record a line), or article gold files or folders of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the measures as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List what the coder got wrong.")] = False,
    model: ModelOption = None,
) -> None:
    """Event type, actor and recipient accuracy and (type, actor, recipient) triple F1 against gold."""
    if len(gold) == 1 and gold[0].suffix == ".jsonl":
        if not gold[0].is_file():
            fail(f"no such gold file: {gold[0]}")
        report_records(evaluate_events(Pipeline(model), read_gold(gold[0])), as_json, errors)
        return
    try:
        golds = article_gold_files(gold)
    except ArticleGoldError as error:
        fail(str(error))
    report_articles(evaluate_article_events(Pipeline(model), golds), as_json, errors)


def report_records(report: EventsReport, as_json: bool, errors: bool) -> None:
    if as_json:
        body = report.summary()
        if errors:
            body["errors"] = [vars(r) for r in report.results if r.is_error]
        print(json.dumps(body, indent=2))
        return
    console = Console(soft_wrap=True, highlight=False)
    console.print(measures_table(report))
    if errors:
        print_errors(report, console)


def report_articles(report: ArticleEventsReport, as_json: bool, errors: bool) -> None:
    if as_json:
        body = report.summary()
        if errors:
            body["errors"] = [vars(e) for e in report.errors]
        print(json.dumps(body, indent=2))
        return
    console = Console(soft_wrap=True, highlight=False)
    console.print(article_table(report))
    if errors:
        for error in report.errors:
            console.print(f"\n{error.article} {error.kind.upper()}: {error.event}", markup=False)
            console.print(f"  {error.context}", markup=False)


def article_table(report: ArticleEventsReport) -> Table:
    table = Table(title=f"Events against gold ({report.articles} articles)", title_justify="left")
    for column in ("measure", "all parties", "countries only", "target"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    every, countries = report.all_parties.measures(), report.countries_only.measures()
    for name in ARTICLE_MEASURES:
        target = ARTICLE_TARGETS.get(name)
        shown = lambda value: f"{value:.3f}" if isinstance(value, float) else str(value)  # noqa: E731
        table.add_row(name.replace("_", " "), shown(every[name]), shown(countries[name]),
                      f"{target:.2f}" if target else "")
    return table


def measures_table(report: EventsReport) -> Table:
    table = Table(title=f"Events against gold ({report.records} records)", title_justify="left")
    for column in ("measure", "value", "target"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for name in ("type_found", "type_top", "macro_f1", "actor_country", "recipient_country",
                 "triple_precision", "triple_recall", "triple_f1"):
        target = TARGETS.get(name)
        table.add_row(name.replace("_", " "), f"{getattr(report, name):.3f}", f"{target:.2f}" if target else "")
    table.add_row("per-type F1", ", ".join(f"{t} {v:.2f}" for t, v in report.per_type_f1.items()), "")
    return table


def print_errors(report: EventsReport, console: Console) -> None:
    for result in report.results:
        if not result.is_error:
            continue
        console.print(f"\n[bold]{result.id}[/bold] gold {result.gold_type} "
                      f"{result.gold_actor} → {result.gold_recipient}")
        console.print(f"  {result.text}", markup=False)
        for event in result.predicted or [{"type": "(no event)"}]:
            console.print(f"  · {event.get('type')} {event.get('actor', '')} → {event.get('recipient', '')} "
                          f"“{event.get('trigger', '')}”", markup=False)
