"""An event's own date: the time expression nearest its trigger, an open "since X" range, the
paragraph's date carried over, or a recent window ending at publication."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from crisisledger.extract.grammar import grammar_words
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


@lru_cache(maxsize=1)
def _ordering_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that order two clauses in time, and those of them after which the event runs on."""
    raw = grammar_words()
    return (
        frozenset(str(w).lower() for w in raw["ordering_words"]),
        frozenset(str(w).lower() for w in raw["starting_words"]),
    )


def _ordering_heads(tok: Any, other: Any) -> list[str]:
    """The ordering words opening clauses and phrases above `tok` but not above `other` ("after the
    raid ended", "after the shelling"); not the preposition whose object `tok` itself is ("since Monday")."""
    words = _ordering_words()[0]
    shared = {a.i for a in other.ancestors} | {other.i}
    out = []
    for a in tok.ancestors:
        if a.i in shared:
            break
        own_preposition = a.i == tok.head.i and tok.dep_ == "pobj"
        if a.dep_ == "prep" and a.lower_ in words and not own_preposition:
            out.append(a.lower_)
        out += [c.lower_ for c in a.children if c.dep_ == "mark" and c.lower_ in words]
    return out


def _side(trigger: Any, time: TimeExpr) -> str:
    """'same': the time and the trigger are told on the same side of every "after/before/until"
    boundary; 'from': the time opens a clause the event runs on from ("evacuated since the assault
    began on May 10"); 'other': it dates another clause."""
    span = trigger.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or not len(span):
        return "same"
    root = span.root
    if _ordering_heads(trigger, root):
        return "other"
    above_time = _ordering_heads(root, trigger)
    if not above_time:
        return "same"
    return "from" if above_time[-1] in _ordering_words()[1] else "other"


def event_date(
    sentence: Sentence,
    offset: int,
    times: Sequence[TimeExpr],
    published: date,
    carried: DateRange | None = None,
    trigger: Any = None,
) -> DateRange | None:
    """The date of the event whose trigger starts at `offset`; with the spaCy `trigger` token, a time
    across an ordering boundary ("arrived on Friday, days after the raid") does not date it, and one
    in a "since" clause starts it."""
    own = times_in(sentence, times, published)
    starts: list[TimeExpr] = []
    if trigger is not None:
        sides = {id(t): _side(trigger, t) for t in own}
        starts = [t for t in own if sides[id(t)] == "from"]
        own = [t for t in own if sides[id(t)] == "same"]
    if own:
        best = min(own, key=lambda t: abs(t.start - offset) + (0 if t.start < offset else 5))
        assert best.range is not None
        before = sentence.text[: best.start - sentence.start]
        if _SINCE.search(before):
            return DateRange(best.range.start, published, DatePrecision.DAY)
        return best.range
    if starts and starts[0].range is not None:
        return DateRange(starts[0].range.start, published, DatePrecision.DAY)
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
