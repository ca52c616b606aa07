"""What a figure counts (several countries together, a headline told again, a coarser place holding a finer
one) and INCIDENT modes: hand-built records, no spaCy; plus the natural-force reading on real text."""

from __future__ import annotations

from typing import Any

import pytest

from crisisledger.link.nodes import affinity, node_from_event
from crisisledger.link.series import all_series
from test_link_kit import event, figure, place, record, words


def said(fig: dict[str, Any], text: str, start: int) -> dict[str, Any]:
    return {**fig, "evidence": {"text": text, "start": start, "end": start + len(text)}}


def named(country: str, start: int) -> dict[str, Any]:
    return {**place(country, "country"), "text": country, "start": start, "end": start + 3}


def by_values(series: list[dict[str, Any]]) -> list[list[Any]]:
    return sorted(sorted(p["value"] for p in s["points"]) for s in series)


def test_a_count_naming_two_countries_is_its_own_series_apart_from_one_country_tallies() -> None:
    a = record(
        "A",
        "2023-02-07",
        words("a"),
        figures=[
            said(figure("f1", "killed", 5000, "2023-02-07", place("AAA", "country")), "toll in AAA and BBB", 0),
            said(figure("f2", "killed", 3400, "2023-02-07", place("AAA", "country")), "AAA said 3400", 100),
        ],
    )
    a["places"] = [named("AAA", 8), named("BBB", 16), named("AAA", 100)]
    b = record(
        "B",
        "2023-02-09",
        words("b"),
        figures=[
            said(figure("f1", "killed", 21000, "2023-02-09", place("BBB", "country")), "toll in BBB and AAA", 0),
            said(figure("f2", "killed", 17000, "2023-02-09", place("AAA", "country")), "AAA said 17000", 100),
        ],
    )
    b["places"] = [named("BBB", 8), named("AAA", 16), named("AAA", 100)]
    series = all_series([a, b])
    assert by_values(series) == [[3400, 17000], [5000, 21000]]
    together = next(s for s in series if s["points"][0]["value"] == 5000)
    assert together["place"] is None


def test_two_counts_of_one_kind_in_a_sentence_naming_two_countries_keep_their_own_places() -> None:
    text = "AAA counted 17000 dead and BBB 3300"
    a = record(
        "A",
        "2023-02-09",
        words("a"),
        figures=[
            said(figure("f1", "killed", 17000, "2023-02-09", place("AAA", "country")), text, 0),
            said(figure("f2", "killed", 3300, "2023-02-09", place("BBB", "country")), text, 0),
        ],
    )
    a["places"] = [named("AAA", 0), named("BBB", 26)]
    assert by_values(all_series([a])) == [[3300], [17000]]


def test_a_headline_figure_told_again_in_the_body_is_grouped_with_the_body() -> None:
    a = record(
        "A",
        "2023-02-09",
        words("a"),
        figures=[
            said(figure("f1", "killed", 21000, "2023-02-09", place("Alder")), "Toll passes 21000 in Alder", 0),
            said(figure("f2", "killed", 21000, "2023-02-09", place("AAA", "country"), "more_than"), "AAA toll", 40),
            said(figure("f3", "killed", 900, "2023-02-05", place("AAA", "country")), "earlier 900", 80),
        ],
    )
    a["document"]["title"] = "Toll passes 21000 in Alder"
    assert by_values(all_series([a])) == [[900, 21000, 21000]]


def test_a_placeless_running_tally_counts_what_its_reports_lead_count_counts() -> None:
    lead = "toll in AAA and BBB passes 35000"
    a = record(
        "A",
        "2023-02-13",
        words("a"),
        figures=[
            said(figure("f1", "killed", 35000, "2023-02-13", place("AAA", "country"), "more_than"), lead, 0),
            said(figure("f2", "killed", 31000, "2023-02-13", place("AAA", "country")), "AAA said 31000", 50),
            said(figure("f3", "killed", 11000, "2023-02-08", None, "more_than"), "It passed 11000", 100),
            said(figure("f4", "killed", 28000, "2023-02-11", None, "approximate"), "about 28000", 120),
            said(figure("f5", "injured", 40, "2023-02-13", None), "40 injured", 150),
        ],
    )
    a["places"] = [named("AAA", 8), named("BBB", 16), named("AAA", 50)]
    b = record(
        "B",
        "2023-02-09",
        words("b"),
        figures=[said(figure("f1", "killed", 21000, "2023-02-09", place("BBB", "country")), "toll in BBB and AAA", 0)],
    )
    b["places"] = [named("BBB", 8), named("AAA", 16)]
    # the tally joins the two-country toll, not AAA's own; a kind the report never places stays placeless
    assert by_values(all_series([a, b])) == [[40], [11000, 21000, 28000, 35000], [31000]]


