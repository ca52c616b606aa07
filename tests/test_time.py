"""The time extractor: table-driven cases (`data/time_cases.yaml`), lexicon integrity, properties."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from timeit import default_timer
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisledger.extract.time import extract_times
from crisisledger.extract.time_rules import RESOLVERS, load_lexicon
from crisisledger.model import TimeExpr

FRAGMENTS = ["May ", "Monday", "last ", "week", "1998", "June 3", "ago", "the ", "s", "Q3", "p.m.", "fall"]
CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "data" / "time_cases.yaml").read_text())


def _as_row(expr: TimeExpr) -> dict[str, Any]:
    rng = expr.range
    return {
        "text": expr.text,
        "start": expr.start,
        "end": expr.end,
        "date_start": rng.start.isoformat() if rng else None,
        "date_end": rng.end.isoformat() if rng else None,
        "precision": rng.precision.value if rng else None,
        "timex": expr.timex,
    }


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    published = date.fromisoformat(str(case["published"]))
    found = [_as_row(e) for e in extract_times(case["text"], published)]
    assert found == case["expect"]


def test_every_pattern_has_a_resolver_and_compiles() -> None:
    lexicon = load_lexicon()
    assert lexicon.patterns
    for kind, _pattern in lexicon.patterns:
        assert kind in RESOLVERS


def test_word_lists_hold_only_strings() -> None:
    """YAML reads a bare `on` or `no` as a boolean: every listed word must stay a string."""
    words = load_lexicon().words
    for name, value in words.items():
        entries = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        for entry in entries:
            if name != "patterns":
                assert isinstance(entry, str), (name, entry)


def test_strip_preposition_keeps_calendar_expression_only() -> None:
    text = "Some 68 people have been killed since September 20."
    (expr,) = extract_times(text, date(2023, 9, 28))
    assert expr.text == "September 20"
    assert text[expr.start : expr.end] == expr.text


def test_hint_confirms_a_bare_year() -> None:
    text = "Route 1998 was closed."
    start = text.index("1998")
    assert extract_times(text, date(2023, 9, 28)) == ()
    (expr,) = extract_times(text, date(2023, 9, 28), [(start, start + 4)])
    assert expr.timex == "1998"


def test_hint_falls_back_to_dateparser() -> None:
    text = "Deliveries resumed on 2021.05.12 at dawn."
    start = text.index("2021.05.12")
    exprs = extract_times(text, date(2023, 9, 28), [(start - 3, start + 10)])
    assert [(e.text, e.timex) for e in exprs] == [("2021.05.12", "2021-05-12")]


def test_hint_that_is_an_age_gives_nothing() -> None:
    text = "A 69-year-old man was killed."
    assert extract_times(text, date(2023, 9, 28), [(2, 13)]) == ()


def test_results_sorted_and_disjoint() -> None:
    text = "On Monday and in June 2022, and since 1998, now, two days ago."
    exprs = extract_times(text, date(2023, 9, 28))
    starts = [e.start for e in exprs]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(exprs))


def test_a_thousand_words_well_under_fifty_ms() -> None:
    sentence = (
        "On Monday, 12 people were killed near the border since June, officials said last week, "
        "and 2,000 more fled in the 1990s while aid arrived two days ago. "
    )
    text = sentence * (1000 // len(sentence.split()) + 1)
    extract_times(text, date(2023, 9, 28))  # warm the lexicon cache
    best = min(_timed(text) for _ in range(3))
    assert best < 0.05


def _timed(text: str) -> float:
    began = default_timer()
    extract_times(text, date(2023, 9, 28))
    return default_timer() - began


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from([*"abcdefghijklmnopqrstuvwxyzMTWFSJAOND0123456789 .,-/:'\n", *FRAGMENTS]),
        max_size=60,
    ).map("".join),
    published=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    hint=st.tuples(st.integers(0, 120), st.integers(0, 40)),
)
def test_never_crashes_and_spans_hold(text: str, published: date, hint: tuple[int, int]) -> None:
    start = min(hint[0], len(text))
    hints = [(start, min(len(text), start + hint[1]))]
    for expr in extract_times(text, published, hints):
        assert text[expr.start : expr.end] == expr.text
        assert expr.start < expr.end
        if expr.range is not None:
            assert expr.range.start <= expr.range.end


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80), published=st.dates())
def test_arbitrary_unicode_never_crashes(text: str, published: date) -> None:
    for expr in extract_times(text, published):
        assert text[expr.start : expr.end] == expr.text
