"""The ingest job as a library: batches, idempotency, parallel workers, extractor failures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crisisledger.errors import EmptyInputError
from crisisledger.intake.readers import Overrides
from crisisledger.jobs import ingest as job
from crisisledger.ledger.sql import SqlStore
from crisisledger.model import Document

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "crisisledger" / "samples"


def doc(i: int) -> Document:
    return Document(id=f"{i:016x}", text=f"Report {i}", published=date(2024, 1, 1), source=f"r{i}.txt")


def fake_record(document: Document) -> dict[str, object]:
    return {"document": {"id": document.id, "published": "2024-01-01", "text": document.text}, "events": []}


def test_failures_are_reported_and_the_rest_land(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def flaky(document: Document) -> dict[str, object]:
        if document.id.endswith("3"):
            raise RuntimeError("parser blew up")
        return fake_record(document)

    monkeypatch.setattr(job, "extract_record", flaky)
    errors: list[tuple[str, str, str]] = []
    items = [doc(i) for i in range(6)] + [EmptyInputError("bad.txt: empty input")]
    summary = job.ingest(store, items, on_error=lambda *e: errors.append(e))
    assert summary.ingested == 5 and len(summary.skipped) == 2
    assert ("r3.txt", "extraction failed: RuntimeError: parser blew up", "EXTRACT") in errors
    assert ("bad.txt", "empty input", "EMPTY") in errors
    monkeypatch.setattr(job, "extract_record", fake_record)
    again = job.ingest(store, [doc(i) for i in range(6)])
    assert again.ingested == 1 and again.unchanged == 5  # only the one that failed is retried


def test_the_same_document_twice_in_one_batch_lands_once(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(job, "extract_record", fake_record)
    summary = job.ingest(store, [doc(1), doc(1)])
    assert (summary.ingested, summary.unchanged) == (1, 1)


@pytest.mark.integration
@pytest.mark.slow
def test_parallel_workers_give_the_same_ledger(tmp_path: Path) -> None:
    from crisisledger.ledger.sql import open_store

    inputs = [
        *job.iter_inputs([SAMPLES], Overrides(outlet="Wire A")),
        *job.iter_inputs([SAMPLES], Overrides(outlet="Wire B")),
    ]  # six distinct documents: enough for the pool path
    one, two = open_store(tmp_path / "one.db"), open_store(tmp_path / "two.db")
    job.ingest(one, inputs, workers=1)
    summary = job.ingest(two, inputs, workers=2)
    assert summary.ingested == len(inputs) == 6
    assert list(one.records()) == list(two.records())
