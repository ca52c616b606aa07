"""The canonical export: field names, offsets and the JSON Schema (shipped copy and shared contract)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from crisisledger.export.canonical import document_record
from crisisledger.export.formats import envelope, schema, to_csv_text
from crisisledger.model import (
    Actor,
    ActorKind,
    Certainty,
    Claim,
    DatePrecision,
    DateRange,
    Document,
    Event,
    EventType,
    Extraction,
    Figure,
    FigureKind,
    Place,
    PlacePrecision,
    Qualifier,
    Role,
    Sentence,
    Span,
    Stance,
    TimeExpr,
)

TEXT = "A drone struck the market in Tawila on Saturday, killing 9 people, the ministry said."


def extraction() -> Extraction:
    doc = Document(id="0123456789abcdef", text=TEXT, published=date(2024, 6, 16), outlet="Wire")
    sentence = Span(TEXT, 0, len(TEXT))
    place = Place("Tawila", 29, 35, "Tawila", 1, 13.5, 24.9, "SDN", PlacePrecision.TOWN)
    day = DateRange(date(2024, 6, 15), date(2024, 6, 15), DatePrecision.DAY)
    ministry = Actor("government.ministry", "the ministry", 67, 79, "ministry", None, ActorKind.GOVERNMENT)
    figure = Figure(
        "f1",
        FigureKind.KILLED,
        9,
        None,
        None,
        Qualifier.EXACT,
        sentence,
        Span("9", 57, 58),
        who="people",
        place=place,
        as_of=day.start,
        attributed_to="the ministry",
        certainty=Certainty.REPORTED,
    )
    event = Event(
        "e1",
        EventType.ASSAULT,
        sentence,
        Span("struck", 8, 14),
        mode="drone strike",
        place=place,
        date=day,
        certainty=Certainty.REPORTED,
        attributed_to="the ministry",
        figures=("f1",),
    )
    claim = Claim("c1", "the ministry", Stance.ASSERT, sentence, Span("said", 80, 84), actor=ministry.id)
    return Extraction(
        document=doc,
        sentences=(Sentence(TEXT, 0, len(TEXT), Role.REPORT),),
        times=(TimeExpr("Saturday", 39, 47, day, "2024-06-15"),),
        places=(place,),
        actors=(ministry,),
        figures=(figure,),
        events=(event,),
        claims=(claim,),
    )


def test_spans_are_slices_of_the_text() -> None:
    rec = document_record(extraction())
    text = rec["document"]["text"]
    for key in ("sentences", "times", "places", "actors"):
        for item in rec[key]:
            assert text[item["start"] : item["end"]] == item["text"], (key, item)
    for key in ("figures", "events", "claims"):
        for item in rec[key]:
            ev = item["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"]


def test_export_validates_against_the_shipped_schema() -> None:
    jsonschema.Draft202012Validator(schema()).validate(envelope([document_record(extraction())]))


def test_shipped_schema_is_the_shared_contract(shared: Path) -> None:
    contract = json.loads((shared / "design" / "crisisledger.schema.json").read_text("utf-8"))
    assert schema() == contract
    jsonschema.Draft202012Validator(contract).validate(envelope([document_record(extraction())]))


def test_csv_has_acled_columns_then_ours() -> None:
    header, row = to_csv_text([document_record(extraction())]).splitlines()[:2]
    assert header.startswith("event_date,event_type,sub_event_type,actor1,actor2,country,location")
    assert row.startswith("2024-06-15,Explosions/Remote violence,Air/drone strike")
    assert ",9," in row  # fatalities from the linked killed figure


@pytest.mark.parametrize("value,expected", [(9.0, 9), (2.5, 2.5), (None, None)])
def test_whole_numbers_export_as_integers(value: float | None, expected: object) -> None:
    from crisisledger.export.canonical import number

    assert number(value) == expected
