"""The SQLite ledger: idempotent writes, revisions, migrations, filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from crisisledger.errors import LedgerError
from crisisledger.ledger.migrations import SCHEMA_VERSION
from crisisledger.ledger.sql import SqlStore, open_store


def record(doc_id: str = "0123456789abcdef", published: str = "2024-05-01") -> dict[str, Any]:
    sentence = {"text": "Shelling killed 3 people in Town.", "start": 0, "end": 33}
    place = {
        "text": "Town",
        "start": 28,
        "end": 32,
        "name": "Town",
        "geonames_id": 1,
        "lat": 1.0,
        "lon": 2.0,
        "country": "UKR",
        "precision": "town",
    }
    return {
        "document": {
            "id": doc_id,
            "outlet": "Wire",
            "url": None,
            "title": "T",
            "author": None,
            "published": published,
            "language": "en",
            "text": sentence["text"],
            "duplicate_of": None,
        },
        "sentences": [{**sentence, "role": "report"}],
        "times": [],
        "places": [place],
        "actors": [],
        "figures": [
            {
                "id": "f1",
                "kind": "killed",
                "value": 3,
                "value_min": None,
                "value_max": None,
                "qualifier": "exact",
                "unit": None,
                "who": "people",
                "place": place,
                "as_of": published,
                "since": None,
                "attributed_to": None,
                "certainty": "asserted",
                "evidence": sentence,
            }
        ],
        "events": [
            {
                "id": "e1",
                "type": "ASSAULT",
                "mode": "shelling",
                "actors": [],
                "targets": [],
                "place": place,
                "date": {"start": published, "end": published, "precision": "day"},
                "certainty": "asserted",
                "attributed_to": None,
                "background": False,
                "figures": ["f1"],
                "evidence": sentence,
            }
        ],
        "claims": [],
    }


def test_add_is_idempotent(store: SqlStore) -> None:
    assert store.add(record()) is True
    assert store.add(record()) is False
    assert store.count() == 1
    assert len(store.events()) == 1 and len(store.figures()) == 1


def test_wal_mode_and_schema_version(tmp_path: Path) -> None:
    s = open_store(tmp_path / "l.db")
    with s.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        version = conn.execute(text("SELECT value FROM meta WHERE key='schema_version'")).scalar()
        assert version == str(SCHEMA_VERSION)
    s.close()
    reopened = open_store(tmp_path / "l.db")  # migrating an up-to-date ledger changes nothing
    assert reopened.count() == 0


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    s = open_store(tmp_path / "l.db")
    with s.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value='99' WHERE key='schema_version'"))
    s.close()
    with pytest.raises(LedgerError, match="newer"):
        open_store(tmp_path / "l.db")


def test_revisions_apply_without_overwriting(store: SqlStore) -> None:
    store.add(record())
    store.revise("0123456789abcdef", "e1", "correct", "type", "ASSAULT", "COERCE", "analyst", "not an attack")
    assert store.record("0123456789abcdef")["events"][0]["type"] == "COERCE"  # type: ignore[index]
    store.revise("0123456789abcdef", "f1", "reject", None, None, None, "analyst", "double count")
    assert store.record("0123456789abcdef")["figures"] == []  # type: ignore[index]
    revs = store.revisions()
    assert [r["action"] for r in revs] == ["correct", "reject"] and revs[0]["author"] == "analyst"


def test_filters(store: SqlStore) -> None:
    store.add(record("0123456789abcdef", "2024-05-01"))
    store.add(record("fedcba9876543210", "2024-06-01"))
    from crisisledger.ledger.store import Filters

    assert len(store.events(Filters(since="2024-05-15"))) == 1
    assert len(store.events(Filters(until="2024-05"))) == 1
    assert len(store.events(Filters(types=("PROTEST",)))) == 0
    assert len(store.figures(Filters(kind="killed", country="ukr"))) == 2
    assert store.resolve_id("fedcba") == "fedcba9876543210"
    assert [r["document"]["id"] for r in store.records()] == ["0123456789abcdef", "fedcba9876543210"]


def test_settings_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crisisledger import settings

    config = tmp_path / "c.toml"
    config.write_text('[crisisledger]\ndb = "from-file.db"\n', "utf-8")
    monkeypatch.delenv("CRISISLEDGER_DB", raising=False)
    monkeypatch.setenv("CRISISLEDGER_CONFIG", str(config))
    assert settings.get("db") == "from-file.db"
    monkeypatch.setenv("CRISISLEDGER_DB", "from-env.db")
    assert settings.get("db") == "from-env.db"
    assert settings.get("db", "from-flag.db") == "from-flag.db"
    bad = tmp_path / "bad.toml"
    bad.write_text('[crisisledger]\ncolour = "red"\n', "utf-8")
    monkeypatch.delenv("CRISISLEDGER_DB")
    with pytest.raises(settings.SettingsError, match="unknown settings colour"):
        settings.get("db", config=str(bad))
