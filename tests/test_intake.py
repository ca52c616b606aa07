"""Intake: normalisation, sentence repair, ids, readers and bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisledger.errors import BinaryInputError, DecodeInputError, EmptyInputError, InputError, NoDateError
from crisisledger.intake.documents import to_document
from crisisledger.intake.normalise import base_text, document_id, normalise
from crisisledger.intake.readers import Overrides, RawReport, read_path, read_text

REPAIRS = [
    ("The minister met a\n\n42-year-old farmer.", "The minister met a 42-year-old farmer."),
    ("Aid groups are focused not on\n\nlogistics alone.", "Aid groups are focused not on logistics alone."),
    ("They praised the “Lobito\n\ncorridor.”", "They praised the “Lobito corridor.”"),
    ("Jane Doe\n\n12 May 2024\n\nText.", "Jane Doe\n\n12 May 2024\n\nText."),
    ("First paragraph ends.\n\nsecond starts lower.", "First paragraph ends.\n\nsecond starts lower."),
    ("Tabs\tand   spaces  \r\nCRLF", "Tabs and spaces\nCRLF"),
    ("One\n\n\n\nTwo", "One\n\nTwo"),
]


@pytest.mark.parametrize(("raw", "expected"), REPAIRS)
def test_normalise_repairs(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@given(st.text())
def test_normalise_is_idempotent_and_stripped(raw: str) -> None:
    once = normalise(raw)
    assert normalise(once) == once
    assert once == once.strip()
    assert "\r" not in once


def test_document_id_hashes_outlet_and_text_before_repairs() -> None:
    raw = "Title\r\n\r\nA broken\n\nsentence."
    assert document_id("Outlet", raw) == document_id(" outlet ", base_text(raw))
    assert document_id("Outlet", raw) != document_id("Other", raw)
    assert len(document_id(None, raw)) == 16


def test_plain_text_title_author_and_dateline() -> None:
    report = read_text("Floods hit the valley\n\nBy Sam Hart\n\n3 March 2024\n\nWater rose overnight.", "x.txt")
    assert report.title == "Floods hit the valley"
    assert report.author == "Sam Hart"
    assert report.published == date(2024, 3, 3)


def test_overrides_replace_what_intake_found() -> None:
    raw = RawReport(text="T\n\nBody.", source="s", title="T", published=date(2024, 1, 1), outlet="A")
    got = Overrides(published=date(2024, 2, 2), outlet="B", title="New").apply(raw)
    assert (got.published, got.outlet, got.title) == (date(2024, 2, 2), "B", "New")


def test_missing_date_is_a_clear_error() -> None:
    with pytest.raises(NoDateError, match="--published"):
        to_document(read_text("A title\n\nNo date anywhere here.", "nodate.txt"))


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyInputError),
        (b"   \n", EmptyInputError),
        (b"\x00\x01\x02binary", BinaryInputError),
        (b"caf\xc3\x28 \xa0\xa1 bad", DecodeInputError),
    ],
)
def test_unreadable_files_yield_errors(tmp_path: Path, content: bytes, error: type[InputError]) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = list(read_path(path))
    assert isinstance(item, error)
    assert str(path) in str(item)


def test_jsonl_reads_each_line_and_reports_broken_ones(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {
        "text": "Storm hits coast\n\nWinds tore roofs off.",
        "outlet": "Wire",
        "published": "2024-10-01",
        "url": "https://example.org/a",
        "title": "Storm hits coast",
    }
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n", "utf-8")
    items = list(read_path(path))
    assert isinstance(items[0], RawReport) and items[0].outlet == "Wire" and items[0].published == date(2024, 10, 1)
    assert isinstance(items[1], DecodeInputError) and ":2:" in str(items[1])
    assert isinstance(items[2], EmptyInputError) and ":3:" in str(items[2])


def test_html_reader_finds_title_and_text(tmp_path: Path) -> None:
    body = " ".join(["Relief convoys reached the northern districts after a week of delays."] * 6)
    html = (
        "<html><head><title>Convoys reach the north</title>"
        '<meta property="article:published_time" content="2024-04-02"></head>'
        f"<body><nav>Home | World</nav><article><h1>Convoys reach the north</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Subscribe now</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    (item,) = list(read_path(path))
    assert isinstance(item, RawReport)
    assert item.title == "Convoys reach the north"
    assert "Relief convoys" in item.text and "Home | World" not in item.text
    assert item.published == date(2024, 4, 2)
