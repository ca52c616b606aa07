"""What a figure counts, beyond its own place: several countries together, a headline's figure told again in
the body, and a coarser place that holds a finer one.

- A sentence holding one count of a kind and naming two or more countries counts them together ("the toll
  in Turkey and Syria rose above 21,000"): that count forms series with the same countries only, never with a
  one-country tally.
- A headline's figure that the body repeats (same kind and value) is the body's figure: it is grouped where
  the body's is ("Quake toll passes 21,000 as rescuers pull teenager from X" is the body's two-country toll,
  not a toll of X).
- A count that names no place and counts no countries (a running tally: "The toll has climbed all week. It
  passed 11,000 on 8 February") counts what its report's lead count of that kind and group counts (the first
  one, headline included, that has a place): the report's subject, not a toll of nowhere.
- A group of figures at a coarser place (admin, area, country) joins the finer group of its series when it
  holds just that one (within the coarser precision's tolerance, or the same country) when merging raises no flag
  neither had: "20 killed in Karabakh" and "68 killed in Stepanakert" are one toll, while "3 injured in the
  Antakya fire" and "70,000 injured in Turkey" on the same day stay apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from crisisledger.link.nodes import km
from crisisledger.link.rules import Rules

if TYPE_CHECKING:
    from crisisledger.link.series import Fig

COARSE = ("admin", "area", "country")
FINE = ("site", "town", "admin", "area")

Group = tuple[str, str, list["Fig"]]


def _in_sentence(place: Mapping[str, Any], evidence: Mapping[str, Any]) -> bool:
    return int(evidence["start"]) <= int(place.get("start", -1)) < int(evidence["end"])


def countries_together(record: Mapping[str, Any], figure: Mapping[str, Any], r: Rules) -> tuple[str, ...]:
    """The countries a figure counts together: two or more countries named in a sentence holding no other
    count of its kind; else ()."""
    evidence = figure.get("evidence") or {}
    if "start" not in evidence:
        return ()
    kind = r.series_kind(figure["kind"])
    peers = [
        g
        for g in record.get("figures", [])
        if (g.get("evidence") or {}).get("start") == evidence["start"] and r.series_kind(g["kind"]) == kind
    ]
    if len(peers) > 1:
        return ()
    named = {
        p["country"]
        for p in record.get("places", [])
        if p.get("precision") == "country" and p.get("country") and _in_sentence(p, evidence)
    }
    return tuple(sorted(named)) if len(named) > 1 else ()


def _is_headline(document: Mapping[str, Any], figure: Mapping[str, Any]) -> bool:
    title = (document.get("title") or "").strip()
    return bool(title) and ((figure.get("evidence") or {}).get("text") or "").strip() == title


def series_figures(record: Mapping[str, Any], r: Rules) -> list[Fig]:
    """The record's figures of series kinds, each with the place and countries it is grouped by."""
    from crisisledger.link.series import Fig

    doc = record["document"]
    figs = [f for f in record.get("figures", []) if f["kind"] in r.series_kinds]
    together = {f["id"]: countries_together(record, f, r) for f in figs}
    body = [f for f in figs if not _is_headline(doc, f)]
    out = []
    for f in figs:
        told = None
        if _is_headline(doc, f) and f.get("value") is not None:
            told = next(
                (
                    b
                    for b in body
                    if b.get("value") == f["value"] and r.series_kind(b["kind"]) == r.series_kind(f["kind"])
                ),
                None,
            )
        if told is not None:
            # grouped where the body's is; where the body names no place, the headline's own place stands
            out.append(Fig(doc, f, told.get("place") or f.get("place") or {}, together[told["id"]]))
        else:
            out.append(Fig(doc, f, None, together[f["id"]]))
    return _placeless_to_lead(out, r)


def _placed(f: Fig) -> bool:
    return bool(f.countries) or f.place.get("lat") is not None or f.place.get("country") is not None


def _placeless_to_lead(figs: list[Fig], r: Rules) -> list[Fig]:
    """A figure with neither place nor countries is grouped where its report's lead count of the same kind
    and group is (the first, in text order, that has a place)."""
    from crisisledger.link.series import Fig, who_group

    def scope(f: Fig) -> tuple[str, str]:
        return (r.series_kind(f.figure["kind"]), who_group(f.figure.get("who"), r))

    leads: dict[tuple[str, str], Fig] = {}
    for f in sorted(figs, key=lambda f: int((f.figure.get("evidence") or {}).get("start", 0))):
        if _placed(f):
            leads.setdefault(scope(f), f)
    out = []
    for f in figs:
        lead = leads.get(scope(f))
        if lead is None or _placed(f) or not f.is_count:
            out.append(f)
        else:
            out.append(Fig(f.document, f.figure, dict(lead.place), lead.countries))
    return out


def _holds(coarse: Mapping[str, Any], fine: Mapping[str, Any], level: str, r: Rules) -> bool:
    if level == "country":
        return bool(coarse.get("country")) and coarse.get("country") == fine.get("country")
    if None in (coarse.get("lat"), coarse.get("lon"), fine.get("lat"), fine.get("lon")):
        return False
    distance = km(coarse["lat"], coarse["lon"], fine["lat"], fine["lon"])
    return distance <= r.series_tolerance_km.get(level, 0.0)


def absorb_contained(groups: Sequence[Group], r: Rules) -> list[Group]:
    """Each coarser group joins the single finer group it holds, when merging raises no new flag."""
    from crisisledger.link.series import flags

    out = [(level, key, list(figs)) for level, key, figs in groups]
    for coarse_level in COARSE:
        for i, (level, key, figs) in enumerate(out):
            if level != coarse_level or not figs:
                continue
            rank = r.level(coarse_level)
            held = [
                j
                for j, (lv, _, fs) in enumerate(out)
                if j != i
                and fs
                and lv in FINE
                and r.level(lv) < rank
                and _holds(figs[0].place, fs[0].place, coarse_level, r)
            ]
            if len(held) != 1:
                continue  # none, or ambiguous: which finer count it sums is unknown
            fine = out[held[0]][2]
            if len(flags([*fine, *figs], r)) == len(flags(fine, r)) + len(flags(figs, r)):
                fine.extend(figs)
                out[i] = (level, key, [])
    return [(level, key, figs) for level, key, figs in out if figs]
