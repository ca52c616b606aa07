"""The extract stage: ordered, named, versioned extractors over one analysed document.

Each extractor is a pure function of the analysed document and what earlier ones produced; the
order is time → places → figures → actors → events → claims (architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Extraction

STAGES = (
    "language@1",
    "time@1",
    "places@1",
    "figures@1",
    "actors@1",
    "events@1",
    "claims@1",
)


@dataclass(frozen=True, slots=True)
class Context:
    """What the extractors share across documents: the gazetteer (loaded once per process)."""

    gazetteer: Any


def default_context() -> Context:
    from crisisledger.gazetteer import default_gazetteer

    return Context(gazetteer=default_gazetteer())


def extract(analyzed: AnalyzedDocument, context: Context) -> Extraction:
    from crisisledger.extract.actors import extract_actors
    from crisisledger.extract.claims import extract_claims
    from crisisledger.extract.events import extract_events
    from crisisledger.extract.figures import extract_figures
    from crisisledger.extract.places import extract_places
    from crisisledger.extract.time import extract_times

    hints = tuple((e.start, e.end) for e in analyzed.entities if e.label in ("DATE", "TIME"))
    times = extract_times(analyzed.text, analyzed.document.published, hints, doc=analyzed.doc)
    places = extract_places(analyzed, context.gazetteer)
    figures = extract_figures(analyzed, times, places)
    actors = extract_actors(analyzed, places, context.gazetteer)
    events, figures = extract_events(analyzed, actors, times, places, figures)
    claims = extract_claims(analyzed, actors)
    x = Extraction(
        document=analyzed.document,
        sentences=analyzed.sentences,
        times=times,
        places=places,
        actors=actors,
        figures=figures,
        events=events,
        claims=claims,
        stages=STAGES,
    )
    return replace(x)
