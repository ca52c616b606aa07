"""What the rest of the text tells a time expression.

Tense: the parse gives the verb that governs the expression; a past verb makes "in November" last
November, a future one ("will", "is expected to") the next. Anchoring: anaphoric expressions ("that
year", "the next day", "a year earlier", "the quarter") step from the reference time, TimeML's name
for the time the text last spoke of, which starts at the publication date and moves with every
calendar value resolved in text order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from crisisledger.extract.time_rules import (
    Anchoring,
    Candidate,
    Resolution,
    TenseOf,
    day_range,
    month_range,
    quarter_resolution,
    week_of,
    year_range,
)

# ---------------------------------------------------------------- tense

_CLIMB = 6  # heads to climb from the expression to its verb


def tense_reader(doc: Any, words: Mapping[str, Any]) -> TenseOf:
    """A function giving the tense ("past", "future" or None) of the verb governing a span of `doc`."""
    future_aux = frozenset(str(x) for x in words["future_auxiliaries"])
    past_aux = frozenset(str(x) for x in words["past_auxiliaries"])
    governors = frozenset(str(x) for x in words["future_governors"])
    future_verbs = frozenset(str(x) for x in words["future_verbs"])
    forward = frozenset(str(x) for x in words["forward_prepositions"])
    backward = frozenset(str(x) for x in words["backward_prepositions"])
    reporting = frozenset(str(x) for x in words["reporting_verbs"])
    present_aux = frozenset(str(x) for x in words["present_auxiliaries"])
    deferrals = frozenset(str(x) for x in words["deferral_verbs"])

    def tense_of(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        found = _governing_verb(span)
        if found is None:
            return None
        verb, preposition = found
        auxiliaries = [c.text.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a in future_aux for a in auxiliaries) or verb.lemma_.lower() in future_verbs:
            return "future"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in governors:
            return "future"
        if preposition in forward and verb.lemma_.lower() in deferrals:
            return "future"  # "postponed until Tuesday": a deadline still ahead
        if preposition in forward or verb.tag_ == "VB" or verb.lemma_.lower() in governors:
            return None  # "extended it until Friday", "to admit in March", "was planned for March"
        if preposition in backward or verb.tag_ == "VBD" or any(a in past_aux for a in auxiliaries):
            return "past"
        if verb.lemma_.lower() in reporting:
            return None
        if (verb.tag_ in ("VBZ", "VBP") and not auxiliaries) or (
            verb.tag_ == "VBG" and any(a in present_aux for a in auxiliaries)
        ):
            return "future"  # news reports past events in the past tense: "meet Monday", "is leaving Friday"
        return None

    return tense_of


def _governing_verb(span: Any) -> tuple[Any, str] | None:
    """The verb the expression modifies directly or through a preposition ("fled on Monday"), with
    that preposition (lower case, or ""); None where a noun stands between ("the Jan. 14 deadline",
    "a cut in September"): its tense says nothing about the date."""
    token, preposition = span.root, ""
    for _ in range(_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token, preposition
        head = token.head
        if head.i == token.i:
            return None
        verbal = head.pos_ in ("VERB", "AUX")
        if token.pos_ == "ADP":
            if not verbal:
                return None
            preposition = token.text.lower()
        elif not (verbal or head.pos_ == "ADP" or span.start <= head.i < span.end):
            return None
        token = head
    return None


# ---------------------------------------------------------------- reference time


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period a value names: its unit and first day."""

    unit: str  # day, week, month, quarter or year
    first: date


