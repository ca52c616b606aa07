"""Our event types and modes in ACLED's taxonomy: one table (acled.yaml) for export and benchmarks."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = resources.files("crisisledger.export").joinpath("acled.yaml").read_text("utf-8")
    table: dict[str, Any] = yaml.safe_load(text)
    return table


def table() -> dict[str, Any]:
    """The mapping table as loaded (acled.yaml), for readers of its other keys."""
    return _table()


def acled_type(
    event_type: str, mode: str | None, actor_kinds: Collection[str] = (), target_kinds: Collection[str] = ()
) -> tuple[str, str]:
    """(event_type, sub_event_type) in ACLED's terms for one of our events."""
    t = _table()
    mode = (mode or "").lower()
    enforcers = set(t["enforcer_kinds"])
    organised = set(t["organised_kinds"])
    if event_type == "PROTEST":
        return (RIOTS, "Violent demonstration") if mode == "riot" else (PROTESTS, "Peaceful protest")
    if mode == "force against protesters":  # the enforcers' force: a protest event; the crowd's: a riot
        if enforcers & set(actor_kinds) or not actor_kinds:  # "protesters were injured": force, not a riot
            return PROTESTS, "Excessive force against protesters"
        return RIOTS, "Violent demonstration"
    if event_type == "ASSAULT":
        if mode in t["remote_modes"]:
            return REMOTE, t["remote_modes"][mode]
        if mode in t["civilian_modes"]:
            return CIVILIANS, t["civilian_modes"][mode]
        if mode == "mob violence" and not organised & set(actor_kinds):
            return RIOTS, "Mob violence"  # a mob's, not an armed group's (vigilantes named as witnesses)
        if mode in t["strategic_modes"]:
            return STRATEGIC, t["strategic_modes"][mode]
        if mode in t["territory_modes"]:
            return BATTLES, territory_subtype(actor_kinds)
        if "civilians" in target_kinds:
            return CIVILIANS, "Attack"
        return BATTLES, "Armed clash"
    if event_type == "COERCE" and mode == "abduction":
        return CIVILIANS, t["civilian_modes"][mode]
    if event_type == "COERCE" and mode in t["territory_modes"]:
        return BATTLES, territory_subtype(actor_kinds)
    if event_type == "RETREAT" and mode == "release" and organised & set(actor_kinds) and "armed_group" in target_kinds:
        return BATTLES, territory_subtype(actor_kinds)  # "forces freed villages from the militants"
    if event_type == "INCIDENT" and mode == "explosion":
        return REMOTE, "Remote explosive/landmine/IED"
    sub = t["strategic_subtypes"].get(mode) or t["strategic_subtypes"].get(event_type) or "Other"
    return STRATEGIC, sub


def territory_subtype(actor_kinds: Collection[str]) -> str:
    """Territory taken by fighting: the state's forces regain it, anyone else overtakes it."""
    if set(actor_kinds) & set(_table()["state_force_kinds"]):
        return "Government regains territory"
    if actor_kinds:
        return "Non-state actor overtakes territory"
    return "Armed clash"
