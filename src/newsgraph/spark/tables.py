"""The partition of the article tables: the article's date, or "unknown"."""

from __future__ import annotations

DAY = "day"  # the partition column of the article tables
UNKNOWN_DAY = "unknown"


def day_of(date: str | None) -> str:
    """The partition of an article: its ISO date's day, else UNKNOWN_DAY."""
    if date and len(date) >= 10 and date[4] == "-" and date[7] == "-" and date[:4].isdigit():
        return date[:10]
    return UNKNOWN_DAY
