"""Time expressions resolved against the publication date.

Two sources, merged: the rules of `time_rules` (patterns in `lexicon/time.yaml`) run over the
whole text, and the spans the language model tagged DATE/TIME (`hints`). A hint confirms weak rule
matches (a bare "1998" could be a count) and, where no rule matched inside it, is handed to
`dateparser` as a last resort. A record's text is the calendar expression only ("June" in
"since June"); durations, sets and `*_REF` values carry a TIMEX3 value but no date range. Anaphoric expressions
("that year", "the next day") and tense come from `time_context`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from crisisledger.extract.time_context import reanchor, tense_reader
from crisisledger.extract.time_rules import (
    Candidate,
    Resolution,
    day_range,
    find_candidates,
    month_range,
    week_of,
    year_range,
)
from crisisledger.extract.time_rules import load_lexicon as _load_lexicon
from crisisledger.model import TimeExpr

STAGE = "time@1"

_DATE_DIGITS = re.compile(r"\d[/.-]\d|\b(?:19|20)\d\d\b")


def extract_times(
    text: str, published: date, hints: Sequence[tuple[int, int]] = (), *, doc: Any = None
) -> tuple[TimeExpr, ...]:
    """Calendar expressions in `text`, sorted by start; `hints` are spans a tagger marked DATE/TIME;
    `doc`, the spaCy parse of `text`, gives the tense of the verb governing each expression."""
    tense_of = tense_reader(doc, _load_lexicon().words) if doc is not None else None
    found = find_candidates(text, published, tense_of)
    candidates = [c for c in found if not c.resolution.weak or _inside(c, hints)]
    chosen = _longest_first(candidates)
    for start, end in hints:
        if not any(c.start < end and start < c.end for c in chosen):
            fallback = _from_dateparser(text, start, end, published)
            if fallback is not None:
                chosen.append(fallback)
    chosen = reanchor(chosen, published)
    return tuple(
        TimeExpr(text[c.start : c.end], c.start, c.end, c.resolution.range, c.resolution.timex)
        for c in chosen
    )


def _inside(candidate: Candidate, hints: Sequence[tuple[int, int]]) -> bool:
    return any(start <= candidate.start and candidate.end <= end for start, end in hints)


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping matches, longer first; ties keep the lexicon's pattern order."""
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, c.start))
    chosen: list[Candidate] = []
    for cand in ranked:
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return chosen


@lru_cache(maxsize=1)
def _hint_filters() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(leading words to strip, words that disqualify a hint), from the lexicon."""
    words = _load_lexicon().words
    leading = "|".join(re.escape(w) for w in words["hint_leading_words"])
    rejects = "|".join(re.escape(w) for w in words["hint_rejects"])
    return re.compile(rf"^(?:(?:{leading})\s+)+", re.I), re.compile(
        rf"(?<![\w-])(?:{rejects})(?![\w-])", re.I
    )


def _from_dateparser(text: str, start: int, end: int, published: date) -> Candidate | None:
    leading, rejects = _hint_filters()
    lead = leading.match(text[start:end])
    if lead:
        start += lead.end()
    stripped = text[start:end].rstrip(" .,;:")
    end = start + len(stripped)
    if not stripped or rejects.search(stripped) or not _looks_like_date(stripped) or _rules_decide(stripped):
        return None
    resolution = _parse_with_dateparser(stripped, published)
    return None if resolution is None else Candidate(start, end, resolution)


def _rules_decide(span: str) -> bool:
    """A lone month, weekday or season name: the rules read those fully, and where they declined
    ("the March for Life", "to fall apart") dateparser must not bring it back."""
    words = _load_lexicon().words
    word = span.lower().rstrip(".")
    return word in words["months"] or word in words["weekdays"] or word in words["seasons"]


def _looks_like_date(span: str) -> bool:
    """Worth dateparser's time: a month or weekday name, or digits shaped like a date."""
    words = _load_lexicon().words
    tokens = {t.lower().rstrip(".") for t in re.findall(r"[A-Za-z.]+", span)}
    return bool(_DATE_DIGITS.search(span)) or bool(tokens & (set(words["months"]) | set(words["weekdays"])))


@lru_cache(maxsize=64)
def _date_data_parser(published: date) -> Any:
    """One parser per publication date: dateparser reads its settings only when built."""
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(published.year, published.month, published.day, 12),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _parse_with_dateparser(span: str, published: date) -> Resolution | None:
    try:
        data = _date_data_parser(published).get_date_data(span)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    found = data.date_obj
    if found is None or not 1000 <= found.year <= published.year + 30:
        return None
    day = found.date()
    period = data.period
    if period == "year":
        return Resolution(year_range(day.year), str(day.year))
    if period == "month":
        return Resolution(month_range(day.year, day.month), f"{day.year}-{day.month:02d}")
    if period == "week":
        rng, value = week_of(day)
        return Resolution(rng, value)
    return Resolution(day_range(day), day.isoformat())
