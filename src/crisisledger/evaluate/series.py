"""Scoring one export of a whole ledger against a series gold (series-gold-format.md):
figure series, copies counted twice, near-duplicates, event clusters (B-cubed) and flags."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from crisisledger.evaluate.config import rules
from crisisledger.evaluate.golds import Gold, series_documents
from crisisledger.evaluate.single import rounded
from crisisledger.evaluate.text import covers, distance_km, evidence_text, normalize, share

Item = Mapping[str, Any]
Scores = dict[str, Any]
_MIN_TEXT_SHARE = 0.5  # a text holding less of a report's words (in order) is not that report


def _meta(document: Item | None) -> Item:
    block = (document or {}).get("document")
    return block if isinstance(block, Mapping) else {}


def _items(record: Item | None, key: str) -> list[Any]:
    value = (record or {}).get(key)
    return value if isinstance(value, list) else []


def _same_kind(kind: Any) -> Any:
    synonyms = rules().series_kind_synonyms
    return synonyms.get(kind, kind) if isinstance(kind, str) else kind


def _holds_value(point: Item, value: Any) -> bool:
    return value is not None and any(point.get(field) == value for field in rules().held_fields)


def _values_held(system_series: Item, values: Sequence[Any]) -> int:
    """How many of the values (repeats counted) some point of the system series holds."""
    points = _items(system_series, "points")
    return sum(any(_holds_value(p, v) for p in points) for v in values)


def _best_series(gold_series: Item, system: Sequence[Item]) -> tuple[Item | None, int]:
    """The system series of the same kind that holds most of the gold's values (first on ties)."""
    values = [p["value"] for p in gold_series["points"]]
    kind = _same_kind(gold_series["kind"])
    best, most = None, 0
    for candidate in system:
        if _same_kind(candidate.get("kind")) != kind:
            continue
        held = _values_held(candidate, values)
        if best is None or held > most:
            best, most = candidate, held
    return (best, most) if most else (None, 0)


def _flag_kinds_named(flag: str) -> set[str]:
    pattern = r"\b(" + "|".join(map(re.escape, rules().flag_kinds)) + r")\b"
    return {word.lower() for word in re.findall(pattern, flag, re.IGNORECASE)}


def score_figure_series(gold: Item, ids: Mapping[str, str], system: Sequence[Item]) -> tuple[Scores, ...]:
    """The series, copies and flags sections; optional gold series are neither counted nor penalised."""
    required = [s for s in gold.get("series") or [] if s.get("required", True)]
    series: Scores = {"recovered": 0, "required": len(required), "latest_correct": 0, "ordered": 0}
    copy_docs = {c for s in required for c in s.get("copies_not_counted") or []}
    copies: Scores = {"double_counted": 0, "copies": len(copy_docs)}
    flags: Scores = {"found": 0, "n": 0}
    for gold_series in required:
        match, held = _best_series(gold_series, system)
        wanted = len(gold_series["points"])
        series["recovered"] += int(wanted > 0 and held >= rules().recovered_share * wanted)
        points = _items(match, "points")
        if match is not None:
            latest = match.get("latest")
            series["latest_correct"] += int(
                (latest if isinstance(latest, Mapping) else {}).get("value") == gold_series["latest"]
            )
            dates = [p["as_of"] for p in points if p.get("as_of")]
            series["ordered"] += int(dates == sorted(dates))
        for doc in gold_series.get("copies_not_counted") or []:
            copies["double_counted"] += sum(
                1
                for p in points
                if ids.get(doc) and p.get("document") == ids[doc] and p.get("counted") is not False
            )
        for gold_point in gold_series["points"]:
            if gold_point.get("flag"):
                flags["n"] += 1
                flags["found"] += int(_flag_found(gold_point, match, points, ids))
    if not flags["n"]:
        flags["found"] = None
    return series, copies, flags


def _flag_found(gold_point: Item, match: Item | None, points: Sequence[Item], ids: Mapping[str, str]) -> bool:
    """The matched series raises a flag of a named kind over the system point of that document and value."""
    kinds = _flag_kinds_named(gold_point["flag"])
    document = ids.get(gold_point["doc"])
    refs = {
        (p.get("document"), p.get("figure"))
        for p in points
        if document and p.get("document") == document and _holds_value(p, gold_point["value"])
    }
    return any(
        flag.get("kind") in kinds
        and any((r.get("document"), r.get("figure")) in refs for r in _items(flag, "points"))
        for flag in _items(match, "flags")
    )


def score_near_duplicates(gold: Item, docs: Mapping[str, Item | None], ids: Mapping[str, str]) -> Scores:
    """A pair is found when either document's `duplicate_of` names the other."""

    def names(copy: str, original: str) -> bool:
        duplicate_of = _meta(docs.get(copy)).get("duplicate_of")
        return (
            bool(ids.get(original))
            and isinstance(duplicate_of, Mapping)
            and (duplicate_of.get("document") == ids[original])
        )

    pairs = gold.get("near_duplicates") or []
    found = sum(names(a, b) or names(b, a) for a, b in pairs)
    return {"found": found if pairs else None, "n": len(pairs)}


def _date_meets(event: Item, cluster: Item) -> bool:
    date = event.get("date") or {}
    day = dt.date.fromisoformat(cluster["date"])
    slack = dt.timedelta(days=cluster.get("date_tolerance_days") or 0)
    low, high = (day - slack).isoformat(), (day + slack).isoformat()
    start: Any = date.get("start")
    return bool(start) and start <= high and (date.get("end") or start) >= low


