"""Writing Analysis records as a rich report, JSON or JSON Lines."""

from __future__ import annotations

from types import TracebackType
from typing import TextIO

from rich.console import Console

from ..model import Analysis
from .common import OutputFormat
from .report import render_analysis


class RecordWriter:
    """Streams records; ``json`` prints one object for one record, an array for several."""

    def __init__(self, output: OutputFormat, stream: TextIO) -> None:
        self.output = output
        self.stream = stream
        self.console = Console(file=stream, soft_wrap=False) if output is OutputFormat.table else None
        self.held: str | None = None
        self.count = 0

    def __enter__(self) -> RecordWriter:
        return self

    def write(self, analysis: Analysis) -> None:
        self.count += 1
        if self.console is not None:
            render_analysis(analysis, self.console)
        elif self.output is OutputFormat.jsonl:
            self.stream.write(analysis.to_json() + "\n")
            self.stream.flush()
        else:
            self._write_json(analysis.to_json(indent=2))

    def _write_json(self, text: str) -> None:
        if self.count == 1:
            self.held = text
            return
        if self.held is not None:
            self.stream.write("[\n" + self.held)
            self.held = None
        self.stream.write(",\n" + text)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.output is not OutputFormat.json:
            return
        if self.held is not None:
            self.stream.write(self.held + "\n")
        elif self.count > 1:
            self.stream.write("\n]\n")
        elif self.count == 0:
            self.stream.write("[]\n")
