"""Order independence: any ingest order gives the same clusters and series; the index finds every match."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisledger.ledger.sql import open_store
from crisisledger.link.grouping import components, group
from crisisledger.link.hooks import link_document, links
from crisisledger.link.nodes import affinity, buckets, node_from_event, own_keys, query_keys
from crisisledger.link.rules import rules
from test_link_kit import TOWNS, actor, event, figure, place, record, words

DAYS = ["2023-09-24", "2023-09-25", "2023-09-26"]
TYPES = ["ASSAULT", "INCIDENT", "DISPLACEMENT"]
CARRIED = [{**place(n), "start": 5} for n in ("Cedar", "Dunmore")]  # named outside the event's sentence
PLACES = [place(n) for n in TOWNS] + [place("AAA", "country"), place("Alder", "admin"), *CARRIED, None]
ACTORS = [[], [actor("x.military", "AAA")], [actor("y.military", "BBB")]]

events_st = st.builds(
    lambda i, t, d, p, a, m: event(f"e{i}", t, d, p, m, a),
    st.integers(1, 3),
    st.sampled_from(TYPES),
    st.sampled_from([*DAYS, None]),
    st.sampled_from(PLACES),
    st.sampled_from(ACTORS),
    st.sampled_from([None, "explosion", "shelling"]),
)


def _ledger(draw: Any) -> list[dict[str, Any]]:
    out = []
    for n in range(draw(st.integers(2, 6))):
        evs = draw(st.lists(events_st, min_size=1, max_size=3, unique_by=lambda e: e["id"]))
        figs = [
            figure("f1", "killed", draw(st.integers(1, 50)), draw(st.sampled_from(DAYS)), draw(st.sampled_from(PLACES)))
        ]
        outlet = draw(st.sampled_from(["A", "B", "C"]))
        text = words(f"doc{n % 3}") if draw(st.booleans()) else words(f"unique{n}")
        title = evs[0]["evidence"]["text"] if draw(st.booleans()) else None  # the first event is a headline
        out.append(record(outlet, draw(st.sampled_from(DAYS)), text + f" {n}", evs, figs, title=title))
    return out


@st.composite
def ledgers(draw: Any) -> tuple[list[dict[str, Any]], list[int]]:
    recs = _ledger(draw)
    return recs, draw(st.permutations(range(len(recs))))


def _run(recs: list[dict[str, Any]]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "l.db")
        try:
            for r in recs:
                if store.add(r):
                    link_document(store, r)
            clusters, series = links(store, list(store.records()))
            dups = {r["document"]["id"]: r["document"]["duplicate_of"] for r in store.records()}
        finally:
            store.close()
    return json.dumps([clusters, series, dups], sort_keys=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_any_ingest_order_gives_the_same_clusters_series_and_duplicates(case: Any) -> None:
    recs, order = case
    assert _run(recs) == _run([recs[i] for i in order])


@settings(max_examples=200, deadline=None)
@given(events_st, events_st, st.sampled_from(DAYS), st.sampled_from(DAYS))
def test_the_index_meets_every_compatible_pair(a: dict[str, Any], b: dict[str, Any], pa: str, pb: str) -> None:
    r = rules()
    x = node_from_event({"id": "a" * 16, "published": pa}, a)
    y = node_from_event({"id": "b" * 16, "published": pb}, b)
    if affinity(x, y, r) is None:
        return
    assert set(buckets(x, r)) & set(buckets(y, r))
    assert query_keys(x, r) & own_keys(y, r) and query_keys(y, r) & own_keys(x, r)


@settings(max_examples=100, deadline=None)
@given(st.lists(events_st, min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_grouping_is_a_function_of_the_set(evs: list[dict[str, Any]], rnd: Any) -> None:
    nodes = [node_from_event({"id": f"{i:016x}", "published": "2023-09-27"}, e) for i, e in enumerate(evs)]
    shuffled = list(nodes)
    rnd.shuffle(shuffled)
    assert sorted(map(sorted, ([n.ref for n in g] for g in group(nodes)))) == sorted(
        map(sorted, ([n.ref for n in g] for g in group(shuffled)))
    )
    for comp in components(nodes):
        for cl in group(comp):
            assert len({n.document for n in cl}) == len(cl)
