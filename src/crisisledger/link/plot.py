"""`figures --series --plot FILE.png`: each series as a line over its points' dates (matplotlib, Agg)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any


def _day(iso: str) -> int:
    return date.fromisoformat(iso[:10]).toordinal()


def draw(series: Sequence[Mapping[str, Any]], path: Path) -> None:
    """Counts as lines with markers, ranges as bars; only counted points (copies would repeat values)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 5))
    days: set[int] = set()
    for s in series:
        points = [p for p in s["points"] if p["as_of"] and p["counted"]]
        counts = [p for p in points if p["value"] is not None]
        colour = None
        if counts:
            place = (s.get("place") or {}).get("name") or (s.get("place") or {}).get("country") or ""
            xs = [_day(p["as_of"]) for p in counts]
            line = ax.plot(xs, [p["value"] for p in counts], marker="o", label=f"{s['kind']} ({s['who']}) {place}")
            colour = line[0].get_color()
        for p in points:
            days.add(_day(p["as_of"]))
            if p["value"] is None and p["value_min"] is not None and p["value_max"] is not None:
                ax.vlines(_day(p["as_of"]), p["value_min"], p["value_max"], colors=colour, alpha=0.5, linewidth=4)
    ticks = sorted(days)
    if len(ticks) > 12:
        ticks = ticks[:: len(ticks) // 12 + 1]
    ax.set_xticks(ticks, [date.fromordinal(d).isoformat() for d in ticks], rotation=30, ha="right")
    ax.set_xlabel("as of")
    ax.set_ylabel("count")
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize="small")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
