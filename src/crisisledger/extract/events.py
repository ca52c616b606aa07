"""Placeholder until the event coder lands (issue 4)."""

from __future__ import annotations

from collections.abc import Sequence

from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Actor, Event, Figure, Place, TimeExpr


def extract_events(
    analyzed: AnalyzedDocument,
    actors: Sequence[Actor],
    times: Sequence[TimeExpr],
    places: Sequence[Place],
    figures: Sequence[Figure],
) -> tuple[tuple[Event, ...], tuple[Figure, ...]]:
    return (), tuple(figures)
