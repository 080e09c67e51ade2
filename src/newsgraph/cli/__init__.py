"""The newsgraph command line: a thin layer over the Python API."""

from __future__ import annotations

import sys

import typer

from .analyze import analyze_command
from .corpus import (actor_command, actors_command, demo_command, errors_command, export_command, network_command,
                     quotes_command, relations_command, speakers_command, stats_command)
from .common import EXIT_ERROR, fail
from .eval_events import eval_events_command
from .eval_quotes import eval_quotes_command
from .ingest import check_command, ingest_command
from .spark import spark_ingest_command
from .web import serve_command

app = typer.Typer(
    name="newsgraph",
    help="Who said what, and who did what to whom, in news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure accuracy against hand-annotated gold files.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
eval_app.command("events")(eval_events_command)
eval_app.command("quotes")(eval_quotes_command)

app.command("analyze")(analyze_command)
app.command("demo")(demo_command)
app.command("ingest")(ingest_command)
app.command("errors")(errors_command)
app.command("check")(check_command)
app.command("relations")(relations_command)
app.command("speakers")(speakers_command)
app.command("quotes")(quotes_command)
app.command("actors")(actors_command)
app.command("actor")(actor_command)
app.command("network")(network_command)
app.command("stats")(stats_command)
app.command("export")(export_command)
app.command("serve")(serve_command)
app.command("spark-ingest")(spark_ingest_command)


def main() -> None:
    """Console entry point: no traceback reaches the user unless --debug is given."""
    debug = "--debug" in sys.argv
    try:
        app()
    except KeyboardInterrupt:
        fail("interrupted", EXIT_ERROR)
    except Exception as error:
        if debug:
            raise
        fail(f"error: {type(error).__name__}: {error} (run with --debug for details)", EXIT_ERROR)
