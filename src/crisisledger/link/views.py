"""Rows for `events --clustered`, `figures --series [--plot]` and `timeline`, with the CLI's filters."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from crisisledger.link.hooks import links


def _overlaps(date: Mapping[str, Any] | None, filters: Any) -> bool:
    if not (filters.since or filters.until):
        return True
    if not date or not date.get("start"):
        return False
    end = date.get("end") or date["start"]
    if filters.since and end < filters.since:
        return False
    return not (filters.until and date["start"][: len(filters.until)] > filters.until)


def _place_matches(place: Mapping[str, Any] | None, filters: Any) -> bool:
    place = place or {}
    if filters.country and (place.get("country") or "").upper() != filters.country.upper():
        return False
    return not (filters.place and (place.get("name") or "").casefold() != filters.place.casefold())


def _all(store: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[tuple[str, str], Mapping[str, Any]]]:
    records = list(store.records())
    clusters, series = links(store, records)
    events = {(r["document"]["id"], e["id"]): e for r in records for e in r.get("events", [])}
    return clusters, series, events


def _keep_cluster(c: Mapping[str, Any], filters: Any) -> bool:
    if filters.types and c["type"] not in filters.types:
        return False
    if filters.certainty and c.get("certainty") != filters.certainty:
        return False
    if filters.document and not any(m["document"].startswith(filters.document) for m in c["members"]):
        return False
    if filters.actor:
        wanted = filters.actor.casefold()
        people = [*c["actors"], *c["targets"]]
        if not any(wanted in (a["id"].casefold(), (a.get("name") or "").casefold()) for a in people):
            return False
    return _overlaps(c.get("date"), filters) and _place_matches(c.get("place"), filters)


def _date_text(date: Mapping[str, Any] | None) -> str:
    if not date or not date.get("start"):
        return ""
    end = date.get("end") or date["start"]
    return date["start"] if end == date["start"] else f"{date['start']}..{end}"


def _evidence(c: Mapping[str, Any], events: Mapping[tuple[str, str], Mapping[str, Any]]) -> str:
    first = next((m for m in c["members"] if m["counted"]), c["members"][0])
    return str(events[(first["document"], first["event"])]["evidence"]["text"])


def _limit(rows: list[dict[str, Any]], filters: Any) -> list[dict[str, Any]]:
    return rows[: filters.limit] if filters.limit else rows


def cluster_table(store: Any, filters: Any) -> list[dict[str, Any]]:
    clusters, _, events = _all(store)
    rows = [
        {
            "id": c["id"],
            "type": c["type"],
            "mode": c.get("mode"),
            "date": _date_text(c.get("date")),
            "place": (c.get("place") or {}).get("name"),
            "country": (c.get("place") or {}).get("country"),
            "actors": ", ".join(a["name"] for a in c["actors"]),
            "targets": ", ".join(a["name"] for a in c["targets"]),
            "certainty": c.get("certainty"),
            "sources": c["sources"],
            "members": len(c["members"]),
            "evidence": _evidence(c, events),
        }
        for c in clusters
        if _keep_cluster(c, filters)
    ]
    return _limit(rows, filters)


def timeline_table(store: Any, filters: Any) -> list[dict[str, Any]]:
    rows = cluster_table(store, filters)
    return [{k: r[k] for k in ("date", "type", "mode", "place", "actors", "sources", "evidence", "id")} for r in rows]


def _keep_series(s: Mapping[str, Any], filters: Any) -> bool:
    if filters.kind:
        kinds = {"displaced", "refugees"} if filters.kind in ("displaced", "refugees") else {filters.kind}
        if s["kind"] not in kinds:
            return False
    if filters.document and not any(p["document"].startswith(filters.document) for p in s["points"]):
        return False
    dates = [p["as_of"] for p in s["points"] if p["as_of"]]
    if (filters.since or filters.until) and not dates:
        return False
    if filters.since and max(dates) < filters.since:
        return False
    if filters.until and min(dates)[: len(filters.until)] > filters.until:
        return False
    return _place_matches(s.get("place"), filters)


def _number(ref: Mapping[str, Any] | None) -> Any:
    if not ref:
        return None
    if ref.get("value") is not None:
        return ref["value"]
    return f"{ref.get('value_min')}..{ref.get('value_max')}"


def series_table(store: Any, filters: Any, plot: Path | None) -> list[dict[str, Any]]:
    _, series, _ = _all(store)
    chosen = [s for s in series if _keep_series(s, filters)]
    if plot is not None:
        from crisisledger.link.plot import draw

        draw(chosen, plot)
    rows = [
        {
            "id": s["id"],
            "kind": s["kind"],
            "who": s["who"],
            "place": (s.get("place") or {}).get("name") or (s.get("place") or {}).get("country"),
            "since": s["since"],
            "latest": _number(s["latest"]),
            "latest_as_of": (s["latest"] or {}).get("as_of"),
            "highest_credible": _number(s["highest_credible"]),
            "points": len(s["points"]),
            "flags": ", ".join(f["kind"] for f in s["flags"]),
        }
        for s in chosen
    ]
    return _limit(rows, filters)
