"""Web archives (WARC, WARC.gz): each HTML response record as an article, read as a stream.

The URL is the record's WARC-Target-URI, the date the page's own (else the WARC-Date), and the
record id is kept in the article's metadata as ``warc_record_id`` for provenance.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .pages import Page
from .readers import InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")
RECORD_SEPARATOR = 4  # the blank lines after the last record of an uncompressed WARC


class CountingReader:
    """A read-only stream that counts the bytes read through it."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.count += len(data)
        return data


def read_warc(stream: BinaryIO, origin: str) -> Iterator[Page | InputError]:
    """Every HTML response in a WARC stream (gzip members or plain) as a page to read, and one error per bad record."""
    counted = CountingReader(stream)
    records = ArchiveIterator(counted)
    end = 0
    try:
        for record in records:
            if record.format != "warc":  # warcio would take any line of five words for an ARC header
                yield InputError(f"{origin}: byte {end}", "not a WARC record (no WARC/1.x header)")
                return
            if record.rec_type == "response" and is_html(record):
                yield response_page(record, origin)
            records.read_to_end(record)
            end = records.get_record_offset() + records.get_record_length()
    except ArchiveLoadFailed:
        yield InputError(f"{origin}: byte {end}", "not a WARC record (unexpected data where a record should start)")
        return
    if counted.count - end > RECORD_SEPARATOR:
        yield InputError(f"{origin}: byte {end}", "truncated WARC record at the end of the file")


def is_html(record) -> bool:
    content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def response_page(record, origin: str) -> Page | InputError:
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID")
    where = f"{origin}: {record_id}"
    body = record.content_stream().read()
    if record.raw_stream.limit:
        return InputError(where, f"truncated WARC record ({record.raw_stream.limit} bytes missing)")
    warc_date = headers.get_header("WARC-Date")
    return Page(body, headers.get_header("WARC-Target-URI"), where, date=warc_date[:10] if warc_date else None,
                metadata={"warc_record_id": record_id})
