"""An event's own date: the time expression nearest its trigger, an open "since X" range, the
paragraph's date carried over, or a recent window ending at publication."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from crisisledger.model import DatePrecision, DateRange, Role, Sentence, TimeExpr

RECENT_DAYS = 7  # undated news: the past week
_SINCE = re.compile(r"\b(?:since|from)\s+(?:(?:early|mid|late|the)\s+)?$", re.I)


_ATTRIBUTIVE = re.compile(r"(?:\bthe|['’]s)\s*$", re.I)


def times_in(sentence: Sentence, times: Sequence[TimeExpr], published: date) -> list[TimeExpr]:
    """Times that date something in the sentence: not attributive ones ("after the 2020 war")."""
    out = []
    for t in times:
        if not (sentence.start <= t.start < sentence.end) or t.range is None or t.range.start > published:
            continue
        before = sentence.text[: t.start - sentence.start]
        after = sentence.text[t.end - sentence.start :]
        if _ATTRIBUTIVE.search(before) and re.match(r"^[ -]+[a-z]", after):
            continue
        out.append(t)
    return out


def event_date(
    sentence: Sentence, offset: int, times: Sequence[TimeExpr], published: date, carried: DateRange | None = None
) -> DateRange | None:
    own = times_in(sentence, times, published)
    if own:
        best = min(own, key=lambda t: abs(t.start - offset) + (0 if t.start < offset else 5))
        assert best.range is not None
        before = sentence.text[: best.start - sentence.start]
        if _SINCE.search(before):
            return DateRange(best.range.start, published, DatePrecision.DAY)
        return best.range
    if sentence.role is Role.BACKGROUND:
        return carried
    if carried is not None:
        return carried
    return DateRange(published - timedelta(days=RECENT_DAYS), published, DatePrecision.WEEK)


def carry(sentence: Sentence, times: Sequence[TimeExpr], published: date) -> DateRange | None:
    """A recent day or week named in a sentence dates the undated sentences after it in its paragraph."""
    own = [t.range for t in times_in(sentence, times, published) if t.range is not None]
    recent = [
        r for r in own if r.precision in (DatePrecision.DAY, DatePrecision.WEEK) and (published - r.end).days <= 14
    ]
    return recent[-1] if recent and len(own) == len(recent) else None
