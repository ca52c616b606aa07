"""Reading gold files of both formats, with a GoldError that names the first field at fault."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from crisisledger.errors import GoldError
from crisisledger.model import ActorKind, Certainty, DatePrecision, EventType, FigureKind, Qualifier, Stance

SINGLE_FORMAT = "crisisledger-gold/1"
SERIES_FORMAT = "crisisledger-series-gold/1"
GoldKind = Literal["single", "series"]
_VOCABULARIES: dict[str, type[StrEnum]] = {
    "event_type": EventType,
    "certainty": Certainty,
    "stance": Stance,
    "figure_kind": FigureKind,
    "qualifier": Qualifier,
    "actor_kind": ActorKind,
    "date_precision": DatePrecision,
}


@dataclass(frozen=True)
class SeriesDocument:
    """One report of a series gold: its short id, absolute file path, publication date and outlet."""

    id: str
    path: Path
    published: str | None
    outlet: str | None


@dataclass(frozen=True)
class Gold:
    kind: GoldKind
    path: Path
    data: dict[str, Any]

    @property
    def document(self) -> dict[str, Any]:
        """A single-report gold's `document` block (empty for a series gold)."""
        block = self.data.get("document")
        return block if isinstance(block, dict) else {}

    @property
    def report_path(self) -> Path:
        """A single-report gold's report: `document.file` relative to the folder above the gold's own."""
        if self.kind != "single":
            raise GoldError(f"{self.path}: a series gold lists several reports; use series_documents()")
        return self.path.resolve().parent.parent / str(self.document["file"])

    @property
    def title(self) -> str | None:
        title = self.document.get("title")
        return title if isinstance(title, str) else None


def load_gold(path: Path) -> Gold:
    """Read and check a `crisisledger-gold/1` or `crisisledger-series-gold/1` file."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not a JSON file ({exc})") from exc
    if not isinstance(data, dict):
        raise GoldError(f"{path}: a gold file holds one JSON object")
    kind = _kind_of(data, path)
    problems = check_single(data) if kind == "single" else check_series(data)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise GoldError(f"{path}: {problems[0]}{more}")
    return Gold(kind=kind, path=Path(path), data=data)


def series_documents(gold: Gold) -> list[SeriesDocument]:
    """The reports of a series gold in listed order; paths are relative to the gold file's folder."""
    folder = gold.path.resolve().parent
    return [
        SeriesDocument(
            id=short_id(entry),
            path=(folder / entry["file"]).resolve(),
            published=entry.get("published"),
            outlet=entry.get("outlet"),
        )
        for entry in gold.data.get("documents", [])
    ]


def short_id(entry: Mapping[str, Any]) -> str:
    """The explicit id, else the file name up to its first "-" (`v1-2024-03-02.txt` is `v1`)."""
    explicit = entry.get("id")
    if explicit:
        return str(explicit)
    return Path(str(entry["file"])).stem.split("-")[0]


def _kind_of(data: Mapping[str, Any], path: Path) -> GoldKind:
    stated = data.get("format")
    if stated == SINGLE_FORMAT or (stated is None and isinstance(data.get("document"), dict)):
        return "single"
    if stated == SERIES_FORMAT:
        return "series"
    raise GoldError(f"{path}: format is {stated!r}; expected {SINGLE_FORMAT!r} or {SERIES_FORMAT!r}")


@cache
def _fields() -> dict[str, dict[str, dict[str, dict[str, str]]]]:
    text = resources.files("crisisledger.evaluate").joinpath("gold_fields.yaml").read_text("utf-8")
    loaded: dict[str, dict[str, dict[str, dict[str, str]]]] = yaml.safe_load(text)
    return loaded


def _type_ok(value: Any, expected: str) -> bool:
    if expected == "str":
        return isinstance(value, str)
    if expected in ("number", "int"):
        wanted = int if expected == "int" else (int, float)
        return isinstance(value, wanted) and not isinstance(value, bool)
    if expected == "bool":
        return isinstance(value, bool)
    if expected == "dict":
        return isinstance(value, dict)
    if expected == "list":
        return isinstance(value, list)
    if expected == "str_list":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if expected == "date":
        return isinstance(value, str) and _is_iso_day(value)
    raise ValueError(f"gold_fields.yaml: unknown type {expected!r}")


