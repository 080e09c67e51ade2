"""What every command shares: exit codes, messages on stderr, output formats."""

from __future__ import annotations

import sys
from enum import Enum
from typing import NoReturn

import duckdb
from rich.console import Console

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def warn(message: str) -> None:
    """One line on stderr, naming what went wrong."""
    stderr.print(f"newsgraph: {message}", markup=False)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    warn(message)
    raise SystemExit(code)


def default_format(given: OutputFormat | None) -> OutputFormat:
    """A table on a terminal, JSON Lines when piped."""
    if given is not None:
        return given
    return OutputFormat.table if sys.stdout.isatty() else OutputFormat.jsonl


def interrupted(error: BaseException) -> bool:
    """Ctrl-C, also as DuckDB reports it from inside a statement (RuntimeError: Query interrupted)."""
    return isinstance(error, (KeyboardInterrupt, duckdb.InterruptException)) or (
        isinstance(error, RuntimeError) and "interrupted" in str(error).lower())
