"""Dates in news text (``on Saturday``, ``last August``, ``in May``, ``next month``) resolved against the article's date.

Results are ISO 8601 strings at the precision the text gives: ``2009-06-27``, ``2008-08``, ``1988``.
News reports the past unless told otherwise, so a bare weekday or month is the latest one on or
before the article's date, and the next one when the event is in the future.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateparser

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
MONTH_ABBREVIATIONS = {name[:3]: i + 1 for i, name in enumerate(MONTHS)} | {"sept": 9}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
FILLER = {"on", "in", "at", "during", "of", "the", "this", "earlier", "late", "early", "by", "since", "until",
          "from", "morning", "afternoon", "evening", "night", "mid"}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
AGO = re.compile(r"^(\w+) (day|week|month|year)s? ago$")


def parse_iso(value: str | None) -> date | None:
    """The article's date as a ``date``; None when absent or not ISO."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    word = word.rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBREVIATIONS.get(word) if len(word) in (3, 4) else None


def shift_months(day: date, months: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + months
    return total // 12, total % 12 + 1


def resolve_weekday(weekday: int, today: date, direction: str) -> date:
    """The weekday nearest to ``today`` in the given direction; ``last``/``next`` skip the current day."""
    if direction in ("future", "next"):
        ahead = (weekday - today.weekday()) % 7
        return today + timedelta(days=ahead or (7 if direction == "next" else 0))
    behind = (today.weekday() - weekday) % 7
    return today - timedelta(days=behind or (7 if direction == "last" else 0))


def resolve_month(month: int, today: date, direction: str) -> str:
    year = today.year
    if direction in ("future", "next"):
        if month < today.month or (direction == "next" and month == today.month):
            year += 1
    elif month > today.month or (direction == "last" and month == today.month):
        year -= 1
    return f"{year:04d}-{month:02d}"


def resolve_period(unit: str, today: date, step: int) -> str:
    """``last week``, ``next month``, ``this year``: the period ``step`` units from today's."""
    if unit == "week":
        return (today + timedelta(weeks=step)).isoformat()
    if unit == "month":
        year, month = shift_months(today, step)
        return f"{year:04d}-{month:02d}"
    return f"{today.year + step:04d}"


def resolve_ago(words: str, today: date) -> str | None:
    found = AGO.match(words)
    if not found:
        return None
    count = int(found[1]) if found[1].isdigit() else NUMBER_WORDS.get(found[1])
    if count is None:
        return None
    unit = found[2]
    if unit == "day":
        return (today - timedelta(days=count)).isoformat()
    if unit == "week":
        return (today - timedelta(weeks=count)).isoformat()
    return resolve_period(unit, today, -count)


def words_of(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9']+\.?", text.lower().replace(",", " ")) if w.strip(".")]


def resolve_relative(words: list[str], today: date, future: bool) -> str | None:
    """Weekdays, months, ``yesterday``, ``last week``, ``N days ago`` against today's date."""
    direction = "future" if future else "past"
    content = []
    for word in words:
        if word in ("last", "next", "past", "previous", "coming"):
            direction = {"past": "last", "previous": "last", "coming": "next"}.get(word, word)
        elif word not in FILLER:
            content.append(word)
    if not content:
        return today.isoformat() if "this" in words or "night" in words else None
    if len(content) == 1:
        word = content[0]
        if word in RELATIVE_DAYS:
            return (today + timedelta(days=RELATIVE_DAYS[word])).isoformat()
        if word.rstrip("s") in WEEKDAYS:
            return resolve_weekday(WEEKDAYS.index(word.rstrip("s")), today, direction).isoformat()
        if month_number(word):
            return resolve_month(month_number(word), today, direction)
        if word in ("week", "month", "year"):
            step = {"last": -1, "next": 1}.get(direction, 0)
            return resolve_period(word, today, step)
    return resolve_ago(" ".join(content), today)


def resolve_absolute(text: str, today: date | None, future: bool) -> str | None:
    """Dates that name a day of a month, or a year: ``August 13``, ``13 August 2008``, ``in 1988``."""
    words = [w.rstrip(".") for w in words_of(text) if w not in FILLER]
    years = [w for w in words if YEAR.match(w)]
    months = [month_number(w) for w in words if month_number(w)]
    days = [int(w) for w in (w.rstrip("stndrh") for w in words) if w.isdigit() and 1 <= int(w) <= 31]
    if years and not months:
        return years[0][:4]
    if years and months and not days:
        return f"{years[0][:4]}-{months[0]:02d}"
    if not (months and days):
        return None
    if today is None and not years:
        return None
    anchor = today or date(int(years[0][:4]), 1, 1)
    try:
        default = datetime(anchor.year, anchor.month, 1)
        found = dateparser.parse(text, default=default, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None
    if not years and today is not None:
        if not future and found > today + timedelta(days=1):
            found = found.replace(year=found.year - 1)
        elif future and found < today:
            found = found.replace(year=found.year + 1)
    return found.isoformat()


def resolve_date(text: str, article_date: str | None, future: bool = False) -> str | None:
    """The ISO date a date expression names, read against the article's date; None if it cannot be told."""
    today = parse_iso(article_date)
    absolute = resolve_absolute(text, today, future)
    if absolute or today is None:
        return absolute
    return resolve_relative(words_of(text), today, future)
