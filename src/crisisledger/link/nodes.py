"""One event as the clusterer sees it, when two events may be the same one, and where the index files it."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from crisisledger.link.rules import Rules, rules

EARTH_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def number(record_id: str) -> int:
    """`e12` -> 12, so records sort by number rather than by text."""
    digits = record_id.lstrip("abcdefghijklmnopqrstuvwxyz")
    return int(digits) if digits.isdigit() else 0


@dataclass(frozen=True, slots=True)
class EventNode:
    document: str
    event: str
    type: str
    mode: str | None
    lo: int  # first day (ordinal), inclusive
    hi: int  # last day (ordinal), inclusive
    lat: float | None
    lon: float | None
    country: str | None
    level: str | None  # place precision; None: no place at all
    region: str | None  # the place's name when its precision is `region`
    actor_countries: frozenset[str]
    target_countries: frozenset[str]
    actor_ids: frozenset[str]
    outlet: str = ""  # casefolded; what makes two reports independent
    headline: bool = False  # told in the report's title
    inferred_date: bool = False  # no date of its own: the days before its report stand in
    doer_ids: frozenset[str] = frozenset()  # the actors (not the targets) that name someone in particular

    @property
    def key(self) -> tuple[str, int]:
        return (self.document, number(self.event))

    @property
    def ref(self) -> str:
        return f"{self.document}/{self.event}"


def _countries(actors: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    return frozenset(a["country"] for a in actors if a.get("country"))


def in_title(document: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    """The event is told in the report's title (the title line that opens the text, or its exact words)."""
    title = (document.get("title") or "").strip()
    if not title:
        return False
    evidence = event.get("evidence") or {}
    if (evidence.get("text") or "").strip() == title:
        return True
    text = document.get("text") or ""
    opening = len(text) - len(text.lstrip())
    return text.startswith(title, opening) and opening <= int(evidence.get("start", -1)) < opening + len(title)


def carried(event: Mapping[str, Any]) -> bool:
    """The event's place is not named in its own sentence (the events stage carried it from the dateline or
    an earlier sentence)."""
    start = (event.get("place") or {}).get("start")
    evidence = event.get("evidence") or {}
    if start is None or "start" not in evidence or "end" not in evidence:
        return False
    return not int(evidence["start"]) <= int(start) < int(evidence["end"])


def node_from_event(document: Mapping[str, Any], event: Mapping[str, Any], r: Rules | None = None) -> EventNode:
    """The node of one exported event; an undated event is placed in the days just before its report (the
    events stage writes that same window as a week ending on the publication day: it is no date of its own)."""
    r = r or rules()
    when = event.get("date") or {}
    published = date.fromisoformat(str(document["published"])[:10])
    recent = (published - timedelta(days=r.undated_window_days)).toordinal(), published.toordinal()
    if when.get("start"):
        lo = date.fromisoformat(when["start"]).toordinal()
        hi = date.fromisoformat(when.get("end") or when["start"]).toordinal()
        inferred = when.get("precision") == "week" and (lo, hi) == recent
    else:
        (lo, hi), inferred = recent, True
    place = event.get("place") or {}
    has_place = place.get("lat") is not None or place.get("country") is not None
    precision = place.get("precision") if has_place else None
    if has_place and precision is None:
        precision = "town" if place.get("lat") is not None else "country"
    if has_place and r.carried_place_level and carried(event):
        precision = max(precision, r.carried_place_level, key=r.level)
    return EventNode(
        document=document["id"],
        event=event["id"],
        type=event["type"],
        mode=event.get("mode"),
        lo=lo,
        hi=max(lo, hi),
        lat=place.get("lat"),
        lon=place.get("lon"),
        country=place.get("country"),
        level=precision,
        region=(place.get("name") or place.get("text")) if precision == "region" else None,
        actor_countries=_countries(event.get("actors", [])),
        target_countries=_countries(event.get("targets", [])),
        actor_ids=frozenset(a["id"] for a in [*event.get("actors", []), *event.get("targets", [])]),
        outlet=(document.get("outlet") or "").strip().casefold(),
        headline=in_title(document, event),
        inferred_date=inferred,
        doer_ids=frozenset(a["id"] for a in event.get("actors", []) if a.get("kind") not in r.generic_doer_kinds),
    )


def modes_agree(a: EventNode, b: EventNode, r: Rules) -> bool:
    """Where the mode says what happened (an earthquake, a fire), two known, different modes are two events."""
    if a.type != b.type or a.type not in r.modes_must_agree:
        return True
    known = {m for m in (a.mode, b.mode) if m and m not in r.default_modes}
    return len(known) < 2 or known in r.agreeing_modes


def types_compatible(a: EventNode, b: EventNode, r: Rules) -> bool:
    if a.type == b.type:
        return modes_agree(a, b, r)
    pair = {a.type, b.type}
    modes = {a.mode, b.mode}
    return any(
        p.types == pair and not (modes & p.never) and (p.modes is None or bool(modes & p.modes)) for p in r.type_pairs
    )


