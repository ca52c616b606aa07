"""A headline event rides with its body twin; undated generic sentences need a close place to match (no spaCy)."""

from __future__ import annotations

from typing import Any

import pytest

from crisisledger.ledger.sql import SqlStore
from crisisledger.link.grouping import components, group
from crisisledger.link.nodes import node_from_event
from crisisledger.link.rules import rules
from crisisledger.link.twins import twins
from test_link_clusters import clusters_by_members, ingest
from test_link_kit import actor, event, place, record, words

HEAD = "Depot blast kills 20"


def _headline(where: dict[str, Any] | None = None, type_: str = "INCIDENT", mode: str | None = "explosion") -> Any:
    # Dated by its report only (the week before it), placed at most coarsely: what headlines usually give.
    return event("e1", type_, "2023-09-19", where, mode, end="2023-09-26", precision="week", text=HEAD)


def _reports(head: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    told = record(
        "Wire",
        "2023-09-26",
        words("w"),
        [head, event("e2", "INCIDENT", "2023-09-25", place("Alder", "site"), "explosion")],
        title=HEAD,
    )
    other = record("Paper", "2023-09-27", words("p"), [event("e1", "INCIDENT", "2023-09-25", place("Birch"), "fire")])
    return told, other


def test_a_headline_joins_its_body_twin_and_the_outlet_counts_once(store: SqlStore) -> None:
    told, other = _reports(_headline(place("AAA", "country")))
    clusters, _ = ingest(store, [other, told])
    assert len(clusters) == 1
    cl = clusters[0]
    assert {(m["document"], m["event"]) for m in cl["members"]} == {
        (told["document"]["id"], "e1"),
        (told["document"]["id"], "e2"),
        (other["document"]["id"], "e1"),
    }
    assert cl["sources"] == 2 and cl["date"]["precision"] == "day" and cl["place"]["name"] == "Alder"


@pytest.mark.parametrize(
    ("head", "attached"),
    [
        (_headline(place("AAA", "country")), True),
        (_headline(None), True),  # a headline without a place
        (_headline(place("Alder", "admin")), True),
        (_headline(place("Dunmore")), False),  # another country
        (_headline(place("AAA", "country"), "PROTEST", None), False),  # another kind of event
        (_headline(place("AAA", "country"), "INCIDENT", "flood"), False),  # another known mode
        (event("e1", "INCIDENT", "2023-09-10", None, "explosion", text=HEAD), False),  # an earlier day
    ],
)
def test_what_makes_a_headline_the_body_event(head: dict[str, Any], attached: bool) -> None:
    told, _ = _reports(head)
    nodes = [node_from_event(told["document"], e) for e in told["events"]]
    assert nodes[0].headline and not nodes[1].headline
    found = twins(nodes, rules())
    assert (found.get(nodes[0].ref) == nodes[1]) is attached
    assert len(group(nodes)) == (1 if attached else 2)


def test_a_headline_picks_the_likeliest_body_event() -> None:
    head = _headline(place("AAA", "country"))
    told = record(
        "Wire",
        "2023-09-26",
        words("w"),
        [
            head,
            event("e2", "ASSAULT", "2023-09-25", place("Alder"), "shelling"),
            event("e3", "INCIDENT", "2023-09-25", place("Alder"), "explosion"),
            event("e4", "INCIDENT", "2023-09-25", place("Cedar"), "explosion"),
        ],
        title=HEAD,
    )
    nodes = [node_from_event(told["document"], e) for e in told["events"]]
    assert twins(nodes, rules())[nodes[0].ref].event == "e3"  # same type and mode; ties: the first told
    assert {frozenset(n.event for n in g) for g in group(nodes)} == {
        frozenset({"e1", "e3"}),
        frozenset({"e2"}),
        frozenset({"e4"}),
    }
    assert [sorted(n.event for n in c) for c in components(nodes)] == [["e1", "e3"], ["e2"], ["e4"]]


def test_without_a_body_twin_the_headline_is_matched_like_any_event(store: SqlStore) -> None:
    told = record("Wire", "2023-09-26", words("w"), [_headline(place("Alder"))], title=HEAD)
    other = record("Paper", "2023-09-27", words("p"), [event("e1", "INCIDENT", "2023-09-25", place("Birch"))])
    clusters, _ = ingest(store, [told, other])
    assert len(clusters) == 1 and clusters[0]["sources"] == 2


def _undated(where: dict[str, Any] | None) -> dict[str, Any]:
    return event("e1", "DISPLACEMENT", None, where, "flight")


@pytest.mark.parametrize(
    ("generic", "dated_place", "outlet", "together"),
    [
        (_undated(place("Alder")), place("AAA", "country"), "Paper", False),  # the country and the week
        (_undated(place("Alder")), place("Alder", "area"), "Paper", False),  # a wide area and the week
        (_undated(place("AAA", "country")), place("Alder"), "Paper", False),
        (_undated(None), None, "Paper", False),  # no place at all
        (_undated(place("Alder")), place("Birch"), "Paper", True),  # towns 11 km apart
        (_undated(place("Alder", "site")), place("Alder", "site"), "Paper", True),
        (_undated(place("Alder")), place("AAA", "country"), "Wire", True),  # the same outlet adds no source
        # the events stage's own window for an undated sentence: the week ending on the report's day
        (
            event("e1", "DISPLACEMENT", "2023-09-19", place("Alder"), "flight", end="2023-09-26", precision="week"),
            place("AAA", "country"),
            "Paper",
            False,
        ),
        # a week the sentence names is a date of its own
        (
            event("e1", "DISPLACEMENT", "2023-09-19", place("Alder"), "flight", end="2023-09-25", precision="week"),
            place("AAA", "country"),
            "Paper",
            True,
        ),
    ],
)
def test_an_undated_sentence_needs_a_close_place_to_add_a_source(
    store: SqlStore, generic: dict[str, Any], dated_place: dict[str, Any] | None, outlet: str, together: bool
) -> None:
    a = record("Wire", "2023-09-26", words("a"), [generic])
    b = record(outlet, "2023-09-25", words("b"), [event("e1", "DISPLACEMENT", "2023-09-25", dated_place, "flight")])
    clusters, _ = ingest(store, [a, b])
    assert (len(clusters_by_members(clusters)) == 1) is together


X = actor("state-x", "AAA")


@pytest.mark.parametrize(
    ("undated_doer", "dated_doer", "where", "together"),
    [
        (X, X, place("Alder", "area"), True),  # "a week after X's offensive" in the area: X's offensive
        (X, actor("state-y", "AAA"), place("Alder", "area"), False),  # another doer: no evidence
        (None, X, place("Alder", "area"), False),
        (
            {**actor("people", None), "kind": "civilians"},
            {**actor("people", None), "kind": "civilians"},
            place("Alder", "area"),
            False,
        ),
        (X, X, place("AAA", "country"), False),  # somewhere in the country: too wide even for one doer
    ],
)
def test_an_undated_event_of_the_same_doer_adds_a_source_at_a_wide_place(
    store: SqlStore,
    undated_doer: dict[str, Any] | None,
    dated_doer: dict[str, Any],
    where: dict[str, Any],
    together: bool,
) -> None:
    a = record(
        "Wire",
        "2023-09-26",
        words("a"),
        [event("e1", "ASSAULT", None, where, "offensive", [undated_doer] if undated_doer else [])],
    )
    b = record(
        "Paper",
        "2023-09-20",
        words("b"),
        [event("e1", "ASSAULT", "2023-09-19", place("Birch"), "shelling", [dated_doer])],
    )
    clusters, _ = ingest(store, [a, b])
    assert (len(clusters_by_members(clusters)) == 1) is together
