"""Events a speaker's words make by what they say of someone, not by a trigger verb: a criticism
("X is not a partner that can be relied on", "X is too weak to defend Y") is the speaker's ACCUSE of X."""

from __future__ import annotations

from collections.abc import Sequence

from crisisledger.extract.events import _Context, speaker_event
from crisisledger.extract.events_clauses import disparaged
from crisisledger.extract.grammar import Token, actors_of
from crisisledger.model import Actor, Event, EventType, Stance


def criticised(tokens: Token, actors: Sequence[Actor], ctx: _Context, strict: Sequence[Event]) -> list[Event]:
    """The speaker's ACCUSE of the actor their clause criticises (`events_clauses.disparaged`); "it"
    stands for the nearest actor named before it in the clause. None where the sentence has an ACCUSE."""
    if any(e.type is EventType.ACCUSE for e in strict):
        return []
    for f in ctx.frames:
        if f.sentence is not ctx.sentence or f.stance is not Stance.ACCUSE or f.actor is None:
            continue
        clause = [t for t in tokens if f.content[0] <= t.idx < f.content[1]]
        subject = disparaged(clause)
        if subject is None:
            continue
        targets = actors_of([subject], actors)
        if not targets and subject.pos_ == "PRON":
            before = [a for a in actors if f.content[0] <= a.start < subject.idx and a.id != f.actor.id]
            targets = before[-1:]
        if not targets or any(a.id == f.actor.id for a in targets):
            continue
        return [speaker_event(ctx, f, EventType.ACCUSE, "accusation", tuple(targets))]
    return []
