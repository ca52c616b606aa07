"""Event location: the place the parse ties to the event verb; the dateline when the sentence has none."""

from __future__ import annotations

from datetime import date

import pytest

from crisisledger.extract.event_places import dateline_place, event_place
from crisisledger.extract.places import extract_places
from crisisledger.gazetteer import default_gazetteer
from crisisledger.language.nlp import AnalyzedDocument, Entity
from crisisledger.model import Document, Place, PlacePrecision, Role, Sentence


def _place(text: str, name: str, precision: PlacePrecision = PlacePrecision.TOWN) -> Place:
    start = text.index(name)
    return Place(name, start, start + len(name), name, None, 0.0, 0.0, None, precision)


def test_dateline_place_opens_the_paragraph() -> None:
    text = "GOMA, Congo (AP) — Rebels attacked a camp.\nLater, aid arrived."
    places = [_place(text, "GOMA"), _place(text, "Congo", PlacePrecision.COUNTRY)]
    assert dateline_place(text, places, text.index("attacked")) == places[0]
    assert dateline_place(text, places, text.index("arrived")) is None  # the next paragraph has none


@pytest.mark.integration
@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Shelling hit a bus in Donetsk on Thursday, killing eight people.", "killing", "Donetsk"),
        ("Russian troops shelled the town of Kupiansk, officials in Kyiv said.", "shelled", "Kupiansk"),
        ("U.S. forces captured four suspected insurgents on Thursday.", "captured", None),
        ("Gunmen killed three villagers near Maiduguri, a police spokesman in Abuja said.", "killed", "Maiduguri"),
    ],
)
def test_event_place_follows_the_parse(sentence: str, verb: str, expected: str | None) -> None:
    from crisisledger.language.nlp import parse

    doc = parse(sentence)
    analyzed = AnalyzedDocument(
        Document("t", sentence, date(2024, 1, 1)),
        tuple(Sentence(s.text, s.start_char, s.end_char, Role.REPORT) for s in doc.sents),
        tuple(Entity(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents),
        doc,
    )
    places = extract_places(analyzed, default_gazetteer())
    start = sentence.index(verb)
    chosen = event_place(analyzed, places, start, start + len(verb))
    assert (chosen.text if chosen else None) == expected, [p.text for p in places]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("sentence", "verb", "place", "actor"),
    [
        ("Canada captured the ship.", "captured", "Canada", True),
        ("U.S. forces captured four suspected insurgents.", "captured", "U.S.", True),
        ("Mexico's army captured the port.", "captured", "Mexico", True),
        ("A strike on a Kharkiv hardware store killed 12.", "strike", "Kharkiv", False),
        ("Rebels attacked a camp in Ukraine's east.", "attacked", "Ukraine", False),
        ("Rebels shelled the Goma hospital.", "shelled", "Goma", False),
        ("Rebels shelled the Abu Shouk camp.", "shelled", "Abu", True),  # a name the place covers in part
    ],
)
def test_a_place_that_names_the_doer_is_no_answer(sentence: str, verb: str, place: str, actor: bool) -> None:
    from crisisledger.extract.event_places import names_actor
    from crisisledger.language.nlp import parse

    doc = parse(sentence)
    token = doc.char_span(sentence.index(verb), sentence.index(verb) + len(verb)).root
    assert names_actor(token, _place(sentence, place)) is actor


class _Noun:
    """The little of a spaCy token `events_targets.state_at` reads: where its phrase starts and ends."""

    def __init__(self, text: str, idx: int, left: int) -> None:
        self.text, self.idx = text, idx
        self.left_edge = self if left == idx else _Noun(text, left, left)


def test_a_destination_town_gives_the_state_of_its_resolved_place() -> None:
    from crisisledger.extract.events_targets import state_at

    text = "arrived in the town of Cizre"
    town = Place("Cizre", text.index("Cizre"), len(text), "Cizre", 1, 37.3, 42.2, "TUR", PlacePrecision.TOWN)
    host = state_at(_Noun("Cizre", town.start, text.index("the")), (), [town])
    assert host is not None and (host.id, host.country, host.kind.value) == ("tur.state", "TUR", "state")
    unresolved = Place("Cizre", town.start, town.end, None, None, None, None, None, None)
    assert state_at(_Noun("Cizre", town.start, town.start), (), [unresolved]) is None
    elsewhere = Place("Cizre", 0, 5, "Cizre", 1, 37.3, 42.2, "TUR", PlacePrecision.TOWN)
    assert state_at(_Noun("Cizre", town.start, town.start), (), [elsewhere]) is None  # not in the noun's words
