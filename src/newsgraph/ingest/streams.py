"""Inputs read as byte streams, chosen by file name: compressed files of every format, web archives,
feeds, sitemaps and URL lists. The same reading serves local files and files that Spark lists.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

from ..model import Article
from .compression import DECOMPRESSION_ERRORS, decompressed, decompression_failure, split_compression
from .decode import MAX_ARTICLE_BYTES, UnreadableInput, decode_bytes
from .feeds import read_feed, read_sitemap, read_url_list, web_kind
from .fetch import Fetcher
from .pages import Page
from .readers import READERS, Columns, InputError, read_bytes, read_html, read_json, read_parquet, read_text
from .warc import read_warc

WARC_SUFFIXES = {".warc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
URL_LIST_SUFFIXES = {".urls"}
STREAM_SUFFIXES = WARC_SUFFIXES | FEED_SUFFIXES | URL_LIST_SUFFIXES
MAX_RECORDS_BYTES = 2_000_000_000  # a decompressed file of records (JSON Lines, CSV) past this is refused

Opener = Callable[[], BinaryIO]


def inner_suffix(name: str) -> str:
    return PurePosixPath(split_compression(name)[1]).suffix.lower()


def is_stream_input(name: str) -> bool:
    """Whether this module reads a file of this name (the plain formats are read whole by ``readers``)."""
    compression, _ = split_compression(name)
    return compression is not None or inner_suffix(name) in STREAM_SUFFIXES


def is_readable(name: str) -> bool:
    """Whether a file of this name is an input newsgraph reads, compressed or not."""
    return inner_suffix(name) in READERS or inner_suffix(name) in STREAM_SUFFIXES


def read_stream(open_raw: Opener, name: str, given: str, columns: Columns,
                fetcher: Fetcher | None = None) -> Iterator[Article | InputError | Page]:
    """Every article in the file called ``name``, decompressing it on the way; errors as InputError lines."""
    compression, _ = split_compression(name)
    suffix = inner_suffix(name)
    try:
        with open_raw() as raw:
            if suffix in WARC_SUFFIXES:
                # warcio reads gzip members itself, record by record; other compressions are undone first.
                yield from read_warc(raw if compression == ".gz" else decompressed(raw, compression), given)
                return
            data = read_whole(decompressed(raw, compression), suffix)
    except DECOMPRESSION_ERRORS as error:
        reason = decompression_failure(compression, error) if compression else f"cannot read: {error}"
        yield InputError(given, reason)
        return
    except UnreadableInput as error:
        yield InputError(given, str(error))
        return
    yield from read_data(data, suffix, given, columns, fetcher)


def read_whole(stream: BinaryIO, suffix: str) -> bytes:
    reader = READERS.get(suffix, read_text)
    limit = MAX_ARTICLE_BYTES if reader in (read_text, read_html, read_json) else MAX_RECORDS_BYTES
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise UnreadableInput(f"too large once decompressed (over {limit // 1_000_000} MB)")
    return data


def read_data(data: bytes, suffix: str, given: str, columns: Columns,
              fetcher: Fetcher | None) -> Iterator[Article | InputError]:
    if not data.strip():
        yield InputError(given, "empty input")
    elif suffix in FEED_SUFFIXES:
        yield from read_xml(data, given, fetcher or Fetcher())
    elif suffix in URL_LIST_SUFFIXES:
        try:
            text = decode_bytes(data).text
        except UnreadableInput as error:
            yield InputError(given, str(error))
            return
        yield from read_url_list(text, given, fetcher or Fetcher())
    elif READERS.get(suffix) is read_parquet:
        yield from read_parquet(io.BytesIO(data), given, columns)  # type: ignore[arg-type]
    else:
        yield from read_bytes(data, given, READERS.get(suffix, read_text), columns, path=given)


def read_xml(data: bytes, given: str, fetcher: Fetcher) -> Iterator[Article | InputError]:
    kind = web_kind(data)
    if kind == "feed":
        yield from read_feed(data, given, fetcher)
    elif kind == "sitemap":
        yield from read_sitemap(data, given, fetcher)
    else:
        yield InputError(given, "XML that is neither an RSS/Atom feed nor a sitemap")
