"""Readers for every input newsgraph takes: text, HTML, JSON, JSON Lines, CSV, Parquet, folders, stdin."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..model import Article
from .articles import make_article
from .decode import MAX_ARTICLE_BYTES, UnreadableInput, decode_bytes, repair_mojibake

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
MIN_BODY_WORDS = 10  # fewer words than this is navigation or boilerplate, not an article
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | PARQUET_SUFFIXES


@dataclass
class InputError:
    """An input that was skipped, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Columns:
    """Which fields of a record (CSV, Parquet, JSON) hold the article's parts."""

    text: str = "text"
    title: str = "title"
    id: str = "id"
    date: str = "date"
    source: str = "source"
    url: str = "url"

    def article(self, record: dict[str, Any], origin: str, path: str | None,
                warnings: Sequence[str] = ()) -> Article | InputError:
        if any(isinstance(value, str) and "\x00" in value for value in record.values()):
            record = {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in record.items()}
            warnings = [*warnings, "NUL characters removed"]
        text = record.get(self.text)
        if not isinstance(text, str) or not text.strip():
            return InputError(origin, f"no text in field {self.text!r}")
        if len(text.encode("utf-8", "surrogatepass")) > MAX_ARTICLE_BYTES:
            return InputError(origin, f"text too large (over {MAX_ARTICLE_BYTES // 1_000_000} MB)")
        mapping = {"id": self.id, "title": self.title, "date": self.date, "source": self.source, "url": self.url}
        fields = {name: record.get(column) for name, column in mapping.items()}
        used = set(mapping.values()) | {self.text}
        extra = {k: v for k, v in record.items() if k not in used}
        decoded = repair_mojibake(text)
        return make_article(decoded.text, path=path, warnings=[*warnings, *decoded.warnings], **fields, **extra)


# A reader takes decoded text, the decoding's warnings, where the text came from, and the columns.
Reader = Callable[[str, list[str], str, Columns], Iterator[Article | InputError]]


def read_inputs(paths: Iterable[str], columns: Columns | None = None, stdin: BinaryIO | None = None,
                fetcher: Fetcher | None = None) -> Inputs:
    """Every article in the given paths (``-`` is standard input, URLs are fetched), and an error per unreadable input."""
    return Inputs(paths, columns or Columns(), stdin, fetcher)


class Inputs:
    """The articles and errors of some inputs, read in order as they are iterated. The article of a crawled page
    is extracted on the way, unless a caller takes the pages unread (``with_pages``) to extract them in parallel."""

    def __init__(self, paths: Iterable[str], columns: Columns, stdin: BinaryIO | None,
                 fetcher: Fetcher | None) -> None:
        self.paths = paths
        self.columns = columns
        self.stdin = stdin
        self.fetcher = fetcher

    def __iter__(self) -> Iterator[Article | InputError]:
        for item in self.with_pages():
            yield item.article() if isinstance(item, Page) else item

    def with_pages(self) -> Iterator[Article | InputError | Page]:
        for given in self.paths:
            if is_url(given):
                yield from read_url(given, self.fetcher or Fetcher())
                continue
            if given == "-":
                data = (self.stdin or sys.stdin.buffer).read()
                yield from read_bytes(data, "-", sniff_reader(data), self.columns, path=None)
                continue
            path = Path(given)
            kind = entry_kind(path)
            if kind == "folder":
                yield from read_folder(path, given, self.columns, self.fetcher)
            elif kind == "file":
                yield from read_file(path, given, self.columns, self.fetcher)
            else:
                yield InputError(given, kind)


