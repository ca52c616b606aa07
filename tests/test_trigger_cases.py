"""The trigger lexicon by CAMEO class: each case's main event has the PLOVER type the table expects."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from crisisledger.model import EventType

CASES: list[list[str]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "trigger_cases.yaml").read_text(encoding="utf-8")
)


def main_type(text: str) -> str:
    """The type of the main event of the first sentence that has one ("NONE" if none does)."""
    from crisisledger.extract.actors import extract_actors
    from crisisledger.extract.events import extract_events
    from crisisledger.extract.main_event import main_of
    from crisisledger.language.analyze import analyze
    from crisisledger.model import Document

    an = analyze(Document(id="t", text=text, published=date(2000, 1, 1)))
    actors = extract_actors(an, (), None)
    events, _ = extract_events(an, actors, (), (), ())
    for sentence in an.sentences:
        event = main_of(an, sentence, events)
        if event is not None:
            return event.type.value
    return "NONE"


def test_cases_name_known_types_and_cover_every_plover_class() -> None:
    types = {t for t, _ in CASES}
    assert types <= {t.value for t in EventType}
    plover = {t.value for t in EventType} - {"DISPLACEMENT", "INCIDENT"}
    assert plover <= types, plover - types
    assert len({s for _, s in CASES}) == len(CASES), "duplicate sentence"


@pytest.mark.integration
@pytest.mark.parametrize(("want", "text"), CASES, ids=[f"{t}-{i}" for i, (t, _) in enumerate(CASES)])
def test_main_event_type(want: str, text: str) -> None:
    assert main_type(text) == want
