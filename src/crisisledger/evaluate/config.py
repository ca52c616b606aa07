"""The constants of the scoring rules, read once from `scoring.yaml` beside this module."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class ScoringRules:
    quotes: dict[int, str]
    max_name_words: int
    coverage_share: float
    sentence_factor: int
    sentence_slack: int
    sentence_boundary: re.Pattern[str]
    report_roles: frozenset[str]
    figure_kind_synonyms: dict[str, str]
    fixed_km: float
    series_kind_synonyms: dict[str, str]
    recovered_share: float
    held_fields: tuple[str, ...]
    flag_kinds: tuple[str, ...]
    default_tolerance_km: float


@cache
def rules() -> ScoringRules:
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("crisisledger.evaluate").joinpath("scoring.yaml").read_text("utf-8")
    )
    text, single, series = raw["text"], raw["single"], raw["series"]
    return ScoringRules(
        quotes=str.maketrans(text["quote_equivalents"]),
        max_name_words=int(text["max_name_words"]),
        coverage_share=float(text["coverage_share"]),
        sentence_factor=int(text["sentence_factor"]),
        sentence_slack=int(text["sentence_slack"]),
        sentence_boundary=re.compile(text["sentence_boundary"]),
        report_roles=frozenset(single["report_roles"]),
        figure_kind_synonyms=dict(single["kind_synonyms"]),
        fixed_km=float(single["fixed_km"]),
        series_kind_synonyms=dict(series["kind_synonyms"]),
        recovered_share=float(series["recovered_share"]),
        held_fields=tuple(series["held_fields"]),
        flag_kinds=tuple(series["flag_kinds"]),
        default_tolerance_km=float(series["default_tolerance_km"]),
    )
