"""`crisisledger eval`: score exports against gold files of both formats (gold-format.md,
series-gold-format.md) exactly as the reference scorers in ../shared/tools do."""

from __future__ import annotations

from crisisledger.evaluate.golds import Gold, SeriesDocument, load_gold, series_documents
from crisisledger.evaluate.report import below_floors, flatten, render_tables
from crisisledger.evaluate.series import map_series_documents, score_series
from crisisledger.evaluate.single import pick_document, score_single

__all__ = [
    "Gold",
    "SeriesDocument",
    "below_floors",
    "flatten",
    "load_gold",
    "map_series_documents",
    "pick_document",
    "render_tables",
    "score_series",
    "score_single",
    "series_documents",
]
