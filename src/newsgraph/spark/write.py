"""Tables written by the tasks themselves, with pyarrow: one pass over the corpus, the store's own Arrow
schema, and file names fixed by run, task and chunk, so that a retried task rewrites its files instead of
adding to them, and a later run's files never take an earlier run's names."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from urllib.parse import unquote, urlsplit

import pyarrow as pa
import pyarrow.parquet as pq
from pyarrow import fs

from ..store import ARTICLE_TABLES, TableRows
from ..store.schema import arrow_schema
from .tables import DAY, day_of

CHUNK_ARTICLES = 500  # rows of this many articles are held in memory before they are written


def arrow_filesystem(uri: str) -> tuple[fs.FileSystem, str]:
    """The pyarrow file system and path of a Hadoop-style URI (``file:/x``, ``hdfs://nn/x``, ``s3a://b/x``)."""
    parts = urlsplit(uri)
    if parts.scheme in ("", "file"):
        return fs.LocalFileSystem(), unquote(parts.path)
    return fs.FileSystem.from_uri(re.sub(r"^s3[an]://", "s3://", uri))  # Hadoop's names for S3


def read_rows(uri: str, columns: list[str]) -> list[dict]:
    """The rows of one Parquet file, with the given columns."""
    filesystem, path = arrow_filesystem(uri)
    return pq.read_table(path, columns=columns, filesystem=filesystem).to_pylist()


def write_articles_task(name: str, analysed: Iterable[TableRows], staging: str) -> tuple[int, int, int]:
    """Write one task's article rows under ``staging/<table>/day=<day>/``; (articles, quotes, events)."""
    filesystem, root = arrow_filesystem(staging)
    chunk: list[TableRows] = []
    number = 0
    counts = [0, 0, 0]
    for rows in analysed:
        chunk.append(rows)
        counts = [counts[0] + 1, counts[1] + len(rows["quotes"]), counts[2] + len(rows["events"])]
        if len(chunk) >= CHUNK_ARTICLES:
            write_chunk(filesystem, root, f"{name}-{number:04d}", chunk)
            chunk, number = [], number + 1
    write_chunk(filesystem, root, f"{name}-{number:04d}", chunk)
    return counts[0], counts[1], counts[2]


def write_chunk(filesystem: fs.FileSystem, root: str, name: str, chunk: list[TableRows]) -> None:
    by_day: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for rows in chunk:
        day = day_of(rows["articles"][0]["date"])
        for table in ARTICLE_TABLES:
            by_day[(table, f"{DAY}={day}")].extend(rows.get(table, []))
    write_tables(filesystem, root, name, by_day)


def write_tables(filesystem: fs.FileSystem, root: str, name: str,
                 rows_by_folder: dict[tuple[str, str], list[dict]]) -> None:
    """Write the rows of each (table, sub-folder) as ``root/<table>/<sub-folder>/<name>.parquet``."""
    for (table, sub_folder), table_rows in rows_by_folder.items():
        if not table_rows:
            continue
        folder = "/".join(part for part in (root, table, sub_folder) if part)
        filesystem.create_dir(folder, recursive=True)
        # Written under a name no reader takes, then renamed: a file is either whole or absent.
        pq.write_table(pa.Table.from_pylist(table_rows, schema=arrow_schema(table)), f"{folder}/.{name}.tmp",
                       filesystem=filesystem)
        filesystem.move(f"{folder}/.{name}.tmp", f"{folder}/{name}.parquet")


def write_rows_task(name: str, rows: Iterator[tuple[str, dict]], root: str) -> dict[str, int]:
    """Write (table, row) pairs of one task as ``root/<table>/<name>.parquet``; the rows written per table."""
    by_table: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for table, row in rows:
        by_table[(table, "")].append(row)
    filesystem, path = arrow_filesystem(root)
    write_tables(filesystem, path, name, by_table)
    return {table: len(table_rows) for (table, _), table_rows in by_table.items()}
