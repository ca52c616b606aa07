"""Placeholder until the claims coder lands (issue 4)."""

from __future__ import annotations

from collections.abc import Sequence

from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Actor, Claim


def extract_claims(analyzed: AnalyzedDocument, actors: Sequence[Actor]) -> tuple[Claim, ...]:
    return ()
