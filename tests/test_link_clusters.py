"""Event clusters across reports, on hand-built records (no spaCy)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from crisisledger.ledger.sql import SqlStore
from crisisledger.link.hooks import link_document, links
from crisisledger.link.nodes import node_from_event
from test_link_kit import actor, event, figure, place, record, words

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "crisisledger" / "export" / "crisisledger.schema.json"


def ingest(store: SqlStore, records: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    for r in records:
        assert store.add(r)
        link_document(store, r)
    return links(store, list(store.records()))


def clusters_by_members(clusters: list[dict[str, Any]]) -> list[set[tuple[str, str]]]:
    return sorted(({(m["document"], m["event"]) for m in c["members"]} for c in clusters), key=sorted)


def test_same_event_from_three_outlets_is_one_cluster(store: SqlStore) -> None:
    a = record(
        "Outlet A", "2023-09-26", words("a"), [event("e1", "INCIDENT", "2023-09-25", place("Alder"), "explosion")]
    )
    b = record("Outlet B", "2023-09-26", words("b"), [event("e1", "INCIDENT", "2023-09-25", place("Birch"))])
    c = record("Outlet C", "2023-09-27", words("c"), [event("e1", "ASSAULT", "2023-09-25", place("Alder"), "shelling")])
    clusters, _ = ingest(store, [a, b, c])
    assert len(clusters) == 1
    cl = clusters[0]
    assert cl["sources"] == 3 and len(cl["members"]) == 3
    assert cl["type"] == "INCIDENT" and cl["rules"]["type"] == "majority" and cl["dissent"]["type"] == ["ASSAULT"]


def test_two_same_day_events_in_one_town_of_one_report_stay_apart(store: SqlStore) -> None:
    town = place("Alder")
    a = record(
        "Outlet A",
        "2023-09-26",
        words("a"),
        [
            event("e1", "ASSAULT", "2023-09-25", town, "shelling"),
            event("e2", "ASSAULT", "2023-09-25", town, "shelling"),
        ],
    )
    b = record(
        "Outlet B",
        "2023-09-26",
        words("b"),
        [
            event("e1", "ASSAULT", "2023-09-25", town, "shelling"),
            event("e2", "ASSAULT", "2023-09-25", town, "shelling"),
        ],
    )
    clusters, _ = ingest(store, [a, b])
    assert len(clusters) == 2
    for cl in clusters:
        docs = [m["document"] for m in cl["members"]]
        assert len(docs) == len(set(docs)) == 2


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        (place("Alder"), place("Birch"), True),  # towns 11 km apart
        (place("Alder"), place("Cedar"), False),  # towns 44 km apart: over the town tolerance
        (place("Alder", "admin"), place("Cedar", "admin"), True),  # admin tolerance 100 km
        (place("Alder"), place("AAA", "country"), True),  # a town and its country
        (place("Dunmore"), place("AAA", "country"), False),  # a town in another country
        (place("AAA", "country"), place("BBB", "country"), False),
        (None, place("Alder"), False),
    ],
)
def test_places_within_the_tolerance_of_their_precision(
    store: SqlStore, first: dict[str, Any] | None, second: dict[str, Any] | None, together: bool
) -> None:
    a = record("Outlet A", "2023-09-26", words("a"), [event("e1", "ASSAULT", "2023-09-25", first)])
    b = record("Outlet B", "2023-09-26", words("b"), [event("e1", "ASSAULT", "2023-09-25", second)])
    clusters, _ = ingest(store, [a, b])
    assert (len(clusters) == 1) is together


@pytest.mark.parametrize(
    ("one", "two", "together"),
    [
        (event("e1", "ASSAULT", "2023-09-25", None), event("e1", "ASSAULT", "2023-09-26", None), False),
        (
            event("e1", "ASSAULT", "2023-09-25", None),
            event("e1", "ASSAULT", "2023-09-19", None, end="2023-09-25", precision="week"),
            True,
        ),
        (event("e1", "INCIDENT", "2023-09-25", None, "explosion"), event("e1", "ASSAULT", "2023-09-25", None), True),
        (event("e1", "INCIDENT", "2023-09-25", None, "flood"), event("e1", "ASSAULT", "2023-09-25", None), False),
        # fighting over days is not the one blast another report tells
        (
            event("e1", "INCIDENT", "2023-09-25", None, "explosion"),
            event("e1", "ASSAULT", "2023-09-25", None, "offensive"),
            False,
        ),
        (event("e1", "PROTEST", "2023-09-25", None), event("e1", "ASSAULT", "2023-09-25", None), False),
        (
            event("e1", "DISPLACEMENT", "2023-09-25", None, "flight"),
            event("e1", "AID", "2023-09-25", None, "evacuation"),
            True,
        ),
        (
            event("e1", "ASSAULT", "2023-09-25", None, actors=[actor("x.military", "AAA")]),
            event("e1", "ASSAULT", "2023-09-25", None, actors=[actor("y.military", "BBB")]),
            False,
        ),
        (
            event("e1", "ASSAULT", "2023-09-25", None, actors=[actor("x.military", "AAA")]),
            event("e1", "ASSAULT", "2023-09-25", None),
            True,
        ),
    ],
)
def test_dates_types_and_actors(store: SqlStore, one: dict[str, Any], two: dict[str, Any], together: bool) -> None:
    a = record("Outlet A", "2023-09-26", words("a"), [one])
    b = record("Outlet B", "2023-09-27", words("b"), [two])
    clusters, _ = ingest(store, [a, b])
    assert (len(clusters) == 1) is together


def test_no_chaining_across_incompatible_members(store: SqlStore) -> None:
    """Birch is near both Alder and a point between, but Alder and Cedar are too far apart to share a cluster."""
    a = record("A", "2023-09-26", words("a"), [event("e1", "ASSAULT", "2023-09-25", place("Alder"))])
    b = record("B", "2023-09-26", words("b"), [event("e1", "ASSAULT", "2023-09-25", place("Cedar"))])
    mid = place("Birch") | {"lat": 40.2}
    c = record("C", "2023-09-26", words("c"), [event("e1", "ASSAULT", "2023-09-25", mid)])
    clusters, _ = ingest(store, [a, b, c])
    assert len(clusters) == 2
    assert all(len({m["document"] for m in cl["members"]}) == len(cl["members"]) for cl in clusters)


def test_copies_do_not_count_as_sources_and_best_uses_rules(store: SqlStore) -> None:
    text = words("wire")
    origin = record(
        "Wire",
        "2023-09-25",
        text,
        [event("e1", "ASSAULT", "2023-09-24", place("Alder"), "shelling", certainty="reported")],
    )
    copy = record(
        "Paper",
        "2023-09-26",
        text + " Published by arrangement.",
        [event("e1", "ASSAULT", "2023-09-24", place("Alder"), "shelling", certainty="reported")],
    )
    week = event("e1", "ASSAULT", "2023-09-18", place("Alder", "admin"), "shelling", end="2023-09-24", precision="week")
    other = record("Other", "2023-09-27", words("o"), [week | {"certainty": "asserted"}])
    clusters, _ = ingest(store, [copy, other, origin])
    assert len(clusters) == 1
    cl = clusters[0]
    assert cl["sources"] == 2
    counted = {m["document"]: m["counted"] for m in cl["members"]}
    assert counted == {origin["document"]["id"]: True, copy["document"]["id"]: False, other["document"]["id"]: True}
    assert cl["date"] == {"start": "2023-09-24", "end": "2023-09-24", "precision": "day"}
    assert cl["rules"]["date"] == "most_precise" and cl["rules"]["place"] == "most_precise"
    assert cl["rules"]["certainty"] == "most_certain" and cl["best"]["certainty"] == "asserted"
    assert cl["rules"]["mode"] == "only"
    assert cl["place"]["name"] == "Alder" and cl["dissent"]["place"][0]["precision"] == "admin"


def test_cluster_ids_come_from_the_smallest_member(store: SqlStore) -> None:
    import hashlib

    a = record("A", "2023-09-26", words("a"), [event("e1", "ASSAULT", "2023-09-25", place("Alder"))])
    b = record("B", "2023-09-26", words("b"), [event("e1", "ASSAULT", "2023-09-25", place("Alder"))])
    clusters, _ = ingest(store, [b, a])
    smallest = min(f"{r['document']['id']}/e1" for r in (a, b))
    assert clusters[0]["id"] == "cl-" + hashlib.sha256(smallest.encode()).hexdigest()[:12]


def test_sections_are_valid_under_the_schema(store: SqlStore) -> None:
    a = record(
        "A",
        "2023-09-26",
        words("a"),
        [event("e1", "ASSAULT", "2023-09-25", place("Alder"))],
        [
            figure("f1", "killed", 20, "2023-09-25", place("Alder")),
            figure(
                "f2",
                "refugees",
                None,
                "2023-09-25",
                place("AAA", "country"),
                "approximate",
                value_min=2000,
                value_max=9999,
            ),
        ],
    )
    b = record(
        "B",
        "2023-09-27",
        words("b"),
        [event("e1", "ASSAULT", None, None)],
        [figure("f1", "killed", 68, "2023-09-26", place("Alder"), "at_least")],
    )
    clusters, series = ingest(store, [a, b])
    schema = json.loads(SCHEMA.read_text("utf-8"))
    for section, name in ((clusters, "cluster"), (series, "series")):
        assert section
        sub = {
            "$schema": schema["$schema"],
            "$defs": schema["$defs"],
            "type": "array",
            "items": {"$ref": f"#/$defs/{name}"},
        }
        jsonschema.validate(section, sub)


def test_undated_events_fall_in_the_week_before_their_report() -> None:
    doc = {"id": "0" * 16, "published": "2023-09-30"}
    node = node_from_event(doc, event("e1", "ASSAULT", None, None))
    assert (node.hi - node.lo) == 7


def test_a_place_carried_from_outside_the_sentence_is_matched_at_the_admin_tolerance() -> None:
    from crisisledger.link.nodes import affinity

    def told(where: str, place_start: int) -> dict[str, Any]:
        e = event("e1", "INCIDENT", "2023-09-25", place(where), mode="explosion")
        e["place"] = {**e["place"], "start": place_start}
        return e | {"evidence": {"text": "x", "start": 100, "end": 180}}

    a = node_from_event({"id": "a" * 16, "published": "2023-09-26"}, told("Alder", 120))
    named_far = node_from_event({"id": "b" * 16, "published": "2023-09-27"}, told("Cedar", 150))
    carried_far = node_from_event({"id": "b" * 16, "published": "2023-09-27"}, told("Cedar", 20))
    carried_across = node_from_event({"id": "b" * 16, "published": "2023-09-27"}, told("Dunmore", 20))
    assert affinity(a, named_far) is None  # 44 km apart, both towns named in their sentences
    assert affinity(a, carried_far) is not None  # Cedar came from the dateline: a guess, within 100 km
    near, across = affinity(a, carried_far), affinity(a, carried_across)
    assert near is not None and across is not None and near > across
