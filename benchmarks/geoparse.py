"""Geoparsing benchmark: GeoWebNews, LGL, TR-News, GeoVirus (`../shared/benchmarks/`).

Runs spaCy and `extract_places` per article and reports recognition P/R/F1 (overlap matching; sites left
out), geocoding on the found gold toponyms (accuracy at 161 km, mean/median km error, AUC of log error;
a place with no point counts as 20,039 km), country accuracy (LGL, TR-News), over all gold toponyms and
over those in the shipped gazetteer, for the first (tune) and second half of each set's documents.

    .venv/bin/python benchmarks/geoparse.py [--sets lgl,tr-news] [--limit N] [--json OUT] [--cache]
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from timeit import default_timer as perf_counter  # not `time`: benchmarks/time.py shadows it for mypy
from typing import Any

from crisisledger.extract.places import extract_places
from crisisledger.gazetteer import Gazetteer, default_gazetteer
from crisisledger.language.nlp import AnalyzedDocument, Entity, parse
from crisisledger.model import Document, Place, PlacePrecision, Role, Sentence

ROOT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
FILES = {
    "geowebnews": ROOT / "geowebnews" / "GWN.xml",
    "lgl": ROOT / "lgl" / "lgl.xml",
    "tr-news": ROOT / "tr-news" / "TR-News.xml",
    "geovirus": ROOT / "geovirus" / "GeoVirus.xml",
}
MAX_KM = 20039.0


@dataclass
class Gold:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    geonames_id: int | None = None
    country: str | None = None  # ISO3
    in_gazetteer: bool = False
    is_country: bool = False  # a country: scored by ISO code, not by distance


@dataclass
class Article:
    text: str
    gold: list[Gold] = field(default_factory=list)


def _f(node: ET.Element, tag: str) -> str:
    return (node.findtext(tag) or "").strip()


def load(name: str, gazetteer: Gazetteer) -> list[Article]:
    root = ET.parse(FILES[name]).getroot()
    articles: list[Article] = []
    for art in root.iter("article"):
        a = Article(art.findtext("text") or "")
        if name == "geowebnews":
            for t in art.iter("toponym"):
                kind = _f(t, "type")
                if kind.endswith("_Expression") or kind == "Non_Toponym" or not _f(t, "latitude"):
                    continue
                gid = _f(t, "geonamesID")
                a.gold.append(
                    Gold(
                        int(_f(t, "start")),
                        int(_f(t, "end")),
                        _f(t, "extractedName"),
                        float(_f(t, "latitude")),
                        float(_f(t, "longitude")),
                        int(gid) if gid else None,
                    )
                )
        elif name == "geovirus":
            for t in art.iter("location"):
                a.gold.append(
                    Gold(
                        int(_f(t, "start")),
                        int(_f(t, "end")),
                        _f(t, "name"),
                        float(_f(t, "lat")),
                        float(_f(t, "lon")),
                    )
                )
        else:
            for t in art.iter("toponym"):
                tag = t.find("gaztag")
                if tag is None or not _f(tag, "lat"):
                    continue
                country = _f(tag, "country")
                a.gold.append(
                    Gold(
                        int(_f(t, "start")),
                        int(_f(t, "end")),
                        _f(t, "phrase"),
                        float(_f(tag, "lat")),
                        float(_f(tag, "lon")),
                        int(tag.get("geonameid") or 0) or None,
                        gazetteer.country_for_word(country) if country else None,
                        is_country=_f(tag, "fcode").startswith("PCL"),
                    )
                )
        articles.append(a)
    return articles


def mark_countries(articles: list[Article], gazetteer: Gazetteer) -> None:
    """Sets without feature codes: a gold name that is a country's name (within 2,500 km of its point)."""
    for a in articles:
        for g in a.gold:
            if g.is_country or (g.geonames_id is not None and g.country):
                continue
            hits = [c for c in gazetteer.candidates(g.name) if c.precision == PlacePrecision.COUNTRY]
            demonym = gazetteer.country_for_word(g.name)  # 'Russian': the country, scored by ISO code too
            if not hits and demonym and (country := gazetteer.country(demonym)) is not None:
                hits = [country]
            if hits and km(hits[0].lat, hits[0].lon, g.lat, g.lon) <= 2500:  # large countries: far points
                g.is_country, g.country = True, hits[0].country


