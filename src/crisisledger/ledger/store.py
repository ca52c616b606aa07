"""The one interface every ledger store implements (SQLite now, PostgreSQL later)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Filters:
    """Query filters of cli.md; None means no filter. Dates are ISO strings, inclusive."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    place: str | None = None
    types: tuple[str, ...] = ()
    actor: str | None = None
    document: str | None = None
    kind: str | None = None
    certainty: str | None = None
    limit: int | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


class Store(Protocol):
    """A ledger. Writes are one transaction per document; adding a known document changes nothing."""

    def add(self, record: Mapping[str, Any], source: str | None = None) -> bool:
        """Store one canonical per-document object; False when the document was already there."""
        ...

    def has(self, document_id: str) -> bool: ...

    def resolve_id(self, prefix: str) -> str | None:
        """The full id of the only document whose id starts with `prefix` (6+ characters)."""
        ...

    def record(self, document_id: str) -> dict[str, Any] | None:
        """The canonical per-document object, revisions applied."""
        ...

    def records(self, filters: Filters = ...) -> Iterator[dict[str, Any]]:
        """Per-document objects ordered by published, id."""
        ...

    def events(self, filters: Filters = ...) -> list[dict[str, Any]]: ...

    def figures(self, filters: Filters = ...) -> list[dict[str, Any]]: ...

    def places(self, filters: Filters = ...) -> list[dict[str, Any]]: ...

    def revisions(self) -> list[dict[str, Any]]: ...

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
        """Record a change (confirm, correct, reject, undo); the original extraction is kept."""
        ...

    def set_duplicate(self, document_id: str, of: str | None, kind: str | None) -> None: ...

    def count(self) -> int: ...

    def close(self) -> None: ...
