"""Rules for calendar expressions: patterns from `lexicon/time.yaml`, resolvers from this module.

Each pattern in the lexicon names a `kind`; the resolver of that kind turns the match into a
`Resolution` (a TIMEX3 value and, where the value is a calendar period, a `DateRange`) against the
publication date. News reports mostly look back, so an underspecified date ("Friday", "June",
"Aug. 9") resolves to the nearest occurrence with a preference for the past.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml

from crisisledger.model import DatePrecision, DateRange


@dataclass(frozen=True, slots=True)
class Anchoring:
    """An expression measured from the time the text last spoke of ("the next day", "that year",
    "the quarter"), not from the publication date; `time_context` re-resolves it in text order."""

    unit: str  # day, week, month, quarter or year
    by: int  # units forward (+) or back (-) from the reference time
    only_from_quarter: bool = False  # deictic ("a year ago"): re-anchor only to a quarter, as the same period
    clock: str = ""  # a time of day ("T22:00") on the day in view: "at 10 p.m." after "on Oct. 23"
    from_next: bool = False  # steps from the date right after ("the day before Christmas"), not the reference


@dataclass(frozen=True, slots=True)
class Resolution:
    range: DateRange | None
    timex: str
    weak: bool = False  # keep only where the language model also tagged a date
    anchoring: Anchoring | None = None  # the value above is a fallback measured from publication


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    resolution: Resolution


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: Mapping[str, Any]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


# ---------------------------------------------------------------- loading


def _alternation(words: Any, needs_dot: frozenset[str] = frozenset()) -> str:
    """A regex alternation of the words, longest first; listed abbreviations need their full stop."""
    parts = []
    for word in sorted((str(w) for w in words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+")
        parts.append(escaped + r"\." if word in needs_dot else escaped)
    return "(?:" + "|".join(parts) + ")"


def _number_regex(words: Mapping[str, Any]) -> str:
    word = _alternation([w for w in words if w not in ("a", "an")])
    return rf"(?:\d+(?:\.\d+)?|{word}(?:[\s-]+{word})*|an?)"


def _spelled_year_regex(words: Mapping[str, Any]) -> str:
    small = _alternation([w for w, v in words.items() if isinstance(v, int) and 1 <= v < 100])
    nineteenth = rf"(?:eighteen|nineteen)[\s-]+(?:hundred[\s-]+)?{small}(?:[\s-]+{small})?"
    return rf"(?:{nineteenth}|two\s+thousand(?:\s+(?:and\s+)?{small})?)"


@cache
def load_lexicon() -> Lexicon:
    text = resources.files("crisisledger.lexicon").joinpath("time.yaml").read_text(encoding="utf-8")
    words: dict[str, Any] = yaml.safe_load(text)
    dotted = frozenset(words["needs_dot"])
    fill = {
        "month": _alternation(words["months"], dotted),
        "weekday": _alternation(words["weekdays"], dotted),
        "day_part": _alternation(words["day_parts"]),
        "season": _alternation(words["seasons"]),
        "unit": _alternation(words["units"]),
        "set": _alternation(words["sets"]),
        "number": _number_regex(words["number_words"]),
        "vague_number": _alternation(words["vague_numbers"]),
        "ordinal": _alternation(words["ordinals"]),
        "day_ordinal": _alternation(words["day_ordinals"]),
        "decade_word": _alternation(words["decade_words"]),
        "shift": _alternation(words["shifts"]),
        "anchor_day": _alternation(words["anchor_days"]),
        "reference": _alternation(words["references"]),
        "period_modifier": _alternation(words["period_modifiers"]),
        "clock_word": _alternation(words["clock_words"]),
        "spelled_year": _spelled_year_regex(words["number_words"]),
        "holiday": _alternation(words["holidays"]),
        "time_zone": _alternation(words["time_zones"]),
    }
    patterns = tuple(
        (str(p["kind"]), re.compile(re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)], p["regex"]), re.I))
        for p in words["patterns"]
    )
    return Lexicon(words, patterns)


# ---------------------------------------------------------------- calendar helpers


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().rstrip("."))


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_range(year: int, month: int) -> DateRange:
    return DateRange(date(year, month, 1), _last_day(year, month), DatePrecision.MONTH)


def months_range(year: int, first: int, last: int) -> DateRange:
    end_year = year + 1 if last < first else year
    return DateRange(date(year, first, 1), _last_day(end_year, last), DatePrecision.MONTH)


def year_range(first: int, last: int | None = None) -> DateRange:
    return DateRange(date(first, 1, 1), date(last or first, 12, 31), DatePrecision.YEAR)


def day_range(day: date) -> DateRange:
    return DateRange(day, day, DatePrecision.DAY)


def week_of(day: date) -> tuple[DateRange, str]:
    monday = day - timedelta(days=day.weekday())
    iso = day.isocalendar()
    return DateRange(monday, monday + timedelta(days=6), DatePrecision.WEEK), f"{iso.year}-W{iso.week:02d}"


def _shift_months(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_number(text: str, words: Mapping[str, Any]) -> float | None:
    text = text.lower().strip()
    try:
        return float(text)
    except ValueError:
        pass
    total = 0
    for part in re.split(r"[\s-]+", text):
        value = words.get(part)
        if not isinstance(value, int):
            return None
        total = total * value if value == 100 and total else total + value
    return float(total)


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 30) : start])
    return match.group(1).lower() if match else ""


def _shift_of(g: Mapping[str, str | None], words: Mapping[str, Any]) -> int | None:
    shift = g.get("shift")
    return None if shift is None else int(words["shifts"][_key(shift)])


# ---------------------------------------------------------------- resolvers

FUTURE_WEIGHT = 4  # a future date must be this many times nearer than the past one to win

Groups = Mapping[str, str | None]
Resolver = Callable[[Groups, date, re.Match[str], Mapping[str, Any]], Resolution | None]


def default_year(month: int, day: int, published: date, future: bool) -> int:
    """The year of a date named without one: the nearest occurrence, a past one preferred
    (a future one must be FUTURE_WEIGHT times nearer), or the next one after a future cue."""
    this_year = date(published.year, month, min(day, 28))
    ahead = (this_year - published).days
    if future:
        return published.year if ahead >= 0 else published.year + 1
    if ahead > 0:
        return published.year if ahead * FUTURE_WEIGHT < 365 - ahead else published.year - 1
    return published.year if -ahead <= (365 + ahead) * FUTURE_WEIGHT else published.year + 1


def _day_resolution(
    year: int | None, month: int, day: int, published: date, future: bool = False
) -> Resolution | None:
    found = _safe_date(default_year(month, day, published, future) if year is None else year, month, day)
    return Resolution(day_range(found), found.isoformat()) if found else None


def _year_of(text: str | None, published: date) -> int | None:
    if text is None:
        return None
    year = int(text)
    if year < 100:  # two-digit years: the century nearest the publication
        year += (published.year // 100) * 100
        if year > published.year + 20:
            year -= 100
    return year


def resolve_iso_date(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    return _day_resolution(
        _year_of(g.get("year"), published), int(g.get("month") or 0), int(g.get("day") or 0), published
    )


def resolve_month_day(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    month_word = g.get("month") or ""
    if not _capitalised(month_word):
        return None
    month = int(w["months"][_key(month_word)])
    year = _year_of(g.get("year"), published)
    shift = _shift_of(g, w)
    day = int(g.get("day") or w["day_ordinals"].get(_key(g.get("day_word") or ""), 0))
    if year is None and shift is not None and shift != 0:
        year = published.year
        this_year = _safe_date(year, month, day)
        if this_year is not None and shift < 0 and this_year >= published:
            year -= 1
        elif this_year is not None and shift > 0 and this_year <= published:
            year += 1
    weekday = g.get("weekday")
    if year is None and weekday:  # "Monday, Oct. 26": the nearest year where the weekday fits
        wanted = int(w["weekdays"][_key(weekday)])
        years = (published.year, published.year - 1, published.year + 1)
        fits = [y for y in years if _weekday_of(y, month, day) == wanted]
        year = fits[0] if fits else None
    if year is None and g.get("tense") == "past":
        this_year = _safe_date(published.year, month, day)
        year = published.year - (1 if this_year is not None and this_year > published else 0)
    return _day_resolution(year, month, day, published, _future_context(m, w, g))


def _weekday_of(year: int, month: int, day: int) -> int | None:
    found = _safe_date(year, month, day)
    return found.isoweekday() if found else None


def resolve_week_of(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    found = resolve_month_day(g, published, m, w)
    if found is None or found.range is None:
        return None
    rng, value = week_of(found.range.start)
    return Resolution(rng, value)


def resolve_month(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    month_word = g.get("month") or ""
    if not _capitalised(month_word):
        return None
    month = int(w["months"][_key(month_word)])
    shift = _shift_of(g, w)
    year_text = g.get("year")
    year = _year_of(year_text, published) if year_text is None or year_text.isdigit() else _spelled_year(year_text, w)
    weak = False
    if _is_title(g, m, w):
        return None
    if g.get("year_shift"):
        year = published.year + int(w["shifts"][_key(g.get("year_shift") or "")])
    elif year is None:
        if shift == -1:
            year = published.year if month < published.month else published.year - 1
        elif shift == 1:
            year = published.year if month > published.month else published.year + 1
        elif shift == 0:
            year = published.year
        elif g.get("tense") == "past":
            year = published.year if month <= published.month else published.year - 1
        else:
            year = default_year(month, 1, published.replace(day=1), _future_context(m, w, g))
            bare = g.get("modifier") is None and _key(month_word) in w["ambiguous_bare_months"]
            weak = bare and _previous_word(m.string, m.start()) not in w["prepositions"]
    return Resolution(month_range(year, month), f"{year}-{month:02d}", weak)


def _is_title(g: Groups, m: re.Match[str], w: Mapping[str, Any]) -> bool:
    """A bare ambiguous month opening a title: "the March for Life", "a March on Washington"."""
    if g.get("modifier") or g.get("shift") or g.get("year"):
        return False
    if _key(g.get("month") or "") not in w["ambiguous_bare_months"]:
        return False
    after = re.match(r"\s+(\w+)\s+(?:the\s+)?([A-Z]\w*)", m.string[m.end() : m.end() + 40])
    if after is None or after.group(1).lower() not in w["month_title_links"]:
        return False
    name = after.group(2).lower()
    return name not in w["months"] and name not in w["weekdays"]


def resolve_weekday(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    word = g.get("weekday") or ""
    if not _capitalised(word):
        return None
    weekday = int(w["weekdays"][_key(word)])
    back = (published.isoweekday() - weekday) % 7
    shift = _shift_of(g, w)
    if shift == -1:
        day = published - timedelta(days=back or 7)
    elif shift == 1:
        day = published + timedelta(days=(weekday - published.isoweekday()) % 7 or 7)
    elif shift == 0:
        day = published + timedelta(days=weekday - published.isoweekday())
    elif _future_context(m, w, g):
        day = published + timedelta(days=(weekday - published.isoweekday()) % 7)
    else:
        day = published - timedelta(days=back)
    # "Friday night" keeps day precision: news annotators mostly drop the part of day after a weekday
    return Resolution(day_range(day), day.isoformat())


def _future_context(m: re.Match[str], w: Mapping[str, Any], g: Groups | None = None) -> bool:
    """The tense the parse gave the governing verb (group `tense`) where there is one; otherwise a
    future marker earlier in the clause ("talks will resume Tuesday"), unless a past participle
    stands right before the date ("would appeal the ruling announced Wednesday")."""
    tense = (g or {}).get("tense")
    if tense is not None:
        return tense == "future"
    before = re.split(r"[.;:!?,\n]\s", m.string[max(0, m.start() - 80) : m.start()])[-1]
    if re.search(r"\w+ed\s+(?:on\s+)?$", before):
        return False
    pattern = _future_marker_regex(tuple(w["future_markers"]))
    return pattern.search(before) is not None


@cache
def _future_marker_regex(markers: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + _alternation(markers) + r"(?!\w)", re.I)


def resolve_anchor_day(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    anchor = _key(g.get("anchor") or "")
    after = re.match(r"['’]s\s+(\w+)", m.string[m.end() : m.end() + 30])
    if anchor == "today" and after and after.group(1).lower() in w["generic_today_nouns"]:
        return None  # "today's youth": the present in general
    offset, part = w["anchor_days"][anchor]
    day = published + timedelta(days=int(offset))
    return Resolution(day_range(day), day.isoformat() + ("" if part is None else f"T{part}"))


def resolve_shifted_unit(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    unit = _key(g.get("unit") or "")
    shift = _shift_of(g, w) or 0
    if g.get("shift") and _key(g.get("shift") or "") == "past":
        return Resolution(None, "P1" + _unit_letters(unit, w))  # "the past week": a duration
    if unit in ("week", "weekend"):
        if unit == "weekend" and g.get("shift") is None and published.isoweekday() < 6:
            shift = -1  # "the weekend" in a weekday report: the one just gone
        rng, value = week_of(published + timedelta(weeks=shift))
        if unit == "weekend":
            saturday = rng.start + timedelta(days=5)
            return Resolution(DateRange(saturday, rng.end, DatePrecision.WEEK), value + "-WE")
        return Resolution(rng, value)
    if unit == "month":
        year, month = _shift_months(published.year, published.month, shift)
        return Resolution(month_range(year, month), f"{year}-{month:02d}")
    if unit == "year":
        year = published.year + shift
        return Resolution(year_range(year), str(year))
    if unit == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + shift
        year, quarter = index // 4, index % 4 + 1
        return Resolution(months_range(year, quarter * 3 - 2, quarter * 3), f"{year}-Q{quarter}")
    if unit == "decade":
        decade = published.year // 10 + shift
        return Resolution(year_range(decade * 10, decade * 10 + 9), str(decade))
    century = published.year // 100 + shift
    return Resolution(year_range(century * 100, century * 100 + 99), str(century))


def _unit_letters(unit: str, w: Mapping[str, Any]) -> str:
    letters = str(w["units"].get(unit, "D"))
    return letters


def resolve_ago(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    number = parse_number(g.get("number") or "", w["number_words"])
    if number is None or number != int(number):
        return None
    amount = int(number) * (1 if _key(g.get("direction") or "") != "ago" else -1)
    letters = _unit_letters(_key(g.get("unit") or ""), w)
    if letters.startswith("T") or letters == "S":
        return None
    scale = int(letters[:-1] or 1)
    letter = letters[-1]
    if letter == "D":
        day = published + timedelta(days=amount)
        return Resolution(day_range(day), day.isoformat())
    if letter == "W":
        rng, value = week_of(published + timedelta(weeks=amount * scale))
        return Resolution(rng, value)
    if letter == "M":
        year, month = _shift_months(published.year, published.month, amount)
        return Resolution(month_range(year, month), f"{year}-{month:02d}")
    year = published.year + amount * scale
    if scale == 1:  # in a text about a quarter, "a year ago" is that quarter a year before
        return Resolution(year_range(year), str(year), anchoring=Anchoring("year", amount, only_from_quarter=True))
    if scale == 10:
        return Resolution(year_range(year // 10 * 10, year // 10 * 10 + 9), str(year // 10))
    if scale == 100:
        return Resolution(year_range(year // 100 * 100, year // 100 * 100 + 99), str(year // 100))
    return Resolution(year_range(year), str(year))


def _spelled_year(text: str, w: Mapping[str, Any]) -> int | None:
    parts = re.split(r"[\s-]+", text.lower())
    numbers = w["number_words"]
    if parts[:2] == ["two", "thousand"]:
        rest = [p for p in parts[2:] if p != "and"]
        tail = parse_number(" ".join(rest), numbers) if rest else 0.0
        return None if tail is None else 2000 + int(tail)
    head = numbers.get(parts[0])
    rest = [p for p in parts[1:] if p != "hundred"]
    tail = parse_number(" ".join(rest), numbers) if rest else 0.0
    if not isinstance(head, int) or tail is None or tail >= 100:
        return None
    return head * 100 + int(tail)


def resolve_season(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    code = str(w["seasons"][_key(g.get("season") or "")])
    first, last = (int(x) for x in w["season_months"][code])
    year: int | None
    year_text = g.get("year")
    if year_text is not None:
        year = int(year_text) if year_text.isdigit() else _spelled_year(year_text, w)
        if year is None:
            return None
    else:
        order = list(dict.fromkeys(str(v) for v in w["seasons"].values()))
        season_year = published.year - (1 if published.month < 3 else 0)
        current = season_year * 4 + next(
            i for i, c in enumerate(order) if published.month in _season_months(c, w)
        )
        shift = _shift_of(g, w)
        target = order.index(code)
        this = published.year * 4 + target
        if shift == -1:
            index = max(i for i in range(current - 4, current) if i % 4 == target)
        elif shift == 1:
            index = min(i for i in range(current + 1, current + 5) if i % 4 == target)
        else:
            index = this if not (code == "WI" and published.month < 3) else this - 4
        year = index // 4
    bare = g.get("shift") is None and g.get("modifier") is None and g.get("year") is None
    if bare and re.match(r"\s+of\b", m.string[m.end() :]):
        return None  # "the fall of the city"
    if bare and _key(g.get("season") or "") in w["verb_seasons"] and _after_verb_marker(m, w):
        return None  # "began to fall apart"
    weak = bare and _previous_word(m.string, m.start()) not in w["prepositions"]
    return Resolution(months_range(year, first, last), f"{year}-{code}", weak)


def _after_verb_marker(m: re.Match[str], w: Mapping[str, Any]) -> bool:
    """An infinitive marker or modal right before the match, and no season before that "to"
    ("from spring to fall" stays a season)."""
    before = m.string[max(0, m.start() - 40) : m.start()]
    marker = re.search(r"(\S+)\s+$", before)
    if marker is None or marker.group(1).lower() not in w["verb_markers"]:
        return False
    earlier = _previous_word(before, marker.start(1))
    return earlier not in w["seasons"]


def _season_months(code: str, w: Mapping[str, Any]) -> set[int]:
    first, last = (int(x) for x in w["season_months"][code])
    return {((first - 1 + k) % 12) + 1 for k in range((last - first) % 12 + 1)}


def resolve_quarter(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    ordinal = g.get("ordinal") or ""
    quarter = int(ordinal) if ordinal.isdigit() else int(w["ordinals"][_key(ordinal)])
    year = _year_of(g.get("year"), published)
    if year is None:
        current = (published.month - 1) // 3 + 1
        shift = _shift_of(g, w)
        if shift == 1:
            year = published.year if quarter > current else published.year + 1
        elif shift == -1:
            year = published.year if quarter < current else published.year - 1
        else:
            year = published.year if quarter <= current else published.year - 1
    return Resolution(months_range(year, quarter * 3 - 2, quarter * 3), f"{year}-Q{quarter}")


def last_quarter(day: date, back: int = 0) -> tuple[int, int]:
    """(year, quarter) of the last quarter completed before `day`, `back` more quarters earlier."""
    index = day.year * 4 + (day.month - 1) // 3 - 1 - back
    return index // 4, index % 4 + 1


def quarter_resolution(year: int, quarter: int, anchoring: Anchoring | None = None) -> Resolution:
    return Resolution(months_range(year, quarter * 3 - 2, quarter * 3), f"{year}-Q{quarter}", anchoring=anchoring)


def resolve_quarter_ref(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    """The quarter the text last named for "the quarter", else the last one completed (earnings
    reports look back); "the latest quarter" is always the last one completed."""
    if g.get("period"):  # "the year-ago quarter"
        year, quarter = last_quarter(published, back=4)
        return quarter_resolution(year, quarter, Anchoring("year", -1, only_from_quarter=True))
    year, quarter = last_quarter(published)
    deictic = g.get("which") is not None and _key(g.get("which") or "") in w["latest_words"]
    return quarter_resolution(year, quarter, None if deictic else Anchoring("quarter", 0, only_from_quarter=True))


def resolve_anaphoric(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    """A step from the reference time ("that year", "the next day", "two weeks later", "year-earlier"),
    which `time_context.reanchor` supplies (the value here is left empty until then)."""
    unit = str(w["anaphoric_units"][_key(g.get("unit") or "")])
    step_word = g.get("step") or g.get("step_end")
    step = int(w["anaphoric_steps"][_key(step_word)]) if step_word else 0
    number = parse_number(g.get("number") or "1", w["number_words"])
    if number is None or number != int(number) or number > 1000:
        return None
    return Resolution(None, "", anchoring=Anchoring(unit, step * int(number), from_next=bool(g.get("lead"))))


def resolve_day_part(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    part = "T" + str(w["day_parts"][_key(g.get("part") or "")])
    return Resolution(day_range(published), published.isoformat() + part, anchoring=Anchoring("day", 0, clock=part))


def resolve_half_year(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    half = int(w["ordinals"][_key(g.get("ordinal") or "")])
    year = _year_of(g.get("year"), published)
    if year is None:  # a half not yet begun is last year's
        year = published.year if half == 1 or published.month > 6 else published.year - 1
    return Resolution(months_range(year, half * 6 - 5, half * 6), f"{year}-H{half}")


def resolve_fiscal_year(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    year = int(g.get("year") or 0)
    return Resolution(year_range(year), f"FY{year}")


def resolve_decade(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    decade, short, word = g.get("decade"), g.get("short"), g.get("word")
    if decade:
        start = int(decade)
    else:
        digit = int(short[0]) if short else int(w["decade_words"][_key(word or "")])
        century = published.year // 100 * 100
        start = century + digit * 10
        if start > published.year:
            start -= 100
    return Resolution(year_range(start, start + 9), str(start // 10))


def resolve_century(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    century = int(g.get("ordinal") or 0) - 1
    return Resolution(year_range(century * 100, century * 100 + 99), f"{century:02d}")


def resolve_spelled_year(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    year = _spelled_year(g.get("spelled") or "", w)
    if year is None or not 1000 <= year <= 2999:
        return None
    return Resolution(year_range(year), str(year))


def resolve_year(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    year = int(g.get("year") or 0)
    if year > published.year + 30:
        return None
    after = m.string[m.end() : m.end() + 3]
    strong = (
        g.get("modifier") is not None
        or _previous_word(m.string, m.start()) in w["prepositions"]
        or re.match(r"(?:[,.;:)!?\"”]|'s|’s|\s*$|\s*\n)", after) is not None
    )
    return Resolution(year_range(year), str(year), weak=not strong)


def resolve_clock(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    if g.get("word"):
        hour, minute = int(w["clock_words"][_key(g.get("word") or "")]), 0
    else:
        hour, minute = int(g.get("hour") or 0), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if not ampm and not g.get("zone") and hour > 23:
            return None
    clock = f"T{hour:02d}:{minute:02d}"
    return Resolution(day_range(published), published.isoformat() + clock, anchoring=Anchoring("day", 0, clock=clock))


def resolve_clock_weekday(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    weekday_groups = {"weekday": g.get("weekday"), "shift": None, "part": None, "tense": g.get("tense")}
    day = resolve_weekday(weekday_groups, published, m, w)
    clock = resolve_clock(g, published, m, w)
    if day is None or day.range is None or clock is None:
        return None
    return Resolution(day.range, day.range.start.isoformat() + clock.timex[10:])


def _holiday_date(spec: Mapping[str, int], year: int) -> date:
    month = int(spec["month"])
    if "day" in spec:
        return date(year, month, int(spec["day"]))
    weekday, nth = int(spec["weekday"]), int(spec["nth"])
    if nth < 0:
        last = _last_day(year, month)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, int(spec.get("after_day", 1)))
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def resolve_holiday(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    name = g.get("holiday") or ""
    if not _capitalised(name):
        return None
    spec = w["holidays"][_key(name)]
    year = _year_of(g.get("year"), published)
    shift = _shift_of(g, w)
    if year is None:
        this_year = _holiday_date(spec, published.year)
        if shift == 1:
            year = published.year + (1 if this_year <= published else 0)
        elif shift == 0:
            year = published.year
        else:  # the last one, or the one coming up within a few weeks
            ahead = (this_year - published).days
            year = published.year - (1 if ahead > (0 if shift == -1 else 30) else 0)
    day = _holiday_date(spec, year)
    return Resolution(day_range(day), day.isoformat())


def resolve_reference(
    g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]
) -> Resolution | None:
    if g.get("vague"):
        return Resolution(None, "PAST_REF")
    if g.get("future"):
        return Resolution(None, "FUTURE_REF")
    return Resolution(None, str(w["references"][_key(g.get("reference") or "")]))


def resolve_set(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    day_word = g.get("weekday") or (g.get("weekdays") or "")[:-1]
    if day_word:  # "every Sunday night": XXXX-WXX-7TNI
        part = g.get("part")
        suffix = f"T{w['day_parts'][_key(part)]}" if part else ""
        return Resolution(None, f"XXXX-WXX-{int(w['weekdays'][_key(day_word)])}{suffix}")
    if g.get("month"):
        return Resolution(None, f"XXXX-{int(w['months'][_key(g.get('month') or '')]):02d}")
    if g.get("word"):
        return Resolution(None, str(w["sets"][_key(g.get("word") or "")]))
    letters = _unit_letters(_key(g.get("unit") or ""), w)
    return Resolution(None, _duration_value("1", letters))


def _duration_value(amount: str, letters: str) -> str:
    scale = letters.lstrip("T")[:-1]
    letter = letters[-1]
    if scale and amount != "X":
        amount = str(int(float(amount) * int(scale)))
    elif scale:
        letter = {"10Y": "DE", "100Y": "CE"}.get(scale + letter, letter)
    return ("PT" if letters.startswith("T") else "P") + amount + letter


def resolve_duration(g: Groups, published: date, m: re.Match[str], w: Mapping[str, Any]) -> Resolution | None:
    letters = _unit_letters(_key(g.get("unit") or ""), w)
    if g.get("vague"):
        return Resolution(None, _duration_value("X", letters))
    number = parse_number(g.get("number") or "", w["number_words"])
    if number is None:
        return None
    if letters == "S" and _key(g.get("number") or "") in ("a", "an"):
        return None  # "a second term": the ordinal
    amount = str(int(number)) if number == int(number) else str(number)
    return Resolution(None, _duration_value(amount, letters))


# Kinds whose value depends on whether the clause looks back or ahead.
TENSED_KINDS = frozenset({"month_day", "day_month", "month", "weekday", "clock_weekday", "week_of"})

RESOLVERS: dict[str, Resolver] = {
    "iso_date": resolve_iso_date,
    "numeric_date": resolve_iso_date,
    "month_day": resolve_month_day,
    "day_month": resolve_month_day,
    "month": resolve_month,
    "weekday": resolve_weekday,
    "anchor_day": resolve_anchor_day,
    "shifted_unit": resolve_shifted_unit,
    "ago": resolve_ago,
    "season": resolve_season,
    "quarter": resolve_quarter,
    "decade": resolve_decade,
    "half_year": resolve_half_year,
    "fiscal_year": resolve_fiscal_year,
    "century": resolve_century,
    "spelled_year": resolve_spelled_year,
    "year": resolve_year,
    "clock": resolve_clock,
    "clock_weekday": resolve_clock_weekday,
    "holiday": resolve_holiday,
    "week_of": resolve_week_of,
    "reference": resolve_reference,
    "quarter_ref": resolve_quarter_ref,
    "anaphoric": resolve_anaphoric,
    "day_part": resolve_day_part,
    "set": resolve_set,
    "duration": resolve_duration,
}


# Kinds made of words that running text writes in lower case: a capital inside ("This Week", "60
# Minutes", "USA Today", "High Noon") marks a title or a name, not a time.
NAME_CHECKED_KINDS = frozenset(
    {"anchor_day", "shifted_unit", "ago", "season", "clock", "reference", "set", "duration", "anaphoric", "day_part"}
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“‘'`(\[_-])\s*$")


def _looks_like_name(match: re.Match[str], w: Mapping[str, Any]) -> bool:
    """A title-case word inside the match, or opening it where no sentence begins (month and
    weekday names aside: "every Sunday")."""
    text = match.string
    for word in re.finditer(r"[A-Za-z]+", match.group(0)):
        token = word.group(0)
        if not (token[0].isupper() and token[1:].islower()) or len(token) < 2:
            continue
        if token.lower() in w["months"] or token.lower() in w["weekdays"] or token.lower()[:-1] in w["weekdays"]:
            continue
        start = match.start() + word.start()
        if start > match.start() or not _SENTENCE_START.search(text[max(0, start - 3) : start]):
            return True
    return False


TenseOf = Callable[[int, int], str | None]  # ("past", "future" or None) of the clause holding a span


def find_candidates(text: str, published: date, tense_of: TenseOf | None = None) -> Iterator[Candidate]:
    """Every rule match that resolves, overlapping ones included (the caller chooses). `tense_of`
    adds the clause's tense to the groups a resolver reads (group `tense`)."""
    lexicon = load_lexicon()
    for kind, pattern in lexicon.patterns:
        resolver = RESOLVERS[kind]
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            groups = match.groupdict()
            if tense_of is not None and kind in TENSED_KINDS:
                groups["tense"] = tense_of(match.start(), match.end())
            if kind in NAME_CHECKED_KINDS and _looks_like_name(match, lexicon.words):
                continue
            try:
                resolution = resolver(groups, published, match, lexicon.words)
            except (ValueError, OverflowError, KeyError):
                resolution = None
            if resolution is not None:  # a `span` group narrows the expression ("later in [the day]")
                start, end = match.span("span") if groups.get("span") else match.span()
                yield Candidate(start, end, resolution)
