"""Events of one connected component to clusters: a pure function of the set, so ingest order cannot matter.

Pairs that may be one event are merged best-first (ties by ids); two groups merge only when every pair across
them may be one event and no report would appear twice (complete linkage), so chains of near matches do not
pull distinct events together. A headline event told again in its report's body joins its body twin's
cluster and takes no part in the matching (`twins`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from crisisledger.link.nodes import EventNode, affinity
from crisisledger.link.rules import Rules, rules
from crisisledger.link.twins import twins


def cluster_id(refs: Iterable[str]) -> str:
    """`cl-` + 12 hex of sha256 of the smallest member "<document>/<event>"."""
    return "cl-" + hashlib.sha256(min(refs).encode("utf-8")).hexdigest()[:12]


def group(nodes: Sequence[EventNode], r: Rules | None = None) -> list[list[EventNode]]:
    r = r or rules()
    riders = twins(nodes, r)
    ordered = sorted((n for n in set(nodes) if n.ref not in riders), key=lambda n: n.key)
    edges: list[tuple[float, int, int]] = []
    ok: set[tuple[int, int]] = set()
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            score = affinity(a, ordered[j], r)
            if score is not None:
                edges.append((-score, i, j))
                ok.add((i, j))
    edges.sort()
    owner = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    docs: dict[int, set[str]] = {i: {n.document} for i, n in enumerate(ordered)}
    for _, i, j in edges:
        gi, gj = owner[i], owner[j]
        if gi == gj or docs[gi] & docs[gj]:
            continue
        if all((min(x, y), max(x, y)) in ok for x in members[gi] for y in members[gj]):
            keep, gone = min(gi, gj), max(gi, gj)
            for x in members[gone]:
                owner[x] = keep
            members[keep].extend(members.pop(gone))
            docs[keep] |= docs.pop(gone)
    out = [[ordered[i] for i in m] for m in members.values()]
    home = {n.ref: g for g, cluster in enumerate(out) for n in cluster}
    for head in sorted(set(nodes), key=lambda n: n.key):
        if head.ref in riders:
            out[home[riders[head.ref].ref]].append(head)
    return [sorted(cluster, key=lambda n: n.key) for cluster in out]


def components(nodes: Sequence[EventNode], r: Rules | None = None) -> list[list[EventNode]]:
    """Connected components of the may-be-one-event graph (a full scan: for tests and rebuilding)."""
    r = r or rules()
    ordered = sorted(set(nodes), key=lambda n: n.key)
    parent = list(range(len(ordered)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if affinity(a, ordered[j], r) is not None:
                parent[find(i)] = find(j)
    index = {n.ref: i for i, n in enumerate(ordered)}
    for head, body in twins(ordered, r).items():
        parent[find(index[head])] = find(index[body.ref])
    out: dict[int, list[EventNode]] = {}
    for i, n in enumerate(ordered):
        out.setdefault(find(i), []).append(n)
    return list(out.values())