def mark_in_gazetteer(articles: list[Article], gazetteer: Gazetteer) -> None:
    con = sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True)
    ids = {int(r[0]) for r in con.execute("SELECT geonames_id FROM places WHERE geonames_id IS NOT NULL")}
    con.close()
    for a in articles:
        for g in a.gold:
            if g.geonames_id is not None:
                g.in_gazetteer = g.geonames_id in ids
            else:
                g.in_gazetteer = any(km(c.lat, c.lon, g.lat, g.lon) <= 161 for c in gazetteer.candidates(g.name))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


CACHE = Path("/tmp/crisisledger-geoparse-cache")


def parsed_docs(name: str, texts: list[str], use_cache: bool) -> list[tuple[Any, float]]:
    """spaCy docs with their parse time; `--cache` keeps them in /tmp between runs (tuning only)."""
    from spacy.tokens import DocBin

    from crisisledger.language.nlp import load_pipeline

    path = CACHE / f"{name}.spacy"
    times_path = CACHE / f"{name}.times.json"
    if use_cache and path.exists() and times_path.exists():
        docs = list(DocBin().from_disk(path).get_docs(load_pipeline().vocab))
        times = json.loads(times_path.read_text())
        if [d.text for d in docs] == texts:
            return list(zip(docs, times, strict=True))
    out: list[tuple[Any, float]] = []
    for text in texts:
        t0 = perf_counter()
        doc = parse(text)
        out.append((doc, perf_counter() - t0))
    if use_cache:
        CACHE.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=[d for d, _ in out]).to_disk(path)
        times_path.write_text(json.dumps([t for _, t in out]))
    return out


def analyse(text: str, doc: Any) -> AnalyzedDocument:
    sentences = tuple(Sentence(s.text, s.start_char, s.end_char, Role.REPORT) for s in doc.sents)
    entities = tuple(Entity(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents)
    return AnalyzedDocument(Document("bench", text, date(2020, 1, 1)), sentences, entities, doc)


@dataclass
class Tally:
    system: int = 0
    system_hit: int = 0
    gold: int = 0
    gold_hit: int = 0
    errors: list[float] = field(default_factory=list)
    countries: list[bool] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        p = self.system_hit / self.system if self.system else 0.0
        r = self.gold_hit / self.gold if self.gold else 0.0
        e = self.errors
        return {
            "gold": self.gold,
            "found": self.gold_hit,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "acc161": round(sum(x <= 161 for x in e) / len(e), 3) if e else None,
            "mean_km": round(statistics.fmean(e)) if e else None,
            "median_km": round(statistics.median(e)) if e else None,
            "auc": round(statistics.fmean(math.log(1 + x) / math.log(MAX_KM) for x in e), 3) if e else None,
            "country_acc": round(sum(self.countries) / len(self.countries), 3) if self.countries else None,
            "country_n": len(self.countries),
        }


def score(article: Article, places: tuple[Place, ...], tally: Tally, only_gazetteer: bool) -> None:
    system = [p for p in places if p.precision != PlacePrecision.SITE or p.name is not None]
    gold = [g for g in article.gold if g.in_gazetteer or not only_gazetteer]
    tally.gold += len(gold)
    if not only_gazetteer:
        tally.system += len(system)
        tally.system_hit += sum(any(p.start < g.end and g.start < p.end for g in article.gold) for p in system)
    for g in gold:
        hits = [p for p in system if p.start < g.end and g.start < p.end]
        if not hits:
            continue
        tally.gold_hit += 1
        p = hits[0]
        if g.is_country:  # clarifications: countries are scored by ISO code
            tally.errors.append(0.0 if p.country == g.country and p.precision == PlacePrecision.COUNTRY else MAX_KM)
        elif p.lat is not None and p.lon is not None:
            tally.errors.append(km(p.lat, p.lon, g.lat, g.lon))
        else:
            tally.errors.append(MAX_KM)
        if g.country:
            tally.countries.append(p.country == g.country)


def errors(article: Article, places: tuple[Place, ...]) -> list[str]:
    """Lines describing a tune-half article's misses, extra places and wrong resolutions (for `--errors`)."""
    text, out = article.text, []
    system = [p for p in places if p.precision != PlacePrecision.SITE or p.name is not None]
    for p in system:
        if not any(p.start < g.end and g.start < p.end for g in article.gold):
            out.append(f"FP  {p.text!r} -> {p.name} {p.country} {p.precision} | {_context(text, p.start, p.end)}")
    for g in article.gold:
        hits = [p for p in system if p.start < g.end and g.start < p.end]
        gaz = "gaz" if g.in_gazetteer else "out"
        if not hits:
            out.append(f"FN  {g.name!r} {gaz} | {_context(text, g.start, g.end)}")
            continue
        p = hits[0]
        far = km(p.lat, p.lon, g.lat, g.lon) if p.lat is not None and p.lon is not None else MAX_KM
        wrong_country = bool(g.country) and p.country != g.country
        country_wrong = p.country != g.country or p.precision != PlacePrecision.COUNTRY
        bad = country_wrong if g.is_country else far > 161
        if bad or wrong_country:
            out.append(
                f"{'CTY' if wrong_country else 'KM '} {g.name!r} {gaz} gold={g.country} {g.lat:.2f},{g.lon:.2f}"
                f"{' PCL' if g.is_country else ''} -> {p.name} {p.country} {p.precision} {far:.0f}km"
                f" | {_context(text, g.start, g.end)}"
            )
    return out


def _context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 60) : start] + "[[" + text[start:end] + "]]" + text[end : end + 40]).replace("\n", " ")