def test_a_coarser_count_joins_the_one_finer_series_it_holds_unless_that_raises_a_flag() -> None:
    recs = [
        record(
            "A", "2023-09-26", words("a"), figures=[figure("f1", "killed", 20, "2023-09-26", place("AAA", "country"))]
        ),
        record("B", "2023-09-27", words("b"), figures=[figure("f1", "killed", 68, "2023-09-27", place("Alder"))]),
        record("C", "2023-09-29", words("c"), figures=[figure("f1", "killed", 170, "2023-09-29", place("Alder"))]),
    ]
    assert by_values(all_series(recs)) == [[20, 68, 170]]
    # the same day, 3 in one town and 70,000 in the country cannot be one count: apart
    recs = [
        record(
            "A",
            "2023-02-09",
            words("a"),
            figures=[figure("f1", "injured", 70000, "2023-02-09", place("AAA", "country"))],
        ),
        record("B", "2023-02-09", words("b"), figures=[figure("f1", "injured", 3, "2023-02-09", place("Alder"))]),
    ]
    assert by_values(all_series(recs)) == [[3], [70000]]


def test_a_coarser_count_holding_two_finer_series_stays_apart() -> None:
    recs = [
        record(
            "A", "2023-09-26", words("a"), figures=[figure("f1", "killed", 20, "2023-09-26", place("AAA", "country"))]
        ),
        record("B", "2023-09-27", words("b"), figures=[figure("f1", "killed", 68, "2023-09-27", place("Alder"))]),
        record("C", "2023-09-27", words("c"), figures=[figure("f1", "killed", 5, "2023-09-27", place("Cedar"))]),
    ]
    assert by_values(all_series(recs)) == [[5], [20], [68]]


@pytest.mark.parametrize(
    ("mode_a", "mode_b", "one"),
    [
        ("earthquake", "earthquake", True),
        ("earthquake", "collapse", False),
        ("crash", "fire", False),
        ("explosion", "fire", True),
        ("incident", "fire", True),
        (None, "fire", True),
    ],
)
def test_incident_modes_must_agree(mode_a: str | None, mode_b: str | None, one: bool) -> None:
    a = record("A", "2023-09-27", words("a"), events=[event("e1", "INCIDENT", "2023-09-27", place("Alder"), mode_a)])
    b = record("B", "2023-09-27", words("b"), events=[event("e1", "INCIDENT", "2023-09-27", place("Alder"), mode_b)])
    na, nb = node_from_event(a["document"], a["events"][0]), node_from_event(b["document"], b["events"][0])
    assert (affinity(na, nb) is not None) is one


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("A magnitude 7.8 earthquake struck the south of the country on Monday.", "INCIDENT", "earthquake"),
        ("The first quake, of magnitude 7.8, hit at 04:17 on Monday near the coast.", "INCIDENT", "earthquake"),
        ("Later on Thursday, a fire broke out in a damaged building near the old bazaar.", "INCIDENT", "fire"),
        ("A huge explosion tore through a fuel depot on Monday evening.", "INCIDENT", "explosion"),
        ("Rescuers on Thursday pulled a girl alive from the rubble of a collapsed block.", "AID", "rescue"),
        ("Dozens died in Monday's fuel depot explosion.", "INCIDENT", "explosion"),
    ],
)
def test_natural_forces_and_rescues_on_real_text(text: str, type_: str, mode: str) -> None:
    from datetime import date

    from crisisledger.jobs.ingest import extract_record
    from crisisledger.model import Document

    out = extract_record(Document(id="t", text=text, published=date(2023, 2, 9)))
    assert [(e["type"], e["mode"]) for e in out["events"]] == [(type_, mode)]


@pytest.mark.integration
def test_a_clock_time_takes_the_day_written_beside_it() -> None:
    from datetime import date

    from crisisledger.jobs.ingest import extract_record
    from crisisledger.model import Document

    text = "The first quake hit at 04:17 on Monday near the coast."
    out = extract_record(Document(id="t", text=text, published=date(2023, 2, 9)))
    assert out["events"][0]["date"]["start"] == "2023-02-06"
