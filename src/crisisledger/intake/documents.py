"""From a `RawReport` to a `Document`: normalised text, id, and the date it must have."""

from __future__ import annotations

from crisisledger.errors import EmptyInputError, NoDateError
from crisisledger.intake.normalise import document_id, normalise
from crisisledger.intake.readers import RawReport
from crisisledger.model import Document


def to_document(raw: RawReport) -> Document:
    text = normalise(raw.text)
    if not text:
        raise EmptyInputError(f"{raw.source}: no text after normalisation")
    if raw.published is None:
        raise NoDateError(f"{raw.source}: no publication date found; give one with --published YYYY-MM-DD")
    return Document(
        id=document_id(raw.outlet, raw.text),
        text=text,
        published=raw.published,
        outlet=raw.outlet or None,
        url=raw.url,
        title=raw.title,
        author=raw.author,
        source=raw.source,
    )
