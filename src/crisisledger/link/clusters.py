"""Cluster objects of the export: members, independent sources, and the best value of each field with its rule."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from crisisledger.link.grouping import cluster_id
from crisisledger.link.nodes import number
from crisisledger.link.rules import Rules, rules

PLACE_FIELDS = ("name", "geonames_id", "lat", "lon", "country", "precision")
ACTOR_FIELDS = ("id", "name", "country", "kind", "role")
DATE_PRECISION = ("day", "week", "month", "year")


def outlet_key(document: Mapping[str, Any]) -> str:
    """What makes two reports independent: the outlet, or the report itself when the outlet is unknown."""
    outlet = (document.get("outlet") or "").strip().casefold()
    return outlet or f"#{document['id']}"


def counted(document: Mapping[str, Any]) -> bool:
    return not document.get("duplicate_of")


def place_core(place: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return {k: place.get(k) for k in PLACE_FIELDS} if place else None


def actor_core(actor: Mapping[str, Any]) -> dict[str, Any]:
    return {k: actor.get(k) for k in ACTOR_FIELDS}


def _field_values(event: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "type": event["type"],
        "mode": event.get("mode"),
        "date": event.get("date"),
        "place": place_core(event.get("place")),
        "actors": [actor_core(a) for a in event.get("actors", [])],
        "targets": [actor_core(a) for a in event.get("targets", [])],
        "certainty": event["certainty"],
    }


def _precision_rank(field: str, value: Any, r: Rules) -> int:
    if field == "date":
        p = value.get("precision")
        return DATE_PRECISION.index(p) if p in DATE_PRECISION else len(DATE_PRECISION)
    return r.level(value.get("precision"))


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def choose(field: str, votes: Sequence[tuple[Any, tuple[str, str]]], r: Rules) -> tuple[Any, str, list[Any]]:
    """(best value, rule, dissenting values) from (value, (published, document)) votes; empty values abstain."""
    given = [(v, when) for v, when in votes if v not in (None, [], "")]
    if not given:
        return (votes[0][0] if votes else None), "only", []
    distinct = {_key(v): v for v, _ in given}
    if len(distinct) == 1:
        return given[0][0], "only", []
    pool, rule = given, ""
    if field in ("date", "place"):
        finest = min(_precision_rank(field, v, r) for v, _ in given)
        if any(_precision_rank(field, v, r) != finest for v, _ in given):
            pool, rule = [(v, w) for v, w in given if _precision_rank(field, v, r) == finest], "most_precise"
    elif field == "certainty":
        best = min(given, key=lambda vw: (r.certainty_rank(vw[0]), vw[1]))[0]
        return best, "most_certain", [v for k, v in sorted(distinct.items()) if k != _key(best)]
    counts = Counter(_key(v) for v, _ in pool)
    top = counts.most_common()
    if len({_key(v) for v, _ in pool}) == 1:
        best = pool[0][0]
    elif top[0][1] > top[1][1]:
        best, rule = next(v for v, _ in pool if _key(v) == top[0][0]), rule or "majority"
    else:
        tied = {k for k, n in top if n == top[0][1]}
        best = max((vw for vw in pool if _key(vw[0]) in tied), key=lambda vw: vw[1])[0]
        rule = rule or "latest"
    return best, rule, [v for k, v in sorted(distinct.items()) if k != _key(best)]


def build_cluster(
    members: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]], r: Rules | None = None
) -> dict[str, Any]:
    """The export's cluster object for (document, event) pairs of one cluster."""
    r = r or rules()
    ordered = sorted(members, key=lambda de: (str(de[0]["published"]), de[0]["id"], number(de[1]["id"])))
    voters = [(d, e) for d, e in ordered if counted(d)] or list(ordered)
    best: dict[str, Any] = {}
    chosen: dict[str, str] = {}
    dissent: dict[str, list[Any]] = {}
    values = [(_field_values(e), (str(d["published"]), d["id"])) for d, e in voters]
    for field in ("type", "mode", "date", "place", "actors", "targets", "certainty"):
        value, rule, others = choose(field, [(v[field], when) for v, when in values], r)
        best[field], chosen[field] = value, rule
        if others:
            dissent[field] = others
    return {
        "id": cluster_id(f"{d['id']}/{e['id']}" for d, e in ordered),
        "type": best["type"],
        "mode": best["mode"],
        "date": best["date"],
        "place": best["place"],
        "actors": best["actors"],
        "targets": best["targets"],
        "certainty": best["certainty"],
        "members": [{"document": d["id"], "event": e["id"], "counted": counted(d)} for d, e in ordered],
        "sources": len({outlet_key(d) for d, _ in ordered if counted(d)}),
        "best": best,
        "rules": chosen,
        "dissent": dissent,
    }


def export_order(cluster: Mapping[str, Any]) -> tuple[str, str]:
    return ((cluster.get("date") or {}).get("start") or "9999", cluster["id"])
