"""Actors from the lexicon and from titles in the report, without the language model."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisledger.extract.actors import extract_actors
from crisisledger.extract.coding_lexicon import actor_lexicon
from crisisledger.language.nlp import AnalyzedDocument, Entity
from crisisledger.model import Actor, ActorKind, Document, Place, Role, Sentence


def analyzed(text: str, entities: tuple[Entity, ...] = ()) -> AnalyzedDocument:
    doc = Document(id="t", text=text, published=date(2024, 1, 10))
    return AnalyzedDocument(doc, (Sentence(text, 0, len(text), Role.REPORT),), entities)


def actors_of(text: str, entities: tuple[Entity, ...] = ()) -> list[Actor]:
    found = extract_actors(analyzed(text, entities), (), None)
    for a in found:
        assert text[a.start : a.end] == a.text
    return list(found)


@pytest.mark.parametrize(
    ("text", "surface", "actor_id", "country", "kind", "role"),
    [
        ("Azeri forces attacked the town.", "Azeri forces", "aze.military", "AZE", ActorKind.MILITARY, None),
        (
            "Russian peacekeepers left.",
            "Russian peacekeepers",
            "rus.military",
            "RUS",
            ActorKind.MILITARY,
            "peacekeeping",
        ),
        ("UNHCR said aid was blocked.", "UNHCR", "org.unhcr", None, ActorKind.ORGANIZATION, None),
        ("RSF fighters shelled the camp.", "RSF fighters", "armed_group.rsf", "SDN", ActorKind.ARMED_GROUP, None),
        ("Thousands of civilians fled.", "civilians", "civilians.civilians", None, ActorKind.CIVILIANS, None),
        ("Government troops retook the pass.", "Government troops", "military.troops", None, ActorKind.MILITARY, None),
        ("28,000 Armenians have fled.", "Armenians", "arm.civilians", "ARM", ActorKind.CIVILIANS, None),
        ("Ukrainian police detained two men.", "Ukrainian police", "ukr.police", "UKR", ActorKind.POLICE, None),
        ("Houthis fired missiles.", "Houthis", "armed_group.houthis", "YEM", ActorKind.ARMED_GROUP, None),
        (
            "Kenyan Prime Minister Jane Doe spoke.",
            "Kenyan Prime Minister Jane Doe",
            "person.jane-doe",
            "KEN",
            ActorKind.GOVERNMENT,
            "Prime Minister",
        ),
        (
            "Sudanese army spokesman Ali Musa said so.",
            "Sudanese army spokesman Ali Musa",
            "person.ali-musa",
            "SDN",
            ActorKind.MILITARY,
            "army spokesman",
        ),
    ],
)
def test_lexicon_and_title_actors(
    text: str, surface: str, actor_id: str, country: str | None, kind: ActorKind, role: str | None
) -> None:
    found = {a.text: a for a in actors_of(text)}
    assert surface in found, found
    a = found[surface]
    assert (a.id, a.country, a.kind, a.role) == (actor_id, country, kind, role)


def test_short_names_and_pronouns_link_back() -> None:
    text = (
        "Peruvian President Ana Quispe met Chilean Foreign Minister Tomas Vidal. "
        "Quispe thanked him. She called on Vidal to act."
    )
    found = actors_of(text)
    by_text = {(a.text, a.start): a for a in found}
    quispe = [a for (t, _), a in by_text.items() if t == "Quispe"]
    assert quispe and quispe[0].id == "person.ana-quispe" and quispe[0].country == "PER"
    she = [a for a in found if a.text == "She"]
    assert she and she[0].id == "person.ana-quispe"
    him = [a for a in found if a.text == "him"]
    assert him and him[0].id == "person.tomas-vidal"


def test_unknown_person_from_apposition_keeps_role() -> None:
    text = "Mariam Osman, a 40-year-old teacher, fled with her children."
    found = actors_of(text)
    osman = next(a for a in found if a.text == "Mariam Osman")
    assert osman.id == "person.mariam-osman" and osman.kind is ActorKind.PERSON and osman.role == "teacher"


def test_pro_prefix_is_no_country_and_boilerplate_has_no_actors() -> None:
    text = "under pro-NATO President Ivo Kral"
    found = actors_of(text)
    kral = next(a for a in found if a.id == "person.ivo-kral")
    assert kral.country is None
    doc = Document(id="t", text="By Ivo Kral", published=date(2024, 1, 1))
    an = AnalyzedDocument(
        doc, (Sentence("By Ivo Kral", 0, 11, Role.BOILERPLATE),), (Entity("Ivo Kral", 3, 11, "PERSON"),)
    )
    assert extract_actors(an, (), None) == ()


def test_a_common_word_opening_a_sentence_is_no_person() -> None:
    # a name recogniser's PERSON over "Landslides" (a word the coder knows): no person; a real name stays
    text = "Landslides buried 40 houses. Maria Lopez said so."
    ents = (Entity("Landslides", 0, 10, "PERSON"), Entity("Maria Lopez", 29, 40, "PERSON"))
    assert [a.id for a in actors_of(text, ents)] == ["person.maria-lopez"]


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # an office held at home takes the sentence's one state
        ("President Jane Doe extended the curfew imposed in Kenya.", "President Jane Doe", "KEN"),
        ("Judge Ali Musa opened investigations against Chilean officials.", "Judge Ali Musa", "CHL"),
        # two states named: no guess
        ("President Jane Doe met Kenyan and Ugandan officials.", "President Jane Doe", None),
        # forces are as often a foreign attacker's: no guess from them
        ("Governor Jane Doe said Russian forces shelled the city.", "Governor Jane Doe", None),
        # people take a state the sentence places things in, not a doer state
        ("Thousands of students rallied throughout Kenya.", "students", "KEN"),
        ("Kenya shelled the camp and residents fled.", "residents", None),
        # an envoy's office is held abroad: no guess
        ("Ambassador Jane Doe arrived in Kenya.", "Ambassador Jane Doe", None),
    ],
)
def test_stateless_official_takes_the_sentence_state(text: str, surface: str, country: str | None) -> None:
    found = {a.text: a for a in actors_of(text)}
    assert surface in found, found
    assert found[surface].country == country


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Kenyan Union of Teachers", "KEN"),  # a demonym in the name: a national body
        ("Kenya Teachers Service", "KEN"),  # a state name in it
        ("Amnesty International", None),  # none: country-less
        ("Kenyan-Ugandan Trade Council", None),  # two states: no guess
    ],
)
def test_an_organisation_named_for_one_state_belongs_to_it(name: str, country: str | None) -> None:
    text = f"The {name} called off the strike."
    found = [a for a in actors_of(text, (Entity(name, 4, 4 + len(name), "ORG"),)) if a.kind is ActorKind.ORGANIZATION]
    assert len(found) == 1, found
    assert found[0].country == country


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # a demonym before a noun of an act names the state whose act it is
        ("Kenya rejected an Ethiopian proposal on the dam.", "Ethiopian", "ETH"),
        ("Uganda rejected a Kenyan peace offer.", "Kenyan", "KEN"),
        # before a plain noun it only qualifies: no actor
        ("Uganda bought a Kenyan house.", "Kenyan", None),
    ],
)
def test_a_demonym_before_an_act_names_its_state(text: str, surface: str, country: str | None) -> None:
    found = {a.text: a for a in actors_of(text)}
    if country is None:
        assert surface not in found, found
    else:
        assert found[surface].country == country and found[surface].kind is ActorKind.STATE


def test_a_named_body_keeps_its_people_and_a_domestic_body_takes_the_state() -> None:
    found = actors_of("Red Cross officials met Kenyan police.")
    assert found[0].text == "Red Cross officials"
    assert found[0].id == "org.icrc"
    text = "The Green Unity Party marched while Kenyan police watched."
    ents = (Entity("Green Unity Party", 4, 21, "ORG"),)
    party = next(a for a in actors_of(text, ents) if a.kind is ActorKind.ORGANIZATION)
    assert party.country == "KEN"


def test_a_stateless_official_ignores_another_officials_state() -> None:
    text = "President Jane Doe welcomed Kenyan Prime Minister John Roe."
    found = {a.text: a for a in actors_of(text)}
    assert found["President Jane Doe"].country is None
    assert found["Kenyan Prime Minister John Roe"].country == "KEN"


def test_names_with_initials_and_particles_follow_a_title() -> None:
    found = {a.name for a in actors_of("Kenyan leader J.K. van Buren spoke.")}
    assert "J.K. van Buren" in found


# ---- leaders, residence, peoples (tests/data/actor_cases.yaml) --------------------------------


def _actor_cases() -> list[dict[str, object]]:
    from pathlib import Path

    import yaml

    data = yaml.safe_load((Path(__file__).parent / "data" / "actor_cases.yaml").read_text(encoding="utf-8"))
    return list(data["cases"])


@pytest.mark.parametrize("case", _actor_cases(), ids=lambda c: str(c["text"])[:40])
def test_actor_case(case: dict[str, object]) -> None:
    text, surface = str(case["text"]), str(case["surface"])
    label = "ORG" if case.get("org") else "PERSON" if case.get("person") else ""
    entities = (Entity(surface, text.index(surface), text.index(surface) + len(surface), label),) if label else ()
    found = [a for a in actors_of(text, entities) if a.text == surface]
    assert found, [a.text for a in actors_of(text, entities)]
    actor = found[0]
    assert actor.country == case["country"]
    if "kind" in case:
        assert actor.kind is ActorKind(str(case["kind"]))
    if "id" in case:
        assert actor.id == case["id"]


def test_leader_resolution_narrows_by_office() -> None:
    from crisisledger.extract.actors_leaders import resolve

    assert resolve("Saddam") is not None and resolve("Saddam").country == "IRQ"  # type: ignore[union-attr]
    jordan, iraq = resolve("Hussein", "King"), resolve("Hussein", "President")
    assert jordan is not None and jordan.country == "JOR"
    assert iraq is not None and iraq.country == "IRQ"
    assert resolve("Hussein") is None  # a family name alone, with no title, names no one
    assert resolve("Lee", "President") is None  # presidents Lee of two states
    assert resolve("Kim", "leader") is not None
    misspelt = resolve("Francois Mitterand", "President")  # one letter off, the office matches
    assert misspelt is not None and misspelt.country == "FRA"
    assert resolve("Ali Saleh", "Minister") is None  # a guessed family name must match the office
    assert resolve("Mitterand") is None  # never without a title


def test_shipped_leaders_are_valid_and_bad_ones_reported(tmp_path: object) -> None:
    from pathlib import Path

    from crisisledger.lexicon.check import check_lexicons

    assert check_lexicons() == []
    bad = Path(str(tmp_path)) / "actors_leaders.yaml"
    bad.write_text(
        "leaders:\n"
        "  - {name: Ann Bee, country: XYZ, kind: boss, role: President, years: '85-90', surname: Cee}\n"
        "  - {name: Dee Eff, country: null, kind: government, role: King, short: [Ann Bee]}\n"
        "  - {name: Gee Aitch, kind: government}\n",
        encoding="utf-8",
    )
    problems = "\n".join(check_lexicons([bad]))
    for needle in ("'XYZ'", "'boss'", "'85-90'", "'Cee'", "'Ann Bee' already names", "without `country`"):
        assert needle in problems


@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=20)))
def test_leader_resolution_never_fails(name: str, title: str | None) -> None:
    from crisisledger.extract.actors_leaders import resolve

    found = resolve(name, title)
    assert found is None or found.country is None or len(found.country) == 3


@given(st.text(alphabet=st.sampled_from(list("ab ofinthe,.Sria'sGz-")), max_size=80))
def test_residence_reading_never_fails(text: str) -> None:
    from crisisledger.extract.actors_residence import residence_after

    for end in range(0, len(text) + 1, 7):
        assert residence_after(text, end, actor_lexicon(), ()) in (None, "PSE", "SYR", "SRB")


def _place(text: str, name: str, country: str) -> Place:
    start = text.index(name)
    return Place(name, start, start + len(name), name, 1, 0.0, 0.0, country, None)


@pytest.mark.parametrize(
    ("text", "place", "country", "surface", "expected"),
    [
        ("The government of Sindh province ordered patrols.", "Sindh", "PAK", "government", "PAK"),
        ("Residents of Tyumen queued for fuel.", "Tyumen", "RUS", "Residents", "RUS"),
        ("Tourists in Hurghada were evacuated.", "Hurghada", "EGY", "Tourists", None),
        ("Governor of Kherson Region Ivan Petrenko said so.", "Kherson Region", "UKR", "Ivan Petrenko", "UKR"),
    ],
)
def test_places_give_their_state(text: str, place: str, country: str, surface: str, expected: str | None) -> None:
    found = extract_actors(analyzed(text), (_place(text, place, country),), None)
    actor = next(a for a in found if surface in a.text)
    assert actor.country == expected
