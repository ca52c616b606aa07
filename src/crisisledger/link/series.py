"""Figure series: figures that count the same thing across reports, with latest, highest credible and flags.

A series key is (kind, head group of `who`, place, since). Places join when they have the same precision and
lie within that precision's tolerance (a country: the same country); a figure without `since` joins the
series of its block when that block has one `since` (or several: the one with the most points). Everything is
a pure function of the set of figures, so ingest order cannot change a series.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crisisledger.link.clusters import counted, place_core
from crisisledger.link.nodes import km, number
from crisisledger.link.rules import Rules, rules
from crisisledger.link.scopes import absorb_contained, series_figures

INF = float("inf")


@dataclass(frozen=True, slots=True)
class Fig:
    document: Mapping[str, Any]
    figure: Mapping[str, Any]
    grouped_at: Mapping[str, Any] | None = None  # the place it is grouped by, when not its own
    countries: tuple[str, ...] = ()  # two or more: a figure counting these countries together

    @property
    def place(self) -> Mapping[str, Any]:
        return (self.grouped_at if self.grouped_at is not None else self.figure.get("place")) or {}

    @property
    def when(self) -> str:
        """The day the figure stands for: its `as_of`, else its report's day."""
        return str(self.figure.get("as_of") or self.document["published"])[:10]

    @property
    def sort_key(self) -> tuple[str, str, str, int]:
        return (self.when, str(self.document["published"]), self.document["id"], number(self.figure["id"]))

    @property
    def ref(self) -> dict[str, str]:
        return {"document": self.document["id"], "figure": self.figure["id"]}

    @property
    def is_count(self) -> bool:
        return self.figure.get("value") is not None


def who_group(who: str | None, r: Rules) -> str:
    text = " ".join(re.findall(r"[a-z]+", (who or "").casefold()))
    found = [(text.rfind(w), g) for w, g in r.who_words.items() if re.search(rf"\b{re.escape(w)}\b", text)]
    return max(found)[1] if found else "people"


def _level_of(f: Fig, r: Rules) -> str:
    return "countries" if f.countries else _place_level(f.place, r)


def _signature_of(f: Fig, r: Rules) -> str:
    return "+".join(f.countries) if f.countries else _place_signature(f.place, _place_level(f.place, r))


def _place_level(place: Mapping[str, Any], r: Rules) -> str:
    if place.get("lat") is None and place.get("country") is None:
        return "none"
    p = place.get("precision")
    if p in r.place_levels:
        return str(p)
    return "town" if place.get("lat") is not None else "country"


def _place_label(place: Mapping[str, Any]) -> str:
    return str(place.get("name") or place.get("text") or place.get("country") or "")


def _same_place(a: Mapping[str, Any], b: Mapping[str, Any], level: str, r: Rules) -> bool:
    if level == "none":
        return True
    if level == "country":
        return a.get("country") == b.get("country")
    if a.get("geonames_id") is not None and a.get("geonames_id") == b.get("geonames_id"):
        return True
    if _place_label(a) and _place_label(a) == _place_label(b):
        return True
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")) or level == "region":
        return False
    return km(a["lat"], a["lon"], b["lat"], b["lon"]) <= r.series_tolerance_km.get(level, 0.0)


def _place_groups(figs: Sequence[Fig], r: Rules) -> list[tuple[str, str, list[Fig]]]:
    """(level, place key, figures): single-link groups of places of one precision."""
    out: list[tuple[str, str, list[Fig]]] = []
    by_level: dict[str, list[Fig]] = {}
    for f in figs:
        by_level.setdefault(_level_of(f, r), []).append(f)
    for level, members in sorted(by_level.items()):
        if level == "countries":
            together: dict[str, list[Fig]] = {}
            for f in members:
                together.setdefault(_signature_of(f, r), []).append(f)
            out.extend((level, key, fs) for key, fs in sorted(together.items()))
            continue
        places: dict[str, Mapping[str, Any]] = {}
        for f in members:
            places.setdefault(_place_signature(f.place, level), f.place)
        names = sorted(places)
        parent = {n: n for n in names}
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if _same_place(places[a], places[b], level, r):
                    ra, rb = _root(parent, a), _root(parent, b)
                    parent[max(ra, rb)] = min(ra, rb)
        grouped: dict[str, list[Fig]] = {}
        for f in members:
            grouped.setdefault(_root(parent, _place_signature(f.place, level)), []).append(f)
        out.extend((level, key, fs) for key, fs in sorted(grouped.items()))
    return absorb_contained(out, r)


