"""Event-location benchmark (Halterman 2019): which toponym of a sentence is where its marked event happened.

For each record, the system runs spaCy and `extract_places`, and asks `event_place` for the place the
dependency parse ties to the event verb. Scores location-span P/R/F1, exact and with any overlap, on the
496 gold re-annotations (`source == "RELABEL"`); also shown: the earlier heuristic (the place nearest the
verb, a locative preposition favoured), the event coder's own rule (`extract.events._event_place`: the
most specific place its trigger's grammar reaches that names no doer, else an opening "In X," scene, else the
place the parse ties to it; scored with no last event place) and the baseline,
the nearest GPE/LOC/FAC entity spaCy finds.
`--strict` makes the system answer "none" when no place is tied to the verb by the parse.

    .venv/bin/python benchmarks/event_location.py [--all] [--strict]
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from crisisledger.extract.event_places import event_place
from crisisledger.extract.places import extract_places
from crisisledger.gazetteer import default_gazetteer
from crisisledger.language.nlp import AnalyzedDocument, Entity, parse
from crisisledger.model import Document, Place, PlacePrecision, Role, Sentence

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "event-location-halterman"
LOCATIVE = ("in ", "at ", "near ", "outside ", "into ", "on ")


@dataclass
class Counts:
    system: int = 0
    gold: int = 0
    exact: int = 0
    overlap: int = 0

    def report(self) -> dict[str, Any]:
        def f1(hit: int) -> dict[str, float]:
            p = hit / self.system if self.system else 0.0
            r = hit / self.gold if self.gold else 0.0
            return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}

        return {
            "system": self.system,
            "gold": self.gold,
            "exact": f1(self.exact),
            "overlap": f1(self.overlap),
        }


def nearest(spans: list[tuple[int, int]], verb: tuple[int, int], text: str) -> tuple[int, int] | None:
    if not spans:
        return None

    def distance(s: tuple[int, int]) -> tuple[int, int]:
        gap = s[0] - verb[1] if s[0] >= verb[1] else verb[0] - s[1]
        locative = text[max(0, s[0] - 8) : s[0]].lower().endswith(LOCATIVE)
        return (gap - (40 if locative else 0), s[0])

    return min(spans, key=distance)


_NAME = re.compile(r"[A-Z][\w'’.\- ]*[\w.]")


def well_formed(record: dict[str, Any]) -> bool:
    """Every LOCATION span covers a capitalised name on word boundaries: 223 of the 372 gold spans do
    not (empty, or shifted: 'g', ' s'), their offsets broken in the source."""
    text = record["text"]
    for s in record["spans"]:
        if s["label"] != "LOCATION":
            continue
        a, b = s["start"], s["end"]
        if not _NAME.fullmatch(text[a:b]) or (a > 0 and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum()):
            return False
    return True


def coder_place(analyzed: AnalyzedDocument, places: list[Place], verb: tuple[int, int]) -> Place | None:
    """What the event coder picks today for a trigger at `verb` (its private rule, measured here only)."""
    from crisisledger.extract.events import _event_place

    span = analyzed.doc.char_span(verb[0], verb[1], alignment_mode="expand") if analyzed.doc is not None else None
    if span is None or not len(span):
        return None
    sentence = span.root.sent
    inside = [p for p in places if sentence.start_char <= p.start < sentence.end_char]
    chosen: Place | None = _event_place(span.root, inside, [None], False)
    return chosen


def tally(counts: Counts, predicted: tuple[int, int] | None, gold: list[tuple[int, int]]) -> None:
    counts.gold += len(gold)
    if predicted is None:
        return
    counts.system += 1
    counts.exact += predicted in gold
    counts.overlap += any(predicted[0] < e and s < predicted[1] for s, e in gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="also score all 10,182 records (slow)")
    ap.add_argument("--strict", action="store_true", help="no place unless the parse ties one to the verb")
    args = ap.parse_args()
    gazetteer = default_gazetteer()
    records = [json.loads(line) for line in (DATA / "labeled_text.slim.jsonl").open(encoding="utf-8")]
    if not args.all:
        records = [r for r in records if r.get("source") == "RELABEL"]
    names = ("system", "event_coder", "nearest_place", "baseline_nearest_ner")
    counts = {subset: {n: Counts() for n in names} for subset in ("all", "well_formed")}
    for r in records:
        text = r["text"]
        verb = next(((s["start"], s["end"]) for s in r["spans"] if s["label"] == "VERB"), (0, 0))
        gold = [(s["start"], s["end"]) for s in r["spans"] if s["label"] == "LOCATION"]
        doc = parse(text)
        entities = tuple(Entity(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents)
        sentences = tuple(Sentence(s.text, s.start_char, s.end_char, Role.REPORT) for s in doc.sents)
        analyzed = AnalyzedDocument(Document("el", text, date(2019, 1, 1)), sentences, entities, doc)
        places = [p for p in extract_places(analyzed, gazetteer) if p.precision != PlacePrecision.SITE]
        chosen = event_place(analyzed, places, verb[0], verb[1], strict=args.strict)
        ner = [(e.start, e.end) for e in entities if e.label in ("GPE", "LOC", "FAC")]
        coded = coder_place(analyzed, places, verb)
        answers = {
            "system": (chosen.start, chosen.end) if chosen else None,
            "event_coder": (coded.start, coded.end) if coded else None,
            "nearest_place": nearest([(p.start, p.end) for p in places], verb, text),
            "baseline_nearest_ner": nearest(ner, verb, text),
        }
        for subset in ("all", "well_formed") if well_formed(r) else ("all",):
            for name, answer in answers.items():
                tally(counts[subset][name], answer, gold)
    print(
        json.dumps(
            {
                "records": len(records),
                "well_formed_records": sum(map(well_formed, records)),
                **{subset: {n: c.report() for n, c in by_name.items()} for subset, by_name in counts.items()},
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
