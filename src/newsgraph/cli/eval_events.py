"""`newsgraph eval events GOLD.jsonl`: event coding against gold records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..evaluate.events import EventsReport, evaluate_events, read_gold
from ..pipeline import Pipeline
from .analyze import ModelOption
from .common import fail

TARGETS = {"type_found": 0.75, "macro_f1": 0.70, "actor_country": 0.80, "recipient_country": 0.70,
           "triple_f1": 0.55}


def eval_events_command(
    gold: Annotated[Path, typer.Argument(help="Gold records, one JSON object a line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the measures as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List the records the coder got wrong.")] = False,
    model: ModelOption = None,
) -> None:
    """Event type, actor and recipient accuracy and (type, actor, recipient) triple F1 against gold."""
    if not gold.is_file():
        fail(f"no such gold file: {gold}")
    report = evaluate_events(Pipeline(model), read_gold(gold))
    console = Console(soft_wrap=True, highlight=False)
    if as_json:
        body = report.summary()
        if errors:
            body["errors"] = [vars(r) for r in report.results if r.is_error]
        print(json.dumps(body, indent=2))
        return
    console.print(measures_table(report))
    if errors:
        print_errors(report, console)


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
