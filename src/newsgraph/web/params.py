"""Checked query-string values: a wrong one is a 400 with a sentence a reader understands."""

from __future__ import annotations

from datetime import date

from ..corpus import QueryError
from ..corpus.link import parse_day

LARGEST = 100_000  # more rows than any page shows; bigger numbers would overflow the database's integers


def whole_number(value: str, name: str, largest: int = LARGEST) -> int:
    try:
        number = int(value)
    except ValueError:
        raise QueryError(f"{name} must be a whole number, not {value!r}") from None
    if not 1 <= number <= largest:
        raise QueryError(f"{name} must be between 1 and {largest:,}, not {value}")
    return number


def page_size(value: str, default: int, name: str = "size") -> int:
    return whole_number(value, name, 1000) if value.strip() else default


def day(value: str, name: str) -> date:
    parsed = parse_day(value)
    if parsed is None or len(value) != 10:
        raise QueryError(f"{name} expects a date like 2024-03-01, not {value!r}")
    return parsed
