"""Near-duplicate reports: copies and superseded versions, found through MinHash bands, in any order."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from crisisledger.ledger.sql import open_store
from crisisledger.link.duplicates import jaccard, normalised_words, shingles
from crisisledger.link.hooks import link_document
from test_link_kit import record, words

BASE = words("story", 200)


def edited(text: str, every: int) -> str:
    """Change one word in `every` (an update or a sub-editor's pass)."""
    parts = text.split()
    return " ".join("changed" if i % every == 0 else w for i, w in enumerate(parts))


def test_normalisation_ignores_case_accents_and_punctuation() -> None:
    assert normalised_words("Türkiye's  QUAKE, Pazarcık!") == ["turkiye", "s", "quake", "pazarcık".replace("ı", "ı")]
    assert jaccard(shingles("The toll rose, said AFAD."), shingles("the toll rose said afad")) == 1.0


def test_similarity_separates_copies_from_other_stories() -> None:
    assert jaccard(shingles(BASE), shingles(edited(BASE, 25))) > 0.6
    assert jaccard(shingles(BASE), shingles(words("other", 200))) < 0.05


CASES = {
    "wire": record("Wire Agency", "2023-09-25", BASE),
    "paper": record("Daily Paper", "2023-09-26", edited(BASE, 30) + " Published by arrangement."),
    "wire_v2": record("Wire Agency", "2023-09-27", edited(BASE, 20)),
    "unrelated": record("Daily Paper", "2023-09-26", words("unrelated", 200)),
}
EXPECTED = {
    "wire": ("wire_v2", "superseded"),
    "paper": ("wire", "copy"),
    "wire_v2": None,
    "unrelated": None,
}


@pytest.mark.parametrize("order", list(itertools.permutations(CASES))[::5])
def test_duplicate_links_do_not_depend_on_ingest_order(tmp_path: Path, order: tuple[str, ...]) -> None:
    store = open_store(tmp_path / "l.db")
    try:
        for name in order:
            store.add(CASES[name])
            link_document(store, CASES[name])
        names = {r["document"]["id"]: n for n, r in CASES.items()}
        got = {}
        for name, r in CASES.items():
            dup = store.record(r["document"]["id"])["document"]["duplicate_of"]  # type: ignore[index]
            got[name] = (names[dup["document"]], dup["kind"]) if dup else None
        assert got == EXPECTED
    finally:
        store.close()


def test_on_one_day_the_text_that_credits_the_other_outlet_is_the_copy(tmp_path: Path) -> None:
    wire = record("Wire Agency", "2023-09-26", BASE + " (Wire Agency)")
    paper = record("Daily Paper", "2023-09-26", edited(BASE, 30) + " (Wire Agency) Run by the Daily Paper.")
    for order in ((wire, paper), (paper, wire)):
        store = open_store(tmp_path / f"{order[0]['document']['outlet']}.db")
        try:
            for r in order:
                store.add(r)
                link_document(store, r)
            dup = store.record(paper["document"]["id"])["document"]["duplicate_of"]  # type: ignore[index]
            assert dup == {"document": wire["document"]["id"], "kind": "copy"}
            assert store.record(wire["document"]["id"])["document"]["duplicate_of"] is None  # type: ignore[index]
        finally:
            store.close()
