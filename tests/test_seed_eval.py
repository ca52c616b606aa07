"""End to end on the seed: ingest it, score it with `crisisledger eval`, hold the pinned floors, and
agree with the reference scorer on the same export."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crisisledger.evaluate import flatten

pytestmark = pytest.mark.integration

FLOORS = json.loads((Path(__file__).parent / "data" / "seed_floors.json").read_text("utf-8"))


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crisisledger.cli", *args], capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def seed_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    gold = shared / "gold" / "wsws-2023-09-28-karabakh.gold.json"
    work = tmp_path_factory.mktemp("seed")
    result = cli("eval", str(gold), "--json", "--db", str(work / "seed.db"))
    assert result.returncode == 0, result.stderr
    export = work / "seed.json"
    assert cli("export", "--db", str(work / "seed.db"), "-o", str(export)).returncode == 0
    return {"gold": gold, "export": export, "eval": json.loads(result.stdout)}


def test_gold_is_the_one_the_floors_were_set_on(seed_scores: dict[str, Any]) -> None:
    digest = hashlib.sha256(seed_scores["gold"].read_bytes()).hexdigest()
    assert digest == FLOORS["gold_sha256"], "the gold changed: re-measure before trusting the floors"


@pytest.mark.parametrize("key", sorted(FLOORS["floors"]))
def test_seed_floor_holds(seed_scores: dict[str, Any], key: str) -> None:
    value = flatten(seed_scores["eval"]["scores"])[key]
    assert value is not None and value >= FLOORS["floors"][key], f"{key} = {value}"


def test_no_events_from_opinion(seed_scores: dict[str, Any]) -> None:
    assert seed_scores["eval"]["scores"]["events"]["from_opinion"] == 0


def test_eval_agrees_with_the_reference_scorer(seed_scores: dict[str, Any], shared: Path) -> None:
    sys.path.insert(0, str(shared / "tools"))
    try:
        import score  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    gold = json.loads(seed_scores["gold"].read_text("utf-8"))
    reference = score.rounded(score.score(gold, score.pick_doc(score.load_export(str(seed_scores["export"])), gold)))
    ours, theirs = flatten(seed_scores["eval"]["scores"]), flatten(reference)
    assert set(ours) == set(theirs)
    for key, value in theirs.items():
        if value is None or ours[key] is None:
            assert value is None and ours[key] is None, key
        else:
            assert abs(value - ours[key]) <= 0.01, (key, value, ours[key])
