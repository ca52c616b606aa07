"""Sentence roles, by rules on hand-built sentences (no model) and on a parsed sample (integration)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisisledger.language.roles import SentenceFacts, role_of
from crisisledger.model import Document, Role

CASES = yaml.safe_load((Path(__file__).parent / "data" / "role_cases.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_role_rules(case: dict[str, Any]) -> None:
    facts = SentenceFacts(
        text=case["text"],
        index=case.get("index", 3),
        count=case.get("count", 10),
        line_alone=case.get("alone", False),
        after_title=case.get("header", False),
        published=date(2024, 3, 3),
    )
    assert role_of(facts).value == case["role"]


@pytest.mark.integration
def test_roles_on_a_parsed_report() -> None:
    from crisisledger.intake.normalise import normalise
    from crisisledger.language.analyze import analyze

    text = normalise(
        "Flood waters reach the capital\n\nSam Hart\n\n3 March 2024\n\n"
        "Floods forced 5,000 people from their homes on Saturday, the ministry said. "
        '"We lost the harvest," said one farmer. The river last burst its banks in 1998.\n\n'
        "The authorities' shameful neglect of the dykes is a disgrace that no inquiry can excuse.\n\n"
        "Subscribe to the Valley Post for updates."
    )
    analyzed = analyze(Document(id="x" * 16, text=text, published=date(2024, 3, 3)))
    roles = [s.role for s in analyzed.sentences]
    assert roles == [
        Role.REPORT,
        Role.BOILERPLATE,
        Role.BOILERPLATE,
        Role.REPORT,
        Role.QUOTE,
        Role.BACKGROUND,
        Role.COMMENTARY,
        Role.BOILERPLATE,
    ]
    assert all(text[s.start : s.end] == s.text for s in analyzed.sentences)