def _coarse(n: EventNode, r: Rules) -> bool:
    """Placed no finer than a country (or with no coordinates to measure by)."""
    return n.level in ("country", "region") or n.lat is None or n.lon is None


def place_distance(a: EventNode, b: EventNode, r: Rules) -> float | None:
    """0..1 (share of the tolerance used) when the places may be one, else None. A match no finer than a
    country (or of two events without places) uses it all: it says little, so measured matches go first."""
    if a.level is None or b.level is None:
        return 1.0 if a.level is None and b.level is None else None
    if a.level == "region" or b.level == "region":
        return 1.0 if a.region is not None and a.region == b.region else None
    if _coarse(a, r) or _coarse(b, r):
        return 1.0 if a.country is not None and a.country == b.country else None
    coarser = max(a.level, b.level, key=r.level)
    tolerance = r.cluster_tolerance_km.get(coarser, max(r.cluster_tolerance_km.values()))
    d = km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    return d / tolerance if d <= tolerance else None


def match_level(a: EventNode, b: EventNode, r: Rules) -> str | None:
    """The precision two places are compared at: the coarser one's (`country` when either has no coordinates)."""
    if a.level is None or b.level is None:
        return None
    if a.level == "region" or b.level == "region":
        return "region"
    if _coarse(a, r) or _coarse(b, r):
        return "country"
    return max(a.level, b.level, key=r.level)


def vague(a: EventNode, b: EventNode, r: Rules) -> bool:
    """Two reports of different outlets agree only on the week their reports came out and a wide place: an
    undated generic sentence ("families fleeing the region") is not evidence of the dated event nearby. The
    same doer of the same type of event is such evidence below a country ("a week after X's offensive" and "X
    launched an offensive on Tuesday", both in one enclave)."""
    if not (a.inferred_date or b.inferred_date) or (a.outlet and a.outlet == b.outlet):
        return False
    level = match_level(a, b, r)
    if a.type == b.type and a.doer_ids & b.doer_ids and level in r.same_doer_match_levels:
        return False
    return level not in r.undated_match_levels


def actors_compatible(a: EventNode, b: EventNode) -> bool:
    """No conflicting countries on either side (an empty side conflicts with nothing)."""
    for x, y in ((a.actor_countries, b.actor_countries), (a.target_countries, b.target_countries)):
        if x and y and not (x & y):
            return False
    return True


def affinity(a: EventNode, b: EventNode, r: Rules | None = None) -> float | None:
    """How alike two events are (higher: more), or None when they cannot be one event."""
    r = r or rules()
    if a.document == b.document or a.lo > b.hi or b.lo > a.hi:
        return None
    if not types_compatible(a, b, r) or not actors_compatible(a, b):
        return None
    distance = place_distance(a, b, r)
    if distance is None or vague(a, b, r):
        return None
    overlap = (min(a.hi, b.hi) - max(a.lo, b.lo) + 1) / (max(a.hi, b.hi) - min(a.lo, b.lo) + 1)
    score = 2.0 * (a.type == b.type) + (1.0 - distance) + overlap
    score += 0.5 * (a.mode is not None and a.mode == b.mode) + 0.5 * bool(a.actor_ids & b.actor_ids)
    return score


# -- the index: (date bucket, place key) rows; a query meets every stored event it could be compatible with --
def buckets(n: EventNode, r: Rules) -> range:
    return range(n.lo // r.bucket_days, n.hi // r.bucket_days + 1)


def _cell(lat: float, lon: float, r: Rules) -> tuple[int, int]:
    return (math.floor(lat / r.cell_degrees), math.floor(lon / r.cell_degrees))


def own_keys(n: EventNode, r: Rules) -> set[str]:
    if n.level is None:
        return {"n"}
    if n.level == "region":
        return {f"r:{n.region}"}
    keys = {f"a:{n.country}"} if n.country else set()
    if _coarse(n, r):
        return keys | ({f"c:{n.country}"} if n.country else set())
    i, j = _cell(n.lat, n.lon, r)  # type: ignore[arg-type]
    return keys | {f"g:{i}:{j}"}


def query_keys(n: EventNode, r: Rules) -> set[str]:
    if n.level is None:
        return {"n"}
    if n.level == "region":
        return {f"r:{n.region}"}
    if _coarse(n, r):
        return {f"a:{n.country}"} if n.country else set()
    radius = max(r.cluster_tolerance_km.values())
    dlat = radius / 111.0
    dlon = radius / max(1.0, 111.0 * math.cos(math.radians(min(89.0, abs(n.lat)))))  # type: ignore[arg-type]
    (i0, j0), (i1, j1) = _cell(n.lat - dlat, n.lon - dlon, r), _cell(n.lat + dlat, n.lon + dlon, r)  # type: ignore[operator]
    keys = {f"g:{i}:{j}" for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)}
    return keys | ({f"c:{n.country}"} if n.country else set())
