"""The command line end to end: real spaCy, a real SQLite file, the real console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "crisisledger" / "samples"


def run(*args: str, db: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRISISLEDGER_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "crisisledger.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=600,
    )


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "ledger.db"
    result = run("ingest", str(SAMPLES), "--workers", "1", db=db)
    assert result.returncode == 0, result.stderr
    assert "3 ingested, 0 unchanged, 0 skipped" in result.stderr
    return db


def test_ingest_twice_changes_nothing(ledger: Path) -> None:
    before = run("export", "--format", "json", db=ledger).stdout
    again = run("ingest", str(SAMPLES), db=ledger)
    assert again.returncode == 0 and "0 ingested, 3 unchanged" in again.stderr
    assert run("export", "--format", "json", db=ledger).stdout == before


def test_export_json_is_valid_and_jsonl_has_one_line_per_document(ledger: Path) -> None:
    from crisisledger.export.formats import schema

    data = json.loads(run("export", "--format", "json", db=ledger).stdout)
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert len(data["documents"]) == 3
    published = [d["document"]["published"] for d in data["documents"]]
    assert published == sorted(published)
    lines = run("export", "--format", "jsonl", db=ledger).stdout.splitlines()
    assert [json.loads(x)["document"]["id"] for x in lines] == [d["document"]["id"] for d in data["documents"]]


def test_listings_and_show(ledger: Path) -> None:
    figures = json.loads(run("figures", "--kind", "killed", "--json", db=ledger).stdout)
    assert figures and all(f["kind"] == "killed" for f in figures)
    events = json.loads(run("events", "--json", db=ledger).stdout)
    doc_id = events[0]["document"] if events else figures[0]["document"]
    shown = run("show", doc_id[:8], db=ledger)
    assert shown.returncode == 0 and "Events" in shown.stdout
    assert run("show", "nosuchdoc", db=ledger).returncode == 2
    places = json.loads(run("places", "--json", db=ledger).stdout)
    assert any(p["country"] == "SDN" for p in places)
    csv_text = run("export", "--format", "csv", db=ledger).stdout
    assert csv_text.startswith("event_date,event_type")


def test_a_bad_file_in_a_batch_is_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text((SAMPLES / "ukraine-kharkiv-2024-05-26.txt").read_text("utf-8"), "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (folder / "nodate.txt").write_text("A title\n\nShelling hit the town, officials said.", "utf-8")
    db = tmp_path / "l.db"
    result = run("ingest", str(folder), db=db)
    assert result.returncode == 1
    assert "1 ingested, 0 unchanged, 3 skipped" in result.stderr
    assert "empty.txt: empty input [EMPTY]" in result.stderr
    assert "[BINARY]" in result.stderr and "[NO_DATE]" in result.stderr
    assert len(json.loads(run("export", db=db).stdout)["documents"]) == 1


def test_nothing_landed_exits_3_and_bad_flags_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    assert run("ingest", str(empty), db=tmp_path / "l.db").returncode == 3
    assert run("ingest", str(empty), "--published", "yesterday", db=tmp_path / "l.db").returncode == 2


def test_stdin_with_overrides(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    text = "Floods in the valley\n\nFloods forced 300 families from their homes in Kassala, officials said."
    result = run("ingest", "-", "--published", "2024-08-01", "--outlet", "Valley Post", db=db, stdin=text)
    assert result.returncode == 0, result.stderr
    doc = json.loads(run("export", db=db).stdout)["documents"][0]["document"]
    assert (doc["published"], doc["outlet"], doc["title"]) == ("2024-08-01", "Valley Post", "Floods in the valley")


def test_schema_command_prints_the_contract(tmp_path: Path) -> None:
    printed = json.loads(run("schema", db=tmp_path / "l.db").stdout)
    assert printed["$id"] == "urn:crisisledger:schema:crisisledger-1"
