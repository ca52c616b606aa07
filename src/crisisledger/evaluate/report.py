"""Scores for people: a rich table per section, and the scores that fall below given floors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.table import Table


def flatten(scores: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"events": {"f1": 0.5}} as {"events.f1": 0.5}."""
    flat: dict[str, Any] = {}
    for key, value in scores.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _shown(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render_tables(result: Mapping[str, Any], console: Console) -> None:
    """One table per section of a result of `score_single` or `score_series` (with its gold path)."""
    heading = str(result.get("gold", "gold"))
    if result.get("document"):
        heading += f"  (document {result['document']})"
    console.print(f"[bold]{heading}[/bold]")
    for section, figures in (result.get("scores") or {}).items():
        table = Table(title=section, title_justify="left", show_header=True, header_style="bold")
        table.add_column("measure")
        table.add_column("score", justify="right")
        for name, value in figures.items() if isinstance(figures, Mapping) else [("value", figures)]:
            table.add_row(name, _shown(value))
        console.print(table)


def below_floors(scores: Mapping[str, Any], floors: Mapping[str, Any]) -> list[str]:
    """One line per score under its floor. Floors name scores as "section.measure" (or nest them);
    a floor on a score that does not exist is reported, one on a score with nothing to measure is not."""
    flat_scores, flat_floors = flatten(scores), flatten(floors)
    lines = []
    for name, floor in flat_floors.items():
        if name not in flat_scores:
            lines.append(f"{name}: no such score (floor {floor})")
            continue
        value = flat_scores[name]
        if value is not None and isinstance(floor, int | float) and value < floor:
            lines.append(f"{name} {_shown(value)} < {floor}")
    return lines
