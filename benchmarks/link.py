"""Linking benchmark: B-cubed cluster scores on two multi-report golds, and the time to link one new report
into a ledger holding 100,000 events.

    .venv/bin/python benchmarks/link.py                  # both golds (spaCy) and the timing
    .venv/bin/python benchmarks/link.py --no-golds --events 100000 --runs 50

The ledger for the timing is synthetic: events of invented incidents scattered over a year and a 20 x 30 degree
box, each incident told by one to three reports, written straight into the link tables (components set by
incident) so that building it takes seconds; the timed part is `link_document` alone for new reports whose
events land among them.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
from datetime import date, timedelta
from pathlib import Path
from timeit import default_timer as clock  # time.perf_counter; benchmarks/time.py shadows `time` for mypy
from typing import Any

from sqlalchemy import insert

from crisisledger.ledger import tables as t
from crisisledger.ledger.sql import open_store
from crisisledger.link.grouping import cluster_id
from crisisledger.link.hooks import link_document
from crisisledger.link.nodes import EventNode, buckets, own_keys
from crisisledger.link.rules import rules
from crisisledger.link.state import _node_json

ROOT = Path(__file__).resolve().parents[1]
GOLDS = [
    ROOT / "tests" / "data" / "scenario" / "scenario.gold.json",
    ROOT.parent / "shared" / "gold" / "series" / "turkey-syria-earthquake-2023" / "series.gold.json",
]
TYPES = ["ASSAULT", "INCIDENT", "DISPLACEMENT", "AID", "PROTEST", "COERCE", "CONSULT", "ACCUSE"]
START = date(2023, 1, 1)


def score_golds() -> list[dict[str, Any]]:
    from crisisledger.evaluate.runner import evaluate_gold

    out = []
    for gold in GOLDS:
        if gold.exists():
            result = evaluate_gold(gold)
            out.append({"gold": gold.name if gold.parent.name == "scenario" else gold.parent.name, **result["scores"]})
    return out


def _event(doc: str, eid: str, type_: str, day: date, lat: float, lon: float) -> dict[str, Any]:
    return {
        "id": eid,
        "type": type_,
        "mode": None,
        "actors": [],
        "targets": [],
        "place": {"name": None, "geonames_id": None, "lat": lat, "lon": lon, "country": "ZZZ", "precision": "town"},
        "date": {"start": day.isoformat(), "end": day.isoformat(), "precision": "day"},
        "certainty": "asserted",
        "attributed_to": None,
        "background": False,
        "figures": [],
        "evidence": {"text": f"{type_} in {doc}", "start": 0, "end": 1},
    }


def build(store: Any, n_events: int, rnd: random.Random) -> list[tuple[str, date, float, float]]:
    """Write n_events synthetic events into the link tables; returns the incidents (type, day, lat, lon)."""
    r = rules()
    incidents = []
    events: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    bands: list[dict[str, Any]] = []
    doc_n = 0
    while len(events) < n_events:
        inc = (rnd.choice(TYPES), START + timedelta(days=rnd.randrange(365)), rnd.uniform(30, 50), rnd.uniform(30, 60))
        incidents.append(inc)
        refs = []
        nodes = []
        for _ in range(rnd.randint(1, 3)):
            doc_n += 1
            doc = f"{doc_n:016x}"
            day = inc[1].toordinal()
            node = EventNode(
                doc,
                "e1",
                inc[0],
                None,
                day,
                day,
                inc[2],
                inc[3],
                "ZZZ",
                "town",
                None,
                frozenset(),
                frozenset(),
                frozenset(),
            )
            nodes.append(node)
            refs.append(node.ref)
            docs.append(
                {
                    "document": doc,
                    "outlet": f"o{doc_n % 50}",
                    "url": "",
                    "published": inc[1].isoformat(),
                    "shingles": "[]",
                    "words": "",
                }
            )
            bands.extend({"band": b, "hash": f"{rnd.getrandbits(63):016x}", "document": doc} for b in range(r.bands))
        component, cluster = min(refs), cluster_id(refs)
        for node in nodes:
            events.append(
                {
                    "document": node.document,
                    "event": node.event,
                    "node": _node_json(node),
                    "component": component,
                    "cluster": cluster,
                }
            )
            keys.extend(
                {"bucket": b, "key": k, "document": node.document, "event": node.event}
                for b in buckets(node, r)
                for k in own_keys(node, r)
            )
    with store.engine.begin() as conn:
        for table, rows in (
            (t.link_events, events),
            (t.link_event_keys, keys),
            (t.link_documents, docs),
            (t.link_bands, bands),
        ):
            for i in range(0, len(rows), 50_000):
                conn.execute(insert(table), rows[i : i + 50_000])
    return incidents


def new_report(n: int, incidents: list[tuple[str, date, float, float]], rnd: random.Random) -> dict[str, Any]:
    text = " ".join(f"w{rnd.getrandbits(40):x}" for _ in range(150))
    events = []
    for i in range(5):
        type_, day, lat, lon = rnd.choice(incidents)
        events.append(_event("new", f"e{i + 1}", type_, day, lat + rnd.uniform(-0.05, 0.05), lon))
    published = max(e["date"]["start"] for e in events)
    doc = {
        "id": f"ffff{n:012x}",
        "outlet": "Bench Daily",
        "url": None,
        "title": None,
        "author": None,
        "published": published,
        "language": "en",
        "text": text,
        "duplicate_of": None,
    }
    return {
        "document": doc,
        "sentences": [],
        "times": [],
        "places": [],
        "actors": [],
        "figures": [],
        "events": events,
        "claims": [],
    }


def timing(n_events: int, runs: int) -> dict[str, Any]:
    rnd = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        t0 = clock()
        incidents = build(store, n_events, rnd)
        built = clock() - t0
        times = []
        for n in range(runs):
            record = new_report(n, incidents, rnd)
            store.add(record)
            t1 = clock()
            link_document(store, record)
            times.append((clock() - t1) * 1000)
        store.close()
    return {
        "events": n_events,
        "build_s": round(built, 1),
        "runs": runs,
        "events_per_report": 5,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(sorted(times)[int(0.95 * runs) - 1], 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--no-golds", action="store_true")
    args = ap.parse_args()
    out: dict[str, Any] = {}
    if not args.no_golds:
        out["golds"] = score_golds()
    out["timing"] = timing(args.events, args.runs)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
