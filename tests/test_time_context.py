"""Tense from the parse and the reference time: hand-built spaCy Docs (no model) and one parsed case."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.tokens import Doc
from spacy.vocab import Vocab

from crisisledger.extract.time import extract_times
from crisisledger.extract.time_context import Period, step
from crisisledger.extract.time_rules import Anchoring

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "time_tense_cases.yaml").read_text(encoding="utf-8")
)


def _doc(tokens: list[list[Any]]) -> Doc:
    words = [str(t[0]) for t in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] != "." for i in range(len(words))]
    return Doc(
        Vocab(),
        words=words,
        spaces=spaces,
        pos=[str(t[1]) for t in tokens],
        tags=[str(t[2]) for t in tokens],
        deps=[str(t[3]) for t in tokens],
        heads=[int(t[4]) for t in tokens],
        lemmas=[str(t[5]) for t in tokens],
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_tense_from_parse(case: dict[str, Any]) -> None:
    doc = _doc(case["tokens"])
    published = date.fromisoformat(str(case["published"]))
    found = {e.text: e.timex for e in extract_times(doc.text, published, doc=doc)}
    assert found[case["date"]] == str(case["expect"])


def test_positional_signature_still_works() -> None:
    (expr,) = extract_times("Shelling resumed on Monday.", date(2023, 9, 28), ())
    assert expr.timex == "2023-09-25"


@pytest.mark.parametrize(
    ("reference", "anchoring", "expect"),
    [
        (Period("quarter", date(1989, 7, 1)), Anchoring("year", -1), "1988-Q3"),
        (Period("month", date(1998, 1, 1)), Anchoring("year", -1), "1997"),
        (Period("day", date(2000, 2, 28)), Anchoring("day", 2), "2000-03-01"),
        (Period("day", date(2000, 12, 30)), Anchoring("week", 1), "2001-W01"),
        (Period("month", date(2015, 11, 1)), Anchoring("month", 3), "2016-02"),
        (Period("year", date(2004, 1, 1)), Anchoring("day", 1), None),
        (Period("day", date(2023, 9, 28)), Anchoring("year", -1, only_from_quarter=True), None),
        (Period("day", date(1998, 10, 23)), Anchoring("day", 0, clock="T22:00"), "1998-10-23T22:00"),
        (Period("month", date(1998, 10, 1)), Anchoring("day", 0, clock="T22:00"), None),
    ],
)
def test_step_from_reference(reference: Period, anchoring: Anchoring, expect: str | None) -> None:
    moved = step(reference, anchoring)
    assert (moved.timex if moved else None) == expect


def test_comparison_does_not_move_the_reference() -> None:
    text = "Profit rose in the third quarter from a year earlier. The quarter ended well."
    values = [e.timex for e in extract_times(text, date(1989, 11, 2))]
    assert values == ["1989-Q3", "1988-Q3", "1989-Q3"]


@pytest.mark.integration
def test_tense_with_the_real_parser() -> None:
    from crisisledger.language.nlp import parse

    text = "Troops withdrew in November. Elections will be held in June."
    doc = parse(text)
    values = [e.timex for e in extract_times(text, date(2023, 9, 28), doc=doc)]
    assert values == ["2022-11", "2024-06"]


def test_clock_time_falls_back_to_publication_without_a_day_in_view() -> None:
    values = [e.timex for e in extract_times("In 1997 it began. At 6 a.m. shells fell.", date(1999, 4, 19))]
    assert values == ["1997", "1999-04-19T06:00"]


def test_day_before_joins_the_date_after_it() -> None:
    text = "He left the day before last Friday's vote; the day after the funeral he returned."
    found = [(e.text, e.timex) for e in extract_times(text, date(2023, 9, 28))]
    assert found == [("the day before last Friday", "2023-09-21")]
