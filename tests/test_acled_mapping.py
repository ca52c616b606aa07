"""Our event types and modes in ACLED's taxonomy (export/acled.py), one case per rule of codebook §3."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from crisisledger.export.acled import acled_type, table
from crisisledger.extract.coding_lexicon import mode_rules
from crisisledger.model import EventType

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "acled_mapping_cases.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['type']}-{c['mode']}" for c in CASES])
def test_event_maps_to_acled(case: dict[str, Any]) -> None:
    got = acled_type(case["type"], case["mode"], case.get("actors", ()), case.get("targets", ()))
    assert list(got) == case["expect"]


def test_every_mapped_mode_is_a_mode_the_lexicon_can_give() -> None:
    """A mode named in the table but never produced by lexicon/modes.yaml would be a dead rule."""
    produced = {rule.mode for rules in mode_rules().values() for rule in rules}
    t = table()
    named = set(t["remote_modes"]) | set(t["civilian_modes"]) | set(t["strategic_modes"]) | set(t["territory_modes"])
    named |= {m for m in t["strategic_subtypes"] if m not in {e.value for e in EventType}}
    named |= set(t["fight_modes"])
    assert named - produced == set()


def test_means_come_before_targets_in_the_assault_modes() -> None:
    """ACLED codes remote violence by its means, not its target: every remote mode is tried before the
    one-sided 'attack on civilians' reading of the people hit."""
    order = [rule.mode for rule in mode_rules()[EventType.ASSAULT]]
    civilians = order.index("attack on civilians")
    assert all(order.index(m) < civilians for m in table()["remote_modes"] if m in order)


def _bench() -> Any:
    """benchmarks/events.py as a module (its CASE helpers read snippet words the way the export does)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "events.py"
    spec = importlib.util.spec_from_file_location("bench_events", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "text,protest",
    [
        ("Police arrested an activist for organising an illegal protest", False),
        ("Arrests continue in anticipation of mass protests", False),
        ("Syrian forces used sulfur mustard in a March 2018 attack", False),
        ("Thousands of protesters marched in the capital", True),
        ("A protest organised by the union drew thousands", True),
    ],
)
def test_protest_words_of_a_snippet(text: str, protest: bool) -> None:
    bench = _bench()
    assert bool(bench.PROTEST_WORDS & bench.snippet_words(bench.without_planned(text))) is protest


@pytest.mark.parametrize(
    "text,means",
    [
        ("Two civilians were killed in a grenade attack late Tuesday", "grenade attack"),
        ("Dozens were killed after a blast hit the airport terminal", "explosion"),
        ("Gunmen shot dead two villagers", None),
    ],
)
def test_remote_means_named_anywhere(text: str, means: str | None) -> None:
    assert _bench().remote_means(text) == means


def test_a_protests_cause_is_not_its_violence() -> None:
    bench = _bench()
    assert "violence" not in bench.without_topics("Students marched against gun violence")
    assert "violence" in bench.without_topics("The protest turned to violence")
