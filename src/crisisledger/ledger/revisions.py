"""Applying recorded revisions to a stored extraction: corrections never overwrite the original."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

SECTIONS = {"e": "events", "f": "figures", "c": "claims"}


def apply_revisions(record: dict[str, Any], revisions: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    revisions = list(revisions)
    if not revisions:
        return record
    out = copy.deepcopy(record)
    undone = {r["after"] for r in revisions if r["action"] == "undo"}
    for rev in revisions:
        if rev["action"] in ("undo", "confirm") or rev["id"] in undone:
            continue
        target = _find(out, rev.get("record"))
        if target is None:
            continue
        section, item = target
        if rev["action"] == "reject":
            out[section] = [x for x in out[section] if x is not item]
        elif rev["action"] == "correct" and rev.get("field"):
            item[rev["field"]] = rev["after"]
    return out


def _find(record: dict[str, Any], record_id: str | None) -> tuple[str, dict[str, Any]] | None:
    if not record_id:
        return None
    section = SECTIONS.get(record_id[0])
    for item in record.get(section or "", []):
        if item.get("id") == record_id:
            return section or "", item
    return None
