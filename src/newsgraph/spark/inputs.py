"""Inputs for a Spark run: listed on the driver through Hadoop (local, HDFS, S3 paths and globs), read on the
executors with the same readers as ``ingest``, each file as a stream."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from pyspark.sql import SparkSession

from ..ingest import Columns, InputError, Page
from ..ingest.readers import read_file
from ..ingest.streams import is_readable, read_stream
from ..model import Article


def list_inputs(spark: SparkSession, paths: list[str]) -> tuple[dict[str, int], list[InputError]]:
    """Every readable file under the given paths and globs (in order, with its size in bytes), and an error for
    each path that names none."""
    context = spark.sparkContext
    hadoop_path = context._jvm.org.apache.hadoop.fs.Path  # type: ignore[attr-defined]
    configuration = context._jsc.hadoopConfiguration()  # type: ignore[attr-defined]
    files: dict[str, int] = {}
    errors = []
    for given in paths:
        path = hadoop_path(given)
        statuses = path.getFileSystem(configuration).globStatus(path) or []
        found = [entry for status in statuses for entry in files_under(status, path.getFileSystem(configuration))]
        if not statuses:
            errors.append(InputError(given, "no such file or directory"))
        elif not found:
            errors.append(InputError(given, "no readable articles here"))
        files.update(found)
    return dict(sorted(files.items())), errors


def files_under(status, fs) -> Iterator[tuple[str, int]]:
    if not status.isDirectory():
        yield status.getPath().toString(), status.getLen()
        return
    listing = fs.listFiles(status.getPath(), True)
    root = status.getPath().toString()
    while listing.hasNext():
        found = listing.next()
        name = found.getPath().toString()
        relative = name[len(root):]
        if is_readable(name) and not any(part.startswith((".", "_")) for part in relative.split("/")):
            yield name, found.getLen()


def local_path(uri: str) -> Path | None:
    parts = urlsplit(uri)
    return Path(unquote(parts.path)) if parts.scheme in ("", "file") else None


def read_listed(uri: str, columns: Columns) -> Iterator[Article | InputError | Page]:
    """The articles of one listed file, read where the task runs."""
    local = local_path(uri)
    if local is not None:
        yield from read_file(local, str(local), columns)
    else:
        yield from read_stream(lambda: open_remote(uri), uri, uri, columns)


def open_remote(uri: str) -> BinaryIO:
    """A stream of a file on HDFS, S3 or another file system that pyarrow reaches."""
    from pyarrow import fs

    filesystem, path = fs.FileSystem.from_uri(re.sub(r"^s3[an]://", "s3://", uri))  # Hadoop's names for S3
    return filesystem.open_input_stream(path)  # type: ignore[return-value]
