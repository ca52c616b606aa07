"""Opening and querying the alias index; `default_gazetteer()` builds it on first use."""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from crisisledger.gazetteer.build import SCHEMA_VERSION, build_default_index
from crisisledger.gazetteer.normalize import joined_particles, normalize
from crisisledger.model import PlacePrecision

ENV_PATH = "CRISISLEDGER_GAZETTEER"


@dataclass(frozen=True, slots=True)
class Candidate:
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country: str | None  # ISO3; None for areas spanning several countries
    precision: PlacePrecision
    population: int
    feature: str  # GeoNames feature code where known: PPL, PPLC, PCLI, ADM1, AREA, RGN ...
    admin1: str | None = None  # GeoNames admin-1 code of a town or admin unit


def default_index_path() -> Path:
    override = os.environ.get(ENV_PATH)
    if override:
        return Path(override)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "crisisledger" / f"gazetteer-{SCHEMA_VERSION}.sqlite"


_BUILD_LOCK = threading.Lock()


class Gazetteer:
    """Read-only lookups on the SQLite alias index (one connection, safe to share across threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        uri = f"file:{path}?mode=ro&immutable=1"
        self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._memo: dict[str, tuple[Candidate, ...]] = {}  # lookups repeat across mentions and reports

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Opens the index at `path` (default: the user cache), building the default one if it is missing."""
        path = Path(path) if path is not None else default_index_path()
        if not path.exists():
            with _BUILD_LOCK:
                if not path.exists():
                    build_default_index(path)
        return cls(path)

    def _query(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    def candidates(self, name: str) -> list[Candidate]:
        """Every place indexed under the name's key, most populous first."""
        key = normalize(name)
        found = self._by_key(key)
        if not found and key.startswith("the "):
            found = self._by_key(key[4:])
        if not found and joined_particles(key) != key:
            found = self._by_key(joined_particles(key))
        return list(found)

    def _by_key(self, key: str) -> tuple[Candidate, ...]:
        if not key:
            return ()
        found = self._memo.get(key)
        if found is None:
            rows = self._query(
                "SELECT p.geonames_id, p.name, p.lat, p.lon, p.country, p.precision, p.population, "
                "p.feature, p.admin1 FROM aliases a JOIN places p ON p.pid = a.pid WHERE a.alias = ? "
                "ORDER BY p.population DESC, p.pid",
                (key,),
            )
            found = tuple(_candidate(r) for r in rows)
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[key] = found
        return found

    def has(self, name: str) -> bool:
        return bool(self._by_key(normalize(name)))

    def country(self, iso3: str) -> Candidate | None:
        rows = self._query(
            "SELECT geonames_id, name, lat, lon, country, precision, population, feature, admin1 FROM places "
            "WHERE country = ? AND precision = 'country' LIMIT 1",
            (iso3.upper(),),
        )
        return _candidate(rows[0]) if rows else None

    def admin1(self, iso3: str, code: str) -> Candidate | None:
        """The admin-1 unit of a country by its GeoNames admin-1 code."""
        rows = self._query(
            "SELECT geonames_id, name, lat, lon, country, precision, population, feature, admin1 FROM places "
            "WHERE country = ? AND admin1 = ? AND precision = 'admin' LIMIT 1",
            (iso3, code),
        )
        return _candidate(rows[0]) if rows else None

    def country_for_word(self, word: str) -> str | None:
        """ISO3 of a country name or demonym: 'Azeri' -> 'AZE', 'Russians' -> 'RUS'."""
        rows = self._query("SELECT country FROM words WHERE word = ?", (normalize(word),))
        return str(rows[0][0]) if rows else None

    def fuzzy(self, name: str, countries: frozenset[str], max_distance: int = 2) -> list[Candidate]:
        """Places of the given countries whose key is within `max_distance` edits of the name's key.

        Conservative: only names of 6+ letters, same first two letters, length within the distance.
        """
        key = normalize(name)
        if len(key) < 6 or not countries:
            return []
        limit = 1 if len(key) < 8 else max_distance
        marks = ",".join("?" * len(countries))
        rows = self._query(
            "SELECT a.alias, p.geonames_id, p.name, p.lat, p.lon, p.country, p.precision, p.population, "
            f"p.feature, p.admin1 FROM aliases a JOIN places p ON p.pid = a.pid WHERE a.alias >= ? AND "
            f"a.alias < ? AND length(a.alias) BETWEEN ? AND ? AND p.country IN ({marks})",
            (key[:2], key[0] + chr(ord(key[1]) + 1), len(key) - limit, len(key) + limit, *sorted(countries)),
        )
        hits = {
            c.geonames_id or id(c): c
            for c in (_candidate(r[1:]) for r in rows if _edit_distance(str(r[0]), key, limit) <= limit)
        }
        return sorted(hits.values(), key=lambda c: -c.population)

    def close(self) -> None:
        self._con.close()


def _candidate(row: tuple[object, ...]) -> Candidate:
    gid, name, lat, lon, country, precision, population, feature, admin1 = row
    return Candidate(
        int(gid) if isinstance(gid, int) else None,
        str(name),
        float(lat),  # type: ignore[arg-type]
        float(lon),  # type: ignore[arg-type]
        str(country) if country else None,
        PlacePrecision(str(precision)),
        int(population or 0),  # type: ignore[call-overload]
        str(feature or ""),
        str(admin1) if admin1 else None,
    )


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once every cell of a row exceeds `limit`."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer at the default path."""
    return Gazetteer.open()
