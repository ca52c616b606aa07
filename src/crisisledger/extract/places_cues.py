"""Textual cues around place names, read without the gazetteer: spans trimmed of 'the' and possessives,
datelines, capitalised runs, settlement phrases, the report's person names and speakers, and the phrasings
that show a name used as a town's ('a Lebanon woman', '400 S. Locust St., Lebanon')."""

from __future__ import annotations

import re
from functools import lru_cache

from crisisledger.gazetteer.normalize import normalize
from crisisledger.gazetteer.words import place_words
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import PlacePrecision

TOKEN = re.compile(r"[^\W\d_][\w'’.]*(?:-[^\W\d_][\w'’.]*)*")
_POSSESSIVE = re.compile(r"(?:['’]s?|\.)$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trims 'the', a possessive and trailing punctuation off a span."""
    span = text[start:end]
    lead = _LEADING_THE.match(span)
    if lead:
        start += lead.end()
    span = text[start:end]
    while span and (span[-1] in '.,;:!?"”)' or _POSSESSIVE.search(span)):
        cut = _POSSESSIVE.search(span)
        trimmed = span[: cut.start()] if cut and cut.group() != "." else span[:-1]
        if trimmed.count(".") and len(trimmed) <= 5 and span.endswith("."):  # keep "U.S."
            break
        end -= len(span) - len(trimmed)
        span = trimmed
    return start, end


_DATELINE_AT_START = re.compile(r"\s*([A-Z][A-Za-z'’.\- ]{1,40}?)(?:,[^\n,]{1,40})?\s*(?:\(|—|–| - )")


_DATELINE_LATER = re.compile(  # 'MIEH MIEH/BEIRUT:' names two places
    r"(?:[.!?]\s+|\n\s*)([A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+){0,3})"  # the name, in capitals
    r"(?:,[^\n,.]{1,30})?\s*(?:\([^)]{1,30}\)\s*)?(?:—|–| -{1,2} |:\s)"  # ', Region (Agency) —'
)


_HEADLINE_CHARS = 300


def datelines(text: str) -> list[tuple[int, int]]:
    """Spans of dateline names: the report's opening ('GOMA, Congo (AP) —'), one after a headline, or one
    opening a paragraph, first to last."""
    found: list[tuple[int, int]] = []
    first = _DATELINE_AT_START.match(text)
    if first:
        found.append(clean_span(text, first.start(1), first.end(1)))
    for m in _DATELINE_LATER.finditer(text):
        if m.start(1) <= _HEADLINE_CHARS or text[m.start() : m.start(1)].startswith("\n"):
            start = m.start(1)
            for name in m.group(1).split("/"):
                found.append(clean_span(text, start, start + len(name)))
                start += len(name) + 1
    return sorted(set(found))


def capitalised_runs(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words, with connectors inside ('Bosnia and Herzegovina', 'Rio de Janeiro')."""
    words = place_words()
    tokens = list(TOKEN.finditer(text))
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].group()[0].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and text[tokens[j].end() : tokens[j + 1].start()] == " ":
            nxt = tokens[j + 1].group()
            if nxt[0].isupper():
                j += 1
            elif (
                nxt.lower() in words.connectors
                and j + 2 < len(tokens)
                and tokens[j + 2].group()[0].isupper()
                and text[tokens[j + 1].end() : tokens[j + 2].start()] == " "
            ):
                j += 2
            else:
                break
        runs.append((tokens[i].start(), tokens[j].end()))
        i = j + 1
    return runs


def settlement_patterns(text: str) -> list[tuple[int, int, PlacePrecision]]:
    """'the village of X', 'his village, X', 'X province' -> the name with its precision."""
    words = place_words()
    settle = "|".join(sorted(words.settlement_words))
    admin = "|".join(sorted(words.admin_words))
    name = r"([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})"
    found: list[tuple[int, int, PlacePrecision]] = []
    for pattern, precision in (
        (rf"\b(?:the\s+)(?:{settle})\s+of\s+{name}", PlacePrecision.TOWN),
        (
            rf"\b(?:his|her|their|its|my|our)\s+(?:home\s+|native\s+)?(?:{settle}),?\s+{name}",
            PlacePrecision.TOWN,
        ),
        (rf"\b(?:the\s+)(?:{admin})\s+of\s+{name}", PlacePrecision.ADMIN),
    ):
        for m in re.finditer(pattern, text):
            found.append((m.start(1), m.end(1), precision))
    return found


def person_words(analyzed: AnalyzedDocument) -> frozenset[str]:
    """Words of person names of two or more words ('Desmond Clark', 'Scott Newsham'): alone elsewhere in
    the report they are the person again, not the same-name town."""
    return frozenset(
        normalize(word)
        for e in analyzed.entities
        if e.label == "PERSON" and len(words := e.text.split()) >= 2
        for word in words
        if word[:1].isupper()
    )


def speaker_words(text: str) -> frozenset[str]:
    """Single names the report uses as a person: a speaker ('Nelson said', 'said Nelson.') or a titled
    name ('coach Ripley', 'President Saakashvili')."""
    words = place_words()
    found = {m.group(1) for pattern in _speaker_patterns() for m in pattern.finditer(text)}
    return frozenset(normalize(w) for w in found if w.lower() not in words.not_places)


@lru_cache(maxsize=1)
def _speaker_patterns() -> tuple[re.Pattern[str], ...]:
    words = place_words()
    speech = "|".join(sorted(words.speech_verbs))
    titles = "|".join(sorted(words.person_titles))
    name = r"([A-Z][a-z][\w\-]*)"  # no possessive: "President Obama’s"
    return (
        re.compile(rf"(?<![\w,]\s)(?<![A-Z]\.\s)\b{name}\s+(?:{speech})\b"),
        re.compile(rf"\b(?:{speech})\s+{name}(?=[.,;])"),
        re.compile(rf"\b(?i:{titles})\.?\s+{name}\b(?!\s+[A-Z])"),
    )


def written_as_town(name: str, text: str) -> bool:
    """The name modifies a person or civic noun ('a Lebanon woman', 'the Jordan middle school') or ends an
    address ('400 S. Locust St., Lebanon'): a town's usage, never a country's."""
    return any(p.search(text) for p in _town_usages(name))


@lru_cache(maxsize=4096)
def _town_usages(name: str) -> tuple[re.Pattern[str], ...]:
    words = place_words()
    nouns = "|".join(sorted(words.local_nouns))
    streets = "|".join(sorted(words.street_words))
    written = re.escape(name)
    return (
        re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+{written}\s+(?i:{nouns})\b"),
        re.compile(rf"\b{written}\s+(?:residents|aldermen|selectmen|council)\b"),
        re.compile(rf"\d+\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]+\s+(?i:{streets})\.?,\s+{written}\b"),
    )


def previous_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)\W{0,2}$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""
