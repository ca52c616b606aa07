"""Events: a trigger word (lexicon) read with the dependency grammar into who did what to whom.

For every report, quote or background sentence (never commentary or boilerplate) each trigger
verb, or noun with a named doer, makes an event: actors and targets from the parse (the passive's
"by" agent is the actor), a mode from the words around it, the sentence's most specific place (else
the one before), its own date (a time in the sentence; "since X" runs to publication; none: the
week before publication), the figures of the sentence, and the certainty and source of the speech
frame holding it ("told Reuters that X" -> reported; a denial -> denied, plus the REJECT itself).
Verbs under a request, threat or plan, and negated ones, make no event of their own.

A sentence where this strict reading finds nothing but a trigger word stands high in the parse
gets its main event the event-data way instead (`main_event.sentence_event`: "X will send aid" an
intent to cooperate, "Y must withdraw" a demand, "a drone struck a market" an attack with no named
doer), completed with the same place, date, figures and speech frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from crisisledger.extract.coding_attribution import Frame, certainty_at, find_frames
from crisisledger.extract.coding_dates import carry, event_date
from crisisledger.extract.coding_dictionary import VerbDictionary, plover_type
from crisisledger.extract.coding_lexicon import (
    Trigger,
    TriggerTable,
    modality,
    mode_rules,
    speech_table,
    trigger_table,
)
from crisisledger.extract.event_places import names_actor, tied_place
from crisisledger.extract.events_clauses import (
    describes_noun,
    first_person_pledge,
    short_forms_resolved,
    time_anchor,
)
from crisisledger.extract.events_targets import partners
from crisisledger.extract.grammar import (
    Token,
    actors_of,
    agents,
    condemned_by_name,
    conjoined_actors,
    conjuncts,
    doer_turned,
    finite_beside_infinitive,
    governors,
    held_negated,
    is_passive,
    modal,
    negated,
    objects,
    passive_subjects,
    preposition_objects,
    read_type,
    subjects,
    too_to,
    verb_key,
)
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.lexicon.loader import load_lexicon
from crisisledger.model import (
    Actor,
    ActorKind,
    Certainty,
    DateRange,
    Event,
    EventType,
    Figure,
    Place,
    PlacePrecision,
    Role,
    Sentence,
    Span,
    Stance,
    TimeExpr,
)

STAGE = "events@1"
EVENT_ROLES = frozenset({Role.REPORT, Role.QUOTE, Role.BACKGROUND})
SYMMETRIC = frozenset({EventType.AGREE, EventType.CONSULT, EventType.COOPERATE, EventType.SUPPORT})
NO_TARGET = frozenset({EventType.DISPLACEMENT, EventType.INCIDENT})
MOVED_FORCES = frozenset({ActorKind.MILITARY, ActorKind.POLICE})
YIELDING = frozenset({EventType.CONCEDE, EventType.RETREAT})  # military surrender is RETREAT (CAMEO 0874)
PLACE_OBJECT_TYPES = frozenset(
    {EventType.DISPLACEMENT, EventType.ASSAULT, EventType.COERCE, EventType.SANCTION, EventType.CONSULT}
)
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "on",
        "from",
        "into",
        "through",
        "throughout",
        "within",
        "over",
    }
)
NOUN_EVENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "appos", "conj", "attr"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
ADDRESSED = frozenset({EventType.REQUEST, EventType.THREATEN, EventType.ACCUSE})
HOMES = frozenset({PlacePrecision.SITE, PlacePrecision.TOWN})
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})


def extract_events(
    analyzed: AnalyzedDocument,
    actors: Sequence[Actor],
    times: Sequence[TimeExpr],
    places: Sequence[Place],
    figures: Sequence[Figure],
    table: TriggerTable | None = None,
) -> tuple[tuple[Event, ...], tuple[Figure, ...]]:
    """Events of every report, quote and background sentence; `table` may carry a user's own
    triggers (`coding_lexicon.with_user_verbs`)."""
    if analyzed.doc is None:
        return (), tuple(figures)
    table = table or trigger_table()
    if table.discards is not None and table.discards.story_discarded(analyzed.text):
        return (), tuple(figures)  # a report the user's dictionary puts out of scope
    actors = short_forms_resolved(analyzed.text, actors)
    frames = find_frames(analyzed, actors)
    times = _clock_times_dated(times)
    drafts: list[Event] = []
    last_place: list[Place | None] = [_dateline_place(analyzed, places)]
    carried: tuple[int, DateRange | None] = (-1, None)
    published = analyzed.document.published
    for sentence in analyzed.sentences:
        if carried[0] != sentence.paragraph:
            carried = (sentence.paragraph, None)
        sentence_places = [p for p in places if sentence.start <= p.start < sentence.end]
        discarded = table.discards is not None and table.discards.sentence_discarded(sentence.text)
        if sentence.role in EVENT_ROLES and not discarded:
            tokens = analyzed.tokens_of(sentence)
            strict: list[Event] = []
            for tok in tokens if tokens is not None else ():
                kind = _trigger(tok, table)
                here = _event_place(
                    tok,
                    sentence_places,
                    last_place,
                    kind is not None and kind[0] is not None and kind[0].type in PLACE_OBJECT_TYPES,
                )
                found = _events_at(
                    tok, sentence, table, actors, frames, here, times, figures, carried[1], published, sentence_places
                )
                if found and here is not None:
                    last_place[0] = here
                strict.extend(found)
            if tokens is not None:
                context = _Context(sentence, frames, sentence_places, last_place, times, figures, carried[1], published)
                strict += _main_event(analyzed, tokens, actors, table, context, strict)
                strict += _conceded(analyzed, context, strict, drafts)
                strict += _criticised(tokens, actors, context, strict)
                strict = _noun_events(tokens, table, actors, context, strict, drafts)
                strict += _mirrored(tokens, table, strict)
                strict = _hosted(tokens, table, actors, sentence_places, strict)
            drafts.extend(strict)
        carried = (sentence.paragraph, carry(sentence, times, published) or carried[1])
    events = _number(drafts)
    return events, _refine_figures(analyzed, figures, frames)


def _events_at(
    tok: Token,
    sentence: Sentence,
    table: TriggerTable,
    actors: Sequence[Actor],
    frames: list[Frame],
    place: Place | None,
    times: Sequence[TimeExpr],
    figures: Sequence[Figure],
    carried: DateRange | None,
    published: date,
    places: Sequence[Place] = (),
) -> list[Event]:
    found = _trigger(tok, table)
    if found is None:
        return []
    trigger, verb = found
    if _suppressed(tok, verb) or _repeats_head(tok, trigger, table) or (not verb and time_anchor(tok)):
        return []
    if trigger is not None and verb and describes_noun(tok, trigger.type):
        return []
    if trigger is not None and read_type(tok, trigger) is not trigger.type:
        return []  # intended, refused, lifted: the sentence's main event reads it (`main_event`)
    doers, targets = _roles(tok, verb, trigger, table, actors, places)
    if trigger is None:
        return []
    etype = trigger.type
    if verb and is_passive(tok) and not doers and tok.lemma_.lower() in table.passive:
        etype, doers, targets = table.passive[tok.lemma_.lower()].type, targets, ()
    elif (
        verb
        and is_passive(tok)
        and not doers
        and etype
        not in (
            EventType.ASSAULT,
            EventType.COERCE,
            EventType.SANCTION,
            EventType.DISPLACEMENT,
            EventType.INCIDENT,
            EventType.AID,
        )
    ):
        return []
    if (trigger.needs_actor or etype is EventType.DISPLACEMENT) and not doers:
        return []
    if not verb and not doers:
        return []
    if etype in SYMMETRIC and not targets and _mentions(doers) > 1:
        targets = tuple(doers)  # "X and Y signed a deal": with each other
    if not targets and verb and etype not in NO_TARGET:
        targets = _clause_targets(tok, doers, actors)
    if etype in NO_TARGET:
        targets = () if etype is EventType.DISPLACEMENT else targets
    if etype is EventType.INCIDENT and not targets and place is not None and place.precision in HOMES:
        # an explosion or fire in a town harms the people living there
        targets = (
            Actor(
                "civilians.civilians",
                tok.text,
                tok.idx,
                tok.idx + len(tok.text),
                "civilians",
                None,
                ActorKind.CIVILIANS,
            ),
        )
    if etype in SYMMETRIC and not targets and _mentions(doers) > 1:
        targets = tuple(doers)
    etype = etype if trigger.verbatim else voiced_type(etype, tok, doers)
    span = Span(tok.text, tok.idx, tok.idx + len(tok.text))
    certainty, source = certainty_at(tok.idx, sentence, frames, tok.head.idx if not verb else -1)
    events = []
    linked = tuple(f.id for f in figures if sentence.start <= f.evidence.start < sentence.end)
    base = Event(
        id="",
        type=etype,
        evidence=sentence.span,
        trigger=span,
        mode=_mode(tok, etype, trigger.mode),
        actors=tuple(doers),
        targets=tuple(targets),
        place=place,
        date=event_date(sentence, tok.idx, times, published, carried, tok),
        certainty=certainty,
        attributed_to=source,
        background=sentence.role is Role.BACKGROUND,
        figures=linked if etype not in (EventType.REQUEST, EventType.REJECT, EventType.ACCUSE) else (),
    )
    events.append(base)
    if certainty is Certainty.DENIED and etype is not EventType.REJECT:
        pass  # the denial's own REJECT comes from the denial verb
    return events


@dataclass(frozen=True, slots=True)
class _Context:
    """What completes an event coded in one sentence: frames, places, times, figures."""

    sentence: Sentence
    frames: list[Frame]
    places: list[Place]
    last_place: list[Place | None]
    times: Sequence[TimeExpr]
    figures: Sequence[Figure]
    carried: DateRange | None
    published: date


def _main_event(
    analyzed: AnalyzedDocument,
    tokens: Token,
    actors: Sequence[Actor],
    table: TriggerTable,
    ctx: _Context,
    strict: Sequence[Event],
) -> list[Event]:
    """The sentence's main event read the event-data way, where the strict reading found none or
    only events below it ("staged a hunger strike to demand X": the protest, not only the demand)."""
    from crisisledger.extract.main_event import fallback_event, main_of  # they read triggers with this module

    main = fallback_event(analyzed, ctx.sentence, actors, table)
    if main is None or any(e.trigger.start == main.trigger.start for e in strict):
        return []
    if strict and main_of(analyzed, ctx.sentence, [*strict, main]) is not main:
        return []
    tok = next(t for t in tokens if t.idx == main.trigger.start)
    if time_anchor(tok) or describes_noun(tok, main.type):
        return []
    mod = modality()
    if main.type is mod.cooperative_intent and first_person_pledge(tok, mod.intent_words):
        return []  # "we will do our best to open X": one party's own pledge, no agreement
    if any(e.type is main.type and e.trigger.start == tok.head.idx for e in strict):
        return []  # "mortar shelling struck the port": the noun names the verb's own event
    place = _event_place(tok, ctx.places, ctx.last_place, main.type in PLACE_OBJECT_TYPES)
    if place is not None:
        ctx.last_place[0] = place
    certainty, source = certainty_at(tok.idx, ctx.sentence, ctx.frames, -1 if tok.pos_ == "VERB" else tok.head.idx)
    sentence = ctx.sentence
    linked = tuple(f.id for f in ctx.figures if sentence.start <= f.evidence.start < sentence.end)
    return [
        replace(
            main,
            place=place,
            date=event_date(sentence, tok.idx, ctx.times, ctx.published, ctx.carried, tok),
            certainty=certainty,
            attributed_to=source,
            background=sentence.role is Role.BACKGROUND,
            figures=linked if main.type not in (EventType.REQUEST, EventType.REJECT, EventType.ACCUSE) else (),
        )
    ]


def _noun_events(
    tokens: Token,
    table: TriggerTable,
    actors: Sequence[Actor],
    ctx: _Context,
    strict: Sequence[Event],
    before: Sequence[Event],
) -> list[Event]:
    """The sentence's events with those told by nouns the strict reading leaves (`events_nouns`), less
    any told again under a verb of analysis."""
    from crisisledger.extract import events_nouns as nouns  # it reads nouns with this module's helpers

    found = list(strict)
    found += nouns.past_onsets(tokens, table, actors, ctx, found)
    found += nouns.undergone(tokens, table, actors, ctx, found)
    found += nouns.grown(tokens, table, actors, ctx, found)
    return nouns.without_retellings(tokens, found, before)


def _hosted(
    tokens: Token, table: TriggerTable, actors: Sequence[Actor], places: Sequence[Place], events: list[Event]
) -> list[Event]:
    """Events with no target take that of the purpose they serve, or, a movement to a place, the place's
    state (`events_targets`); a verb of a user's dictionary keeps the roles its patterns give (its codes are
    taken as written)."""
    from crisisledger.extract.events_targets import authority, hosted, purposed, residents

    at = {t.idx: t for t in tokens}
    placed = [(e, at[e.trigger.start]) for e in events if e.trigger.start in at]
    out = []
    for e in events:
        tok = at.get(e.trigger.start)
        if tok is None or _dictionary_coded(tok, table):
            out.append(e)
        else:
            e = authority(purposed(e, tok, placed, actors), tok, actors, places)
            out.append(residents(hosted(e, tok, actors, places), tok, actors))
    return out


def _dictionary_coded(tok: Token, table: TriggerTable) -> bool:
    """The trigger, or the verb a noun trigger hangs on ("arrived ... on a visit"), is a verb of a user's
    dictionary: its patterns code the sentence's roles."""
    if table.coded is None:
        return False
    verbs = [tok]
    if tok.pos_ != "VERB":
        verbs += [g for g in governors(tok, 2) if g.pos_ == "VERB"][:1]
    return any(_dictionary_trigger(v, table.coded)[0] for v in verbs)


