"""Events told by a noun the strict reading leaves (`events.py` adds them where a sentence tells no
other): a war begun in a past year (background), an event noun under "of" of a target or a message, an
event one attends under a preposition of setting, a cooperative relation made larger; and events told
again under a verb of analysis, dropped. Words in `events_grammar.yaml`."""

from __future__ import annotations

from collections.abc import Sequence

from crisisledger.extract.coding_attribution import certainty_at
from crisisledger.extract.coding_dates import event_date
from crisisledger.extract.coding_lexicon import Trigger, TriggerTable, modality
from crisisledger.extract.events import (
    PLACE_OBJECT_TYPES,
    _Context,
    _event_place,
    _mode,
    _noun_roles,
    _trigger,
    speaker_actors,
    voiced_type,
)
from crisisledger.extract.events_clauses import (
    conveyed_by,
    grows,
    past_onset,
    setting_of,
    time_anchor,
    told_again_by_analysis,
    undergone_by,
)
from crisisledger.extract.grammar import (
    Token,
    actors_of,
    agents,
    is_passive,
    objects,
    read_type,
    subjects,
)
from crisisledger.model import Actor, Event, EventType, Role, Span


def past_onsets(
    tokens: Token, table: TriggerTable, actors: Sequence[Actor], ctx: _Context, strict: Sequence[Event]
) -> list[Event]:
    """A war or conflict that began in a year before the report's ("a first war over X began in 1988"):
    a standing situation otherwise, here an event of the past, produced and flagged background."""
    out = []
    situations = modality().situation_nouns
    taken = {e.trigger.start for e in strict}
    for tok in tokens:
        if tok.idx in taken or tok.lemma_.lower() not in situations or tok.pos_ != "NOUN":
            continue
        trigger = table.nouns.get(tok.lemma_.lower())
        if trigger is None or time_anchor(tok) or not past_onset(tok, ctx.published.year):
            continue
        doers, targets = _noun_roles(tok, table, actors)
        place = _event_place(tok, ctx.places, ctx.last_place, trigger.type in PLACE_OBJECT_TYPES)
        certainty, source = certainty_at(tok.idx, ctx.sentence, ctx.frames, tok.head.idx)
        out.append(
            Event(
                id="",
                type=trigger.type,
                evidence=ctx.sentence.span,
                trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
                mode=_mode(tok, trigger.type, trigger.mode),
                actors=doers,
                targets=targets,
                place=place,
                date=event_date(ctx.sentence, tok.idx, ctx.times, ctx.published, ctx.carried, tok),
                certainty=certainty,
                attributed_to=source,
                background=True,
            )
        )
    return out


def undergone(
    tokens: Token, table: TriggerTable, actors: Sequence[Actor], ctx: _Context, strict: Sequence[Event]
) -> list[Event]:
    """Where the strict reading found nothing, an event noun under "of": "X was the target of a bomb
    attack" (X underwent it), "villages were the scene of heavy fighting" (it happened there), "Y sent a
    message of support to X" (Y did it, to X, through a verb that triggers nothing itself)."""
    if strict:
        return []
    for tok in tokens:
        found = _trigger(tok, table) if tok.pos_ in ("NOUN", "PROPN") else None
        if found is None or found[0] is None or time_anchor(tok):
            continue
        trigger = found[0]
        doers, targets = _noun_roles(tok, table, actors)
        clause = undergone_by(tok)
        carrier = conveyed_by(tok)
        if clause is not None and tok.lemma_.lower() not in modality().situation_nouns:
            verb = clause[0]
            if clause[1]:
                targets = tuple(a for a in actors_of(subjects(verb), actors) if a not in doers) or targets
        elif carrier is not None and _trigger(carrier, table) is None:
            verb = carrier
            if is_passive(verb):
                doers = doers or tuple(actors_of(agents(verb), actors))
            else:
                doers = doers or tuple(actors_of(subjects(verb), actors))
            addressed = actors_of(objects(verb, table.target_preps), actors)
            targets = targets or tuple(a for a in addressed if a not in doers)
            if not doers:
                continue
        elif _set_in(tok, trigger.type, table):
            holder = setting_of(tok, trigger.type)
            assert holder is not None
            verb = holder if holder.pos_ == "VERB" else holder.head
            doers = doers or tuple(actors_of([holder] if holder.pos_ != "VERB" else subjects(holder), actors))
        else:
            continue
        if read_type(verb, trigger) is not trigger.type:
            continue
        return [_noun_event(tok, voiced_type(trigger.type, tok, doers), trigger, doers, targets, verb, ctx)]
    return []