_PERIOD_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T|$)")),
    ("week", re.compile(r"^(\d{4})-W(\d\d)$")),
    ("month", re.compile(r"^(\d{4})-(\d\d)$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("year", re.compile(r"^(\d{4})$")),
)


def period_of(resolution: Resolution) -> Period | None:
    """The period a resolved value names, where it is one the reference time can take."""
    if resolution.range is None:
        return None
    for unit, shape in _PERIOD_SHAPES:
        if shape.match(resolution.timex):
            return Period(unit, resolution.range.start)
    return None


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month(index: int) -> Resolution:
    year, month = divmod(index, 12)
    return Resolution(month_range(year, month + 1), f"{year}-{month + 1:02d}")


def _quarter(index: int) -> Resolution:
    return quarter_resolution(index // 4, index % 4 + 1)


def step(reference: Period, anchoring: Anchoring) -> Resolution | None:
    """The period `anchoring.by` units from the reference time; None where the units do not fit."""
    unit, by, ref = anchoring.unit, anchoring.by, reference.first
    if anchoring.only_from_quarter and reference.unit != "quarter":
        return None
    if unit == "year" and reference.unit == "quarter":  # "a year earlier": the same quarter
        return _quarter(_month_index(ref) // 3 + 4 * by)
    if unit == "year":
        year = ref.year + by
        return Resolution(year_range(year), str(year))
    if unit == "quarter" and reference.unit in ("quarter", "month", "day", "week"):
        return _quarter(_month_index(ref) // 3 + by)
    if unit == "month" and reference.unit in ("month", "day", "week"):
        return _month(_month_index(ref) + by)
    if unit == "month" and reference.unit == "year" and by == 0:
        return Resolution(year_range(ref.year), f"{ref.year}-XX")
    if unit == "week" and reference.unit in ("day", "week"):
        rng, value = week_of(ref + timedelta(weeks=by))
        return Resolution(rng, value)
    if unit == "day" and reference.unit == "day":
        day = ref + timedelta(days=by)
        return Resolution(day_range(day), day.isoformat() + anchoring.clock)
    if anchoring.clock:  # a time of day needs a day in view; otherwise the publication date stands
        return None
    if unit == "day" and by == 0 and reference.unit == "month":
        return Resolution(month_range(ref.year, ref.month), f"{ref.year}-{ref.month:02d}-XX")
    return None


def reanchor(candidates: Iterable[Candidate], published: date) -> list[Candidate]:
    """The candidates in text order, anaphoric ones resolved against the reference time; those that
    stay unresolved (no fitting reference and no fallback value) are dropped."""
    reference = Period("day", published)
    kept: list[Candidate] = []
    ordered = _join_days_from_next(sorted(candidates, key=lambda c: (c.start, c.end)))
    for cand in ordered:
        resolution = cand.resolution
        anchoring = resolution.anchoring
        comparison = anchoring is not None and anchoring.unit == "year" and reference.unit == "quarter"
        if anchoring is not None:
            moved = step(reference, anchoring)
            if moved is not None:
                resolution = replace(moved, weak=resolution.weak)
            elif not resolution.timex:
                continue
        period = period_of(resolution)
        if period is not None and not comparison:  # "up from a year earlier" leaves the quarter in view
            reference = period
        kept.append(replace(cand, resolution=resolution))
    return kept


_JOIN_GAP = 6  # characters between "the day before" and its date: a space, "the "


def _join_days_from_next(ordered: list[Candidate]) -> list[Candidate]:
    """"The day before" + the day-valued expression right after it become one expression a day
    from that date; one with no such date after it is anchored to an event, and dropped."""
    joined: list[Candidate] = []
    skip = -1
    for index, cand in enumerate(ordered):
        if index == skip:
            continue
        anchoring = cand.resolution.anchoring
        if anchoring is None or not anchoring.from_next:
            joined.append(cand)
            continue
        after = ordered[index + 1] if index + 1 < len(ordered) else None
        period = period_of(after.resolution) if after is not None else None
        if after is None or period is None or period.unit != "day" or after.start - cand.end > _JOIN_GAP:
            continue
        day = period.first + timedelta(days=anchoring.by)
        joined.append(Candidate(cand.start, after.end, Resolution(day_range(day), day.isoformat())))
        skip = index + 1
    return joined
