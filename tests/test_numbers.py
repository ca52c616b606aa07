"""The number parser: table cases from figure_cases.yaml and property tests on generated numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from crisisledger.extract.numbers import find_numbers, parse_number
from crisisledger.model import Qualifier

CASES = yaml.safe_load((Path(__file__).parent / "data" / "figure_cases.yaml").read_text(encoding="utf-8"))

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int, use_and: bool) -> str:
    """English words for 1..999 ("three hundred and forty-two")."""
    hundreds, rest = divmod(n, 100)
    parts = [f"{_UNITS[hundreds]} hundred"] if hundreds else []
    if rest:
        if hundreds and use_and:
            parts.append("and")
        tens, units = divmod(rest, 10)
        if rest < 20:
            parts.append(_UNITS[rest])
        else:
            parts.append(_TENS[tens] + (f"-{_UNITS[units]}" if units else ""))
    return " ".join(parts)


def to_words(n: int, use_and: bool = False) -> str:
    if n == 0:
        return "zero"
    parts = []
    for scale, name in ((1_000_000, "million"), (1000, "thousand"), (1, "")):
        group, n = divmod(n, scale)
        if group:
            parts.append((_below_thousand(group, use_and) + f" {name}").strip())
    return " ".join(parts)


@pytest.mark.parametrize("case", CASES["numbers"], ids=lambda c: c["text"])
def test_parse_number_cases(case: dict[str, Any]) -> None:
    quantity = parse_number(case["text"])
    if "range" in case:
        assert quantity is not None and quantity.value is None
        assert (quantity.value_min, quantity.value_max) == tuple(case["range"])
    elif case["value"] is None:
        assert quantity is None
    else:
        assert quantity is not None and quantity.value == case["value"]


@pytest.mark.parametrize("case", CASES["mentions"], ids=lambda c: c["text"])
def test_find_numbers_cases(case: dict[str, Any]) -> None:
    found = [(m.text, m.qualifier.value) for m in find_numbers(case["text"])]
    assert found == [tuple(pair) for pair in case["found"]]


def test_mention_offsets_point_into_the_text() -> None:
    text = "Nearly sixty-eight people died; 1,200 more were hurt."
    mentions = find_numbers(text)
    assert [text[m.start : m.end] for m in mentions] == ["sixty-eight", "1,200"]
    assert text[mentions[0].qualifier_start :].startswith("Nearly")
    assert mentions[0].qualifier is Qualifier.APPROXIMATE


@given(st.integers(min_value=0, max_value=999_999_999))
def test_digits_with_commas_round_trip(n: int) -> None:
    quantity = parse_number(f"{n:,}")
    assert quantity is not None and quantity.value == n


@given(st.integers(min_value=0, max_value=999_999_999), st.booleans())
def test_words_round_trip(n: int, use_and: bool) -> None:
    quantity = parse_number(to_words(n, use_and))
    assert quantity is not None and quantity.value == n, to_words(n, use_and)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_number_in_a_sentence_is_found_whole(n: int) -> None:
    text = f"Officials said {to_words(n)} people were affected."
    mentions = find_numbers(text)
    assert len(mentions) == 1 and mentions[0].quantity.value == n


@given(st.text(max_size=200))
def test_never_crashes_on_any_text(text: str) -> None:
    for mention in find_numbers(text):
        assert text[mention.start : mention.end] == mention.text
        assert 0 <= mention.qualifier_start <= mention.start
    parse_number(text)
