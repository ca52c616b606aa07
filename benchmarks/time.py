"""TempEval-3 (TBAQ-cleaned) benchmark for the time extractor.

Runs spaCy (DATE/TIME hints, and the parse for tense) plus `extract_times` on each document's TEXT
with its creation date (DCT) as the publication date, and scores as `shared/design/clarifications.md` says:
relaxed span P/R/F1, value F1 over DATE+TIME gold (system expressions overlapping a gold DURATION
or SET left out of the precision), value F1 over all types, and value accuracy on matched relative
(`temporalFunction="true"`) DATE/TIME gold. Tune on the first 128 documents in sorted path order.

    .venv/bin/python benchmarks/time.py [--half first|second|all] [--cache DIR] [--no-parse] [--errors] [--confusion]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from timeit import default_timer
from typing import Any
from xml.etree import ElementTree

from crisisledger.extract.time import extract_times
from crisisledger.model import TimeExpr

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tempeval3-tbaq-timex"
TUNING_DOCS = 128


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    relative: bool


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    text: str
    created: date
    timexes: tuple[GoldTimex, ...]


def _walk(node: ElementTree.Element, parts: list[str], found: list[GoldTimex], offset: int) -> int:
    """Append the node's text to `parts`, recording TIMEX3 spans; returns the new offset."""
    start = offset
    if node.text:
        parts.append(node.text)
        offset += len(node.text)
    for child in node:
        offset = _walk(child, parts, found, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if node.tag == "TIMEX3":
        found.append(
            GoldTimex(
                start,
                offset,
                node.get("type", ""),
                node.get("value", ""),
                node.get("temporalFunction") == "true",
            )
        )
    return offset


def load_document(path: Path) -> GoldDocument:
    root = ElementTree.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None:
        raise ValueError(f"{path}: no DCT or TEXT")
    parts: list[str] = []
    found: list[GoldTimex] = []
    _walk(body, parts, found, 0)
    found = [t for t in found if t.start != 0 or t.end != sum(map(len, parts))]  # not TEXT itself
    created = date.fromisoformat(dct.get("value", "")[:10])
    return GoldDocument(path.stem, "".join(parts), created, tuple(sorted(found, key=lambda t: t.start)))


def documents(half: str) -> list[GoldDocument]:
    paths = sorted(DATA.glob("*/*.tml"))
    if half == "first":
        paths = paths[:TUNING_DOCS]
    elif half == "second":
        paths = paths[TUNING_DOCS:]
    return [load_document(p) for p in paths]


def normalise_value(value: str) -> str:
    """`2000-W7` and `2000-W07` are one value."""
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value.strip())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match(gold: Sequence[GoldTimex], system: Sequence[TimeExpr]) -> dict[int, int]:
    """One-to-one relaxed matching (gold index -> system index), largest overlap first."""
    pairs = sorted(
        (
            (-_overlap((g.start, g.end), (s.start, s.end)), gi, si)
            for gi, g in enumerate(gold)
            for si, s in enumerate(system)
            if _overlap((g.start, g.end), (s.start, s.end)) > 0
        ),
    )
    used_gold: dict[int, int] = {}
    used_system: set[int] = set()
    for _, gi, si in pairs:
        if gi not in used_gold and si not in used_system:
            used_gold[gi] = si
            used_system.add(si)
    return used_gold


@dataclass(slots=True)
class Tally:
    gold: int = 0
    system: int = 0
    span_matched: int = 0
    strict_matched: int = 0
    dt_gold: int = 0
    dt_system: int = 0
    dt_correct: int = 0
    dt_system_correct: int = 0  # correct ones among the dt_system expressions (the precision numerator)
    all_correct: int = 0
    relative_matched: int = 0
    relative_correct: int = 0
    relative_gold: int = 0