def _is_iso_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _check_fields(item: Any, where: str, spec: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Required fields present and typed, optional ones typed or null, tokens from their vocabulary."""
    if not isinstance(item, dict):
        return [f"{where}: expected an object"]
    problems = []
    for name, expected in spec.get("required", {}).items():
        if item.get(name) is None:
            problems.append(f"{where}.{name}: missing")
        elif not _type_ok(item[name], expected):
            problems.append(f"{where}.{name}: expected {expected.replace('_', ' of ')}, got {item[name]!r}")
    for name, expected in spec.get("optional", {}).items():
        if item.get(name) is not None and not _type_ok(item[name], expected):
            problems.append(f"{where}.{name}: expected {expected.replace('_', ' of ')}, got {item[name]!r}")
    for name, vocabulary in spec.get("tokens", {}).items():
        allowed = {member.value for member in _VOCABULARIES[vocabulary]}
        value = item.get(name)
        for token in value if isinstance(value, list) else [value]:
            if token is not None and token not in allowed:
                problems.append(f"{where}.{name}: {token!r} is not a known {vocabulary.replace('_', ' ')}")
    return problems


def _check_list(data: Mapping[str, Any], key: str, spec: Mapping[str, Mapping[str, str]]) -> list[str]:
    items = data.get(key) or []
    return [p for i, item in enumerate(items) for p in _check_fields(item, f"{key}[{i}]", spec)]


def _unknown(refs: Iterable[Any], known: set[str], where: str, what: str) -> list[str]:
    return [f"{where}: no {what} has the id {ref!r}" for ref in refs if ref is not None and ref not in known]


def _duplicates(ids: list[str], where: str) -> list[str]:
    counts = Counter(ids)
    return [f"{where}: the id {i!r} is used {n} times" for i, n in counts.items() if n > 1]


def check_single(data: Mapping[str, Any]) -> list[str]:
    """Every problem of a `crisisledger-gold/1` object that would stop or skew scoring."""
    spec = _fields()[SINGLE_FORMAT]
    problems = _check_fields(data, "gold", spec["root"])
    if problems:
        return problems
    problems += _check_fields(data["document"], "document", spec["document"])
    for section in ("places", "dates", "actors", "events", "figures", "claims"):
        problems += _check_list(data, section, spec[section])
    if problems:
        return problems
    places = [p["id"] for p in data["places"]]
    actors = [a["id"] for a in data["actors"]]
    problems += _duplicates(places, "places") + _duplicates(actors, "actors")
    problems += _duplicates([g["id"] for g in data["events"]], "events")
    problems += _duplicates([g["id"] for g in data["figures"]], "figures")
    for i, place in enumerate(data["places"]):
        problems += _unknown(place.get("accept_ids") or [], set(places), f"places[{i}].accept_ids", "place")
    for i, event in enumerate(data["events"]):
        where = f"events[{i}]"
        problems += _unknown([event.get("place")], set(places), f"{where}.place", "place")
        problems += _unknown(event.get("accept_places") or [], set(places), f"{where}.accept_places", "place")
        refs = (event.get("actor") or []) + (event.get("target") or [])
        problems += _unknown(refs, set(actors), f"{where}.actor/target", "actor")
        problems += _date_range(event.get("date"), f"{where}.date")
    for i, figure in enumerate(data["figures"]):
        where = f"figures[{i}]"
        problems += _unknown([figure.get("place")], set(places), f"{where}.place", "place")
        problems += _figure_value(figure, where)
        if figure.get("qualifier") is None and figure.get("accept_qualifiers") is None:
            problems.append(f"{where}: needs a qualifier or accept_qualifiers")
    for i, date in enumerate(data["dates"]):
        if (date.get("date_end") or date["date_start"]) < date["date_start"]:
            problems.append(f"dates[{i}]: date_end is before date_start")
    problems += _empty_evidence(data)
    return problems


def _date_range(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    start, end = value.get("start"), value.get("end")
    if not (isinstance(start, str) and _is_iso_day(start) and isinstance(end, str) and _is_iso_day(end)):
        return [f"{where}: expected {{start, end}} as YYYY-MM-DD, got {value!r}"]
    return [f"{where}: end is before start"] if end < start else []


def _figure_value(figure: Mapping[str, Any], where: str) -> list[str]:
    if figure.get("value") is not None:
        return []
    low, high = figure.get("value_min"), figure.get("value_max")
    if low is None or high is None:
        return [f"{where}: needs a value, or both value_min and value_max"]
    return [f"{where}: value_min is above value_max"] if low > high else []


def _empty_evidence(data: Mapping[str, Any]) -> list[str]:
    problems = []
    for section in ("dates", "events", "figures", "claims"):
        for i, item in enumerate(data.get(section) or []):
            for text in [item["evidence"], *(item.get("alt_evidence") or [])]:
                if not text.strip():
                    problems.append(f"{section}[{i}]: an evidence string is empty")
    for section in ("commentary", "boilerplate"):
        problems += [f"{section}[{i}]: empty" for i, t in enumerate(data.get(section) or []) if not t.strip()]
    return problems


def check_series(data: Mapping[str, Any]) -> list[str]:
    """Every problem of a `crisisledger-series-gold/1` object that would stop or skew scoring."""
    spec = _fields()[SERIES_FORMAT]
    problems = _check_fields(data, "gold", spec["root"])
    if problems:
        return problems
    problems += _check_list(data, "documents", spec["documents"])
    problems += _check_list(data, "series", spec["series"])
    problems += _check_list(data, "clusters", spec["clusters"])
    if problems:
        return problems
    if not data["documents"]:
        return ["documents: a series gold lists at least one report"]
    known = [short_id(d) for d in data["documents"]]
    problems += _duplicates(known, "documents")
    for i, series in enumerate(data["series"]):
        where = f"series[{i}]"
        for part in ("points", "estimates", "contested"):
            problems += [f"{where}.{p}" for p in _check_list(series, part, spec[part])]
        docs = [p.get("doc") for part in ("points", "estimates", "contested") for p in series.get(part) or []]
        problems += _unknown(docs, set(known), f"{where}", "document")
        problems += _unknown(series.get("copies_not_counted") or [], set(known), where, "document")
        if not series["points"]:
            problems.append(f"{where}.points: a series needs at least one point")
    for i, cluster in enumerate(data.get("clusters") or []):
        where = f"clusters[{i}]"
        problems += [f"{where}.{p}" for p in _check_list(cluster, "members", spec["members"])]
        members = [m.get("doc") for m in cluster.get("members") or [] if isinstance(m, dict)]
        problems += _unknown(cluster["docs"] + members, set(known), where, "document")
        near = cluster.get("near")
        if near is not None and not (len(near) == 2 and all(_type_ok(x, "number") for x in near)):
            problems.append(f"{where}.near: expected [lat, lon], got {near!r}")
    for i, pair in enumerate(data.get("near_duplicates") or []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            problems.append(f"near_duplicates[{i}]: expected a pair of document ids, got {pair!r}")
        else:
            problems += _unknown(pair, set(known), f"near_duplicates[{i}]", "document")
    return problems
