"""Relation charts that stay readable at every granularity: periods binned so bars keep their width.

A chart never has more than ``MAX_BARS`` bars: the period is the finest of day, week, month, quarter
and year that fits, or the one asked for when it fits. Undated events are counted in a bar of their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

MAX_BARS = 60
MAX_BAR_WIDTH = 90  # a lone bar stays a bar, not a block
LABEL_WIDTH = 100  # view-box units an axis label needs (labels stay legible on a phone)
WIDTH, HEIGHT, AXIS = 800, 260, 28
QUAD_ORDER = (1, 2, 3, 4)


def period_start(day: date, by: str) -> date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, 1, 1)


STEPS = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1),
         "quarter": relativedelta(months=3), "year": relativedelta(years=1)}


def label(start: date, by: str) -> str:
    if by == "day":
        return start.isoformat()
    if by == "week":
        return f"{start.isocalendar().year}-W{start.isocalendar().week:02d}"
    if by == "month":
        return start.strftime("%Y-%m")
    if by == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def periods(first: date, last: date, by: str) -> list[date]:
    starts, current = [], period_start(first, by)
    while current <= last:
        starts.append(current)
        current += STEPS[by]
    return starts


def choose_period(first: date, last: date, wanted: str | None) -> tuple[str, str | None]:
    """The period to bin by and, when the one asked for would give too many bars, why it was changed."""
    counts = {by: len(periods(first, last, by)) if (last - first).days < 40_000 else 10**6 for by in STEPS}
    fitting = next((by for by in STEPS if counts[by] <= MAX_BARS), "year")
    if wanted is None or wanted == fitting:
        return fitting, None
    if counts[wanted] <= MAX_BARS:
        return wanted, None
    return fitting, f"by {wanted} would need {counts[wanted]:,} bars; shown by {fitting}"


@dataclass
class Bar:
    label: str
    since: date | None
    until: date | None
    counts: dict[int, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def bars(dated: list[tuple[date, int | None]], undated: dict[int, int], by: str) -> list[Bar]:
    """One bar per period from the first dated event to the last, then one for the undated events."""
    found: list[Bar] = []
    if dated:
        days = [d for d, _ in dated]
        starts = periods(min(days), max(days), by)
        index = {start: Bar(label(start, by), start, start + STEPS[by] - timedelta(days=1), {}) for start in starts}
        for day, quad in dated:
            bar = index[period_start(day, by)]
            bar.counts[quad or 0] = bar.counts.get(quad or 0, 0) + 1
        found = list(index.values())
    if undated:
        found.append(Bar("undated", None, None, dict(undated)))
    return found


def geometry(found: list[Bar]) -> dict:
    """Positions of every bar segment and axis label in a WIDTH × HEIGHT SVG view box."""
    if not found:
        return {"width": WIDTH, "height": HEIGHT, "bars": [], "ticks": [], "top": 0}
    top = max(bar.total for bar in found) or 1
    slot = (WIDTH - 40) / len(found)
    plot = HEIGHT - AXIS - 10
    every = max(1, math.ceil(LABEL_WIDTH / slot))
    last_labelled = len(found) - 1 - (every if found[-1].since is None else 0)  # keep clear of "undated"
    shapes = []
    for index, bar in enumerate(found):
        x, y = 40 + index * slot, HEIGHT - AXIS
        segments = []
        for quad in (*QUAD_ORDER, 0):
            count = bar.counts.get(quad, 0)
            if count:
                height = plot * count / top
                y -= height
                segments.append({"quad": quad, "y": round(y, 1), "height": round(height, 1), "count": count})
        width = min(max(slot * 0.8, 1), MAX_BAR_WIDTH)
        shapes.append({"label": bar.label, "x": round(x + (slot - width) / 2, 1), "width": round(width, 1),
                       "segments": segments, "total": bar.total, "since": bar.since, "until": bar.until,
                       "show_label": bar.since is None or (index % every == 0 and index <= last_labelled),
                       "label_x": round(x + slot / 2, 1)})
    return {"width": WIDTH, "height": HEIGHT, "bars": shapes, "top": top, "axis_y": HEIGHT - AXIS}
