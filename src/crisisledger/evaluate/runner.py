"""`crisisledger eval`: ingest a gold file's reports into a ledger, export it, and score the export.

It sits in `evaluate/` because it drives `jobs/` (layers: jobs → evaluate).
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

from crisisledger.errors import CrisisLedgerError, GoldError
from crisisledger.intake.readers import Overrides
from crisisledger.jobs.ingest import ingest, iter_inputs


def evaluate_gold(
    gold_path: Path, db: str | None = None, export_file: Path | None = None, shuffle: int | None = None
) -> dict[str, Any]:
    from crisisledger.evaluate import load_gold

    gold = load_gold(gold_path)
    if export_file is not None:
        export = _read_export(export_file)
        return _score(gold, gold_path, export, _ids_in_export(gold, export))
    with tempfile.TemporaryDirectory() as work:
        store_path = db or str(Path(work) / "eval.db")
        export, ids = _build(gold, store_path, shuffle)
    return _score(gold, gold_path, export, ids)


def _build(gold: Any, store_path: str, shuffle: int | None) -> tuple[dict[str, Any], dict[str, str]]:
    from crisisledger.evaluate import series_documents
    from crisisledger.export.formats import envelope
    from crisisledger.intake.dates import parse_date
    from crisisledger.ledger.sql import open_store
    from crisisledger.link.hooks import link_document, links

    store = open_store(store_path)
    try:
        if gold.kind == "single":
            meta = gold.data["document"]
            path = gold.path.resolve().parent.parent / meta["file"]
            docs = [("doc", path, meta.get("published"), meta.get("outlet"), meta.get("title"))]
        else:
            docs = [(d.id, d.path, d.published, d.outlet, None) for d in series_documents(gold)]
            if shuffle is not None:
                random.Random(shuffle).shuffle(docs)
        ids: dict[str, str] = {}
        for short, path, published, outlet, title in docs:
            overrides = Overrides(published=parse_date(published), outlet=outlet or "", title=title)
            items = list(iter_inputs([Path(path)], overrides))
            summary = ingest(store, items, after_add=lambda r: link_document(store, r))
            if summary.skipped:
                source, reason, code = summary.skipped[0]
                raise CrisisLedgerError(f"{source}: {reason} [{code}]")
            ids[short] = summary.documents[0]
        records = list(store.records())
        clusters, series = links(store, records)
        return envelope(records, clusters, series, store.revisions()), ids
    finally:
        store.close()


def _read_export(path: Path) -> dict[str, Any]:
    raw = path.read_text("utf-8").strip()
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        data = [json.loads(line) for line in raw.splitlines() if line.strip()]
    if isinstance(data, dict) and "documents" in data:
        return data
    items = data if isinstance(data, list) else [data]
    return {"documents": items, "clusters": [], "series": [], "revisions": []}


def _ids_in_export(gold: Any, export: dict[str, Any]) -> dict[str, str]:
    from crisisledger.evaluate.series import map_series_documents

    return {} if gold.kind == "single" else map_series_documents(gold, export)


def _score(gold: Any, gold_path: Path, export: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    from crisisledger.evaluate import pick_document, score_series, score_single

    if gold.kind == "single":
        if not export["documents"]:
            raise GoldError("the export holds no document to score")
        doc = pick_document(export["documents"], gold.data)
        return {"gold": str(gold_path), "document": doc["document"]["id"], "scores": score_single(gold.data, doc)}
    return {"gold": str(gold_path), "scores": score_series(gold.data, export, ids)}
