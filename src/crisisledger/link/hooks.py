"""Where the ledger meets the link stage: called after each ingest and at export time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from crisisledger.link import state
from crisisledger.link.clusters import build_cluster, export_order
from crisisledger.link.rules import rules
from crisisledger.link.series import all_series


def link_document(store: Any, record: Mapping[str, Any]) -> None:
    """Update duplicate links, the event index and the clusters it reaches for one newly stored document."""
    r = rules()
    doc_id = record["document"]["id"]
    with store.engine.begin() as conn:
        if state.is_linked(conn, doc_id):
            return
        duplicates = state.link_duplicates(conn, record, r)
        state.link_events(conn, record, r)
    for document, link in sorted(duplicates.items()):
        current = record["document"] if document == doc_id else (store.record(document) or {}).get("document", {})
        now = current.get("duplicate_of") or None
        wanted = {"document": link[0], "kind": link[1]} if link else None
        if now != wanted:
            store.set_duplicate(document, *(link or (None, None)))


def _linked(store: Any, records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Link any record the hooks have not seen (a ledger filled by `load`), then read them back fresh."""
    with store.engine.connect() as conn:
        missing = [r for r in records if not state.is_linked(conn, r["document"]["id"])]
    for record in missing:
        link_document(store, record)
    if not missing:
        return [dict(r) for r in records]
    return [store.record(r["document"]["id"]) or dict(r) for r in records]


def links(store: Any, records: Sequence[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The export's `clusters` and `series` sections for these documents."""
    fresh = _linked(store, records)
    with store.engine.connect() as conn:
        where = state.cluster_of(conn)
    grouped: dict[str, list[tuple[Mapping[str, Any], Mapping[str, Any]]]] = {}
    for record in fresh:
        doc = record["document"]
        for e in record.get("events", []):
            cluster = where.get((doc["id"], e["id"])) or f"{doc['id']}/{e['id']}"
            grouped.setdefault(cluster, []).append((doc, e))
    clusters = sorted((build_cluster(m) for m in grouped.values()), key=export_order)
    return clusters, all_series(fresh)


def cluster_rows(store: Any, filters: Any) -> list[dict[str, Any]]:
    from crisisledger.link.views import cluster_table

    return cluster_table(store, filters)


def series_rows(store: Any, filters: Any, plot: Path | None) -> list[dict[str, Any]]:
    from crisisledger.link.views import series_table

    return series_table(store, filters, plot)


def timeline_rows(store: Any, filters: Any) -> list[dict[str, Any]]:
    from crisisledger.link.views import timeline_table

    return timeline_table(store, filters)
