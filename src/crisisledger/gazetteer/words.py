"""The word lists of `data/place_words.yaml`, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

_PATH = Path(__file__).with_name("data") / "place_words.yaml"


@dataclass(frozen=True, slots=True)
class PlaceWords:
    locative_prepositions: frozenset[str]
    settlement_words: frozenset[str]
    admin_words: frozenset[str]
    facility_nouns: tuple[str, ...]
    directions: frozenset[str]
    connectors: frozenset[str]
    not_places: frozenset[str]


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    raw = yaml.safe_load(_PATH.read_text(encoding="utf-8"))
    sets = {k: frozenset(str(w).lower() for w in v) for k, v in raw.items() if k != "facility_nouns"}
    facilities = tuple(sorted((str(w).lower() for w in raw["facility_nouns"]), key=len, reverse=True))
    return PlaceWords(facility_nouns=facilities, **sets)