_KIND_SHAPES: tuple[tuple[str, str], ...] = (
    ("weekday", r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b"),
    ("today/yesterday", r"\b(?:today|tonight|yesterday|tomorrow)\b"),
    ("anaphoric", r"\b(?:that|same|following|previous|earlier|later|before|after|prior)\b"),
    ("ago", r"\bago\b"),
    ("last/this/next unit", r"\b(?:week|weekend|month|year|quarter|decade|century)s?\b"),
    ("month", r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b"),
    ("clock", r"\b(?:[ap]\.?m\b|noon|midnight|\d:\d\d)"),
    ("year/decade", r"\b\d{4}s?\b|'\d0s"),
)


def kind_of(text: str, value: str) -> str:
    """A coarse class of an expression for the confusion table: value kinds first, then wording."""
    if value.endswith("_REF"):
        return "REF"
    if value.startswith("P"):
        return "duration value"
    if value.startswith("XXXX"):
        return "set value"
    lowered = text.lower()
    return next((kind for kind, shape in _KIND_SHAPES if re.search(shape, lowered)), "other")


def score_document(
    doc: GoldDocument,
    system: Sequence[TimeExpr],
    tally: Tally,
    errors: list[str],
    confusion: Counter[str] | None = None,
) -> None:
    pairs = match(doc.timexes, system)
    tally.gold += len(doc.timexes)
    tally.system += len(system)
    tally.span_matched += len(pairs)
    other_types = [(g.start, g.end) for g in doc.timexes if g.type not in ("DATE", "TIME")]
    date_time_system = [
        si for si, s in enumerate(system) if not any(_overlap((s.start, s.end), span) > 0 for span in other_types)
    ]
    tally.dt_system += len(date_time_system)
    for gi, g in enumerate(doc.timexes):
        si = pairs.get(gi)
        sys_expr = system[si] if si is not None else None
        correct = sys_expr is not None and normalise_value(sys_expr.timex or "") == normalise_value(g.value)
        if sys_expr is not None and (sys_expr.start, sys_expr.end) == (g.start, g.end):
            tally.strict_matched += 1
        tally.all_correct += correct
        if g.type in ("DATE", "TIME"):
            tally.dt_gold += 1
            tally.dt_correct += correct
            tally.dt_system_correct += correct and si in date_time_system
            if g.relative:
                tally.relative_gold += 1
                tally.relative_matched += sys_expr is not None
                tally.relative_correct += correct
            if not correct and confusion is not None:
                outcome = "missed" if sys_expr is None else "wrong value"
                confusion[f"{outcome}: {kind_of(doc.text[g.start : g.end], g.value)}"] += 1
            if not correct:
                got = f"{sys_expr.text!r}={sys_expr.timex}" if sys_expr else "-"
                errors.append(
                    f"{doc.name} {doc.created} gold {doc.text[g.start : g.end]!r}={g.value} got {got}"
                )
    matched_system = set(pairs.values())
    for si, s in enumerate(system):
        if si not in matched_system:
            errors.append(f"{doc.name} {doc.created} spurious {s.text!r}={s.timex}")
            if confusion is not None and si in date_time_system:
                confusion[f"spurious: {kind_of(s.text, s.timex or '')}"] += 1


def _f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _f1_of(precision: float, correct: int, gold: int) -> tuple[float, float, float]:
    """P/R/F1 where precision has its own numerator (DATE+TIME: only system expressions kept in it)."""
    recall = correct / gold if gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def parses_for(docs: Sequence[GoldDocument], cache_dir: Path | None) -> Iterator[tuple[list[tuple[int, int]], Any]]:
    """(spaCy DATE/TIME spans, spaCy Doc) per document; with `cache_dir`, parses are kept there
    as DocBin files named by text hash."""
    from spacy.tokens import DocBin

    from crisisledger.language.nlp import load_pipeline

    nlp = load_pipeline()
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        key = hashlib.sha256(doc.text.encode()).hexdigest()[:16]
        path = cache_dir / f"{key}.spacy" if cache_dir is not None else None
        if path is not None and path.exists():
            (parsed,) = DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)
        else:
            parsed = nlp(doc.text)
            if path is not None:
                path.write_bytes(DocBin(docs=[parsed]).to_bytes())
        yield [(e.start_char, e.end_char) for e in parsed.ents if e.label_ in ("DATE", "TIME")], parsed


def run(
    half: str, cache_dir: Path | None, show_errors: bool, with_parse: bool = True, show_confusion: bool = False
) -> dict[str, float]:
    docs = documents(half)
    tally = Tally()
    errors: list[str] = []
    confusion: Counter[str] = Counter()
    words = 0
    elapsed = 0.0
    for doc, (hints, parsed) in zip(docs, parses_for(docs, cache_dir), strict=True):
        began = default_timer()
        system = extract_times(doc.text, doc.created, hints, doc=parsed if with_parse else None)
        elapsed += default_timer() - began
        words += len(doc.text.split())
        score_document(doc, system, tally, errors, confusion)
    span = _f1(tally.span_matched, tally.system, tally.gold)
    strict = _f1(tally.strict_matched, tally.system, tally.gold)
    dt_precision = tally.dt_system_correct / tally.dt_system if tally.dt_system else 0.0
    value_dt = _f1_of(dt_precision, tally.dt_correct, tally.dt_gold)
    value_all = _f1(tally.all_correct, tally.system, tally.gold)
    relative = tally.relative_correct / tally.relative_matched if tally.relative_matched else 0.0
    if show_errors:
        print("\n".join(errors))
    if show_confusion:  # DATE/TIME errors by kind: what costs recall (missed, wrong) and precision (spurious)
        print(f"DATE/TIME errors, {half} half:")
        for label, count in sorted(confusion.items(), key=lambda item: (-item[1], item[0])):
            print(f"{count:5d}  {label}")
    return {
        "documents": len(docs),
        "gold": tally.gold,
        "system": tally.system,
        "span_p": span[0],
        "span_r": span[1],
        "span_f1": span[2],
        "strict_span_f1": strict[2],
        "value_f1_date_time": value_dt[2],
        "value_p_date_time": value_dt[0],
        "value_r_date_time": value_dt[1],
        "value_f1_all": value_all[2],
        "relative_matched": tally.relative_matched,
        "relative_gold": tally.relative_gold,
        "relative_accuracy": relative,
        "ms_per_1000_words": 1000 * elapsed / words * 1000 if words else 0.0,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--half", choices=("first", "second", "all"), default="all")
    parser.add_argument("--cache", type=Path, help="folder caching spaCy parses between runs")
    parser.add_argument("--no-parse", action="store_true", help="hints only: no tense from the parse")
    parser.add_argument("--errors", action="store_true", help="print every wrong or spurious value")
    parser.add_argument("--confusion", action="store_true", help="count DATE/TIME errors by kind")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    halves = ("first", "second", "all") if args.half == "all" else (args.half,)
    results = {
        h: run(h, args.cache, args.errors and h == args.half, not args.no_parse, args.confusion and h == args.half)
        for h in halves
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    rows = [
        ("documents", "documents", "d"),
        ("gold TIMEX3 / system", None, ""),
        ("span P (relaxed)", "span_p", ".3f"),
        ("span R (relaxed)", "span_r", ".3f"),
        ("span F1 (relaxed)", "span_f1", ".3f"),
        ("span F1 (strict)", "strict_span_f1", ".3f"),
        ("value F1 DATE+TIME (floor 0.8)", "value_f1_date_time", ".3f"),
        ("value F1 all types (floor 0.7)", "value_f1_all", ".3f"),
        ("relative value accuracy (floor 0.85)", "relative_accuracy", ".3f"),
        ("relative matched / gold", None, ""),
        ("extractor ms per 1,000 words", "ms_per_1000_words", ".1f"),
    ]
    print("| measure | " + " | ".join(halves) + " |")
    print("| --- |" + " --- |" * len(halves))
    for label, key, fmt in rows:
        if key is None and label.startswith("gold"):
            cells = [f"{results[h]['gold']} / {results[h]['system']}" for h in halves]
        elif key is None:
            cells = [f"{results[h]['relative_matched']} / {results[h]['relative_gold']}" for h in halves]
        else:
            cells = [format(results[h][key], fmt) for h in halves]
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