def grown(
    tokens: Token, table: TriggerTable, actors: Sequence[Actor], ctx: _Context, strict: Sequence[Event]
) -> list[Event]:
    """Where the strict reading found nothing, a standing cooperative relation ("aid", "cooperation",
    "support") made larger by a verb that triggers nothing itself ("Japan said it would double its aid
    to X", "increased its support for Y"): that act, turned by the modality above the verb (an intent)."""
    if strict:
        return []
    mod = modality()
    for tok in tokens:
        found = _trigger(tok, table) if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") else None
        verb = tok.head
        if found is None or found[0] is None or found[0].type not in mod.cooperative or not grows(verb):
            continue
        if _trigger(verb, table) is not None:
            continue
        trigger = found[0]
        etype = read_type(verb, trigger)
        if etype is None:
            continue
        doers, targets = _noun_roles(tok, table, actors)
        doers = doers or tuple(actors_of(agents(verb) if is_passive(verb) else subjects(verb), actors))
        if not doers and any(t.pos_ == "PRON" for t in subjects(verb)):
            doers = speaker_actors(verb, actors)  # "Japan said it would double its aid": the speaker
        if not doers:
            continue
        targets = targets or tuple(a for a in actors_of(objects(verb, table.target_preps), actors) if a not in doers)
        return [_noun_event(tok, etype, trigger, doers, targets, verb, ctx)]
    return []


def _noun_event(
    tok: Token,
    etype: EventType,
    trigger: Trigger,
    doers: Sequence[Actor],
    targets: Sequence[Actor],
    verb: Token,
    ctx: _Context,
) -> Event:
    """An event told by a noun trigger that a clause (`verb`) holds, completed like the others."""
    place = _event_place(tok, ctx.places, ctx.last_place, etype in PLACE_OBJECT_TYPES)
    certainty, source = certainty_at(tok.idx, ctx.sentence, ctx.frames, verb.idx)
    linked = tuple(f.id for f in ctx.figures if ctx.sentence.start <= f.evidence.start < ctx.sentence.end)
    return Event(
        id="",
        type=etype,
        evidence=ctx.sentence.span,
        trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
        mode=_mode(tok, etype, trigger.mode),
        actors=tuple(doers),
        targets=tuple(targets),
        place=place,
        date=event_date(ctx.sentence, tok.idx, ctx.times, ctx.published, ctx.carried, tok),
        certainty=certainty,
        attributed_to=source,
        background=ctx.sentence.role is Role.BACKGROUND,
        figures=linked if etype not in (EventType.REQUEST, EventType.REJECT, EventType.ACCUSE) else (),
    )


def _set_in(tok: Token, etype: EventType, table: TriggerTable) -> bool:
    """A nominal event (no standing situation, no event only dating another) under a preposition of
    setting of its verb or subject (`events_clauses.setting_of`), the verb triggering nothing itself."""
    mod = modality()
    holder = setting_of(tok, etype)
    if holder is None or tok.lemma_.lower() in mod.situation_nouns or tok.lower_ in mod.situation_nouns:
        return False
    nominal = mod.any_nominal or tok.lemma_.lower() in mod.nominal_events
    return nominal and (holder.pos_ != "VERB" or _trigger(holder, table) is None)


def without_retellings(tokens: Token, strict: Sequence[Event], before: Sequence[Event]) -> list[Event]:
    """An event already told, named again as the subject of a verb of analysis ("the renewed offensive
    reflects ..."), is no new event; one not told before stays ("the invasion of X in 2022 has weakened")."""
    told = {e.type for e in before}
    by_offset = {t.idx: t for t in tokens}
    out = []
    for e in strict:
        tok = by_offset.get(e.trigger.start)
        if tok is not None and e.type in told and told_again_by_analysis(tok):
            continue
        out.append(e)
    return out
