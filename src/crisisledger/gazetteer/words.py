"""The word lists of `data/place_words.yaml` and the admin-1 abbreviations, loaded once."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from crisisledger.gazetteer.normalize import normalize

_PATH = Path(__file__).with_name("data") / "place_words.yaml"
_ABBREVIATIONS = _PATH.with_name("admin_abbreviations.csv")
_LOCALE_CUES = _PATH.with_name("locale_cues.yaml")


@dataclass(frozen=True, slots=True)
class PlaceWords:
    locative_prepositions: frozenset[str]
    event_prepositions: frozenset[str]
    settlement_words: frozenset[str]
    admin_words: frozenset[str]
    facility_nouns: tuple[str, ...]
    directions: frozenset[str]
    connectors: frozenset[str]
    not_places: frozenset[str]
    territorial_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    person_titles: frozenset[str]
    generic_words: frozenset[str]
    local_nouns: frozenset[str]
    street_words: frozenset[str]
    name_modifiers: frozenset[str]


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    raw = yaml.safe_load(_PATH.read_text(encoding="utf-8"))
    sets = {k: frozenset(str(w).lower() for w in v) for k, v in raw.items() if k != "facility_nouns"}
    facilities = tuple(sorted((str(w).lower() for w in raw["facility_nouns"]), key=len, reverse=True))
    return PlaceWords(facility_nouns=facilities, **sets)


@lru_cache(maxsize=1)
def admin_abbreviations() -> dict[str, tuple[tuple[str, str], ...]]:
    """Normalised abbreviation -> the (ISO3, GeoNames admin-1 code) units it may stand for."""
    found: dict[str, list[tuple[str, str]]] = {}
    with _ABBREVIATIONS.open(newline="", encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        for r in csv.DictReader(lines):
            found.setdefault(normalize(r["abbreviation"]), []).append((r["country"], r["admin1"]))
    return {k: tuple(v) for k, v in found.items()}


@dataclass(frozen=True, slots=True)
class LocaleCue:
    pattern: re.Pattern[str]
    countries: tuple[str, ...]  # ISO3 codes, each given the weight
    weight: float


@lru_cache(maxsize=1)
def locale_cues() -> tuple[LocaleCue, ...]:
    """Writing conventions that hint at the report's country (`data/locale_cues.yaml`)."""
    raw = yaml.safe_load(_LOCALE_CUES.read_text(encoding="utf-8"))
    return tuple(LocaleCue(re.compile(r["pattern"]), tuple(map(str, r["countries"])), float(r["weight"])) for r in raw)