def run(
    name: str,
    gazetteer: Gazetteer,
    limit: int | None,
    use_cache: bool,
    error_lines: list[str] | None = None,
    demonyms: bool = False,
) -> dict[str, Any]:
    articles = load(name, gazetteer)
    parsed = dict(zip(map(id, articles), parsed_docs(name, [a.text for a in articles], use_cache), strict=True))
    mark_in_gazetteer(articles, gazetteer)
    if name in ("geowebnews", "geovirus"):
        mark_countries(articles, gazetteer)
    half = len(articles) // 2
    halves = {"tune": articles[:half], "test": articles[half:]}
    out: dict[str, Any] = {"documents": len(articles)}
    spacy_s = place_s = 0.0
    for label, docs in halves.items():
        if limit:
            docs = docs[:limit]
        all_t, gaz_t = Tally(), Tally()
        for a in docs:
            doc, spent = parsed[id(a)]
            analyzed = analyse(a.text, doc)
            t0 = perf_counter()
            places = extract_places(analyzed, gazetteer, demonyms=demonyms)
            place_s += perf_counter() - t0
            spacy_s += spent
            score(a, places, all_t, only_gazetteer=False)
            score(a, places, gaz_t, only_gazetteer=True)
            if error_lines is not None and label == "tune":  # only the tune half is ever looked at
                error_lines += [f"{name} #{articles.index(a)} {line}" for line in errors(a, places)]
        out[label] = {"documents": len(docs), "all": all_t.report(), "in_gazetteer": gaz_t.report()}
    out["spacy_s"], out["places_s"] = round(spacy_s, 2), round(place_s, 2)
    out["places_overhead"] = round(place_s / spacy_s, 3) if spacy_s else None
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(FILES))
    ap.add_argument("--limit", type=int, default=None, help="documents per half (a sample)")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--cache", action="store_true", help=f"keep spaCy parses in {CACHE} between runs")
    ap.add_argument("--errors", type=Path, default=None, help="write the tune halves' errors to this file")
    ap.add_argument(
        "--demonyms", action="store_true", help="read adjectival demonyms as country toponyms (the sets' convention)"
    )
    args = ap.parse_args()
    gazetteer = default_gazetteer()
    lines: list[str] | None = [] if args.errors else None
    results = {
        name: run(name, gazetteer, args.limit, args.cache, lines, args.demonyms) for name in args.sets.split(",")
    }
    if args.errors and lines is not None:
        args.errors.write_text("\n".join(lines) + "\n")
    text = json.dumps(results, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text)


if __name__ == "__main__":
    main()
