"""Records to the canonical per-document object of architecture.md (exactly its field names)."""

from __future__ import annotations

from datetime import date
from typing import Any

from crisisledger.model import (
    Actor,
    Claim,
    DateRange,
    Document,
    Event,
    Extraction,
    Figure,
    Place,
    Sentence,
    Span,
    TimeExpr,
)

FORMAT = "crisisledger/1"


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def span_dict(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end}


def document_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "outlet": doc.outlet,
        "url": doc.url,
        "title": doc.title,
        "author": doc.author,
        "published": doc.published.isoformat(),
        "language": doc.language,
        "text": doc.text,
        "duplicate_of": (
            {"document": doc.duplicate_of.document, "kind": doc.duplicate_of.kind.value} if doc.duplicate_of else None
        ),
    }


def sentence_dict(s: Sentence) -> dict[str, Any]:
    return {"text": s.text, "start": s.start, "end": s.end, "role": s.role.value}


def range_dict(r: DateRange | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"start": r.start.isoformat(), "end": r.end.isoformat(), "precision": r.precision.value}


def time_dict(t: TimeExpr) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "date_start": iso(t.range.start) if t.range else None,
        "date_end": iso(t.range.end) if t.range else None,
        "precision": t.range.precision.value if t.range else None,
    }
    if t.timex:
        out["timex"] = t.timex
    return out


def place_dict(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "name": p.name,
        "geonames_id": p.geonames_id,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "precision": p.precision.value if p.precision else None,
    }


def actor_dict(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "text": a.text,
        "start": a.start,
        "end": a.end,
        "name": a.name,
        "country": a.country,
        "kind": a.kind.value,
        "role": a.role,
    }


def figure_dict(f: Figure) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": f.kind.value,
        "value": number(f.value),
        "value_min": number(f.value_min),
        "value_max": number(f.value_max),
        "qualifier": f.qualifier.value,
        "unit": f.unit,
        "who": f.who,
        "place": place_dict(f.place),
        "as_of": iso(f.as_of),
        "since": iso(f.since),
        "attributed_to": f.attributed_to,
        "certainty": f.certainty.value,
        "evidence": span_dict(f.evidence),
    }


def event_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type.value,
        "mode": e.mode,
        "actors": [actor_dict(a) for a in e.actors],
        "targets": [actor_dict(a) for a in e.targets],
        "place": place_dict(e.place),
        "date": range_dict(e.date),
        "certainty": e.certainty.value,
        "attributed_to": e.attributed_to,
        "background": e.background,
        "figures": list(e.figures),
        "evidence": span_dict(e.evidence),
    }


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "speaker": c.speaker,
        "actor": c.actor,
        "channel": c.channel,
        "stance": c.stance.value,
        "evidence": span_dict(c.evidence),
    }


def document_record(x: Extraction) -> dict[str, Any]:
    """The per-document object: one entry of the export's `documents` list."""
    return {
        "document": document_dict(x.document),
        "sentences": [sentence_dict(s) for s in x.sentences],
        "times": [time_dict(t) for t in sorted(x.times, key=lambda t: (t.start, t.end))],
        "places": [place_dict(p) for p in sorted(x.places, key=lambda p: (p.start, p.end))],
        "actors": [actor_dict(a) for a in sorted(x.actors, key=lambda a: (a.start, a.end))],
        "figures": [figure_dict(f) for f in x.figures],
        "events": [event_dict(e) for e in x.events],
        "claims": [claim_dict(c) for c in x.claims],
    }
