"""The link stage's knowledge (data/link.yaml) as one typed, cached object."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class TypePair:
    types: frozenset[str]
    modes: frozenset[str] | None  # None: the pair holds whatever the modes
    never: frozenset[str] = frozenset()  # modes that break the pair whatever the other's mode


@dataclass(frozen=True, slots=True)
class Rules:
    type_pairs: tuple[TypePair, ...]
    place_levels: tuple[str, ...]
    cluster_tolerance_km: dict[str, float]
    series_tolerance_km: dict[str, float]
    cell_degrees: float
    bucket_days: int
    undated_window_days: int
    certainty_order: tuple[str, ...]
    credible_certainty: frozenset[str]
    series_kinds: frozenset[str]
    same_series: dict[str, str]
    who_words: dict[str, str]  # word or phrase -> head group
    approximate_share: float
    shingle_words: int
    bands: int
    rows: int
    same_outlet_jaccard: float
    other_outlet_jaccard: float
    modes_must_agree: frozenset[str] = frozenset()
    agreeing_modes: frozenset[frozenset[str]] = frozenset()
    default_modes: frozenset[str] = frozenset()
    undated_match_levels: frozenset[str] = frozenset({"site", "town"})
    generic_doer_kinds: frozenset[str] = frozenset()  # doers that name no one in particular
    same_doer_match_levels: frozenset[str] = frozenset()  # where one doer lifts the undated rule
    carried_place_level: str | None = None  # a place from outside the event's sentence: no finer than this

    def level(self, precision: str | None) -> int:
        """Rank of a place precision, finest 0; unknown precision counts as a town."""
        if precision in self.place_levels:
            return self.place_levels.index(precision)
        return self.place_levels.index("town")

    def certainty_rank(self, certainty: str | None) -> int:
        return self.certainty_order.index(certainty) if certainty in self.certainty_order else len(self.certainty_order)

    def series_kind(self, kind: str) -> str:
        return self.same_series.get(kind, kind)


def _rules(raw: dict[str, Any]) -> Rules:
    pairs = tuple(
        TypePair(
            frozenset(p["types"]), frozenset(p["modes"]) if p.get("modes") else None, frozenset(p.get("never") or [])
        )
        for p in raw["compatible_types"]
    )
    who_words = {w.casefold(): group for group, words in raw["who_groups"].items() for w in words}
    return Rules(
        type_pairs=pairs,
        place_levels=tuple(raw["place_levels"]),
        cluster_tolerance_km={k: float(v) for k, v in raw["cluster_tolerance_km"].items()},
        series_tolerance_km={k: float(v) for k, v in raw["series_tolerance_km"].items()},
        cell_degrees=float(raw["index_cell_degrees"]),
        bucket_days=int(raw["index_bucket_days"]),
        undated_window_days=int(raw["undated_window_days"]),
        certainty_order=tuple(raw["certainty_order"]),
        credible_certainty=frozenset(raw["credible_certainty"]),
        series_kinds=frozenset(raw["series_kinds"]),
        same_series=dict(raw["same_series"]),
        who_words=who_words,
        approximate_share=float(raw["approximate_share"]),
        shingle_words=int(raw["shingle_words"]),
        bands=int(raw["minhash_bands"]),
        rows=int(raw["minhash_rows"]),
        same_outlet_jaccard=float(raw["same_outlet_jaccard"]),
        other_outlet_jaccard=float(raw["other_outlet_jaccard"]),
        modes_must_agree=frozenset(raw.get("modes_must_agree") or []),
        agreeing_modes=frozenset(frozenset(p) for p in raw.get("agreeing_modes") or []),
        default_modes=frozenset(raw.get("default_modes") or []),
        undated_match_levels=frozenset(raw.get("undated_match_levels") or []),
        generic_doer_kinds=frozenset(raw.get("generic_doer_kinds") or []),
        same_doer_match_levels=frozenset(raw.get("same_doer_match_levels") or []),
        carried_place_level=raw.get("carried_place_level"),
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    text = resources.files("crisisledger.link").joinpath("data/link.yaml").read_text("utf-8")
    return _rules(yaml.safe_load(text))
