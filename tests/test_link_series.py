"""Figure series: grouping, latest and highest credible, flags, copies (hand-built records, no spaCy)."""

from __future__ import annotations

from typing import Any

import pytest

from crisisledger.link.rules import rules
from crisisledger.link.series import all_series, interval, who_group
from test_link_kit import figure, place, record, words


def values(series: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(p["as_of"], p["value"]) for p in series["points"]]


def test_displaced_and_refugees_are_one_series_sorted_by_as_of() -> None:
    country = place("AAA", "country")
    recs = [
        record("A", "2023-09-27", words("a"), figures=[figure("f1", "refugees", 6650, "2023-09-26", country)]),
        record("B", "2023-09-26", words("b"), figures=[figure("f1", "displaced", 2906, "2023-09-25", country)]),
        record(
            "C", "2023-09-28", words("c"), figures=[figure("f1", "refugees", 13350, "2023-09-27", country, "more_than")]
        ),
    ]
    (s,) = all_series(recs)
    assert s["kind"] == "displaced"
    assert values(s) == [("2023-09-25", 2906), ("2023-09-26", 6650), ("2023-09-27", 13350)]
    assert s["latest"]["value"] == 13350 and s["highest_credible"]["value"] == 13350
    assert s["flags"] == []


@pytest.mark.parametrize(
    ("who", "group"),
    [
        (None, "people"),
        ("people", "people"),
        ("civilians", "people"),
        ("ethnic Armenians", "people"),
        ("children", "children"),
        ("Azerbaijani soldiers", "soldiers"),
        ("servicemen", "soldiers"),
        ("women and children", "children"),
    ],
)
def test_who_head_groups(who: str | None, group: str) -> None:
    assert who_group(who, rules()) == group


def test_who_groups_and_places_split_series() -> None:
    recs = [
        record(
            "A",
            "2023-09-26",
            words("a"),
            figures=[
                figure("f1", "killed", 20, "2023-09-25", place("Alder")),
                figure("f2", "killed", 5, "2023-09-25", place("Alder"), who="children"),
                figure("f3", "killed", 7, "2023-09-25", place("Cedar")),  # 44 km away: another series
            ],
        ),
        record("B", "2023-09-27", words("b"), figures=[figure("f1", "killed", 68, "2023-09-26", place("Birch"))]),
    ]
    got = sorted(values(s) for s in all_series(recs))
    assert got == [[("2023-09-25", 5)], [("2023-09-25", 7)], [("2023-09-25", 20), ("2023-09-26", 68)]]


def test_since_null_matches_any_but_two_sinces_stay_apart() -> None:
    c = place("AAA", "country")
    recs = [
        record(
            "A",
            "2023-09-30",
            words("a"),
            figures=[
                figure("f1", "displaced", 100, "2023-09-28", c, since="2023-09-19"),
                figure("f2", "displaced", 150, "2023-09-29", c),
                figure("f3", "displaced", 900, "2023-09-29", c, since="2020-09-27"),
                figure("f4", "displaced", 170, "2023-09-30", c, since="2023-09-19"),
            ],
        )
    ]
    got = sorted((s["since"], [p["value"] for p in s["points"]]) for s in all_series(recs))
    assert got == [("2020-09-27", [900]), ("2023-09-19", [100, 150, 170])]


def test_at_least_68_and_68_are_one_value_and_ranges_never_outvote_counts() -> None:
    town = place("Alder")
    recs = [
        record("A", "2023-09-26", words("a"), figures=[figure("f1", "killed", 68, "2023-09-26", town, "at_least")]),
        record("B", "2023-09-26", words("b"), figures=[figure("f1", "killed", 68, "2023-09-26", town)]),
        record(
            "C",
            "2023-09-27",
            words("c"),
            figures=[figure("f1", "killed", None, "2023-09-27", town, "approximate", value_min=200, value_max=999)],
        ),
    ]
    (s,) = all_series(recs)
    assert s["flags"] == []
    assert s["latest"]["value"] == 68 and s["highest_credible"]["value"] == 68
    only_range = all_series([recs[2]])[0]
    assert only_range["latest"]["value_max"] == 999 and only_range["highest_credible"]["value_min"] == 200


def test_revision_stale_and_contradiction_flags() -> None:
    town = place("Alder")
    recs = [
        record("A", "2023-09-26", words("a"), figures=[figure("f1", "killed", 31, "2023-09-25", town)]),
        record("B", "2023-09-27", words("b"), figures=[figure("f1", "killed", 18, "2023-09-26", town)]),
        record(
            "C",
            "2023-09-28",
            words("c"),
            figures=[figure("f1", "killed", 36, "2023-09-27", town), figure("f2", "killed", 40, "2023-09-27", town)],
        ),
        record(
            "D",
            "2023-09-29",
            words("d"),
            figures=[
                figure("f1", "injured", 5150, "2023-09-26", town),
                figure("f2", "injured", 4700, "2023-09-28", town),
            ],
        ),
    ]
    by_kind = {s["kind"]: s for s in all_series(recs)}
    kinds = {f["kind"]: f for f in by_kind["killed"]["flags"]}
    assert set(kinds) == {"stale", "contradiction"}
    assert kinds["stale"]["points"][0] == {"document": recs[1]["document"]["id"], "figure": "f1"}
    assert by_kind["killed"]["latest"]["value"] == 40
    (revision,) = by_kind["injured"]["flags"]
    assert revision["kind"] == "revision" and revision["points"][0]["figure"] == "f2"


def test_qualified_values_agree_on_the_same_day() -> None:
    town = place("Alder")
    a = figure("f1", "killed", 21000, "2023-02-09", town, "more_than")
    b = figure("f2", "killed", 17000, "2023-02-09", town, "more_than")
    c = figure("f3", "killed", 3, "2023-02-09", town)
    d = figure("f4", "killed", 5, "2023-02-09", town)
    recs = [record("A", "2023-02-10", words("a"), figures=[a, b, c, d])]
    (s,) = all_series(recs)
    pairs = [{p["figure"] for p in f["points"]} for f in s["flags"] if f["kind"] == "contradiction"]
    assert {"f1", "f2"} not in pairs and {"f3", "f4"} in pairs
    assert interval(a, rules())[0] == 21000


def test_copies_are_listed_but_not_counted() -> None:
    text = words("wire")
    town = place("Alder")
    origin = record("Wire", "2023-09-25", text, figures=[figure("f1", "killed", 20, "2023-09-25", town)])
    copy = record("Paper", "2023-09-26", text, figures=[figure("f1", "killed", 200, "2023-09-26", town)])
    copy["document"]["duplicate_of"] = {"document": origin["document"]["id"], "kind": "copy"}
    (s,) = all_series([origin, copy])
    assert [p["counted"] for p in s["points"]] == [True, False]
    assert s["latest"]["value"] == 20 and s["highest_credible"]["value"] == 20
