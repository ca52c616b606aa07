"""An analyst's own PETRARCH-format coding dictionary, used by `crisisledger ingest --dictionary`:
its verbs (with patterns and null codes) and actors code the report before the built-in lexicon."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisledger.extract.coding_dictionary import DictionaryError, load_dictionary
from test_cli import run

VERBS = """--- SERENADE  [051]  ---
SERENADE

--- WAVE  [---] ---
WAVE
- * GRAIN SHIPS AT + [061]
"""
ACTORS = "VALMORA [VLM]\nKESTRIA [KST]\n"
REPORT = (
    "Valmora serenaded Kestria on Monday, officials said.\n"
    "Valmora waved grain ships at Kestria on Tuesday.\n"
    "Valmora waved at Kestria on Wednesday.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "mine.verbs.txt").write_text(VERBS)
    (tmp_path / "mine.actors.txt").write_text(ACTORS)
    return tmp_path


def test_a_folder_reads_its_parts(folder: Path) -> None:
    dictionary = load_dictionary(folder)
    assert dictionary.verbs is not None and "serenade" in dictionary.verbs.verbs
    assert [a.name for a in dictionary.actors] == ["VALMORA", "KESTRIA"]
    assert dictionary.stage.startswith("dictionary@") and dictionary.agents == ()


def test_a_folder_without_dictionary_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match=r"no \*verbs\*\.txt"):
        load_dictionary(tmp_path)


@pytest.mark.integration
def test_ingest_codes_with_the_dictionary(folder: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT)
    db = tmp_path / "ledger.db"
    done = run("ingest", str(report), "--published", "2024-03-01", "--dictionary", str(folder), "--workers", "1", db=db)
    assert done.returncode == 0, done.stderr
    events = json.loads(run("events", "--json", db=db).stdout)
    coded = sorted((e["type"], e["actors"], e["targets"]) for e in events)
    # the block code (051 praise), a pattern's code (061), and a null code ("waved at": no event)
    assert coded == [("COOPERATE", "user.vlm", "user.kst"), ("SUPPORT", "user.vlm", "user.kst")]


@pytest.mark.integration
def test_ingest_refuses_a_broken_dictionary_before_reading(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT)
    done = run("ingest", str(report), "--dictionary", str(tmp_path / "missing"), db=tmp_path / "l.db")
    assert done.returncode == 2 and "not a folder" in done.stderr
