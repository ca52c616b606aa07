"""Place extraction on hand-written reports about several conflicts (entities given by hand, no spaCy)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from crisisledger.extract.places import extract_places, most_specific
from crisisledger.gazetteer import Gazetteer, default_gazetteer
from crisisledger.language.nlp import AnalyzedDocument, Entity
from crisisledger.model import Document, Place, PlacePrecision, Role, Sentence


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def analyzed(text: str, entities: dict[str, str]) -> AnalyzedDocument:
    """A document whose entities are every occurrence of the given names with the given spaCy labels."""
    ents = [
        Entity(name, m.start(), m.end(), label)
        for name, label in entities.items()
        for m in re.finditer(re.escape(name), text)
    ]
    sentences = tuple(Sentence(m.group(), m.start(), m.end(), Role.REPORT) for m in re.finditer(r"[^.!?]+[.!?]?", text))
    return AnalyzedDocument(Document("t", text, date(2023, 9, 20)), sentences, tuple(ents))


def by_text(places: tuple[Place, ...]) -> dict[str, Place]:
    return {p.text: p for p in places}


KARABAKH = (
    "YEREVAN, Armenia (AP) — Thousands of ethnic Armenians fled Nagorno-Karabakh on Monday. "
    "Refugees arrived in Goris, near the border. Azeri forces shelled the village of Zorakhbyur, "
    "officials said. Armenia's prime minister spoke in Yerevan."
)


def test_karabakh_report(gaz: Gazetteer) -> None:
    found = by_text(
        extract_places(
            analyzed(
                KARABAKH,
                {
                    "YEREVAN": "ORG",
                    "Armenia": "PERSON",
                    "Armenians": "NORP",
                    "Nagorno-Karabakh": "ORG",
                    "Goris": "GPE",
                    "Azeri": "NORP",
                    "Zorakhbyur": "GPE",
                    "Yerevan": "GPE",
                },
            ),
            gaz,
        )
    )
    assert found["Armenia"].precision == PlacePrecision.COUNTRY and found["Armenia"].country == "ARM"
    assert found["Goris"].country == "ARM" and found["Goris"].name == "Goris"  # not Gori, Georgia
    assert found["Nagorno-Karabakh"].precision == PlacePrecision.AREA
    assert "Azeri" not in found and "Armenians" not in found  # demonyms denote actors
    village = found["Zorakhbyur"]  # the gazetteer lacks it: the report's focus area
    assert village.name is None and village.geonames_id is None
    assert village.precision == PlacePrecision.AREA and village.country == "AZE"


def test_sudan_report_with_sites_and_possessive(gaz: Gazetteer) -> None:
    text = (
        "KHARTOUM, Sudan — Fighting spread across Darfur, where his village, Kabkabiya-Tora, was burned. "
        "Shelling hit a hospital in El Fasher and the Nyala airport. Darfur's 120,000 people fled."
    )
    places = extract_places(
        analyzed(
            text,
            {
                "KHARTOUM": "GPE",
                "Sudan": "GPE",
                "Darfur": "GPE",
                "Kabkabiya-Tora": "PERSON",
                "El Fasher": "GPE",
                "Nyala": "GPE",
            },
        ),
        gaz,
    )
    found = by_text(places)
    assert found["Kabkabiya-Tora"].precision == PlacePrecision.AREA and found["Kabkabiya-Tora"].lat == 13.5
    assert found["El Fasher"].country == "SDN" and found["El Fasher"].precision == PlacePrecision.TOWN
    site = found["hospital in El Fasher"]
    assert site.precision == PlacePrecision.SITE and site.lat == found["El Fasher"].lat
    assert found["Nyala airport"].precision == PlacePrecision.SITE
    assert sum(p.text == "Darfur" for p in places) == 2  # "Darfur's" counts without its 's
    specific = most_specific(places)
    assert specific is not None and specific.precision == PlacePrecision.SITE


def test_ukraine_report_mislabelled_places(gaz: Gazetteer) -> None:
    text = (
        "Russian missiles struck Kharkiv and the Donetsk region overnight, Ukrainian officials said. "
        "Residents of Mariupol and Zaporizhzhia fled west to Lviv."
    )
    found = by_text(
        extract_places(
            analyzed(
                text,
                {
                    "Russian": "NORP",
                    "Kharkiv": "PERSON",
                    "Ukrainian": "GPE",
                    "Mariupol": "ORG",
                    "Zaporizhzhia": "PERSON",
                    "Lviv": "GPE",
                },
            ),
            gaz,
        )
    )
    for name in ("Kharkiv", "Mariupol", "Zaporizhzhia", "Lviv"):
        assert found[name].country == "UKR", name
    assert found["Donetsk region"].precision == PlacePrecision.ADMIN
    assert "Ukrainian" not in found and "Russian" not in found


def test_myanmar_report(gaz: Gazetteer) -> None:
    text = "Myanmar's junta bombed villages in Sagaing region and Rakhine State, residents of Mandalay said."
    found = by_text(
        extract_places(
            analyzed(
                text,
                {
                    "Myanmar": "GPE",
                    "Sagaing": "LOC",
                    "Rakhine State": "PERSON",
                    "Mandalay": "FAC",
                },
            ),
            gaz,
        )
    )
    assert found["Sagaing region"].precision == PlacePrecision.ADMIN
    assert found["Rakhine State"].country == "MMR"
    assert found["Mandalay"].country == "MMR" and found["Mandalay"].precision == PlacePrecision.TOWN


def test_no_focus_leaves_unknown_places_empty(gaz: Gazetteer) -> None:
    text = "They met in Qwzxtown yesterday."
    (place,) = extract_places(analyzed(text, {"Qwzxtown": "GPE"}), gaz)
    assert place.text == "Qwzxtown" and place.lat is None and place.country is None and place.precision is None


def test_unresolved_falls_back_to_focus_country(gaz: Gazetteer) -> None:
    text = "Troops entered Qwzxtown, a hamlet in Ukraine, and then Kharkiv."
    found = by_text(extract_places(analyzed(text, {"Qwzxtown": "GPE", "Ukraine": "GPE", "Kharkiv": "GPE"}), gaz))
    assert found["Qwzxtown"].country == "UKR" and found["Qwzxtown"].precision == PlacePrecision.COUNTRY


def test_common_words_are_not_places(gaz: Gazetteer) -> None:
    text = "Police said the March talks failed. The police chief, President Smith, said so."
    assert extract_places(analyzed(text, {"Smith": "PERSON"}), gaz) == ()


def test_most_specific_order() -> None:
    def p(precision: PlacePrecision | None) -> Place:
        return Place("x", 0, 1, None, None, None, None, None, precision)

    assert most_specific([]) is None
    ranked = [
        p(PlacePrecision.REGION),
        p(PlacePrecision.COUNTRY),
        p(PlacePrecision.TOWN),
        p(PlacePrecision.ADMIN),
    ]
    chosen = most_specific(ranked)
    assert chosen is not None and chosen.precision == PlacePrecision.TOWN
    assert most_specific([p(None)]) == p(None)


@pytest.mark.integration
def test_with_spacy(gaz: Gazetteer) -> None:
    from crisisledger.language.nlp import parse

    doc = parse(KARABAKH)
    sentences = tuple(Sentence(s.text, s.start_char, s.end_char, Role.REPORT) for s in doc.sents)
    entities = tuple(Entity(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents)
    a = AnalyzedDocument(Document("t", KARABAKH, date(2023, 9, 20)), sentences, entities, doc)
    found = by_text(extract_places(a, gaz))
    assert found["Goris"].country == "ARM"
    assert found["Armenia"].precision == PlacePrecision.COUNTRY


@pytest.mark.parametrize(
    ("text", "entities", "name", "admin1"),
    [
        # a town followed by its state, written out or abbreviated, keeps to that state
        ("ATHENS, Ga. (AP) — The council met in Athens.", {"ATHENS": "GPE", "Athens": "GPE"}, "Athens", "GA"),
        ("In Springfield, Illinois, they met.", {"Springfield": "GPE", "Illinois": "GPE"}, "Springfield", "IL"),
        # a neighbouring town pulls the ambiguous one: London next to Sarnia is in Ontario
        (
            "The London team beat Sarnia. Fans in London cheered, and Sarnia fans went home.",
            {"London": "GPE", "Sarnia": "GPE"},
            "London",
            "08",
        ),
    ],
)
def test_ambiguous_towns_follow_their_admin_unit_and_neighbours(
    gaz: Gazetteer, text: str, entities: dict[str, str], name: str, admin1: str
) -> None:
    places = [p for p in extract_places(analyzed(text, entities), gaz) if p.text.lower() == name.lower()]
    assert places
    ids = {p.geonames_id for p in places}
    expected = {c.geonames_id for c in gaz.candidates(name) if c.admin1 == admin1}
    assert ids <= expected, [(p.name, p.country, p.lat, p.lon) for p in places]


def test_a_name_accepted_once_is_a_place_at_each_entity_mention(gaz: Gazetteer) -> None:
    text = "Shelling went on in Khankendi. Families fled to the Khankendi airport. Khankendi is quiet now."
    places = extract_places(analyzed(text, {"Khankendi": "PERSON", "Shelling": "ORG"}), gaz)
    assert sum(p.text == "Khankendi" for p in places) == 3


def test_an_unknown_product_label_is_kept_only_as_a_misspelling(gaz: Gazetteer) -> None:
    text = "KHARTOUM, Sudan — Troops entered Omdurmann. The Vortexia launch was delayed."
    found = by_text(extract_places(analyzed(text, {"Omdurmann": "PRODUCT", "Vortexia": "PRODUCT"}), gaz))
    assert found["Omdurmann"].name == "Omdurman" and found["Omdurmann"].country == "SDN"
    assert "Vortexia" not in found


def test_demonym_before_a_territorial_noun_is_the_country(gaz: Gazetteer) -> None:
    text = "Shells landed near the Turkish border. Azeri forces advanced on a Syrian city."
    found = by_text(extract_places(analyzed(text, {"Turkish": "NORP", "Azeri": "NORP", "Syrian": "NORP"}), gaz))
    assert found["Turkish"].country == "TUR" and found["Turkish"].precision == PlacePrecision.COUNTRY
    assert found["Syrian"].country == "SYR"
    assert "Azeri" not in found  # before an actor noun the demonym names an actor


@pytest.mark.parametrize(
    ("text", "entities", "name", "admin1"),
    [
        # a town and a county the report names settle each other: Paris in Lamar County is in Texas
        (
            "Paris police made an arrest on Friday. Lamar County deputies helped.",
            {"Paris": "GPE", "Lamar County": "GPE"},
            "Paris",
            "TX",
        ),
        (
            "Paris police made an arrest on Friday. Lamar County deputies helped.",
            {"Paris": "GPE", "Lamar County": "GPE"},
            "Lamar County",
            "TX",
        ),
    ],
)
def test_towns_and_counties_settle_each_other(
    gaz: Gazetteer, text: str, entities: dict[str, str], name: str, admin1: str
) -> None:
    places = [p for p in extract_places(analyzed(text, entities), gaz) if p.text == name]
    assert places and all(p.country == "USA" for p in places)
    unit = next(c for c in gaz.candidates(name) if c.admin1 == admin1)
    assert all(abs(p.lat - unit.lat) < 0.5 and abs(p.lon - unit.lon) < 0.5 for p in places if p.lat and p.lon)


def test_a_country_name_yields_to_a_town_only_on_local_evidence(gaz: Gazetteer) -> None:
    local = "The Peru school board met on Monday. Miami County officials said Peru would pay."
    found = by_text(extract_places(analyzed(local, {"Peru": "GPE", "Miami County": "GPE"}), gaz))
    assert found["Peru"].precision == PlacePrecision.TOWN and found["Peru"].country == "USA"
    # a named state alone is no local evidence, and another foreign country keeps the name a country
    for text in ("An Indiana man was detained in Peru.", "Indiana teachers visited Peru and Chile."):
        ents = {"Indiana": "GPE", "Peru": "GPE", "Chile": "GPE"}
        found = by_text(extract_places(analyzed(text, {k: v for k, v in ents.items() if k in text}), gaz))
        assert found["Peru"].precision == PlacePrecision.COUNTRY and found["Peru"].country == "PER"


def test_a_country_keeps_its_name_next_to_its_own_places(gaz: Gazetteer) -> None:
    text = "Protests spread in Lebanon. Crowds gathered in Tyre and Sidon, near Lebanon, Ohio's namesake."
    found = by_text(extract_places(analyzed(text, {"Lebanon": "GPE", "Tyre": "GPE", "Sidon": "GPE"}), gaz))
    assert found["Lebanon"].country == "LBN" and found["Lebanon"].precision == PlacePrecision.COUNTRY


def test_a_dateline_after_a_headline_is_a_place_and_sets_the_focus(gaz: Gazetteer) -> None:
    text = "Council weighs new budget. GORIS — The council met on Monday. Officials from Yerevan attended."
    found = by_text(extract_places(analyzed(text, {"Yerevan": "GPE"}), gaz))
    assert found["GORIS"].country == "ARM" and found["GORIS"].precision == PlacePrecision.TOWN
    # a capitalised word before a dash in running text is no dateline
    text = "He said it plainly. Nothing — not even Yerevan — would change."
    assert "Nothing" not in by_text(extract_places(analyzed(text, {"Yerevan": "GPE"}), gaz))


def test_a_word_of_a_full_person_name_is_no_place_unless_after_a_locative(gaz: Gazetteer) -> None:
    text = "DALLAS (AP) — Officer Maria Garland arrested two men. Garland said they fled. Both lived in Garland."
    ents = {"Maria Garland": "PERSON", "Garland": "PERSON", "DALLAS": "GPE"}
    places = extract_places(analyzed(text, ents), gaz)
    towns = [p for p in places if p.text == "Garland"]
    assert [text[p.start - 3 : p.start] for p in towns] == ["in "]  # only the one after 'in'
    assert towns[0].country == "USA"


def test_a_country_name_yields_to_the_state_its_towns_lie_in(gaz: Gazetteer) -> None:
    text = "Storms hit Georgia overnight. Atlanta and Savannah lost power, and crews from Texas helped."
    ents = {"Georgia": "GPE", "Atlanta": "GPE", "Savannah": "GPE", "Texas": "GPE"}
    found = by_text(extract_places(analyzed(text, ents), gaz))
    assert found["Georgia"].precision == PlacePrecision.ADMIN and found["Georgia"].country == "USA"
    assert found["Atlanta"].lat is not None and found["Atlanta"].lat > 33.5  # Atlanta, Georgia, not Texas
    text = "Storms hit Georgia overnight. Tbilisi and Batumi lost power, and crews from Texas helped."
    ents = {"Georgia": "GPE", "Tbilisi": "GPE", "Batumi": "GPE", "Texas": "GPE"}
    assert by_text(extract_places(analyzed(text, ents), gaz))["Georgia"].country == "GEO"


def test_a_speaker_or_titled_single_name_is_no_place_unless_after_a_locative(gaz: Gazetteer) -> None:
    text = "The storm hit overnight. Webb said the roads were closed. Coach Ripley agreed. She lives in Webb."
    places = extract_places(analyzed(text, {"Webb": "GPE", "Ripley": "GPE"}), gaz)
    assert [text[p.start - 3 : p.start] for p in places if p.text == "Webb"] == ["in "]
    assert "Ripley" not in by_text(places)


def test_a_generic_word_alone_is_no_place(gaz: Gazetteer) -> None:
    text = "United Way officials met on Main Street near the Kanawha Valley in West Virginia."
    found = by_text(extract_places(analyzed(text, {"United Way": "ORG", "West Virginia": "GPE"}), gaz))
    assert not {"Way", "Main", "Valley"} & set(found)
    assert found["West Virginia"].precision == PlacePrecision.ADMIN


def test_a_region_of_the_supplement_outranks_a_same_name_hamlet(gaz: Gazetteer) -> None:
    text = "Talks on the Middle East resumed in Washington on Monday."
    found = by_text(extract_places(analyzed(text, {"the Middle East": "LOC", "Washington": "GPE"}), gaz))
    assert found["Middle East"].precision == PlacePrecision.REGION


def test_a_country_name_written_as_a_town_yields_to_the_town(gaz: Gazetteer) -> None:
    text = "A Lebanon woman was charged Monday. Police in Lebanon said she fled on foot."
    found = extract_places(analyzed(text, {"Lebanon": "GPE"}), gaz)
    assert {p.country for p in found} == {"USA"} and all(p.precision == PlacePrecision.TOWN for p in found)
    text = "Israel struck targets in Lebanon. Lebanon said two people died."  # a country as written
    assert by_text(extract_places(analyzed(text, {"Lebanon": "GPE", "Israel": "GPE"}), gaz))["Lebanon"].country == "LBN"


def test_dollar_amounts_and_clock_times_favour_american_towns(gaz: Gazetteer) -> None:
    text = "Dublin council approves $2 million budget. The Dublin council met at 7 p.m. on Monday."
    found = extract_places(analyzed(text, {"Dublin": "GPE"}), gaz)
    assert {p.country for p in found} == {"USA"}
    text = "Dublin council approves new budget. The Dublin council met on Monday."
    assert {p.country for p in extract_places(analyzed(text, {"Dublin": "GPE"}), gaz)} == {"IRL"}


def test_a_slashed_dateline_with_a_colon_sets_the_focus(gaz: Gazetteer) -> None:
    text = "Two dead in camp clash. MIEH MIEH/BEIRUT: Gunmen clashed near the coastal city of Saida on Saturday."
    found = by_text(extract_places(analyzed(text, {"Saida": "ORG"}), gaz))
    assert found["BEIRUT"].country == "LBN" and found["Saida"].country == "LBN"


def test_a_name_with_city_also_tries_the_bare_town(gaz: Gazetteer) -> None:
    text = "San Fernando City Councilwoman Nury Vega won a seat on the Los Angeles school board in California."
    found = by_text(
        extract_places(analyzed(text, {"San Fernando City": "GPE", "Los Angeles": "GPE", "California": "GPE"}), gaz)
    )
    assert found["San Fernando City"].country == "USA"


def test_demonyms_are_country_places_only_on_request(gaz: Gazetteer) -> None:
    text = "Russian officials met British envoys in Kyiv. Americans watched."
    ents = {"Russian": "NORP", "British": "NORP", "Kyiv": "GPE", "Americans": "NORP"}
    assert not {"Russian", "British"} & set(by_text(extract_places(analyzed(text, ents), gaz)))
    found = by_text(extract_places(analyzed(text, ents), gaz, demonyms=True))
    assert found["Russian"].country == "RUS" and found["Russian"].precision == PlacePrecision.COUNTRY
    assert found["British"].country == "GBR" and "Americans" not in found


def test_hyphenated_names_split_into_known_parts(gaz: Gazetteer) -> None:
    text = "The river will crest in Fargo-Moorhead on Friday. The Armenia-Italy friendship group met."
    found = by_text(extract_places(analyzed(text, {"Fargo-Moorhead": "GPE"}), gaz))
    assert found["Fargo"].country == "USA" and found["Moorhead"].country == "USA"
    assert found["Armenia"].country == "ARM" and found["Italy"].country == "ITA"
    text = "Refugees fled Nagorno-Karabakh."  # known whole: kept whole
    assert "Nagorno-Karabakh" in by_text(extract_places(analyzed(text, {"Nagorno-Karabakh": "GPE"}), gaz))


def test_a_town_name_before_a_street_word_is_the_street(gaz: Gazetteer) -> None:
    text = "The fire broke out on Darby Street in Dublin, Ohio, near 400 Locust St."
    found = by_text(extract_places(analyzed(text, {"Dublin": "GPE", "Ohio": "GPE"}), gaz))
    assert "Darby" not in found and "Locust" not in found
    assert found["Dublin"].country == "USA"


def test_a_short_acronym_that_is_only_an_alias_is_no_place(gaz: Gazetteer) -> None:
    text = "The MoD said AI tools were tested in Washington, D.C. on Monday."
    found = by_text(
        extract_places(analyzed(text, {"MoD": "ORG", "AI": "GPE", "Washington": "GPE", "D.C.": "GPE"}), gaz)
    )
    assert "MoD" not in found and "AI" not in found
    assert found["D.C."].country == "USA"


def test_a_saints_name_is_no_place_but_a_saints_town_is(gaz: Gazetteer) -> None:
    text = "Police stressed safety on St. Patrick's Day in St. Louis."
    found = by_text(extract_places(analyzed(text, {"St. Louis": "GPE"}), gaz))
    assert "Patrick" not in found and found["St. Louis"].country == "USA"


def test_a_dotted_admin_abbreviation_resolves_to_its_unit(gaz: Gazetteer) -> None:
    text = "Officials in Vancouver, B.C., and Surrey said the clinic would open."
    found = by_text(extract_places(analyzed(text, {"Vancouver": "GPE", "B.C.": "GPE", "Surrey": "GPE"}), gaz))
    assert found["B.C."].precision == PlacePrecision.ADMIN and found["B.C."].country == "CAN"
    assert found["Vancouver"].country == "CAN"


@pytest.mark.parametrize(
    ("text", "entities", "name", "expected"),
    [  # a small town's alternate name beside its neighbours must not beat the famous place bearing the name
        (
            "Hagerstown and Boonsboro officials met on Monday. The pastor later travelled to Jerusalem.",
            {"Hagerstown": "GPE", "Boonsboro": "GPE", "Jerusalem": "GPE"},
            "Jerusalem",
            ("Jerusalem", "ISR"),
        ),
        (
            "Staff Sgt. Ryan Maseth, 24, of Pittsburgh died in January. He trained in Fresno, California.",
            {"Pittsburgh": "GPE", "Fresno": "GPE", "California": "GPE"},
            "Pittsburgh",
            ("Pittsburgh", "USA"),
        ),
    ],
)
def test_a_town_known_by_the_name_only_as_an_alias_yields_to_the_bearer(
    gaz: Gazetteer, text: str, entities: dict[str, str], name: str, expected: tuple[str, str]
) -> None:
    found = by_text(extract_places(analyzed(text, entities), gaz))
    assert (found[name].name, found[name].country) == expected


def test_a_capital_outranks_its_namesakes_at_home(gaz: Gazetteer) -> None:
    text = "Troy and Sidney officials met on Monday. The mayor later flew to Washington."
    found = by_text(extract_places(analyzed(text, {"Troy": "GPE", "Sidney": "GPE", "Washington": "GPE"}), gaz))
    assert found["Washington"].precision == PlacePrecision.TOWN and abs((found["Washington"].lon or 0.0) + 77.0) < 0.2


def test_a_short_form_of_a_named_town_stays_that_town(gaz: Gazetteer) -> None:
    text = "Avondale Estates and Decatur, in DeKalb County, discussed annexing lots in Avondale."
    ents = {"Avondale Estates": "GPE", "Decatur": "GPE", "DeKalb County": "GPE", "Avondale": "GPE"}
    places = extract_places(analyzed(text, ents), gaz)
    short = [p for p in places if p.text == "Avondale"]
    assert short and short[0].name == "Avondale Estates"


def test_a_named_country_lifts_its_same_name_town(gaz: Gazetteer) -> None:
    text = (
        "London can get to work, the mayor said. Cargo would land in London after Canada agreed a deal with "
        "the U.S. London is close to two U.S. states and Toronto."
    )
    ents = {"London": "GPE", "Canada": "GPE", "U.S.": "GPE", "Toronto": "GPE"}
    found = by_text(extract_places(analyzed(text, ents), gaz))
    assert found["London"].country == "CAN"


def test_a_country_after_a_comma_keeps_the_towns_in_it(gaz: Gazetteer) -> None:
    text = "The firm moved from London, Canada to a new plant."
    found = by_text(extract_places(analyzed(text, {"London": "GPE", "Canada": "GPE"}), gaz))
    assert found["London"].country == "CAN"


def test_a_speaker_named_like_a_small_admin_unit_is_no_place(gaz: Gazetteer) -> None:
    text = "“The music was loud,” Nelson said. “Officers went to the apartment,” Nelson said."
    found = by_text(extract_places(analyzed(text, {"Nelson": "PERSON"}), gaz))
    assert "Nelson" not in found


def test_a_person_word_after_a_place_noun_stays_a_place(gaz: Gazetteer) -> None:
    text = "Karak Smith spoke. Gunmen attacked in and near the central town of Karak, officials said."
    found = extract_places(analyzed(text, {"Karak Smith": "PERSON", "Karak": "GPE"}), gaz)
    assert [p.start for p in found if p.text == "Karak"] == [text.rindex("Karak")]


@pytest.mark.parametrize(
    ("text", "entities", "absent", "present"),
    [
        (  # spaCy labels the group a facility: its first word is a hamlet's name
            "Rescuers from the White Helmets said 20 people died in Douma.",
            {"the White Helmets": "FAC", "Douma": "GPE"},
            "White",
            "Douma",
        ),
        (
            "Members of the Syrian Arab Red Crescent reached Idlib.",
            {"the Syrian Arab Red Crescent": "FAC", "Idlib": "GPE"},
            "Crescent",
            "Idlib",
        ),
        (  # a place heading the name, or named with place words only, stays
            "Darby Street in Historic Dublin was renamed.",
            {"Historic Dublin": "GPE"},
            "Historic",
            "Dublin",
        ),
    ],
)
def test_a_word_of_a_longer_proper_name_is_no_place_alone(
    gaz: Gazetteer, text: str, entities: dict[str, str], absent: str, present: str
) -> None:
    found = by_text(extract_places(analyzed(text, entities), gaz))
    assert absent not in found and present in found


def test_a_name_before_a_lower_case_suffix_is_found_alone(gaz: Gazetteer) -> None:
    text = "The US-based producer signed a deal; the Golden Globe-nominated film opened."
    found = by_text(extract_places(analyzed(text, {}), gaz))
    assert found["US"].country == "USA" and "Globe" not in found


def test_a_unit_written_out_in_a_longer_name_is_a_place_and_places_its_towns(gaz: Gazetteer) -> None:
    text = (
        "Mansfield Mayor Curtis McCoy wants a pastor on patrol. Jones was unseated from the DeSoto Parish "
        "Police Jury. Mansfield aldermen met in Shreveport."
    )
    places = extract_places(analyzed(text, {"Mansfield": "GPE", "Shreveport": "GPE"}), gaz)
    found = by_text(places)
    assert found["DeSoto Parish"].precision == PlacePrecision.ADMIN
    assert [p.name for p in places if p.text == "Mansfield"] and all(
        abs((p.lon or 0.0) + 93.7) < 0.2 for p in places if p.text == "Mansfield"
    )
