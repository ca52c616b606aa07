"""The extract stage: ordered, named, versioned extractors over one analysed document.

Each extractor is a pure function of the analysed document and what earlier ones produced; the
order is time → places → figures → actors → events → claims (architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from crisisledger.extract.actors import extract_actors
from crisisledger.extract.claims import extract_claims
from crisisledger.extract.events import extract_events
from crisisledger.extract.figures import extract_figures
from crisisledger.extract.places import extract_places
from crisisledger.extract.time import extract_times
from crisisledger.gazetteer import Gazetteer, default_gazetteer
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Extraction

# `stage@version` of every stage, in order; bump a version when a stage's output changes on purpose,
# so a ledger knows which coder wrote what (Extraction.stages).
STAGES = (
    "language@1",
    "time@3",
    "places@4",
    "figures@1",
    "actors@3",
    "events@4",
    "claims@3",
)


@dataclass(frozen=True, slots=True)
class Context:
    """What the extractors share across documents: the gazetteer (loaded once per process)."""

    gazetteer: Gazetteer


def default_context() -> Context:
    return Context(gazetteer=default_gazetteer())


def extract(analyzed: AnalyzedDocument, context: Context) -> Extraction:
    """Every extractor in order; each reads the document and what the earlier ones produced."""
    hints = tuple((e.start, e.end) for e in analyzed.entities if e.label in ("DATE", "TIME"))
    times = extract_times(analyzed.text, analyzed.document.published, hints, doc=analyzed.doc)
    places = extract_places(analyzed, context.gazetteer)
    figures = extract_figures(analyzed, times, places)
    actors = extract_actors(analyzed, places, context.gazetteer)
    events, figures = extract_events(analyzed, actors, times, places, figures)
    claims = extract_claims(analyzed, actors)
    return Extraction(
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