def _criticised(tokens: Token, actors: Sequence[Actor], ctx: _Context, strict: Sequence[Event]) -> list[Event]:
    from crisisledger.extract.events_speech import criticised  # it reads frames with this module's context

    return criticised(tokens, actors, ctx, strict)


_ANAPHORS = frozenset({"this", "that", "it"})


def _conceded(
    analyzed: AnalyzedDocument, ctx: _Context, strict: Sequence[Event], before: Sequence[Event]
) -> list[Event]:
    """A speaker who owns a fault ("officials said the strike was a mistake": a concede stance read from
    the clause's words, `speech.yaml`) concedes, to those the act it speaks of ("this", "it") struck."""
    if any(e.type is EventType.CONCEDE for e in strict):
        return []
    cues = speech_table().stance_cues.get(Stance.CONCEDE, ())
    out = []
    for f in ctx.frames:
        if f.sentence is not ctx.sentence or f.stance is not Stance.CONCEDE or f.actor is None:
            continue
        clause = analyzed.text[f.content[0] : f.content[1]].lower()
        if not any(re.search(rf"\b{re.escape(c)}\b", clause) for c in cues):
            continue
        words = set(re.findall(r"[a-z]+", clause)[:2])
        targets = before[-1].targets if before and words & _ANAPHORS else ()
        struck = tuple(a for a in targets if a.id != f.actor.id)
        out.append(speaker_event(ctx, f, EventType.CONCEDE, "concession", struck))
        break
    return out


