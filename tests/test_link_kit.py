"""Hand-built per-document records for the link tests (no spaCy): just the fields the link stage reads."""

from __future__ import annotations

import hashlib
from typing import Any

TOWNS: dict[str, tuple[float, float, str]] = {
    # Invented places on a plain grid: 0.1 degree of latitude is about 11 km.
    "Alder": (40.00, 45.00, "AAA"),
    "Birch": (40.10, 45.00, "AAA"),  # 11 km from Alder
    "Cedar": (40.40, 45.00, "AAA"),  # 44 km from Alder
    "Dunmore": (40.80, 45.00, "BBB"),  # 89 km from Alder, across a border
}


def place(name: str, precision: str = "town") -> dict[str, Any]:
    if precision == "country":
        return {"name": name, "geonames_id": None, "lat": None, "lon": None, "country": name, "precision": "country"}
    lat, lon, country = TOWNS[name]
    return {"name": name, "geonames_id": None, "lat": lat, "lon": lon, "country": country, "precision": precision}


def actor(slug: str, country: str | None) -> dict[str, Any]:
    return {"id": slug, "name": slug, "country": country, "kind": "military", "role": None}


def event(
    eid: str,
    type_: str,
    day: str | None,
    where: dict[str, Any] | None,
    mode: str | None = None,
    actors: list[dict[str, Any]] | None = None,
    certainty: str = "asserted",
    end: str | None = None,
    precision: str = "day",
    text: str | None = None,
) -> dict[str, Any]:
    return {
        "id": eid,
        "type": type_,
        "mode": mode,
        "actors": actors or [],
        "targets": [],
        "place": where,
        "date": {"start": day, "end": end or day, "precision": precision} if day else None,
        "certainty": certainty,
        "attributed_to": None,
        "background": False,
        "figures": [],
        "evidence": {"text": text or f"{type_} {eid}", "start": 0, "end": 1},
    }


def figure(
    fid: str,
    kind: str,
    value: float | None,
    as_of: str,
    where: dict[str, Any] | None,
    qualifier: str = "exact",
    who: str | None = None,
    value_min: float | None = None,
    value_max: float | None = None,
    certainty: str = "asserted",
    since: str | None = None,
) -> dict[str, Any]:
    return {
        "id": fid,
        "kind": kind,
        "value": value,
        "value_min": value_min,
        "value_max": value_max,
        "qualifier": qualifier,
        "unit": None,
        "who": who,
        "place": where,
        "as_of": as_of,
        "since": since,
        "attributed_to": None,
        "certainty": certainty,
        "evidence": {"text": f"{kind} {fid}", "start": 0, "end": 1},
    }


def record(
    outlet: str,
    published: str,
    text: str,
    events: list[dict[str, Any]] | None = None,
    figures: list[dict[str, Any]] | None = None,
    url: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """A record; with a `title`, the text opens with it (an event whose evidence is the title is a headline)."""
    if title:
        text = f"{title}\n\n{text}"
        body = len(title) + 2  # the other events' sentences come after the title
        events = [
            e if e["evidence"]["text"] == title else e | {"evidence": e["evidence"] | {"start": body, "end": body + 1}}
            for e in events or []
        ]
    doc_id = hashlib.sha256((outlet.casefold() + "\n" + text).encode()).hexdigest()[:16]
    return {
        "document": {
            "id": doc_id,
            "outlet": outlet,
            "url": url,
            "title": title,
            "author": None,
            "published": published,
            "language": "en",
            "text": text,
            "duplicate_of": None,
        },
        "sentences": [],
        "times": [],
        "places": [],
        "actors": [],
        "figures": figures or [],
        "events": events or [],
        "claims": [],
    }


def words(seed: str, n: int = 120) -> str:
    """A deterministic nonsense text of n words (distinct seeds share almost no shingles)."""
    out = []
    for i in range(n):
        out.append("w" + hashlib.sha256(f"{seed}{i}".encode()).hexdigest()[:5])
    return " ".join(out) + "."
