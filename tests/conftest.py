"""Shared fixtures: paths to the shared inputs and a real SQLite ledger in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crisisledger.ledger.sql import SqlStore, open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "wsws-2023-09-28-karabakh.txt"
SEED_GOLD = SHARED / "gold" / "wsws-2023-09-28-karabakh.gold.json"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    s = open_store(tmp_path / "ledger.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED
