"""Builders of synthetic exports from gold files, for comparing `crisisledger eval` with the reference
scorers. Every record is derived from a gold item (its evidence located in the report text), so the
same builders work for any gold file; `mistakes` then spoils a share of them in known ways."""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
BOUNDARY = re.compile(r"[.!?\u2026](?=\s)|\n")
Export = dict[str, Any]


def reference(name: str) -> ModuleType:
    """A reference scorer from ../shared/tools (score or score_series), imported once."""
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def find(needle: str, text: str) -> tuple[int, int] | None:
    words = [re.escape(w) for w in needle.replace("\u2019", "'").split()]
    pattern = r"\s+".join(w.replace("'", "['\u2019]") for w in words)
    m = re.search(pattern, text, re.IGNORECASE)
    return m.span() if m else None


def sentence_at(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start = max((m.end() for m in BOUNDARY.finditer(text[: span[0]])), default=0)
    while start < len(text) and text[start].isspace():
        start += 1
    m = BOUNDARY.search(text, max(span[0], span[1] - 1))
    return start, m.end() if m else len(text)


def evidence(text: str, needle: str, whole_sentence: bool = True) -> dict[str, Any]:
    span = find(needle, text)
    if span is None:
        return {"text": needle, "start": None, "end": None}
    if whole_sentence:
        span = sentence_at(text, span)
    return {"text": text[span[0] : span[1]], "start": span[0], "end": span[1]}


def sentences(text: str, gold: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    start = 0
    for m in BOUNDARY.finditer(text):
        piece = text[start : m.end()]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append({"text": piece.strip(), "start": start + lead, "end": m.end(), "role": "report"})
        start = m.end()
    if text[start:].strip():
        out.append({"text": text[start:].strip(), "start": start, "end": len(text), "role": "report"})
    for role in ("commentary", "boilerplate"):
        for item in gold.get(role, []):
            span = find(item, text)
            for s in out:
                if span and s["start"] < span[1] and span[0] < s["end"]:
                    s["role"] = role
    return out


def _place(gold_place: dict[str, Any] | None) -> dict[str, Any] | None:
    if gold_place is None:
        return None
    return {
        "name": gold_place["names"][0],
        "geonames_id": None,
        "lat": gold_place["lat"],
        "lon": gold_place["lon"],
        "country": gold_place.get("country"),
        "precision": gold_place.get("precision"),
    }


def _actor(gold_actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": gold_actor["id"],
        "text": (gold_actor.get("surface") or [gold_actor["name"]])[0],
        "name": gold_actor["name"],
        "country": gold_actor.get("country"),
        "kind": gold_actor.get("kind"),
    }


def single_export(gold: dict[str, Any], text: str, title: str | None = None) -> dict[str, Any]:
    """A per-document export object that gets every gold item right."""
    places = {p["id"]: p for p in gold["places"]}
    actors = {a["id"]: a for a in gold["actors"]}
    doc: dict[str, Any] = {
        "document": {
            "id": "d" * 16,
            "outlet": gold["document"].get("outlet"),
            "title": title if title is not None else gold["document"].get("title"),
            "text": text,
            "duplicate_of": None,
        },
        "sentences": sentences(text, gold),
        "times": [],
        "places": [],
        "actors": [],
        "figures": [],
        "events": [],
        "claims": [],
    }
    for d in gold["dates"]:
        span = find(d["evidence"], text)
        if span:
            doc["times"].append(
                {
                    "text": text[span[0] : span[1]],
                    "start": span[0],
                    "end": span[1],
                    "date_start": d["date_start"],
                    "date_end": d["date_end"],
                    "precision": d["precision"],
                }
            )
    for p in gold["places"]:
        for name in p["names"]:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                doc["places"].append(
                    {"text": m.group(0), "start": m.start(), "end": m.end(), **(_place(p) or {})}
                )
    for i, f in enumerate(gold["figures"]):
        value = {"value": f.get("value"), "value_min": f.get("value_min"), "value_max": f.get("value_max")}
        doc["figures"].append(
            {
                "id": f"f{i + 1}",
                "kind": f["kind"],
                **value,
                "qualifier": f.get("qualifier") or f["accept_qualifiers"][0],
                "place": _place(places.get(f.get("place"))),
                "as_of": f.get("as_of"),
                "attributed_to": f.get("attributed_to"),
                "evidence": evidence(text, f["evidence"]),
            }
        )
    for i, e in enumerate(gold["events"]):
        doc["events"].append(
            {
                "id": f"e{i + 1}",
                "type": e["type"],
                "actors": [_actor(actors[a]) for a in e.get("actor") or []],
                "targets": [_actor(actors[a]) for a in e.get("target") or []],
                "place": _place(places.get(e.get("place"))),
                "date": dict(e["date"], precision="day") if e.get("date") else None,
                "certainty": e["certainty"],
                "attributed_to": e.get("attributed_to"),
                "evidence": evidence(text, e["evidence"]),
            }
        )
    for i, c in enumerate(gold.get("claims", [])):
        doc["claims"].append(
            {
                "id": f"c{i + 1}",
                "speaker": c["speaker"],
                "stance": c["stance"],
                "evidence": evidence(text, c["evidence"]),
            }
        )
    return doc


def spoil_single(doc: dict[str, Any], every: int = 3) -> dict[str, Any]:
    """Known mistakes on every `every`-th record of each kind: wrong values, wrong places, lost
    records, second tellings, paragraph-sized spans and wrong roles."""
    doc = copy.deepcopy(doc)
    text = doc["document"]["text"]
    for i, t in enumerate(doc["times"]):
        if i % every == 0:
            t["precision"] = "year"
    for i, p in enumerate(doc["places"]):
        if i % every == 1:
            p["lat"], p["lon"] = (p["lat"] or 0) + 3.0, (p["lon"] or 0) - 2.0
    for i, f in enumerate(doc["figures"]):
        if i % every == 0:
            f["value"] = (f["value"] or 0) + 1
        elif i % every == 1:
            f["kind"] = "other"
            f["as_of"] = None
    for i, e in enumerate(doc["events"]):
        slot = i % (every * 2)
        if slot == 0:
            e["type"] = "PROTEST" if e["type"] != "PROTEST" else "AID"
        elif slot == 1:  # no place is no fault for matching, but a wrong place_accuracy
            e["place"] = None
            e["certainty"] = "alleged"
        elif slot == 2:
            e["attributed_to"] = "someone whose name is far too long to be a name of anyone at all here"
        elif slot == 3:
            e["targets"] = [{"text": "passers-by", "country": None, "kind": "civilians"}]
            e["date"] = None
        elif slot == 4 and e["date"]:
            e["date"] = {"start": "1990-01-01", "end": "1990-01-02", "precision": "day"}
        elif slot == 5 and e["place"]:
            e["place"] = dict(e["place"], lat=e["place"]["lat"] + 5)
    doc["events"] = [e for i, e in enumerate(doc["events"]) if i % (every + 2) != 3]
    doc["events"] += [
        dict(copy.deepcopy(e), id=e["id"] + "b") for e in doc["events"][:every]
    ]  # second tellings
    if doc["events"]:  # one event whose span is the whole report: sentence-sized rule
        doc["events"].append(
            dict(
                copy.deepcopy(doc["events"][-1]),
                id="whole",
                evidence={"text": text, "start": 0, "end": len(text)},
            )
        )
    for i, c in enumerate(doc["claims"]):
        if i % every == 0:
            c["stance"] = "praise" if c["stance"] != "praise" else "deny"
        elif i % every == 1:
            c["speaker"] = "nobody in particular"
    doc["claims"] += [copy.deepcopy(c) for c in doc["claims"][-every:]]
    for i, s in enumerate(doc["sentences"]):
        if i % (every * 2) == 0:
            s["role"] = "commentary" if s["role"] != "commentary" else "report"
    return doc


def without_offsets(doc: dict[str, Any]) -> dict[str, Any]:
    """The same records with evidence text only: scorers fall back to text comparison."""
    doc = copy.deepcopy(doc)
    for section in ("sentences", "times", "places"):
        for r in doc[section]:
            r.pop("start", None)
            r.pop("end", None)
    for section in ("figures", "events", "claims"):
        for r in doc[section]:
            r["evidence"] = {"text": r["evidence"]["text"]}
    return doc


# ---------------------------------------------------------------- series


def document_id(outlet: str | None, raw: str) -> str:
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    return hashlib.sha256(((outlet or "").strip().casefold() + "\n" + text).encode("utf-8")).hexdigest()[:16]


def short_ids(gold: dict[str, Any]) -> list[str]:
    return [d.get("id") or Path(d["file"]).stem.split("-")[0] for d in gold["documents"]]


def series_export(gold: dict[str, Any], folder: Path) -> tuple[Export, dict[str, str]]:
    """An export envelope that gets the series gold right, and the gold short id -> document id map."""
    ids: dict[str, str] = {}
    docs: dict[str, dict[str, Any]] = {}
    for short, entry in zip(short_ids(gold), gold["documents"], strict=True):
        raw = (folder / entry["file"]).read_text("utf-8")
        ids[short] = document_id(entry.get("outlet"), raw)
        docs[short] = {
            "document": {
                "id": ids[short],
                "outlet": entry.get("outlet"),
                "title": None,
                "published": entry.get("published"),
                "text": raw,
                "duplicate_of": None,
            },
            "sentences": [],
            "times": [],
            "places": [],
            "actors": [],
            "figures": [],
            "events": [],
            "claims": [],
        }
    for a, b in gold.get("near_duplicates", []):
        docs[b]["document"]["duplicate_of"] = {"document": ids[a], "kind": "copy"}
    copies = {c for s in gold["series"] for c in s.get("copies_not_counted", [])}
    clusters = []
    for n, gc in enumerate(gold.get("clusters", [])):
        members = gc.get("members") or [{"doc": d} for d in gc["docs"]]
        sys_members = []
        for m in members:
            doc = docs[m["doc"]]
            text = doc["document"]["text"]
            eid = f"e{len(doc['events']) + 1}"
            near = gc.get("near")
            doc["events"].append(
                {
                    "id": eid,
                    "type": gc["type"],
                    "actors": [],
                    "targets": [],
                    "place": {"lat": near[0], "lon": near[1]} if near else None,
                    "date": {"start": gc["date"], "end": gc["date"], "precision": "day"},
                    "certainty": "asserted",
                    "evidence": evidence(text, m["evidence"]) if m.get("evidence") else {"text": ""},
                }
            )
            sys_members.append({"document": ids[m["doc"]], "event": eid, "counted": m["doc"] not in copies})
        clusters.append(
            {"id": f"cl{n}", "type": gc["type"], "members": sys_members, "sources": gc["independent_sources"]}
        )
    series = []
    for n, gs in enumerate(gold["series"]):
        points = []
        for p in sorted(gs["points"], key=lambda p: p["as_of"]):
            doc = docs[p["doc"]]
            fid = f"f{len(doc['figures']) + 1}"
            doc["figures"].append({"id": fid, "kind": gs["kind"], "value": p["value"], "as_of": p["as_of"]})
            points.append(
                {
                    "document": ids[p["doc"]],
                    "figure": fid,
                    "as_of": p["as_of"],
                    "value": p["value"],
                    "value_min": None,
                    "value_max": None,
                    "qualifier": p.get("qualifier", "exact"),
                    "counted": True,
                }
            )
        for c in gs.get("copies_not_counted", []):  # the copy repeats the last figure, not counted
            points.append(dict(points[-1], document=ids[c], counted=False))
        flags = [
            {
                "kind": kind,
                "points": [
                    {"document": ids[p["doc"]], "figure": q["figure"]}
                    for q in points
                    if q["document"] == ids[p["doc"]] and q["value"] == p["value"]
                ],
                "note": "",
            }
            for p in gs["points"]
            if p.get("flag")
            for kind in re.findall(r"revision|contradiction|stale", p["flag"])
        ]
        latest = max(points, key=lambda q: (q["as_of"], q["value"]))
        series.append(
            {
                "id": f"se{n}",
                "kind": gs["kind"],
                "points": points,
                "latest": {"document": latest["document"], "figure": latest["figure"], "value": gs["latest"]},
                "flags": flags,
            }
        )
    export = {
        "format": "crisisledger/1",
        "documents": list(docs.values()),
        "clusters": clusters,
        "series": series,
        "revisions": [],
    }
    return export, ids


def spoil_series(export: Export, ids: dict[str, str]) -> Export:
    """Known mistakes: a split cluster, two merged ones, wrong sources, a lost point, a counted copy,
    a wrong latest, a lost flag and a lost duplicate_of."""
    export = copy.deepcopy(export)
    cl = export["clusters"]
    if len(cl) >= 1 and len(cl[0]["members"]) > 2:
        cl.append(dict(cl[0], id="split", members=cl[0]["members"][2:], sources=1))
        cl[0]["members"] = cl[0]["members"][:2]
    if len(cl) >= 3:
        cl[1]["members"] += cl[2]["members"]
        del cl[2]
    if cl:
        cl[-1]["sources"] += 1
    for s in export["series"][:2]:
        s["points"] = s["points"][1:]
        for p in s["points"]:
            p["counted"] = True
    if export["series"]:
        export["series"][0]["latest"]["value"] = -1
        export["series"][0]["points"] = list(reversed(export["series"][0]["points"]))
    flagged = [s for s in export["series"] if s["flags"]]
    if flagged:
        flagged[0]["flags"] = flagged[0]["flags"][1:]
    for d in export["documents"][:2]:
        d["document"]["duplicate_of"] = None
    return export
