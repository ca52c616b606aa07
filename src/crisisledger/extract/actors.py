"""Placeholder until the actor coder lands (issue 4)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Actor, Place


def extract_actors(analyzed: AnalyzedDocument, places: Sequence[Place], gazetteer: Any) -> tuple[Actor, ...]:
    return ()