def speaker_event(ctx: _Context, frame: Frame, etype: EventType, mode: str, targets: tuple[Actor, ...]) -> Event:
    """An event the speaker makes by what they say (a concession, a criticism): dated at the speech
    verb, placed at the report's last event place, asserted as the speaker's own act."""
    assert frame.actor is not None
    return Event(
        id="",
        type=etype,
        evidence=ctx.sentence.span,
        trigger=frame.trigger,
        mode=mode,
        actors=(frame.actor,),
        targets=targets,
        place=ctx.last_place[0],
        date=event_date(ctx.sentence, frame.trigger.start, ctx.times, ctx.published, ctx.carried),
        certainty=Certainty.ASSERTED,
        attributed_to=None,
        background=ctx.sentence.role is Role.BACKGROUND,
    )


def speaker_actors(tok: Token, actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """Who speaks the clause holding tok: the subjects of the nearest speech verb above it."""
    verbs = speech_table().verbs
    for gov in governors(tok, 4):
        if gov.lemma_.lower() in verbs:
            return tuple(actors_of(subjects(gov), actors))
    return ()


def voiced_type(etype: EventType, tok: Token, doers: Sequence[Actor]) -> EventType:
    """The type as the doer makes it: a demand or accusation by a crowd is a protest ("protesters
    demanded ..."), a protest lodged by a state or government an official complaint (ACCUSE)."""
    mod = modality()
    words = {a.text.lower().split()[-1] for a in doers if a.text}
    voiced = etype in (EventType.REQUEST, EventType.ACCUSE, EventType.REJECT)
    if voiced and words & mod.crowd_words:
        return EventType.PROTEST
    if voiced and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in mod.crowd_acts:
        return EventType.PROTEST  # "gathered outside parliament to demand", "blocked the road, demanding"
    official = (ActorKind.STATE, ActorKind.GOVERNMENT)
    lemma = tok.lemma_.lower()
    lodged = doers and all(a.kind in official for a in doers)
    if etype is EventType.PROTEST and lemma in mod.official_protest and lodged:
        return EventType.ACCUSE
    return doer_turned(etype, lemma, doers)


def _clock_times_dated(times: Sequence[TimeExpr]) -> list[TimeExpr]:
    """(Linking, issue 5.) "at 04:17 on Monday": the clock time alone carries only the report's day, so
    an event dates by the day written right after it; a clock time with no day beside it stays."""
    days = [t for t in times if t.range is not None and "T" not in (t.timex or "")]
    return [t for t in times if "T" not in (t.timex or "") or not any(0 <= d.start - t.end <= 5 for d in days)]


def _trigger(tok: Token, table: TriggerTable) -> tuple[Trigger | None, bool] | None:
    if table.coded is not None and tok.pos_ == "VERB" and tok.dep_ != "amod":
        listed, coded = _dictionary_trigger(tok, table.coded)
        if listed:
            return (coded, True) if coded is not None else None
    forced = _by_force_or_rescue(tok) or condemned_by_name(tok)
    if forced is not None:
        return forced, True
    lemma = verb_key(tok, table.verbs) if tok.pos_ == "VERB" else tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in table.verbs and tok.dep_ != "amod":
        # "took 40 people into custody", "took X to court": the phrase under the verb's preposition names
        # the act more closely than its object does ("took people" out is an evacuation)
        phrased = {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
        for cand in table.verbs[lemma]:
            if cand.requires and not cand.requires_object and phrased & cand.requires:
                return cand, True
        for cand in table.verbs[lemma]:
            if not cand.requires:
                return cand, True
            if cand.requires_object:
                objs = {o.lemma_.lower() for o in _object_nouns(tok)}
                objs |= {c.lemma_.lower() for c in objects(tok, frozenset({"to", "for"}))}
                to_objects = (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children)
                objs |= {g.lemma_.lower() for g in to_objects}  # "set fire to the offices"
                if objs & cand.requires:
                    return cand, True
            elif _required_word_present(tok, cand.requires):
                return cand, True
        return None
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
        key = _noun_phrase_key(tok, table) or lemma
        head = tok.head
        if head.pos_ == "VERB" and verb_key(head, table.verbs) in table.verbs and head.dep_ != "amod":
            made = _trigger(head, table)
            if made is not None and made[0] is not None:
                return None  # "signed a deal": the verb makes the event ("gave a welcome": the noun)
        if key in table.nouns:
            return table.nouns[key], False
        if tok.lower_ in table.nouns:  # listed as written ("talks"), its lemma ("talk") not
            return table.nouns[tok.lower_], False
    return None


def _dictionary_trigger(tok: Token, dictionary: VerbDictionary) -> tuple[bool, Trigger | None]:
    """(listed, trigger) for a verb of a user's dictionary: the code its patterns give it in this
    sentence, taken as written; a code naming no event (`---`, non-CAMEO) gives no trigger."""
    words = [(t.lower_, t.lemma_.lower()) for t in tok.sent]
    at = tok.i - tok.sent.start
    entry = dictionary.entry(words, at)
    if entry is None:
        return False, None
    match = entry.match_at(words, at)
    if match is None and _reports_clause(tok):
        return True, None  # "X welcomed Y, the agency said": the report is the event, the saying its source
    code = match[0].code if match is not None else entry.code
    first, _, second = code.partition(":")
    etype = plover_type(first)
    if etype is None:
        return True, None
    slots = tuple((s.role, s.after_verb, s.position) for s in match[1]) if match is not None else ()
    reverse = plover_type(second) if second else None
    return True, Trigger(etype, f"cameo {code}", verbatim=True, reverse=reverse, slots=slots)


def _slotted(
    tok: Token, trigger: Trigger, doers: Sequence[Actor], targets: Sequence[Actor], actors: Sequence[Actor]
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """A user pattern's `$` and `+` say who the source and the target are (where the grammar names
    none, or both where the pattern marks both): the nearest actor on the slot's side of the words the
    pattern matched ("+ * MONEY FROM $": X received money from Y)."""
    sent = tok.sent
    roles = {"source": tuple(doers), "target": tuple(targets)}
    # a pattern that marks both the source and the target gives the whole frame; one slot only fills in
    full = {r for r, _, _ in trigger.slots} == {"source", "target"}
    for role, after_verb, position in trigger.slots:
        if not 0 <= position < len(sent) and not (after_verb and position == len(sent)):
            continue
        if after_verb:
            edge = sent[position].idx if position < len(sent) else sent.end_char
            found = [a for a in actors if edge <= a.start < sent.end_char]
            actor = found[0] if found else None
        else:
            edge = sent[position].idx + len(sent[position].text)
            found = [a for a in actors if sent.start_char <= a.start and a.end <= edge]
            actor = found[-1] if found else None
        if actor is not None and (full or not roles[role]):
            roles[role] = (actor, *conjoined_actors(tok, actor, actors))
    marked = {r for r, _, _ in trigger.slots}
    taken = {a.id for a in roles["target"]}
    if "source" not in marked and roles["target"] and any(a.id in taken for a in roles["source"]):
        # "Y noted that X regretted": the slot made the grammar's doer the target; the doer is the
        # actor named before it
        first = min(a.start for a in roles["target"])
        before = [a for a in actors if sent.start_char <= a.start and a.end <= first and a.id not in taken]
        roles["source"] = (before[-1],) if before else ()
    taken = {a.id for a in roles["source"]}
    return roles["source"], tuple(a for a in roles["target"] if a.id not in taken)


def _mirrored(tokens: Token, table: TriggerTable, strict: Sequence[Event]) -> list[Event]:
    """A user dictionary's paired code (`[031:031]` "met", `[032:033]` "left for"): the act runs both
    ways, so the target's act back to the doer is an event of its own, at the same words."""
    by_offset = {t.idx: t for t in tokens}
    out = []
    for event in strict:
        tok = by_offset.get(event.trigger.start)
        found = _trigger(tok, table) if tok is not None else None
        trigger = found[0] if found is not None else None
        if trigger is None or trigger.reverse is None or trigger.type is not event.type:
            continue
        if event.actors and event.targets:
            out.append(replace(event, type=trigger.reverse, actors=event.targets, targets=event.actors))
    return out


def _reports_clause(tok: Token) -> bool:
    """A speech verb that carries a reported clause of its own."""
    if tok.lemma_.lower() not in speech_table().verbs:
        return False
    return tok.dep_ == "parataxis" or any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)


def _object_nouns(tok: Token) -> list[Token]:
    """A verb's objects with their conjuncts, the subject of its infinitive ("allowed inspectors to
    visit"), and the noun a measure stands for ("held two rounds of talks", "reached a truce and a
    deal"): what a verb-with-object trigger asks for."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "nsubjpass"):
            out.extend(conjuncts(c))
        infinitive = c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if infinitive:
            out.extend(t for s in c.children if s.dep_ == "nsubj" for t in conjuncts(s))
    measures = modality().measure_nouns
    out += [
        p for o in list(out) if o.lemma_.lower() in measures for c in o.children if c.lower_ == "of" for p in c.children
    ]
    return out


def _required_word_present(tok: Token, required: frozenset[str]) -> bool:
    """A `verbs_with` word beside the verb: a particle or preposition ("fire on"), its object ("open
    fire"), or what the verb says its object became, however the parse hangs it ("left seven people
    dead", "leaving four passengers injured"; a modifier before the object is only a description)."""
    if any(c.lower_ in required or c.lemma_.lower() in required for c in tok.children):
        return True
    if any(g.lemma_.lower() in required for c in tok.children if c.dep_ == "prep" for g in c.children):
        return True
    said = ("amod", "acl", "oprd", "acomp")
    return any(c.lower_ in required for o in _object_nouns(tok) for c in o.children if c.dep_ in said and c.i > o.i)


@lru_cache(maxsize=1)
def _force_lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_lexicon("triggers")
    rescue = data.get("rescue") or {}
    words = (data.get("incident_subjects") or [], rescue.get("verbs") or [], rescue.get("cues") or [])
    return tuple(frozenset(str(w).lower() for w in ws) for ws in words)  # type: ignore[return-value]


def _by_force_or_rescue(tok: Token) -> Trigger | None:
    """(Linking, issue 5.) A verb whose subject is a natural force or an accident is an INCIDENT whatever
    the verb ("an earthquake struck", "a quake centred near X", "a fire broke out"); pulling someone alive
    from rubble is a rescue (AID). Words in triggers.yaml (`incident_subjects`, `rescue`)."""
    forces, rescue_verbs, rescue_cues = _force_lexicon()
    if tok.pos_ == "NOUN" and tok.tag_ != "NNS" and tok.dep_ != "compound" and tok.lemma_.lower() in forces:
        # "Monday's fuel depot explosion": the event told again, dated by its own possessive; no doer needed
        # (a plural, "Monday's earthquakes", tells several)
        dated = any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in tok.children)
        return Trigger(EventType.INCIDENT, "incident") if dated else None
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    nouns = [c for c in tok.children if c.dep_ == "nsubj"] + ([tok.head] if tok.dep_ == "acl" else [])
    for noun in nouns:
        owned = any(c.dep_ == "poss" or c.ent_type_ in ("NORP", "GPE", "ORG") for c in noun.children)
        if noun.lemma_.lower() in forces and not owned:  # "Israeli fire killed": gunfire, not a blaze
            return Trigger(EventType.INCIDENT, "incident")
    near = {g.lemma_.lower() for c in tok.children for g in (c, *c.children)}
    if tok.lemma_.lower() in rescue_verbs and near & rescue_cues:
        return Trigger(EventType.AID, "rescue")
    return None


def _noun_phrase_key(tok: Token, table: TriggerTable) -> str | None:
    """The longest listed phrase ending in this noun ("24-hour hunger strike" -> "hunger strike")."""
    mods = [t.lower_ for t in tok.lefts if t.dep_ in ("compound", "amod") and t.i >= tok.i - 3]
    for k in range(len(mods), 0, -1):
        for head in (tok.lower_, tok.lemma_.lower()):
            phrase = " ".join([*mods[-k:], head])
            if phrase in table.nouns:
                return phrase
    return _of_phrase_key(tok, table)


def _of_phrase_key(tok: Token, table: TriggerTable) -> str | None:
    """A listed phrase written "X of Y" ("exchange of fire", "show of force", "vote of confidence"): the
    noun with the object of its "of" right after it, that object's own modifiers read as above."""
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != tok.i + 1:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for head in (tok.lower_, tok.lemma_.lower()):
                for tail in (obj.lower_, obj.lemma_.lower(), _noun_phrase_key(obj, table) or ""):
                    phrase = f"{head} of {tail}"
                    if tail and phrase in table.nouns:
                        return phrase
    return None


def _repeats_head(tok: Token, trigger: Trigger | None, table: TriggerTable) -> bool:
    """'shelled the camp, killing 12': a participle of the same type only tells the result (and 'mortar
    shelling struck', a subject the parse hung on the verb, names the verb's own event)."""
    if trigger is None or tok.dep_ not in ("advcl", "xcomp", "conj", "advmod", "npadvmod") or tok.head.i == tok.i:
        return False
    head = _trigger(tok.head, table)
    return head is not None and head[0] is not None and head[0].type is trigger.type


def _suppressed(tok: Token, verb: bool) -> bool:
    """Wished, threatened, planned, negated or hypothetical: no event of its own."""
    speech = speech_table()
    if negated(tok, speech.negations) or modal(tok, MODALS):
        return True
    if held_negated(tok, speech.negations, modality().arrival_verbs):
        return True
    if finite_beside_infinitive(tok):
        return False  # "called on X to supply Y and accused Z": the accusing was done, not asked for
    for gov in governors(tok, 3):
        if gov.lemma_.lower() in speech.irrealis and gov.pos_ in ("VERB", "AUX"):
            return True
        infinitive = tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and any(c.lower_ == "to" for c in tok.children))
        if infinitive and gov.i == tok.head.i and (modal(gov, MODALS) or too_to(gov)):
            return True  # "will do our best to open", "too weak to defend"
        if gov.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "prep", "dobj", "pobj"):
            break
    return not verb and tok.dep_ not in NOUN_EVENT_DEPS


