"""The extract stage: ordered, named, versioned extractors over one analysed document.

Each extractor is a pure function of the analysed document and what earlier ones produced; the
order is time → places → figures → actors → events → claims (architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crisisledger.extract.actors import extract_actors
from crisisledger.extract.claims import extract_claims
from crisisledger.extract.coding_dictionary import UserDictionary, load_dictionary, with_dictionary_actors
from crisisledger.extract.coding_lexicon import TriggerTable, trigger_table
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
    "actors@4",
    "events@5",
    "claims@4",
)


@dataclass(frozen=True, slots=True)
class Context:
    """What the extractors share across documents (loaded once per process): the gazetteer and, where
    the analyst gives one, their own coding dictionary (its verbs and actors read first)."""

    gazetteer: Gazetteer
    dictionary: UserDictionary | None = None
    triggers: TriggerTable | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.dictionary is not None:
            object.__setattr__(self, "triggers", self.dictionary.triggers(trigger_table()))

    @property
    def stages(self) -> tuple[str, ...]:
        return STAGES + ((self.dictionary.stage,) if self.dictionary is not None else ())


def default_context(dictionary: Path | None = None) -> Context:
    return Context(default_gazetteer(), load_dictionary(dictionary) if dictionary is not None else None)


def extract(analyzed: AnalyzedDocument, context: Context) -> Extraction:
    """Every extractor in order; each reads the document and what the earlier ones produced."""
    hints = tuple((e.start, e.end) for e in analyzed.entities if e.label in ("DATE", "TIME"))
    times = extract_times(analyzed.text, analyzed.document.published, hints, doc=analyzed.doc)
    places = extract_places(analyzed, context.gazetteer)
    figures = extract_figures(analyzed, times, places)
    actors = extract_actors(analyzed, places, context.gazetteer)
    if context.dictionary is not None:
        actors = tuple(with_dictionary_actors(analyzed, actors, context.dictionary))
    events, figures = extract_events(analyzed, actors, times, places, figures, table=context.triggers)
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
        stages=context.stages,
    )