def _place_near(event: Item, cluster: Item) -> bool:
    """Within tolerance of the cluster's point; no point or no coordinates is no fault."""
    place = event.get("place") or {}
    near = cluster.get("near")
    if not near or place.get("lat") is None or place.get("lon") is None:
        return True
    limit = cluster.get("tolerance_km")
    limit = rules().default_tolerance_km if limit is None else limit
    return distance_km(place["lat"], place["lon"], near[0], near[1]) <= limit


def _member_event(member: Item, cluster: Item, document: Item | None) -> Item | None:
    """The first event of the member's document of an accepted type that covers the member's
    evidence (or, without evidence, meets the cluster's date and place)."""
    text = str(_meta(document).get("text") or "")
    accepted = cluster.get("accept_types")
    accepted = [cluster["type"]] if accepted is None else accepted
    event: Item
    for event in _items(document, "events"):
        if event.get("type") not in accepted:
            continue
        if member.get("evidence"):
            if covers(member["evidence"], evidence_text(event, text), text):
                return event
        elif _date_meets(event, cluster) and _place_near(event, cluster):
            return event
    return None


def score_clusters(
    gold: Item, docs: Mapping[str, Item | None], ids: Mapping[str, str], system: Sequence[Item]
) -> Scores:
    """B-cubed precision and recall over gold members, and the share of gold clusters whose main
    system cluster gives the right number of independent sources."""
    golds = gold.get("clusters") or []
    home: dict[tuple[Any, Any], int] = {}  # (document id, event id) -> first system cluster holding it
    for index, cluster in enumerate(system):
        for member in _items(cluster, "members"):
            home.setdefault((member.get("document"), member.get("event")), index)
    rows: list[tuple[int, tuple[Any, ...]]] = []  # (gold cluster, where the member's event landed)
    for gold_index, cluster in enumerate(golds):
        members = cluster.get("members") or [{"doc": d} for d in cluster["docs"]]
        for member in members:
            event = _member_event(member, cluster, docs.get(member["doc"]))
            if event is None:
                rows.append((gold_index, ("alone", len(rows))))
                continue
            key = (ids.get(member["doc"]), event.get("id"))
            rows.append((gold_index, ("cluster", home[key]) if key in home else ("event", *key)))
    precision = recall = 0.0
    for gold_index, landed in rows:
        same_gold = {j for j, row in enumerate(rows) if row[0] == gold_index}
        same_system = {j for j, row in enumerate(rows) if row[1] == landed}
        both = len(same_gold & same_system)
        precision += both / len(same_system)
        recall += both / len(same_gold)
    p, r = share(precision, len(rows)), share(recall, len(rows))
    f1 = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
    right = 0
    for gold_index, cluster in enumerate(golds):
        held = Counter(landed[1] for g, landed in rows if g == gold_index and landed[0] == "cluster")
        if held:
            main = min(held, key=lambda i: (-held[i], i))  # most members; ties: first in export order
            right += int(system[main].get("sources") == cluster["independent_sources"])
    return {
        "precision": p,
        "recall": r,
        "f1": f1,
        "n": len(rows),
        "sources_correct": share(right, len(golds)),
    }


def score_series(
    gold: Mapping[str, Any], export: Mapping[str, Any], doc_ids: Mapping[str, str]
) -> dict[str, Any]:
    """The "scores" object of series-gold-format.md, numbers rounded to 4 places.

    `doc_ids` maps the gold's short document ids to export document ids; ids the export lacks map nothing.
    """
    by_id = {_meta(d).get("id"): d for d in _items(export, "documents")}
    docs = {short: by_id.get(export_id) for short, export_id in doc_ids.items()}
    ids = {short: export_id for short, export_id in doc_ids.items() if docs[short] is not None}
    series, copies, flags = score_figure_series(gold, ids, _items(export, "series"))
    scores = {
        "series": series,
        "copies": copies,
        "near_duplicates": score_near_duplicates(gold, docs, ids),
        "clusters": score_clusters(gold, docs, ids, _items(export, "clusters")),
        "flags": flags,
    }
    return {name: rounded(section) for name, section in scores.items()}


def _words(text: object) -> list[str]:
    return re.findall(r"\w+", normalize(text))


def _text_share(report_words: list[str], text: object) -> float:
    """The share of the report's words that the text holds in the same order."""
    if not report_words:
        return 0.0
    blocks = SequenceMatcher(None, report_words, _words(text), autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(report_words)


def map_series_documents(gold: Gold, export: Mapping[str, Any]) -> dict[str, str]:
    """Gold short id -> export document id for an export made elsewhere: the id the report's outlet
    and text give, else the document whose text holds most of the report's words in order."""
    from crisisledger.intake.normalise import document_id

    documents = _items(export, "documents")
    known = {_meta(d).get("id") for d in documents}
    mapped: dict[str, str] = {}
    for entry in series_documents(gold):
        raw = Path(entry.path).read_text("utf-8")
        own = document_id(entry.outlet or "", raw)
        if own in known:
            mapped[entry.id] = own
            continue
        report_words, outlet = _words(raw), (entry.outlet or "").strip().casefold()
        ranked = [
            (
                _text_share(report_words, _meta(d).get("text")),
                str(_meta(d).get("outlet") or "").strip().casefold() == outlet,
                i,
            )
            for i, d in enumerate(documents)
        ]
        if ranked:
            best = max(ranked, key=lambda r: (r[0], r[1]))
            if best[0] >= _MIN_TEXT_SHARE and _meta(documents[best[2]]).get("id"):
                mapped[entry.id] = str(_meta(documents[best[2]]).get("id"))
    return mapped
