"""Compressed inputs: gzip, bzip2, xz and Zstandard, told by the file name and read as streams."""

from __future__ import annotations

import bz2
import gzip
import lzma
import zlib
from collections.abc import Callable
from typing import BinaryIO

import zstandard


def _zstd_reader(raw: BinaryIO) -> BinaryIO:
    return zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)  # type: ignore[return-value]


DECOMPRESSORS: dict[str, Callable[[BinaryIO], BinaryIO]] = {
    ".gz": lambda raw: gzip.GzipFile(fileobj=raw, mode="rb"),  # type: ignore[dict-item]
    ".bz2": lambda raw: bz2.BZ2File(raw, mode="rb"),  # type: ignore[dict-item]
    ".xz": lambda raw: lzma.LZMAFile(raw, mode="rb"),  # type: ignore[dict-item]
    ".zst": _zstd_reader,
}
# What each library raises on data that is not what the suffix says (a truncated stream raises EOFError).
DECOMPRESSION_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError, zstandard.ZstdError)
FORMAT_NAMES = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "Zstandard"}


def split_compression(name: str) -> tuple[str | None, str]:
    """The compression suffix of a file name (or None) and the name of what it holds."""
    lowered = name.lower()
    for suffix in DECOMPRESSORS:
        if lowered.endswith(suffix):
            return suffix, name[: -len(suffix)]
    return None, name


def decompressed(raw: BinaryIO, suffix: str | None) -> BinaryIO:
    """A stream of the decompressed bytes; the raw stream itself when there is no compression."""
    return DECOMPRESSORS[suffix](raw) if suffix else raw


def decompression_failure(suffix: str, error: BaseException) -> str:
    """One line saying that the data is not valid for its compression format."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if isinstance(error, EOFError):
        detail = "the compressed stream ends early"
    return f"not valid {FORMAT_NAMES[suffix]} data ({detail})"
