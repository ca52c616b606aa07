"""A report's headline event told again in its body is one event: the headline rides with its body twin.

The clusterer lets a report give one event per cluster (two same-day shellings told by one outlet stay
apart), so a headline ("Depot blast kills 20") and its body sentence ("An explosion tore through a depot
on Monday") would land in two clusters, and the outlet would count for neither or for a wrong one. A
headline event therefore attaches to the body event of its report that it may be (compatible type and mode,
overlapping dates, places within the coarser tolerance, or one of them without a place); it is a member of
that event's cluster and takes no part in the matching itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from crisisledger.link.nodes import EventNode, actors_compatible, number, place_distance, types_compatible
from crisisledger.link.rules import Rules


def _likeness(head: EventNode, body: EventNode, r: Rules) -> float | None:
    if head.lo > body.hi or body.lo > head.hi:
        return None
    if not types_compatible(head, body, r) or not actors_compatible(head, body):
        return None
    if head.level is None or body.level is None:
        distance = 1.0
    else:
        found = place_distance(head, body, r)
        if found is None:
            return None
        distance = found
    same_mode = head.mode is not None and head.mode == body.mode
    return (
        2.0 * (head.type == body.type)
        + 0.5 * same_mode
        + (1.0 - distance)
        + 0.5 * bool(head.actor_ids & body.actor_ids)
    )


def twins(nodes: Iterable[EventNode], r: Rules) -> dict[str, EventNode]:
    """Headline event ref -> the body event of the same report it is (most alike; ties: the first told)."""
    by_document: dict[str, list[EventNode]] = {}
    for n in nodes:
        by_document.setdefault(n.document, []).append(n)
    out: dict[str, EventNode] = {}
    for told in by_document.values():
        body = [n for n in told if not n.headline]
        for head in (n for n in told if n.headline):
            scored = [(s, b) for b in body if (s := _likeness(head, b, r)) is not None]
            if scored:
                out[head.ref] = max(scored, key=lambda sb: (sb[0], -number(sb[1].event)))[1]
    return out
