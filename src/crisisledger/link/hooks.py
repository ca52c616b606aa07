"""Where the ledger meets the link stage: called after each ingest and at export time.

Placeholder until issue 5 lands clusters, series and duplicates: nothing is linked yet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def link_document(store: Any, record: Mapping[str, Any]) -> None:
    """Update clusters, series and duplicate links for one newly stored document."""


def links(store: Any, records: Sequence[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The export's `clusters` and `series` sections for these documents."""
    return [], []


def cluster_rows(store: Any, filters: Any) -> list[dict[str, Any]]:
    return []


def series_rows(store: Any, filters: Any, plot: Path | None) -> list[dict[str, Any]]:
    return []


def timeline_rows(store: Any, filters: Any) -> list[dict[str, Any]]:
    return []
