"""A ledger in an SQL database through SQLAlchemy Core: SQLite (one file, WAL) by default."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql import Select

from crisisledger.errors import LedgerError
from crisisledger.ledger import tables as t
from crisisledger.ledger.migrations import migrate
from crisisledger.ledger.revisions import apply_revisions
from crisisledger.ledger.store import Filters

NO_FILTERS = Filters()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqlStore:
    """The `Store` interface over SQLAlchemy; `open_store` picks the URL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        try:
            with engine.begin() as conn:
                migrate(conn)
        except SQLAlchemyError as exc:
            raise LedgerError(f"cannot open the ledger {engine.url!r}: {exc.__class__.__name__}: {exc}") from exc

    # -- writing -------------------------------------------------------------------------------
    def add(self, record: Mapping[str, Any], source: str | None = None) -> bool:
        doc = record["document"]
        with self.engine.begin() as conn:
            if conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc["id"])).first():
                return False
            conn.execute(
                insert(t.documents).values(
                    id=doc["id"],
                    outlet=doc.get("outlet"),
                    url=doc.get("url"),
                    title=doc.get("title"),
                    published=doc["published"],
                    source=source,
                    ingested_at=_now(),
                    duplicate_of=(doc.get("duplicate_of") or {}).get("document"),
                    duplicate_kind=(doc.get("duplicate_of") or {}).get("kind"),
                    record=json.dumps(record, ensure_ascii=False),
                )
            )
            self._index(conn, record)
        return True

    def _index(self, conn: Connection, record: Mapping[str, Any]) -> None:
        doc_id = record["document"]["id"]
        rows = [_event_row(doc_id, e) for e in record.get("events", [])]
        if rows:
            conn.execute(insert(t.events), rows)
        rows = [_figure_row(doc_id, f) for f in record.get("figures", [])]
        if rows:
            conn.execute(insert(t.figures), rows)
        seen: set[int] = set()
        place_rows = []
        for p in record.get("places", []):
            if p["start"] not in seen:
                seen.add(p["start"])
                place_rows.append({"document": doc_id, **{k: p[k] for k in _PLACE_FIELDS}})
        if place_rows:
            conn.execute(insert(t.places), place_rows)
        rows = [
            {
                "document": doc_id,
                "id": c["id"],
                "speaker": c["speaker"],
                "actor": c.get("actor"),
                "channel": c.get("channel"),
                "stance": c["stance"],
                "evidence": c["evidence"]["text"],
            }
            for c in record.get("claims", [])
        ]
        if rows:
            conn.execute(insert(t.claims), rows)

    def revise(
        self,
        document_id: str,
        record_id: str | None,
        action: str,
        field: str | None,
        before: Any,
        after: Any,
        author: str,
        reason: str | None,
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(t.revisions).values(
                    document=document_id,
                    record=record_id,
                    action=action,
                    field=field,
                    before=json.dumps(before, ensure_ascii=False),
                    after=json.dumps(after, ensure_ascii=False),
                    author=author,
                    time=_now(),
                    reason=reason,
                )
            )

    def set_duplicate(self, document_id: str, of: str | None, kind: str | None) -> None:
        with self.engine.begin() as conn:
            row = conn.execute(select(t.documents.c.record).where(t.documents.c.id == document_id)).first()
            if row is None:
                return
            record = json.loads(row[0])
            record["document"]["duplicate_of"] = {"document": of, "kind": kind} if of else None
            conn.execute(
                update(t.documents)
                .where(t.documents.c.id == document_id)
                .values(duplicate_of=of, duplicate_kind=kind, record=json.dumps(record, ensure_ascii=False))
            )

    # -- reading -------------------------------------------------------------------------------
    def has(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.id).where(t.documents.c.id == document_id)).first() is not None

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.documents)).scalar_one())

    def resolve_id(self, prefix: str) -> str | None:
        if len(prefix) < 6:
            return None
        with self.engine.connect() as conn:
            ids = conn.execute(select(t.documents.c.id).where(t.documents.c.id.startswith(prefix)).limit(2)).all()
        return ids[0][0] if len(ids) == 1 else None

    def record(self, document_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents.c.record).where(t.documents.c.id == document_id)).first()
            if row is None:
                return None
            revs = self._revisions(conn, document_id)
        return apply_revisions(json.loads(row[0]), revs)

    def records(self, filters: Filters = NO_FILTERS) -> Iterator[dict[str, Any]]:
        query = select(t.documents.c.id, t.documents.c.record).order_by(t.documents.c.published, t.documents.c.id)
        if filters.document:
            query = query.where(t.documents.c.id.startswith(filters.document))
        if filters.since:
            query = query.where(t.documents.c.published >= filters.since)
        if filters.until:
            query = query.where(func.substr(t.documents.c.published, 1, len(filters.until)) <= filters.until)
        with self.engine.connect() as conn:
            revs = self._revisions(conn, None)
            for doc_id, raw in conn.execute(query):
                yield apply_revisions(json.loads(raw), [r for r in revs if r["document"] == doc_id])

    def events(self, filters: Filters = NO_FILTERS) -> list[dict[str, Any]]:
        c = t.events.c
        query = _dated(select(t.events, t.documents.c.outlet, t.documents.c.published), c, filters)
        query = query.join_from(t.events, t.documents, c.document == t.documents.c.id)
        if filters.types:
            query = query.where(c.type.in_(filters.types))
        if filters.certainty:
            query = query.where(c.certainty == filters.certainty)
        if filters.actor:
            query = query.where((c.actors.contains(filters.actor)) | (c.targets.contains(filters.actor)))
        query = query.order_by(c.date_start, c.document, func.length(c.id), c.id)
        return self._rows(query, filters)

    def figures(self, filters: Filters = NO_FILTERS) -> list[dict[str, Any]]:
        c = t.figures.c
        query = select(t.figures, t.documents.c.outlet, t.documents.c.published)
        query = query.join_from(t.figures, t.documents, c.document == t.documents.c.id)
        query = _placed(query, c, filters)
        if filters.kind:
            kinds = ("displaced", "refugees") if filters.kind in ("displaced", "refugees") else (filters.kind,)
            query = query.where(c.kind.in_(kinds))
        if filters.since:
            query = query.where(c.as_of >= filters.since)
        if filters.until:
            query = query.where(c.as_of <= filters.until)
        if filters.document:
            query = query.where(c.document.startswith(filters.document))
        query = query.order_by(c.as_of, c.document, func.length(c.id), c.id)
        return self._rows(query, filters)

    def places(self, filters: Filters = NO_FILTERS) -> list[dict[str, Any]]:
        c = t.places.c
        query = _placed(select(t.places), c, filters)
        if filters.document:
            query = query.where(c.document.startswith(filters.document))
        return self._rows(query.order_by(c.document, c.start), filters)

    def revisions(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return self._revisions(conn, None)

    def close(self) -> None:
        self.engine.dispose()

    def _rows(self, query: Select[Any], filters: Filters) -> list[dict[str, Any]]:
        if filters.limit:
            query = query.limit(filters.limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    @staticmethod
    def _revisions(conn: Connection, document_id: str | None) -> list[dict[str, Any]]:
        query = select(t.revisions).order_by(t.revisions.c.seq)
        if document_id:
            query = query.where(t.revisions.c.document == document_id)
        out = []
        for row in conn.execute(query):
            r = dict(row._mapping)
            r["id"] = f"r{r.pop('seq')}"
            r["before"] = json.loads(r["before"]) if r["before"] else None
            r["after"] = json.loads(r["after"]) if r["after"] else None
            out.append(r)
        return out

    def delete(self, document_id: str) -> None:
        """Remove one document and its rows (used by tests and by `restore --force`)."""
        with self.engine.begin() as conn:
            for table in (t.events, t.figures, t.places, t.claims):
                conn.execute(delete(table).where(table.c.document == document_id))
            conn.execute(delete(t.documents).where(t.documents.c.id == document_id))


_PLACE_FIELDS = ("start", "end", "text", "name", "geonames_id", "lat", "lon", "country", "precision")


def _dated(query: Select[Any], c: Any, filters: Filters) -> Select[Any]:
    if filters.since:
        query = query.where(c.date_end >= filters.since)
    if filters.until:
        query = query.where(func.substr(c.date_start, 1, len(filters.until)) <= filters.until)
    if filters.document:
        query = query.where(c.document.startswith(filters.document))
    return _placed(query, c, filters)


def _placed(query: Select[Any], c: Any, filters: Filters) -> Select[Any]:
    if filters.country:
        query = query.where(c.country == filters.country.upper())
    if filters.place:
        column = c.name if "name" in c else c.place
        query = query.where(func.lower(column) == filters.place.lower())
    return query


def _event_row(doc_id: str, e: Mapping[str, Any]) -> dict[str, Any]:
    place = e.get("place") or {}
    date = e.get("date") or {}
    return {
        "document": doc_id,
        "id": e["id"],
        "type": e["type"],
        "mode": e.get("mode"),
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "precision": date.get("precision"),
        "place": place.get("name") or place.get("text"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country": place.get("country"),
        "certainty": e["certainty"],
        "background": bool(e.get("background")),
        "actors": " ".join(a["id"] for a in e.get("actors", [])),
        "targets": " ".join(a["id"] for a in e.get("targets", [])),
        "evidence": e["evidence"]["text"],
    }


def _figure_row(doc_id: str, f: Mapping[str, Any]) -> dict[str, Any]:
    place = f.get("place") or {}
    return {
        "document": doc_id,
        "id": f["id"],
        "kind": f["kind"],
        "value": f.get("value"),
        "value_min": f.get("value_min"),
        "value_max": f.get("value_max"),
        "qualifier": f["qualifier"],
        "who": f.get("who"),
        "place": place.get("name") or place.get("text"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country": place.get("country"),
        "as_of": f.get("as_of"),
        "since": f.get("since"),
        "certainty": f["certainty"],
        "attributed_to": f.get("attributed_to"),
        "evidence": f["evidence"]["text"],
    }


def sqlite_engine(path: Path) -> Engine:
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    return engine


def open_store(target: str | Path) -> SqlStore:
    """A store for a file path (SQLite) or a database URL (`sqlite:///...`, later `postgresql://...`)."""
    text = str(target)
    if "://" in text:
        if text.startswith("postgresql"):
            raise LedgerError("PostgreSQL ledgers are not supported yet in this version; use a SQLite file")
        return SqlStore(create_engine(text))
    return SqlStore(sqlite_engine(Path(text)))