def entry_kind(path: Path) -> str:
    """'folder', 'file', or why the path cannot be read (which never raises: one bad entry loses nothing else)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "dangling symbolic link" if path.is_symlink() else "no such file or directory"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return "not a regular file or directory (a FIFO, socket or device)"


def read_folder(folder: Path, given: str, columns: Columns,
                fetcher: Fetcher | None = None) -> Iterator[Article | InputError | Page]:
    files: list[Path] = []
    for item in walk_folder(folder):
        if isinstance(item, InputError):
            yield item
        elif is_readable(item.name):
            files.append(item)
    for path in sorted(files):
        yield from read_file(path, str(path), columns, fetcher)
    if not files:
        yield InputError(given, "no readable articles in this directory "
                                f"(looked for {', '.join(sorted(READABLE_SUFFIXES))})")


def walk_folder(folder: Path) -> Iterator[Path | InputError]:
    """The regular files under ``folder`` (hidden ones left out), and an error for each entry that cannot be
    entered or read: an unreadable folder, a symbolic link loop, a dangling link, a FIFO or device."""
    entered = {folder_key(folder)}
    pending = [folder]
    while pending:
        directory = pending.pop()
        if not os.access(directory, os.R_OK | os.X_OK):
            yield InputError(str(directory), "cannot enter this folder (permission denied); its files were skipped")
            continue
        try:
            entries = list(os.scandir(directory))
        except OSError as error:
            yield InputError(str(directory), f"cannot list this folder: {error.strerror or error}")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            kind = entry_kind(path)
            if kind == "file":
                yield path
            elif kind != "folder":
                yield InputError(entry.path, kind)
            elif (key := folder_key(path)) in entered:
                yield InputError(entry.path, "a folder already read (a symbolic link loop or a second link to it); "
                                             "not read again")
            else:
                entered.add(key)
                pending.append(path)


def folder_key(folder: Path) -> tuple[int, int]:
    status = folder.stat()
    return status.st_dev, status.st_ino


def read_file(path: Path, given: str, columns: Columns,
              fetcher: Fetcher | None = None) -> Iterator[Article | InputError | Page]:
    suffix = path.suffix.lower()
    reader = READERS.get(suffix, read_text)
    try:
        size = path.stat().st_size
        if size == 0:
            yield InputError(given, "empty file")
            return
        if is_stream_input(path.name):
            yield from read_stream(lambda: path.open("rb"), path.name, given, columns, fetcher)
            return
        if reader in (read_text, read_html, read_json) and size > MAX_ARTICLE_BYTES:
            yield InputError(given, f"file too large for one article ({size / 1e6:.1f} MB; "
                                    f"the limit is {MAX_ARTICLE_BYTES // 1_000_000} MB)")
            return
        if reader is read_parquet:
            yield from read_parquet(path, given, columns)
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputError(given, f"cannot read: {error.strerror or error}")
        return
    yield from read_bytes(data, given, reader, columns, path=given)


def read_bytes(data: bytes, origin: str, reader: Reader, columns: Columns,
               path: str | None) -> Iterator[Article | InputError]:
    if not data.strip():
        yield InputError(origin, "empty input")
        return
    try:
        decoded = decode_bytes(data)
    except UnreadableInput as error:
        yield InputError(origin, str(error))
        return
    if not decoded.text.strip():
        yield InputError(origin, "no text (only white space)")
        return
    for item in reader(decoded.text, decoded.warnings, origin, columns):
        if isinstance(item, Article):
            item.path = path
        yield item


def sniff_reader(data: bytes) -> Reader:
    head = data.lstrip()[:512].lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return read_html
    if head.startswith(b"{"):
        first = data.lstrip().split(b"\n", 1)[0].strip()
        try:
            json.loads(first)
            return read_jsonl
        except ValueError:
            return read_json
    if head.startswith(b"["):
        return read_json
    return read_text


def read_text(text: str, warnings: list[str], origin: str, columns: Columns) -> Iterator[Article | InputError]:
    yield make_article(text, warnings=warnings)


def read_html(html: str, warnings: list[str], origin: str, columns: Columns) -> Iterator[Article | InputError]:
    fields = html_fields(html)
    if isinstance(fields, str):
        yield InputError(origin, fields)
        return
    yield make_article(fields.pop("text"), warnings=warnings, **fields)


def html_fields(html: str | bytes, url: str | None = None,
                guess_dates: bool = True) -> dict[str, str | None] | str:
    """The article in a page (text, title, date, author, url, source) by trafilatura, or why there is none.

    ``guess_dates=False`` takes the date from the page's markup only, never from dates in its text.
    """
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                               include_tables=False,
                                               date_extraction_params=set_date_params(guess_dates))
    except Exception as error:  # trafilatura raises many kinds on broken markup
        return f"HTML could not be parsed ({type(error).__name__})"
    extracted = document.as_dict() if document is not None else {}
    body = extracted.get("text") or ""
    if len(body.split()) < MIN_BODY_WORDS:
        return "HTML page has no article body"
    title = (extracted.get("title") or "").strip()
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return {"text": text, "title": title or None, "date": extracted.get("date"), "author": extracted.get("author"),
            "url": extracted.get("url"), "source": extracted.get("sitename") or extracted.get("hostname")}


def read_json(text: str, warnings: list[str], origin: str, columns: Columns) -> Iterator[Article | InputError]:
    try:
        document = json.loads(text)
    except ValueError as error:
        yield InputError(origin, f"invalid JSON ({error})")
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, 1):
        where = origin if len(records) == 1 else f"{origin}: record {number}"
        if not isinstance(record, dict):
            yield InputError(where, "not a JSON object")
            continue
        yield columns.article(record, where, origin, warnings)


def read_jsonl(text: str, warnings: list[str], origin: str, columns: Columns) -> Iterator[Article | InputError]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}: line {number}"
        try:
            record = json.loads(line)
        except ValueError as error:
            yield InputError(where, f"invalid JSON ({error.args[0].split(':')[0]})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "not a JSON object")
            continue
        yield columns.article(record, where, origin, warnings)


def read_csv(text: str, warnings: list[str], origin: str, columns: Columns) -> Iterator[Article | InputError]:
    dialect = csv.excel_tab if origin.lower().endswith(".tsv") else csv.excel
    rows = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if rows.fieldnames is None or columns.text not in rows.fieldnames:
        yield InputError(origin, f"no column {columns.text!r} (use --text-col; columns: "
                                 f"{', '.join(rows.fieldnames or [])})")
        return
    try:
        for number, row in enumerate(rows, 2):
            yield columns.article(row, f"{origin}: line {number}", origin, warnings)
    except csv.Error as error:
        yield InputError(origin, f"malformed CSV ({error})")


def read_parquet(path: Path, given: str, columns: Columns) -> Iterator[Article | InputError]:
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises ArrowInvalid, OSError and others on bad files
        yield InputError(given, f"not a readable Parquet file ({type(error).__name__})")
        return
    if columns.text not in table.schema_arrow.names:
        yield InputError(given, f"no column {columns.text!r} (use --text-col; columns: "
                                f"{', '.join(table.schema_arrow.names)})")
        return
    number = 0
    for batch in table.iter_batches(batch_size=512):
        for record in batch.to_pylist():
            number += 1
            yield columns.article(record, f"{given}: row {number}", given)


READERS: dict[str, Reader] = {
    **{s: read_text for s in TEXT_SUFFIXES},
    **{s: read_html for s in HTML_SUFFIXES},
    **{s: read_json for s in JSON_SUFFIXES},
    **{s: read_jsonl for s in JSONL_SUFFIXES},
    **{s: read_csv for s in CSV_SUFFIXES},
    **{s: read_parquet for s in PARQUET_SUFFIXES},  # type: ignore[dict-item]
}


# Compressed files, web archives, feeds, sitemaps and URL lists build on the readers above.
from .feeds import is_url, read_url  # noqa: E402
from .fetch import Fetcher  # noqa: E402
from .pages import Page  # noqa: E402
from .streams import is_readable, is_stream_input, read_stream  # noqa: E402
