"""Ingest: inputs to ledger records, one transaction per document, a failed input skipped and reported."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from crisisledger.errors import CrisisLedgerError, InputError
from crisisledger.export.canonical import document_record
from crisisledger.extract.pipeline import Context, default_context, extract
from crisisledger.intake.documents import to_document
from crisisledger.intake.readers import DEFAULT_MAX_BYTES, Overrides, RawReport, expand, read_path
from crisisledger.language.analyze import analyze
from crisisledger.ledger.store import Store
from crisisledger.model import Document


@dataclass
class IngestSummary:
    ingested: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (input, reason, code)
    documents: list[str] = field(default_factory=list)  # ids of documents ingested or already there

    @property
    def reasons(self) -> Counter[str]:
        return Counter(code for _, _, code in self.skipped)


def iter_inputs(
    paths: Iterable[Path], overrides: Overrides, max_bytes: int = DEFAULT_MAX_BYTES, fmt: str = "auto"
) -> Iterator[Document | InputError]:
    """Documents (or the errors of inputs that cannot become one) in input order."""
    for path in expand(list(paths)):
        if isinstance(path, InputError):
            yield path
            continue
        for item in read_path(path, max_bytes=max_bytes, fmt=fmt):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield to_document(overrides.apply(item))
            except InputError as exc:
                yield exc


def read_stdin(data: bytes, overrides: Overrides) -> Iterator[Document | InputError]:
    from crisisledger.intake.readers import decode, read_text

    try:
        raw: RawReport = read_text(decode(data, "<stdin>"), "<stdin>")
        yield to_document(overrides.apply(raw))
    except InputError as exc:
        yield exc


def extract_record(document: Document) -> dict[str, Any]:
    """The whole flow for one document, in this process: language, extract, canonical object."""
    return document_record(extract(analyze(document), _context()))


_DICTIONARY: list[Path | None] = [None]  # the analyst's coding dictionary folder, in every process


def use_dictionary(folder: Path | None) -> None:
    """Code with this coding dictionary folder (None: the built-in lexicon only) from now on."""
    if folder != _DICTIONARY[0]:
        _DICTIONARY[0] = folder
        _context.cache_clear()


@lru_cache(maxsize=1)
def _context() -> Context:
    """One context (gazetteer, coding dictionary) per process, workers included."""
    return default_context(_DICTIONARY[0])


def _safe_extract(document: Document) -> dict[str, Any] | str:
    try:
        return extract_record(document)
    except CrisisLedgerError as exc:
        return f"{exc} [{exc.code}]"
    except Exception as exc:  # an extractor bug must not sink a batch: report it and go on
        return f"extraction failed: {exc.__class__.__name__}: {exc} [EXTRACT]"


def ingest(
    store: Store,
    inputs: Iterable[Document | InputError],
    workers: int = 1,
    on_progress: Callable[[str], None] | None = None,
    on_error: Callable[[str, str, str], None] | None = None,
    after_add: Callable[[dict[str, Any]], None] | None = None,
    dictionary: Path | None = None,
) -> IngestSummary:
    """Extract and store every document; a failed one is reported through `on_error` and skipped.
    `dictionary`: a coding dictionary folder read before the built-in lexicon (`coding_dictionary`)."""
    use_dictionary(dictionary)
    _context()  # a broken dictionary fails here, once, before any input is read
    summary = IngestSummary()

    def fail(source: str, reason: str, code: str) -> None:
        summary.skipped.append((source, reason, code))
        if on_error:
            on_error(source, reason, code)

    pending: list[Document] = []
    for item in inputs:
        if isinstance(item, InputError):
            message = str(item)
            source, _, reason = message.partition(": ")
            fail(source, reason or message, item.code)
            if on_progress:
                on_progress(source)
            continue
        if store.has(item.id):
            summary.unchanged += 1
            summary.documents.append(item.id)
            if on_progress:
                on_progress(item.source or item.id)
            continue
        pending.append(item)

    def land(document: Document, result: dict[str, Any] | str) -> None:
        if isinstance(result, str):
            reason, _, code = result.rpartition(" [")
            fail(document.source or document.id, reason, code.rstrip("]") or "EXTRACT")
        elif store.add(result, source=document.source):
            summary.ingested += 1
            summary.documents.append(document.id)
            if after_add:
                after_add(result)
        else:
            summary.unchanged += 1
            summary.documents.append(document.id)
        if on_progress:
            on_progress(document.source or document.id)

    seen: set[str] = set()
    unique = [d for d in pending if not (d.id in seen or seen.add(d.id))]  # type: ignore[func-returns-value]
    summary.unchanged += len(pending) - len(unique)
    if workers <= 1 or len(unique) < 4:
        for document in unique:
            land(document, _safe_extract(document))
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=use_dictionary, initargs=(dictionary,)) as pool:
            for document, result in zip(unique, pool.map(_safe_extract, unique, chunksize=4), strict=True):
                land(document, result)
    return summary


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
