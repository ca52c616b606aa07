"""Numbers as news writes them: "28,000", "1.2 million", "sixty-eight", "a dozen", "tens of thousands".

`find_numbers` scans a text for number mentions and the qualifier phrase before each ("at least",
"nearly"); `parse_number` reads one whole phrase. Vague counts become ranges with no value. The words
live in `lexicon/numbers.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crisisledger.errors import LexiconError
from crisisledger.lexicon.loader import load_lexicon
from crisisledger.model import Qualifier

# A word, a digit group (with thousands commas and a decimal part), or one other character.
# Digits glued to letters ("21st", "1.2m", "G7") form one token and are never read as numbers.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*[A-Za-z]*|[A-Za-z]+(?:'[a-z]+)?|\S")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A single value, or a range (value None) for a vague count."""

    value: float | None
    value_min: float | None = None
    value_max: float | None = None

    @property
    def vague(self) -> bool:
        return self.value is None


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number found in a text; offsets are relative to the text given to `find_numbers`."""

    text: str
    start: int
    end: int
    quantity: Quantity
    qualifier: Qualifier
    qualifier_start: int  # where the qualifier phrase starts (== start when there is none)
    explicit_qualifier: bool  # a phrase gave the qualifier (not the default for vague counts)


@dataclass(frozen=True, slots=True)
class _Words:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    scale_abbreviations: dict[str, int]
    articles: frozenset[str]
    vague: dict[tuple[str, ...], tuple[int, int]]
    qualifiers: tuple[tuple[re.Pattern[str], Qualifier], ...]


@cache
def _words() -> _Words:
    data = load_lexicon("numbers")
    try:
        qualifier_phrases = [
            (str(phrase).lower(), Qualifier(name)) for name, phrases in data["qualifiers"].items() for phrase in phrases
        ]
        qualifier_phrases.sort(key=lambda item: -len(item[0]))
        return _Words(
            units={str(k): int(v) for k, v in data["units"].items()},
            tens={str(k): int(v) for k, v in data["tens"].items()},
            scales={str(k): int(v) for k, v in data["scales"].items()},
            scale_abbreviations={str(k): int(v) for k, v in data["scale_abbreviations"].items()},
            articles=frozenset(str(a) for a in data["articles"]),
            vague={tuple(str(k).split()): (int(v[0]), int(v[1])) for k, v in data["vague"].items()},
            qualifiers=tuple(
                (re.compile(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"\s+$", re.I), q)
                for phrase, q in qualifier_phrases
            ),
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise LexiconError(f"lexicon/numbers.yaml: malformed ({exc})") from exc


def _read_digits(token: str) -> float | None:
    return float(token.replace(",", "")) if _DIGITS.fullmatch(token) else None


def _read_words(words: list[str]) -> float | None:
    """An integer written in words or digits with scale words, or None if the words are no number.

    Groups below a thousand are built from units, tens and "hundred"; the larger scales close a
    group and must fall from left to right ("two million three hundred thousand"). "and" may
    follow "hundred" or a larger scale when more of the number comes after it.
    """
    lex = _words()
    total = 0.0
    group: float | None = None  # the group below the next large scale
    last = ""  # kind of the previous word: digit, unit, ten, hundred, scale, and, article
    last_scale = float("inf")
    for i, word in enumerate(words):
        digits = _read_digits(word)
        if digits is not None:
            if i != 0:
                return None
            group, last = digits, "digit"
        elif word in lex.articles:
            if i != 0 or len(words) == 1 or words[1] not in lex.scales:
                return None
            group, last = 1.0, "article"
        elif word in lex.units:
            if last in ("unit", "digit") or (last == "ten" and lex.units[word] >= 10):
                return None
            group = (group or 0.0) + lex.units[word]
            last = "unit"
        elif word in lex.tens:
            if last in ("unit", "ten", "digit"):
                return None
            group = (group or 0.0) + lex.tens[word]
            last = "ten"
        elif word == "and":
            if last not in ("hundred", "scale") or i == len(words) - 1:
                return None
            last = "and"
        else:
            scale = lex.scales.get(word) or (lex.scale_abbreviations.get(word) if last == "digit" else None)
            if scale is None or group is None or last == "and":
                return None
            if scale == 100 and last in ("unit", "article"):
                group, last = group * 100, "hundred"
            elif scale > 100 and scale < last_scale and last != "scale":
                total += group * scale
                group, last, last_scale = None, "scale", scale
            elif scale == 12 and last in ("unit", "article", "ten"):
                group, last = group * 12, "hundred"
            else:
                return None
    if last == "and":
        return None
    return total + (group or 0.0)


def parse_number(text: str) -> Quantity | None:
    """The quantity a whole phrase names ("1.2 million", "sixty-eight", "hundreds"), else None."""
    words = [t for t in _TOKEN.findall(text.lower()) if t != "-"]
    if not words:
        return None
    vague = _words().vague.get(tuple(words))
    if vague is not None:
        return Quantity(None, float(vague[0]), float(vague[1]))
    value = _read_words(words)
    return None if value is None else Quantity(value)


def _qualifier_before(text: str, start: int) -> tuple[Qualifier, int] | None:
    window_start = max(0, start - 40)
    window = text[window_start:start]
    for pattern, qualifier in _words().qualifiers:
        found = pattern.search(window)
        cut_word = found is not None and found.start() == 0 and window_start > 0 and text[window_start - 1].isalnum()
        if found and not cut_word:
            return qualifier, window_start + found.start()
    return None


@cache
def _number_words() -> frozenset[str]:
    lex = _words()
    vague_words = {w for phrase in lex.vague for w in phrase}
    return frozenset({*lex.units, *lex.tens, *lex.scales, *lex.scale_abbreviations, *lex.articles, *vague_words})


def _numberish(token: str) -> bool:
    """A token that may be part of a number phrase; a phrase is only tried over a run of these."""
    return token in ("-", "and") or token[0].isdigit() or token in _number_words()


def find_numbers(text: str) -> tuple[NumberMention, ...]:
    """Every number mention in `text`, longest reading first, left to right, never overlapping."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    mentions: list[NumberMention] = []
    i = 0
    while i < len(tokens):
        best: tuple[int, Quantity] | None = None
        run = i
        while run < len(tokens) and _numberish(tokens[run][0].lower()):
            run += 1
        for j in range(run, i, -1):
            if tokens[j - 1][0] == "-" or tokens[i][0] == "-":
                continue
            quantity = parse_number(text[tokens[i][1] : tokens[j - 1][2]])
            if quantity is not None:
                best = (j, quantity)
                break
        if best is None:
            i += 1
            continue
        j, quantity = best
        start, end = tokens[i][1], tokens[j - 1][2]
        found = _qualifier_before(text, start)
        if found is not None:
            qualifier, qualifier_start, explicit = found[0], found[1], True
        else:
            default = Qualifier.APPROXIMATE if quantity.vague else Qualifier.EXACT
            qualifier, qualifier_start, explicit = default, start, False
        mentions.append(NumberMention(text[start:end], start, end, quantity, qualifier, qualifier_start, explicit))
        i = j
    return tuple(mentions)
