"""Figures from hand-built analysed documents (table cases in figure_cases.yaml), then with spaCy."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisisledger.extract.figures import extract_figures
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import (
    DatePrecision,
    DateRange,
    Document,
    Figure,
    Place,
    PlacePrecision,
    Role,
    Sentence,
    TimeExpr,
)

CASES = yaml.safe_load((Path(__file__).parent / "data" / "figure_cases.yaml").read_text(encoding="utf-8"))
FIGURE_CASES = CASES["figures"]


def build(case: dict[str, Any], doc: Any = None) -> tuple[AnalyzedDocument, list[TimeExpr], list[Place]]:
    """An analysed document of one paragraph, with places and times found by their text."""
    text = " ".join(case["sentences"])
    published = case.get("published", date(2024, 3, 1))
    document = Document(id="t" * 16, text=text, published=published)
    sentences, offset = [], 0
    paragraphs = case.get("paragraphs", [0] * len(case["sentences"]))
    for piece, paragraph in zip(case["sentences"], paragraphs, strict=True):
        start = text.index(piece, offset)
        sentences.append(Sentence(piece, start, start + len(piece), Role(case.get("role", "report")), paragraph))
        offset = start + len(piece)
    places = []
    for name, precision, *country in case.get("places", []):
        at = text.index(name)
        code = country[0] if country else None
        places.append(Place(name, at, at + len(name), name, None, None, None, code, PlacePrecision(precision)))
    times = []
    for phrase, day, precision in case.get("times", []):
        at = text.index(phrase)
        times.append(TimeExpr(phrase, at, at + len(phrase), DateRange(day, day, DatePrecision(precision))))
    analyzed = AnalyzedDocument(document=document, sentences=tuple(sentences), entities=(), doc=doc)
    return analyzed, sorted(times, key=lambda t: t.start), sorted(places, key=lambda p: p.start)


def check(case: dict[str, Any], figures: tuple[Figure, ...]) -> None:
    expected = case["expect"]
    got = [(f.kind.value, f.value, f.trigger.text) for f in figures]
    assert len(figures) == len(expected), got
    for figure, want in zip(figures, expected, strict=True):
        for field, value in want.items():
            actual = getattr(figure, field)
            if field == "place":
                actual = actual.text if actual is not None else None
            elif hasattr(actual, "value"):
                actual = actual.value
            assert actual == value, f"{field}: {actual!r} != {value!r} in {got}"


@pytest.mark.parametrize("case", FIGURE_CASES, ids=lambda c: c["name"])
def test_figures_without_parse(case: dict[str, Any]) -> None:
    analyzed, times, places = build(case)
    check(case, extract_figures(analyzed, times, places))


def test_ids_follow_evidence_then_trigger() -> None:
    case = {"sentences": ["Two people died and five were hurt.", "Later 30 were arrested."]}
    figures = extract_figures(*build(case))
    assert [f.id for f in figures] == ["f1", "f2", "f3"]
    assert [f.trigger.start for f in figures] == sorted(f.trigger.start for f in figures)
    text = build(case)[0].text
    for f in figures:
        assert text[f.trigger.start : f.trigger.end] == f.trigger.text
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text


def test_as_of_defaults_to_publication() -> None:
    case = {"sentences": ["Nine people were killed."], "published": date(2022, 5, 1)}
    (figure,) = extract_figures(*build(case))
    assert figure.as_of == date(2022, 5, 1) and figure.since is None


def test_boilerplate_is_skipped() -> None:
    case = {"sentences": ["Subscribe to reach 10,000 readers killed by boredom."], "role": "boilerplate"}
    assert extract_figures(*build(case)) == ()


@pytest.mark.integration
@pytest.mark.parametrize("case", FIGURE_CASES, ids=lambda c: c["name"])
def test_figures_with_parse(case: dict[str, Any]) -> None:
    from crisisledger.language.nlp import parse

    text = " ".join(case["sentences"])
    analyzed, times, places = build(case, doc=parse(text))
    check(case, extract_figures(analyzed, times, places))


def test_lexicon_entries_are_strings() -> None:
    """YAML reads bare no/on/off as booleans; every word list must hold strings only."""
    from crisisledger.lexicon.loader import load_lexicon

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                assert isinstance(item, (str, int, float)) and not isinstance(item, bool), item
                walk(item)

    walk(load_lexicon("figures"))
    walk(load_lexicon("numbers"))