def _root(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        x = parent[x]
    return x


def _place_signature(place: Mapping[str, Any], level: str) -> str:
    if level == "country":
        return str(place.get("country"))
    if level == "none":
        return ""
    return f"{_place_label(place)}@{place.get('lat')},{place.get('lon')}"


def _since_groups(figs: Sequence[Fig]) -> list[tuple[str | None, list[Fig]]]:
    dated: dict[str, list[Fig]] = {}
    undated: list[Fig] = []
    for f in figs:
        since = f.figure.get("since")
        (dated.setdefault(str(since), []) if since else undated).append(f)
    if not dated:
        return [(None, undated)]
    host = max(sorted(dated), key=lambda s: len(dated[s]))
    dated[host] = dated[host] + undated
    return sorted(dated.items())


def series_id(key: str) -> str:
    return "se-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def group_figures(records: Iterable[Mapping[str, Any]], r: Rules | None = None) -> list[tuple[str, list[Fig]]]:
    """(series key, figures) for every series the records' figures form."""
    r = r or rules()
    blocks: dict[tuple[str, str], list[Fig]] = {}
    for record in records:
        for fig in series_figures(record, r):
            kind = r.series_kind(fig.figure["kind"])
            blocks.setdefault((kind, who_group(fig.figure.get("who"), r)), []).append(fig)
    out = []
    for (kind, who), figs in sorted(blocks.items()):
        for level, place, by_place in _place_groups(figs, r):
            for since, members in _since_groups(by_place):
                out.append((f"{kind}|{who}|{level}:{place}|{since or ''}", sorted(members, key=lambda f: f.sort_key)))
    return out


# -- values and flags -----------------------------------------------------------------------------------
def interval(f: Mapping[str, Any], r: Rules) -> tuple[float, float]:
    """The values a figure allows given its qualifier ("at least 68" and "68" share 68)."""
    v, q = f.get("value"), f.get("qualifier")
    if v is None:
        lo, hi = f.get("value_min"), f.get("value_max")
        return (float(lo) if lo is not None else 0.0, float(hi) if hi is not None else INF)
    v = float(v)
    if q in ("at_least", "more_than"):
        return (v, INF)
    if q in ("at_most", "less_than"):
        return (0.0, v)
    if q == "approximate":
        return (v * (1 - r.approximate_share), v * (1 + r.approximate_share))
    return (v, v)


def value_ref(f: Fig) -> dict[str, Any]:
    fig = f.figure
    return {
        **f.ref,
        "as_of": fig.get("as_of"),
        "value": fig.get("value"),
        "value_min": fig.get("value_min"),
        "value_max": fig.get("value_max"),
        "qualifier": fig["qualifier"],
    }


def latest(figs: Sequence[Fig]) -> Fig | None:
    """Newest counted count (ties: the higher value); ranges only when no count exists."""
    pool = [f for f in figs if counted(f.document)] or list(figs)
    counts = [f for f in pool if f.is_count] or pool
    return max(counts, key=lambda f: (f.when, _top(f), f.sort_key), default=None)


def highest_credible(figs: Sequence[Fig], r: Rules) -> Fig | None:
    pool = [f for f in figs if counted(f.document) and f.figure.get("certainty") in r.credible_certainty]
    counts = [f for f in pool if f.is_count] or pool
    return max(counts, key=lambda f: (_top(f), f.when, f.sort_key), default=None)


def _top(f: Fig) -> float:
    fig = f.figure
    return float(fig["value"] if fig.get("value") is not None else fig.get("value_max") or fig.get("value_min") or 0)


def flags(figs: Sequence[Fig], r: Rules) -> list[dict[str, Any]]:
    """Contradictions (same day, values incompatible given qualifiers) and revisions or
    stale points (a stated value below an earlier peak: "at least 68" and "68" are one value)."""
    counts = [f for f in figs if counted(f.document) and f.is_count]
    out: list[dict[str, Any]] = []
    for i, a in enumerate(counts):
        for b in counts[i + 1 :]:
            if a.figure.get("as_of") and a.figure.get("as_of") == b.figure.get("as_of"):
                (alo, ahi), (blo, bhi) = interval(a.figure, r), interval(b.figure, r)
                if ahi < blo or bhi < alo:
                    out.append(
                        {
                            "kind": "contradiction",
                            "points": [a.ref, b.ref],
                            "note": f"{_show(a)} and {_show(b)} on {a.when}",
                        }
                    )
    for f in counts:
        earlier = [e for e in counts if e.when < f.when]
        if not earlier:
            continue
        peak = max(earlier, key=lambda e: (e.figure["value"], e.sort_key))
        if f.figure["value"] >= peak.figure["value"]:
            continue
        rising = any(x.figure["value"] >= peak.figure["value"] for x in counts if x.when > f.when)
        kind = "stale" if rising else "revision"
        note = f"{_show(f)} on {f.when} is below {_show(peak)} on {peak.when}"
        note += "; later figures rise above it again" if rising else "; later figures stay below"
        out.append({"kind": kind, "points": [f.ref, peak.ref], "note": note})
    return out


def _show(f: Fig) -> str:
    q = f.figure.get("qualifier")
    v = f.figure.get("value")
    words = {
        "at_least": "at least ",
        "more_than": "more than ",
        "approximate": "about ",
        "at_most": "up to ",
        "less_than": "under ",
    }
    return f"{words.get(str(q), '')}{v:,.0f}" if isinstance(v, int | float) else str(v)


def build_series(key: str, figs: Sequence[Fig], r: Rules | None = None) -> dict[str, Any]:
    r = r or rules()
    kind, who, _, since = key.split("|")
    own = [Fig(f.document, f.figure) for f in figs]  # the series shows the places the figures name
    places = Counter(_signature_of(f, r) for f in own)
    top = min(places, key=lambda p: (-places[p], p))
    place = next(f.place for f in own if _signature_of(f, r) == top)
    last, high = latest(figs), highest_credible(figs, r)
    return {
        "id": series_id(key),
        "kind": kind,
        "who": who,
        "place": place_core(place) if place and not key.split("|")[2].startswith("countries:") else None,
        "since": since or None,
        "points": [
            {
                **value_ref(f),
                "certainty": f.figure["certainty"],
                "attributed_to": f.figure.get("attributed_to"),
                "outlet": f.document.get("outlet"),
                "counted": counted(f.document),
            }
            for f in figs
        ],
        "latest": value_ref(last) if last else None,
        "highest_credible": value_ref(high) if high else None,
        "flags": flags(figs, r),
    }


def all_series(records: Iterable[Mapping[str, Any]], r: Rules | None = None) -> list[dict[str, Any]]:
    r = r or rules()
    built = [build_series(key, figs, r) for key, figs in group_figures(records, r)]
    return sorted(built, key=lambda s: (s["points"][0]["as_of"] or "", s["id"]))
