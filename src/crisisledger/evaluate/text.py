"""Text rules shared by every section: normalising, locating gold evidence, coverage, distance."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from difflib import SequenceMatcher
from typing import Any

from crisisledger.evaluate.config import rules

Span = tuple[int, int]
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"'s\b")
_EARTH_DIAMETER_KM = 12742.0


def normalize(value: object) -> str:
    """Whitespace runs as one space, curly quotes as straight ones, trimmed and case-folded."""
    collapsed = _WHITESPACE.sub(" ", str(value) if value else "")
    return collapsed.translate(rules().quotes).strip().casefold()


def is_short_name(value: object) -> bool:
    """Names, speakers and attributions with more words than the limit never match anything."""
    return len(normalize(value).split()) <= rules().max_name_words


def _words(value: object) -> list[str]:
    return _WORD.findall(_POSSESSIVE.sub("", normalize(value)))


def contains_words(haystack: object, needle: object, either_way: bool = False) -> bool:
    """The needle's words appear consecutively among the haystack's (possessive 's ignored).

    With `either_way`, the shorter of the two is looked for in the longer.
    """
    hay, ndl = _words(haystack), _words(needle)
    if either_way and len(hay) < len(ndl):
        hay, ndl = ndl, hay
    width = len(ndl)
    return width > 0 and any(hay[i : i + width] == ndl for i in range(len(hay) - width + 1))


def shares_evidence(gold_evidence: object, system_text: object) -> bool:
    """The system text holds the gold evidence, or a common run of enough of its length."""
    gold, system = normalize(gold_evidence), normalize(system_text)
    if not gold or not system:
        return False
    if gold in system:
        return True
    matcher = SequenceMatcher(None, gold, system, autojunk=False)
    run = matcher.find_longest_match(0, len(gold), 0, len(system)).size
    return run >= rules().coverage_share * len(gold)


def _char_pattern(char: str) -> str:
    if char == "'":
        return "['\u2019\u2018]"
    if char == '"':
        return '["\u201c\u201d]'
    return re.escape(char)


def locate(needle: str, text: str, whole_words: bool = False) -> list[Span]:
    """Every span of `needle` in `text`, ignoring case, whitespace width and quote style."""
    words = ["".join(_char_pattern(c) for c in word.translate(rules().quotes)) for word in needle.split()]
    pattern = r"\s+".join(words)
    if whole_words:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [match.span() for match in re.finditer(pattern, text or "", re.IGNORECASE)]


def place_key(value: object) -> str:
    """A place text for name comparison: normalised, without a leading "the" or a trailing 's."""
    key = re.sub(r"^the\s+", "", normalize(value))
    return re.sub(r"'s$", "", key)


def record_span(record: Mapping[str, Any]) -> Span | None:
    start, end = record.get("start"), record.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    return None


def evidence_text(record: Mapping[str, Any], text: str = "") -> str:
    """A record's evidence span: the document text at its offsets when valid, else its evidence text."""
    evidence = record.get("evidence") or {}
    if not isinstance(evidence, Mapping):
        return str(evidence)
    offsets = record_span(evidence)
    if text and offsets and 0 <= offsets[0] < offsets[1] <= len(text):
        return text[offsets[0] : offsets[1]]
    return str(evidence.get("text") or "")


def enclosing_sentence(evidence: str, text: str) -> str:
    """The first occurrence of the evidence, widened to the sentence boundaries around it."""
    found = locate(evidence, text)
    if not found:
        return evidence
    start, end = found[0]
    boundary = rules().sentence_boundary
    # only boundaries wholly before the evidence open its sentence
    opening = max((m.end() for m in boundary.finditer(text[:start])), default=0)
    closing = boundary.search(text, max(start, end - 1))
    return text[opening : closing.end() if closing else len(text)]


def covers(gold_evidence: str, system_text: str, text: str = "") -> bool:
    """shares_evidence(), for a system span no larger than a sentence or a merged quote."""
    sentence = len(normalize(enclosing_sentence(gold_evidence, text)))
    limit = max(rules().sentence_factor * sentence, sentence + rules().sentence_slack)
    return shares_evidence(gold_evidence, system_text) and len(normalize(system_text)) <= limit


def overlaps(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) on a sphere of the Earth's mean radius."""
    rad = math.pi / 180
    half = (
        math.sin((lat2 - lat1) * rad / 2) ** 2
        + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2
    )
    return _EARTH_DIAMETER_KM * math.asin(math.sqrt(min(1.0, half)))


def share(part: float, whole: float) -> float | None:
    """part / whole, or None when there is nothing to measure."""
    return part / whole if whole else None
