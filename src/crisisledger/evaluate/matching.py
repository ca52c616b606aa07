"""Pairing gold items with system records: one-to-one, greedy in gold order, and second tellings."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crisisledger.evaluate.text import covers, evidence_text

Item = Mapping[str, Any]
Rule = Callable[[Item, Item], bool]  # (system record, gold item) -> the record may stand for the item


@dataclass(frozen=True)
class Matching:
    pairs: list[tuple[Item, Item]]  # (gold item, system record), in gold order
    used: frozenset[int]  # indexes of the matched system records


def evidences(gold: Item) -> list[str]:
    """The main evidence first, then the alternatives."""
    return [gold["evidence"], *(gold.get("alt_evidence") or [])]


def match_records(golds: Sequence[Item], records: Sequence[Item], rule: Rule, text: str) -> Matching:
    """Each gold item takes the first unused record (export order) that passes `rule` and covers
    its evidence; a record covering the main evidence beats an earlier one covering only an alternative."""
    spans = [evidence_text(record, text) for record in records]
    used: set[int] = set()
    pairs = []
    for gold in golds:
        chosen = _choose(gold, records, spans, used, rule, text)
        if chosen is not None:
            used.add(chosen)
            pairs.append((gold, records[chosen]))
    return Matching(pairs, frozenset(used))


def _choose(
    gold: Item, records: Sequence[Item], spans: list[str], used: set[int], rule: Rule, text: str
) -> int | None:
    fallback = None
    alternatives = evidences(gold)[1:]
    for index, record in enumerate(records):
        if index in used or not rule(record, gold):
            continue
        if covers(gold["evidence"], spans[index], text):
            return index
        if fallback is None and any(covers(alt, spans[index], text) for alt in alternatives):
            fallback = index
    return fallback


def second_tellings(matching: Matching, records: Sequence[Item], same: Rule, text: str) -> set[int]:
    """Unmatched records that retell a matched gold item: an accepted type (kind, stance) over
    its evidence or an alternative. They count neither as matches nor against precision."""
    found = set()
    for index, record in enumerate(records):
        if index in matching.used:
            continue
        span = evidence_text(record, text)
        if any(
            same(record, gold) and any(covers(ev, span, text) for ev in evidences(gold))
            for gold, _ in matching.pairs
        ):
            found.add(index)
    return found


def count_required(items: Sequence[Item]) -> int:
    """Items are required unless they say `"required": false`."""
    return sum(1 for item in items if item.get("required", True))


def precision_recall(matched: int, system: int, matched_required: int, required: int) -> dict[str, float]:
    precision = matched / system if system else 0.0
    recall = matched_required / required if required else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
