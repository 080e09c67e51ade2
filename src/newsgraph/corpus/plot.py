"""The relations chart: events by quad class per period (bars) and mean PLOVER score (lines), both ways."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import pyarrow as pa  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from .queries import QUAD_CLASSES  # noqa: E402

QUAD_COLOURS = {"verbal_cooperation": "#9ecae1", "material_cooperation": "#3182bd",
                "verbal_conflict": "#fdae6b", "material_conflict": "#e6550d"}


def plot_relations(table: pa.Table, first: str, second: str, by: str, path: Path) -> None:
    """Draw the ``Corpus.relations`` table: one bar panel per direction and a shared score panel."""
    rows = table.to_pylist()
    periods = sorted({row["period"] for row in rows})
    directions = [f"{first} → {second}", f"{second} → {first}"]
    figure, axes = plt.subplots(3, 1, figsize=(max(6.0, 0.6 * len(periods) + 3), 9), sharex=True,
                                gridspec_kw={"height_ratios": [2, 2, 1.5]})
    positions = range(len(periods))
    for axis, direction in zip(axes[:2], directions):
        by_period = {row["period"]: row for row in rows if row["direction"] == direction}
        bottom = [0] * len(periods)
        for label in QUAD_CLASSES.values():
            heights = [by_period.get(p, {}).get(label, 0) for p in periods]
            axis.bar(positions, heights, bottom=bottom, color=QUAD_COLOURS[label], label=label.replace("_", " "))
            bottom = [b + h for b, h in zip(bottom, heights)]
        axis.set_title(direction, loc="left")
        axis.set_ylabel("events (clusters)")
        axis.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes[0].legend(loc="upper left", fontsize="small", ncols=2)
    for direction, style in zip(directions, ("o-", "s--")):
        by_period = {row["period"]: row["score_mean"] for row in rows if row["direction"] == direction}
        axes[2].plot(list(positions), [by_period.get(p) for p in periods], style, label=direction)
    axes[2].axhline(0, color="grey", linewidth=0.8)
    axes[2].set_ylabel("mean PLOVER score")
    axes[2].set_xlabel(by)
    axes[2].legend(loc="best", fontsize="small")
    axes[2].set_xticks(list(positions), periods, rotation=45, ha="right")
    figure.suptitle(f"Relations between {first} and {second} by {by}")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