def _roles(
    tok: Token,
    verb: bool,
    trigger: Trigger | None,
    table: TriggerTable,
    actors: Sequence[Actor],
    places: Sequence[Place] = (),
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    if trigger is None:
        return (), ()
    if not verb:
        return _noun_roles(tok, table, actors)
    hostile = trigger.type in (EventType.ASSAULT, EventType.COERCE, EventType.SANCTION)
    if is_passive(tok):
        doers = actors_of(agents(tok), actors)
        undergoers = passive_subjects(tok)
        targets = actors_of(undergoers, actors) or partners(undergoers, actors)
        if not targets and hostile:  # "fled the village after it was shelled": its people
            targets = _civilian_places(undergoers, table, places)
    else:
        doers = actors_of(subjects(tok), actors)
        objs = objects(tok, table.target_preps)
        targets = actors_of(objs, actors)
        if not targets and objs:  # "presented credentials to X": the object is a thing, X the target
            aimed = [*preposition_objects(tok, table.target_preps)]
            aimed += [p for o in objs for p in preposition_objects(o, table.target_preps)]
            targets = actors_of(aimed, actors) or partners(objs, actors)
        if not targets and hostile:
            targets = _civilian_places(objs, table, places)
        if targets and all(a.kind in MOVED_FORCES and a.country is None for a in targets):
            # "offered its troops to X": the forces are what is given, X whom it reaches
            targets = actors_of(preposition_objects(tok, table.target_preps), actors) or targets
    if not targets and trigger.type in ADDRESSED:
        # "demanded that the US cancel ...", "warned that Iran would pay": who is to act is addressed
        targets = actors_of([t for c in tok.children if c.dep_ == "ccomp" for t in subjects(c)], actors)
    if trigger.type in YIELDING and tok.dep_ == "xcomp":
        targets = actors_of(subjects(tok.head), actors)  # "forced X to surrender": X yields to the forcer
    doers = [a for a in doers if a.kind is not ActorKind.MEDIA]
    targets = [a for a in targets if a.id not in {d.id for d in doers}]
    if trigger.slots:
        return _slotted(tok, trigger, doers, targets, actors)
    return tuple(doers), tuple(targets)


def _clause_targets(tok: Token, doers: Sequence[Actor], actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """The first actor named after the trigger inside its own clause ("met in Paris with X",
    "sent troops to help X"): who the act was aimed at when no object names one."""
    lo, hi = tok.idx + len(tok.text), tok.right_edge.idx + len(tok.right_edge.text)
    nested = [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
        for c in tok.subtree
        if c.dep_ in ("ccomp", "relcl", "parataxis") and c.i != tok.i
    ]
    taken = {d.id for d in doers}
    for a in actors:
        inside = lo <= a.start < hi and not any(x <= a.start < y for x, y in nested)
        if inside and a.id not in taken and a.kind is not ActorKind.MEDIA:
            return (a, *(b for b in conjoined_actors(tok, a, actors) if b.id not in taken))
    return ()


def _mentions(doers: Sequence[Actor]) -> int:
    """How many places of the text the doers stand at (one entry may stand for several actors)."""
    return len({(a.start, a.end) for a in doers})


def _antecedents(tok: Token) -> list[Token]:
    """What "it" may stand for: the nouns before it in its sentence, nearest first ("fled the village
    of X with his family after it was shelled": family, X, village); any other word stands for itself."""
    if tok.lower_ != "it":
        return [tok]
    before = list(tok.sent)[: tok.i - tok.sent.start]
    return [t for t in reversed(before) if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj", "appos")]


def _civilian_places(objs: list[Token], table: TriggerTable, places: Sequence[Place] = ()) -> list[Actor]:
    """An attack on villages, homes or hospitals, or a blockade of a named town or region, targets the
    civilians living there ("after it was shelled": the nearest such noun before "it")."""
    for o in (c for obj in objs for c in _antecedents(obj)):
        words = {o.lower_, " ".join(t.lower_ for t in o.lefts if t.dep_ in ("amod", "compound")) + " " + o.lower_}
        named = any(p.start <= o.idx < p.end and p.precision is not PlacePrecision.SITE for p in places)
        inhabited = o.ent_type_ in PLACE_ENTITIES or named  # a blockaded region, a shelled town: its people bear it
        if inhabited or words & table.civilian_targets or o.lemma_.lower() in table.civilian_targets:
            return [
                Actor("civilians.civilians", o.text, o.idx, o.idx + len(o.text), "civilians", None, ActorKind.CIVILIANS)
            ]
    return []


def _noun_roles(
    tok: Token, table: TriggerTable, actors: Sequence[Actor]
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    owners = [c for c in tok.children if c.dep_ == "poss"]
    doers = actors_of([t for o in owners for t in conjuncts(o)], actors)
    doers += actors_of(preposition_objects(tok, ("by", "from", "between")), actors)  # "talks between X and Y"
    targets = actors_of(preposition_objects(tok, ("on", "against", "of", "with", "to", "into")), actors)
    targets = targets or partners(preposition_objects(tok, ("of",)), actors)  # "a suspension of links with X"
    head = tok.head
    mod = modality()
    journey = head.lower_ in mod.purpose_preps and head.head.lemma_.lower() in mod.purpose_verbs
    if not doers and tok.dep_ == "pobj" and journey and is_passive(head.head):
        # "X was put under investigation": X undergoes it, the passive's agent (if any) does it
        doers, targets = actors_of(agents(head.head), actors), targets or actors_of(passive_subjects(head.head), actors)
    elif not doers and tok.dep_ == "pobj" and journey:
        doers = actors_of(subjects(head.head), actors)  # "X arrived on a visit": X visits
    if not doers and tok.dep_ == "dobj" and verb_key(head, table.light_verbs) in table.light_verbs:
        doers = actors_of(subjects(head), actors)
        targets = targets or actors_of(preposition_objects(head, table.target_preps), actors)
    return tuple(doers), tuple(a for a in targets if a.id not in {d.id for d in doers})


def _mode(tok: Token, etype: EventType, default: str) -> str:
    near = [tok, tok.head, *tok.children, *(g for c in tok.children for g in c.children)]
    clause = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
    text = " ".join(t.lower_ for t in tok.sent)
    for rule in mode_rules().get(etype, []):
        if rule.cues & clause or any(" " in c and re.search(rf"\b{re.escape(c)}\b", text) for c in rule.cues):
            return rule.mode
    return default


def _most_specific(places: Sequence[Place]) -> Place | None:
    try:
        from crisisledger.extract.places import most_specific
    except ImportError:  # the places stage is optional in unit tests
        return places[0] if places else None
    return most_specific(places)


def _event_place(tok: Token, places: Sequence[Place], last: list[Place | None], object_is_place: bool) -> Place | None:
    """Where the trigger happened: a place its grammar reaches ("struck X in Y", "a depot in Y exploded"),
    not one that names the doer ("Canada captured"); else the scene an opening locative sets for
    the whole sentence ("In X, officials said ..."); else where the report's last event happened; else
    the place the parse ties to it (`event_places.tied_place`)."""
    reach = _place_zone(tok, object_is_place)
    direct = [p for p in places if any(lo <= p.start < hi for lo, hi in reach) and not names_actor(tok, p)]
    if direct:
        return _most_specific(direct)
    scene = _scene_place(tok, places)
    if scene is not None:
        return scene
    if last[0] is not None:
        return last[0]
    return tied_place(tok, [p for p in places if p.precision is not PlacePrecision.SITE])


_DATELINE = re.compile(r"^[A-Z][A-Z'’.\- ]+[A-Z](?:,|\s*\(|\s*[—–])")


def _dateline_place(analyzed: AnalyzedDocument, places: Sequence[Place]) -> Place | None:
    """The report's dateline town ("GORIS, Armenia, 27 September"): where its first events happened
    unless their sentence says otherwise."""
    for sentence in analyzed.sentences[:4]:
        if _DATELINE.match(sentence.text):
            para = [s for s in analyzed.sentences if s.paragraph == sentence.paragraph]
            inside = [p for p in places if para[0].start <= p.start < para[-1].end and p.precision is not None]
            return _most_specific(inside)
    return None


def _scene_place(tok: Token, places: Sequence[Place]) -> Place | None:
    """An opening locative phrase set off by a comma ("In X, officials said ...") and hanging on the
    main verb places everything the sentence tells."""
    root = tok.sent.root
    for child in root.children:
        if child.dep_ != "prep" or child.lower_ not in LOCATIVE or child.i != tok.sent.start:
            continue
        after = child.right_edge.nbor(1) if child.right_edge.i + 1 < tok.sent.end else None
        if after is None or after.text != ",":
            continue
        lo, hi = _extent(child)
        inside = [p for p in places if lo <= p.start < hi]
        if inside:
            return _most_specific(inside)
    return None


def _place_zone(tok: Token, object_is_place: bool) -> list[tuple[int, int]]:
    """Character ranges where a place names where the trigger happened."""
    zone = []
    for child in tok.children:
        if (
            (child.dep_ == "prep" and child.lower_ in LOCATIVE)
            or child.dep_ in ("nsubj", "nsubjpass", "npadvmod")
            or (child.dep_ == "dobj" and object_is_place)
        ):
            zone.append(_extent(child))
        elif child.dep_ == "dobj":
            zone.extend(
                _extent(g)
                for g in child.children
                if g.dep_ == "appos" or (g.dep_ == "prep" and g.lower_ in ("in", "at"))
            )
    if tok.pos_ in ("NOUN", "PROPN"):
        # "the shelling of X", "a blockade of X": the object of an act done to a place is where
        held = LOCATIVE | {"of"} if object_is_place else LOCATIVE
        zone.extend(_extent(c) for c in tok.children if c.dep_ == "prep" and c.lower_ in held)
    return zone


def _extent(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def _number(drafts: list[Event]) -> tuple[Event, ...]:
    ordered = sorted(drafts, key=lambda e: (e.evidence.start, e.trigger.start))
    return tuple(replace(e, id=f"e{i}") for i, e in enumerate(ordered, 1))


def _refine_figures(analyzed: AnalyzedDocument, figures: Sequence[Figure], frames: list[Frame]) -> tuple[Figure, ...]:
    """A figure stated inside someone's words is theirs: reported (or denied, alleged), attributed."""
    out = []
    for f in figures:
        sentence = analyzed.sentence_at(f.trigger.start)
        if sentence is not None and f.certainty is Certainty.ASSERTED and f.attributed_to is None:
            certainty, source = certainty_at(f.trigger.start, sentence, frames)
            if certainty is not Certainty.ASSERTED:
                f = replace(f, certainty=certainty, attributed_to=source)
        out.append(f)
    return tuple(out)


# Shared with `main_event.py`, which codes one main event per sentence the event-data way.
trigger_of = _trigger
event_roles = _roles
event_mode = _mode
