"""Persisted link state in the ledger's own database: fingerprints and bands, the event index, components.

Linking one report touches only what the index returns for its events (same date buckets, nearby grid cells
or the same country) and the connected components those reach; components only ever merge, so each stored
component is exactly a connected component of the may-be-one-event graph, and re-clustering it with the pure
`grouping.group` gives the result a from-scratch run would give.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.engine import Connection

from crisisledger.ledger import tables as t
from crisisledger.link.duplicates import Fingerprint, band_hashes, duplicate_of, fingerprint, similar
from crisisledger.link.grouping import cluster_id, group
from crisisledger.link.nodes import EventNode, affinity, buckets, node_from_event, own_keys, query_keys
from crisisledger.link.rules import Rules, rules
from crisisledger.link.twins import twins


def is_linked(conn: Connection, document_id: str) -> bool:
    query = select(t.link_documents.c.document).where(t.link_documents.c.document == document_id)
    return conn.execute(query).first() is not None


# -- near-duplicates ------------------------------------------------------------------------------------
def _load_fingerprints(conn: Connection, ids: Iterable[str]) -> dict[str, Fingerprint]:
    c = t.link_documents.c
    query = select(c.document, c.outlet, c.url, c.published, c.shingles, c.words).where(c.document.in_(list(ids)))
    return {
        d: Fingerprint(d, outlet or "", url or "", published, frozenset(json.loads(sh)), text or "")
        for d, outlet, url, published, sh, text in conn.execute(query)
    }


def _candidates(conn: Connection, bands: list[tuple[int, str]], exclude: str) -> set[str]:
    if not bands:
        return set()
    c = t.link_bands.c
    # One equality pair per band (an OR of index lookups; a row-value IN makes SQLite scan the table).
    match = or_(*(and_(c.band == band, c.hash == value) for band, value in bands))
    rows = conn.execute(select(c.document).where(match).distinct())
    return {d for (d,) in rows if d != exclude}


def _neighbours(
    conn: Connection, f: Fingerprint, r: Rules, bands: list[tuple[int, str]] | None = None
) -> list[Fingerprint]:
    bands = band_hashes(f.shingles, r) if bands is None else bands
    found = _load_fingerprints(conn, _candidates(conn, bands, f.document))
    return [g for g in found.values() if similar(f, g, r)]


def link_duplicates(conn: Connection, record: Mapping[str, Any], r: Rules) -> dict[str, tuple[str, str] | None]:
    """Store the report's fingerprint; the duplicate link of it and of each similar report, recomputed."""
    f = fingerprint(record, r)
    bands = band_hashes(f.shingles, r)
    conn.execute(
        insert(t.link_documents).values(
            document=f.document,
            outlet=f.outlet,
            url=f.url,
            published=f.published,
            shingles=json.dumps(sorted(f.shingles)),
            words=f.words,
        )
    )
    if bands:
        conn.execute(insert(t.link_bands), [{"band": b, "hash": h, "document": f.document} for b, h in bands])
    near = _neighbours(conn, f, r, bands)
    out = {f.document: duplicate_of(f, near)}
    for g in near:
        out[g.document] = duplicate_of(g, _neighbours(conn, g, r))
    return out


# -- event clusters -------------------------------------------------------------------------------------
def _node_json(n: EventNode) -> str:
    data = asdict(n)
    for k, v in data.items():
        if isinstance(v, frozenset):
            data[k] = sorted(v)
    return json.dumps(data, ensure_ascii=False)


def _node(raw: str) -> EventNode:
    data = json.loads(raw)
    for k in ("actor_countries", "target_countries", "actor_ids", "doer_ids"):
        if k in data:
            data[k] = frozenset(data[k])
    return EventNode(**data)


def _index_rows(n: EventNode, r: Rules) -> list[dict[str, Any]]:
    return [
        {"bucket": b, "key": k, "document": n.document, "event": n.event}
        for b in buckets(n, r)
        for k in sorted(own_keys(n, r))
    ]


def _nearby(conn: Connection, n: EventNode, r: Rules) -> list[tuple[EventNode, str]]:
    k, e = t.link_event_keys.c, t.link_events.c
    query = (
        select(e.node, e.component)
        .join_from(t.link_event_keys, t.link_events, (k.document == e.document) & (k.event == e.event))
        .where(k.bucket.in_(list(buckets(n, r))), k.key.in_(sorted(query_keys(n, r))), k.document != n.document)
        .distinct()
    )
    return [(_node(raw), comp) for raw, comp in conn.execute(query)]


def link_events(conn: Connection, record: Mapping[str, Any], r: Rules) -> None:
    """Index the report's events, merge the components they reach, and re-cluster those components."""
    doc = record["document"]
    nodes = [node_from_event(doc, e, r) for e in record.get("events", [])]
    if not nodes:
        return
    conn.execute(
        insert(t.link_events),
        [
            {
                "document": n.document,
                "event": n.event,
                "node": _node_json(n),
                "component": n.ref,
                "cluster": cluster_id([n.ref]),
            }
            for n in nodes
        ],
    )
    conn.execute(insert(t.link_event_keys), [row for n in nodes for row in _index_rows(n, r)])
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    riders = twins(nodes, r)
    for n in nodes:
        find(n.ref)
        if n.ref in riders:  # a headline rides with its body twin: its own matches do not matter
            a, b = find(n.ref), find(riders[n.ref].ref)
            parent[max(a, b)] = min(a, b)
            continue
        for other, comp in _nearby(conn, n, r):
            if affinity(n, other, r) is not None:
                a, b = find(n.ref), find(comp)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[str, set[str]] = {}
    for label in list(parent):
        groups.setdefault(find(label), set()).add(label)
    c = t.link_events.c
    for root, labels in groups.items():
        if len(labels) > 1:
            conn.execute(update(t.link_events).where(c.component.in_(sorted(labels))).values(component=root))
        _recluster(conn, root, r)


def _recluster(conn: Connection, component: str, r: Rules) -> None:
    c = t.link_events.c
    rows = conn.execute(select(c.node, c.cluster).where(c.component == component)).all()
    current = {}
    nodes = []
    for raw, cluster in rows:
        n = _node(raw)
        nodes.append(n)
        current[n.ref] = cluster
    for members in group(nodes, r):
        new = cluster_id(n.ref for n in members)
        for n in members:
            if current[n.ref] != new:
                conn.execute(
                    update(t.link_events).where((c.document == n.document) & (c.event == n.event)).values(cluster=new)
                )


def cluster_of(conn: Connection) -> dict[tuple[str, str], str]:
    """(document, event) -> cluster id, for every linked event."""
    c = t.link_events.c
    return {(d, e): cl for d, e, cl in conn.execute(select(c.document, c.event, c.cluster))}


def default_rules() -> Rules:
    return rules()
