"""Schema creation and migration: the `meta` table records the version the ledger is at."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import inspect, select
from sqlalchemy.engine import Connection

from crisisledger.errors import LedgerError
from crisisledger.ledger import tables as t

SCHEMA_VERSION = 2


def _create_v1(conn: Connection) -> None:
    t.metadata.create_all(conn)


def _link_state_v2(conn: Connection) -> None:
    """Link state (issue 5): duplicate fingerprints, the event index, components and clusters."""
    t.metadata.create_all(conn, tables=[t.link_documents, t.link_bands, t.link_events, t.link_event_keys])


# Step n brings a ledger from version n-1 to n; later versions append steps, never edit old ones.
STEPS: dict[int, Callable[[Connection], None]] = {1: _create_v1, 2: _link_state_v2}


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> int:
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise LedgerError(f"the ledger is at schema {version}, newer than this program ({SCHEMA_VERSION}): upgrade")
    for step in range(version + 1, SCHEMA_VERSION + 1):
        STEPS[step](conn)
        conn.execute(t.meta.delete().where(t.meta.c.key == "schema_version"))
        conn.execute(t.meta.insert().values(key="schema_version", value=str(step)))
    return SCHEMA_VERSION
