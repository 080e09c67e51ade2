"""Building Article records and their stable ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from dateutil import parser as dateparser

from ..model import Article

KNOWN_FIELDS = ("id", "text", "title", "date", "source", "url", "author")


def normalise_text(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def article_id(text: str, source: str | None = None, url: str | None = None) -> str:
    """A stable id from outlet, url and normalised text."""
    key = "\x1f".join([source or "", url or "", normalise_text(text)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def make_article(text: str, *, path: str | None = None, warnings: list[str] | None = None,
                 **fields: Any) -> Article:
    """An Article from text and whatever metadata the input had; unknown fields become metadata."""
    known = {k: (str(v) if v is not None and str(v).strip() else None)
             for k, v in fields.items() if k in KNOWN_FIELDS and k != "text"}
    metadata = {k: v for k, v in fields.items() if k not in KNOWN_FIELDS and v is not None}
    warnings = list(warnings or [])
    if known.get("date"):
        known["date"] = normalise_date(known["date"], warnings)
    title = known.get("title") or first_line(text)
    record_id = known.get("id") or article_id(text, known.get("source"), known.get("url"))
    return Article(id=record_id, text=text, title=title, date=known.get("date"),
                   source=known.get("source"), url=known.get("url"), author=known.get("author"),
                   path=path, metadata=metadata, warnings=warnings)


def normalise_date(value: str, warnings: list[str]) -> str:
    """ISO 8601 date (YYYY-MM-DD) from the forms feeds use; the raw value when unparseable."""
    try:
        return dateparser.parse(value, default=None).date().isoformat()
    except (ValueError, OverflowError, TypeError, AttributeError):
        warnings.append(f"unrecognised date {value!r} kept as given")
        return value
