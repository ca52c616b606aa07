"""Gazetteer: index build/open, normalised lookups, countries and demonyms, admin-1 table."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisledger.gazetteer import Gazetteer, build_from_geonames_dump, default_gazetteer
from crisisledger.gazetteer.admin1 import geonames_admin1_names
from crisisledger.gazetteer.admin1 import read as read_admin1
from crisisledger.gazetteer.build import read_countries
from crisisledger.gazetteer.normalize import looks_like_code, normalize, variants
from crisisledger.model import PlacePrecision


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()  # builds ~/.cache/crisisledger/gazetteer-1.sqlite once (about 15 s)


def test_open_is_fast(gaz: Gazetteer) -> None:
    started = time.perf_counter()
    opened = Gazetteer.open(gaz.path)
    opened.candidates("Aleppo")
    assert time.perf_counter() - started < 1.0
    opened.close()


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("São Paulo", "São Paulo", "BRA"),
        ("Sao Paulo", "São Paulo", "BRA"),
        ("Kiev", "Kyiv", "UKR"),
        ("Al Fashir", "El Fasher", "SDN"),
        ("Halab", "Aleppo", "SYR"),
        ("Yangon", "Yangon", "MMR"),
        ("Darfur", "Darfur", "SDN"),
        ("the Donbas", "Donbas", "UKR"),
        ("Nagorno Karabakh", "Nagorno-Karabakh", "AZE"),
        ("Donetsk region", "Donetska oblast", "UKR"),
    ],
)
def test_lookup_with_diacritics_and_alternate_names(gaz: Gazetteer, name: str, expected: str, country: str) -> None:
    found = gaz.candidates(name)
    assert any(c.name == expected and c.country == country for c in found), [(c.name, c.country) for c in found]


def test_armenia_is_a_country_first(gaz: Gazetteer) -> None:
    found = gaz.candidates("Armenia")
    assert found[0].precision == PlacePrecision.COUNTRY and found[0].country == "ARM"
    assert any(c.country == "COL" and c.precision == PlacePrecision.TOWN for c in found)


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Azeri", "AZE"),
        ("Armenian", "ARM"),
        ("Armenia", "ARM"),
        ("Russians", "RUS"),
        ("Ukrainian", "UKR"),
        ("Turkish", "TUR"),
        ("Syrian", "SYR"),
        ("Sudanese", "SDN"),
        ("U.S.", "USA"),
        ("Burmese", "MMR"),
        ("Congolese", "COD"),
        ("Blorf", None),
    ],
)
def test_country_for_word(gaz: Gazetteer, word: str, iso3: str | None) -> None:
    assert gaz.country_for_word(word) == iso3


def test_country_points(gaz: Gazetteer) -> None:
    libya = gaz.country("LBY")
    assert libya is not None and 20 < libya.lat < 33 and 9 < libya.lon < 25  # on land, not in the sea
    assert gaz.country("XXX") is None


def test_airport_codes_are_not_aliases(gaz: Gazetteer) -> None:
    assert not any(c.country == "FRA" and c.name == "Paris" for c in gaz.candidates("CDG"))


def test_fuzzy_is_conservative(gaz: Gazetteer) -> None:
    assert any(c.name == "Mariupol" for c in gaz.fuzzy("Mariupoll", frozenset({"UKR"})))
    assert gaz.fuzzy("Mariupoll", frozenset({"FRA"})) == []
    assert gaz.fuzzy("Gori", frozenset({"ARM"})) == []  # short names never fuzzy-match


def test_every_country_has_a_point_and_names() -> None:
    rows = read_countries()
    assert len(rows) > 240
    for r in rows:
        assert len(r["iso3"]) == 3 and r["name"]
    with_points = [r for r in rows if r["lat"]]
    assert len(with_points) > 235


@pytest.mark.parametrize(
    ("iso_code", "admin1_code"),
    [
        ("US-LA", "LA"),
        ("SY-HL", "09"),
        ("SY-ID", "12"),
        ("UA-14", "05"),
        ("IN-TN", "25"),  # matched through GeoNames' own name, no city carries it
        ("CA-MB", "03"),
        ("IQ-AN", "01"),  # 'Al Anbār' ~ 'Anbar'
        ("NG-BO", "27"),
    ],
)
def test_admin1_table_matches_geonames_codes(iso_code: str, admin1_code: str) -> None:
    rows = {r.iso_code: r for r in read_admin1()}
    assert rows[iso_code].admin1 == admin1_code


def test_admin1_names_from_points_join_cities_by_coordinates() -> None:
    cities = [
        {"countrycode": "IN", "admin1code": "25", "latitude": 13.0878, "longitude": 80.2785},
        {"countrycode": "IN", "admin1code": "25", "latitude": 11.0, "longitude": 76.96},
        {"countrycode": "IN", "admin1code": "19", "latitude": 12.97, "longitude": 77.59},
    ]
    points = [
        {"lat": "13.08780", "lon": "80.27850", "cc": "IN", "admin1": "Tamil Nadu"},
        {"lat": "11.00000", "lon": "76.96000", "cc": "IN", "admin1": "Tamil Nadu"},
        {"lat": "12.97000", "lon": "77.59000", "cc": "IN", "admin1": "Karnataka"},
        {"lat": "50.0", "lon": "10.0", "cc": "DE", "admin1": "Bayern"},  # no city there: ignored
    ]
    assert geonames_admin1_names(cities, points) == {("IN", "25"): "Tamil Nadu", ("IN", "19"): "Karnataka"}


def test_admin1_names_from_geonames_are_indexed(gaz: Gazetteer) -> None:
    hits = [c for c in gaz.candidates("Anbar") if c.precision == PlacePrecision.ADMIN]
    assert hits and hits[0].country == "IRQ" and hits[0].admin1 == "01"


def test_build_from_a_geonames_dump(tmp_path: Path) -> None:
    lines = [
        "587116\tAzerbaijan\tAzerbaijan\tAzerbaycan\t40.5\t47.5\tA\tPCLI\tAZ\t\t00\t\t\t\t10000000\t\t\tAsia/Baku\t2020",
        "174875\tGoris\tGoris\tGorisi,GRS\t39.51\t46.34\tP\tPPL\tAM\t\t08\t\t\t\t20000\t\t\tAsia/Yerevan\t2020",
        "999999\tShusha Fortress\tShusha Fortress\t\t39.76\t46.75\tS\tCSTL\tAZ\t\t\t\t\t\t0\t\t\t\t2020",
    ]
    dump = tmp_path / "AZ.zip"
    with zipfile.ZipFile(dump, "w") as zf:
        zf.writestr("AZ.txt", "\n".join(lines) + "\n")
    out = build_from_geonames_dump(dump, tmp_path / "gaz.sqlite")
    gaz = Gazetteer.open(out)
    assert gaz.candidates("Goris")[0].geonames_id == 174875
    assert gaz.candidates("Gorisi")[0].name == "Goris"
    assert gaz.candidates("GRS") == []  # a code-like alias
    assert gaz.candidates("Shusha Fortress")[0].precision == PlacePrecision.SITE
    assert gaz.country_for_word("Azeri") == "AZE"


@given(st.text(max_size=40))
def test_normalize_is_idempotent_and_variants_contain_it(name: str) -> None:
    key = normalize(name)
    assert normalize(key) == key
    assert key == "" or key in variants(name)


def test_code_detection() -> None:
    assert looks_like_code("CDG") and looks_like_code("KJFK")
    assert not looks_like_code("Goris") and not looks_like_code("Rome")


def test_us_counties_are_indexed_in_their_state(gaz: Gazetteer) -> None:
    found = [c for c in gaz.candidates("Lamar County") if c.feature == "ADM2"]
    assert {c.admin1 for c in found} >= {"TX", "AL", "GA", "MS"}
    assert all(c.country == "USA" and c.precision == PlacePrecision.ADMIN for c in found)
    texas = next(c for c in found if c.admin1 == "TX")
    assert 33.4 < texas.lat < 33.9 and -95.9 < texas.lon < -95.3  # around Paris, Texas
    assert gaz.candidates("Lamar Co.")  # the abbreviation local papers use


def test_county_table_weighs_points_and_skips_independent_cities() -> None:
    from crisisledger.gazetteer.counties import generate, short_forms

    counties = [
        {"name": "Alpha County", "state": "TX"},
        {"name": "Beta city", "state": "VA"},
        {"name": "Gamma Parish", "state": "LA"},
    ]
    points = [
        {"lat": "30.0", "lon": "-95.0", "name": "Big", "admin1": "Texas", "admin2": "Alpha County", "cc": "US"},
        {"lat": "31.0", "lon": "-96.0", "name": "Small", "admin1": "Texas", "admin2": "Alpha County", "cc": "US"},
        {"lat": "38.0", "lon": "-77.0", "name": "Beta", "admin1": "Virginia", "admin2": "Beta city", "cc": "US"},
    ]
    rows = generate(counties, {"Texas": "TX", "Virginia": "VA"}, points, {("big", 300, -950): 9000})
    assert [r.name for r in rows] == ["Alpha County"]  # no independent city, no county without a town
    assert rows[0].population == 10_000 and rows[0].lat == pytest.approx(30.1)
    assert short_forms("Alpha County") == ("Alpha Co.",) and short_forms("Beta city") == ()


def test_only_the_biggest_town_of_a_capitals_name_is_the_capital(gaz: Gazetteer) -> None:
    capitals = [c for c in gaz.candidates("Washington") if c.feature == "PPLC"]
    assert [c.admin1 for c in capitals] == ["DC"]


@pytest.mark.parametrize(
    ("written", "indexed"), [("DeSoto Parish", "De Soto Parish"), ("De Soto County", "DeSoto County")]
)
def test_names_with_a_particle_are_found_joined_or_apart(gaz: Gazetteer, written: str, indexed: str) -> None:
    assert any(c.name == indexed for c in gaz.candidates(written))
