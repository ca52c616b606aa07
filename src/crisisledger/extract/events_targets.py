"""Targets an event's own clause leaves empty: the purpose it serves, or the state of the place it goes to.

A protest with no target whose purpose clause tells an event that has one takes that target ("began a
hunger strike to protest X's decision": the strike is aimed at X); so does one done "in protest of"
something of someone's ("in protest of the X government's refusal").

Host states: an act that goes to a place acts on the state of that place (CAMEO codes the host of a
visit, the state troops are deployed or sent to, the one they withdraw from as the target).

An event with no target whose trigger, or the verb chain holding it, is a movement to or into a place
("arrived in X on a visit", "sent personnel to X to investigate", "refused to deploy peacekeepers in X",
"contribute troops to a force in X", "pulled out of X") takes the state of that place as its target: the
state actor named there, else the country of a resolved place there, when it is not the doer's own.
Forces named only as what moves ("deploy peacekeepers") are not a target. Words in `events_grammar.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from crisisledger.extract.coding_lexicon import actor_lexicon
from crisisledger.extract.grammar import Token, actors_of, grammar_words, preposition_objects
from crisisledger.model import Actor, ActorKind, Event, EventType, Place

_MOVED_KINDS = frozenset({ActorKind.MILITARY, ActorKind.POLICE})  # troops sent: what moves, not whom it reaches
_UP_DEPS = frozenset({"xcomp", "advcl", "pobj", "prep", "pcomp", "acl", "dobj"})
_DOWN_DEPS = frozenset({"xcomp", "ccomp", "relcl", "acl", "dobj", "pobj", "prep", "pcomp", "advcl", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class _Words:
    verbs: frozenset[str]
    nouns: frozenset[str]
    to_preps: frozenset[str]
    departures: frozenset[str]
    from_preps: frozenset[str]
    reach: int
    placed_types: frozenset[EventType]
    domestic_types: frozenset[EventType]
    locative_preps: frozenset[str]
    nested_preps: frozenset[str]
    posture_preps: frozenset[str]
    purpose_nouns: frozenset[str]
    purpose_types: frozenset[EventType]
    relation_nouns: frozenset[str]
    relation_preps: frozenset[str]
    home_preps: frozenset[str]
    authority_types: frozenset[EventType]
    newcomers: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = grammar_words()["hosts"]

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw[key])

    return _Words(
        words("movement_verbs"),
        words("movement_nouns"),
        words("destination_preps"),
        words("departure_words"),
        words("departure_preps"),
        int(raw["reach"]),
        frozenset(EventType(str(t)) for t in raw["placed_types"]),
        frozenset(EventType(str(t)) for t in raw["domestic_types"]),
        words("locative_preps"),
        words("nested_preps"),
        words("posture_preps"),
        words("purpose_nouns"),
        frozenset(EventType(str(t)) for t in raw["purpose_types"]),
        words("relation_nouns"),
        words("relation_preps"),
        words("home_preps"),
        frozenset(EventType(str(t)) for t in raw["authority_types"]),
        words("newcomers"),
    )


def partners(objects: Sequence[Token], actors: Sequence[Actor]) -> list[Actor]:
    """Who an act done to a thing reaches when the thing names no actor itself: the partner of a
    relation ("suspended air links with X", "cut ties to Y") and the people a place is for ("a camp for
    Z refugees was attacked")."""
    w = _words()
    for o in objects:
        relation = o.lower_ in w.relation_nouns or o.lemma_.lower() in w.relation_nouns
        found = actors_of(preposition_objects(o, w.relation_preps if relation else w.home_preps), actors)
        if not relation:
            found = [a for a in found if a.kind is ActorKind.CIVILIANS]
        if found:
            return found
    return []


def purposed(event: Event, tok: Token, events: Sequence[tuple[Event, Token]], actors: Sequence[Actor]) -> Event:
    """The event with the target of the purpose it serves, where its own clause names none: the event
    a "to"-infinitive on its verb tells ("began a hunger strike to protest X's decision"), else what a
    purpose noun on it is "of", "at", "against" or "for" ("in protest of X's refusal")."""
    if event.targets or event.type not in _words().purpose_types:
        return event
    holders = {t.i for t in _heads(tok, 1)}
    doers = {a.id for a in event.actors}
    for other, t in events:
        purpose = t.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children)
        aimed = tuple(a for a in other.targets if a.id not in doers)
        if other is not event and purpose and t.head.i in holders and aimed:
            return replace(event, targets=aimed)
    nouns = [
        g
        for h in _heads(tok, 1)
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for n in p.children
        if n.dep_ == "pobj" and n.lemma_.lower() in _words().purpose_nouns
        for q in n.children
        if q.dep_ == "prep" and q.lower_ in ("of", "at", "against", "for", "to")
        for g in q.children
        if g.dep_ == "pobj"
    ]
    aimed = tuple(a for a in actors_of(nouns, actors) if a.id not in doers)
    return replace(event, targets=aimed) if aimed else event


def authority(event: Event, tok: Token, actors: Sequence[Actor], places: Sequence[Place]) -> Event:
    """An act of state authority told in the passive with no doer ("was put under investigation in X",
    "were detained in Y") was done by the state of the place it was done in."""
    w = _words()
    if event.actors or event.type not in w.authority_types:
        return event
    heads = _heads(tok, w.reach)
    if not any(h.pos_ == "VERB" and any(c.dep_ in ("nsubjpass", "auxpass") for c in h.children) for h in heads):
        return event
    for noun in (n for t in heads for n in destinations(t, w.locative_preps)):
        state = state_at(noun, actors, places)
        if state is not None and state.country not in {a.country for a in event.targets}:
            return replace(event, actors=(state,))
    return event


def residents(event: Event, tok: Token, actors: Sequence[Actor]) -> Event:
    """Unnamed civilians an act struck in a state ("killed 12 people in X") are that state's people; refugees,
    migrants and the like are not (they come from elsewhere), nor those in a place below the state (people
    in a disputed region may be another state's)."""
    w = _words()
    bare = [t for t in event.targets if t.kind is ActorKind.CIVILIANS and t.country is None]
    if not bare or any(set(t.text.lower().split()) & w.newcomers for t in bare):
        return event
    for noun in (n for t in _heads(tok, w.reach) for n in destinations(t, w.locative_preps)):
        state = state_at(noun, actors, ())
        if state is not None:
            return replace(event, targets=tuple(_of_state(t, state) if t in bare else t for t in event.targets))
    return event


def _of_state(people: Actor, state: Actor) -> Actor:
    iso3 = state.country or ""
    generic = people.id.split(".")[0] == "civilians"
    return replace(people, id=f"{iso3.lower()}.civilians" if generic else people.id, country=iso3)


def hosted(event: Event, tok: Token, actors: Sequence[Actor], places: Sequence[Place]) -> Event:
    """The event with the host state of the movement it is, or is held in, as its target (unchanged
    where it has a target already, tells no movement, or the place is the doer's own state)."""
    if event.type in (EventType.DISPLACEMENT, EventType.INCIDENT):
        return event
    if any(t.kind not in _MOVED_KINDS or t.country for t in event.targets):
        return event
    w = _words()
    own = {a.country for a in event.actors if a.country}
    placed = event.type in w.placed_types
    for move in movements(tok, placed):
        for noun in destinations(move, w.to_preps | w.posture_preps if placed and not _moves(move, w) else None):
            host = state_at(noun, actors, places)
            if host is not None and host.country not in own:
                return replace(event, targets=(host,))
    if event.type in w.domestic_types and own:
        for noun in (n for t in _heads(tok, w.reach) for n in destinations(t, w.locative_preps)):
            home = state_at(noun, actors, places)
            if home is not None and home.country in own:
                return replace(event, targets=(home,))  # "imposed a curfew in a town of X": on X's people
    return event


def movements(tok: Token, placed: bool = False) -> list[Token]:
    """Movement words on the trigger's chain: the trigger, the heads it hangs from ("arrived ... on a
    visit", "sent X to investigate") and the clauses below it ("refused to deploy", "a call for forces
    to be deployed"), nearest first; for a force posture (`placed`) the trigger and its heads whatever
    their words ("remained on alert in X")."""
    w = _words()
    chain = _heads(tok, w.reach)
    heads = len(chain)
    frontier = [tok]
    for _ in range(w.reach):
        frontier = [c for t in frontier for c in t.children if c.dep_ in _DOWN_DEPS]
        chain.extend(frontier)
    return [t for i, t in enumerate(chain) if _moves(t, w) or (placed and i < heads)]


def _heads(tok: Token, reach: int) -> list[Token]:
    """The token and the heads it hangs from through clauses and prepositions, nearest first."""
    chain: list[Token] = [tok]
    for _ in range(reach):
        if tok.dep_ not in _UP_DEPS or tok.head.i == tok.i:
            break
        tok = tok.head
        chain.append(tok)
    return chain


def destination_spans(tok: Token) -> list[tuple[int, int]]:
    """Character ranges of the places the movements on the trigger's chain go to: a state named there is
    the host, never the doer ("X arrived in Y on a visit")."""
    return [(n.left_edge.idx, n.idx + len(n.text)) for m in movements(tok) for n in destinations(m)]


def _moves(tok: Token, w: _Words) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return lemma in w.verbs or lemma in w.departures
    return tok.pos_ == "NOUN" and (lemma in w.nouns or lemma in w.departures)


def destinations(move: Token, preps: frozenset[str] | None = None) -> list[Token]:
    """Nouns naming where a movement goes: the objects of its destination prepositions ("to X", "in
    X"), of its departure ones for a withdrawal ("from X", "out of X"), and of those hanging on what it
    moves ("peacekeepers in X") or on the destination ("a force in X", "the town of X in Y")."""
    w = _words()
    if preps is None:
        preps = w.to_preps | (w.from_preps if move.lemma_.lower() in w.departures else frozenset())
    if "out" in preps and any(c.lower_ == "out" for c in move.children):
        preps |= {"of"}  # "pulled out of X" parsed with "out" as a particle
    heads = [move, *(c for c in move.children if c.dep_ in ("dobj", "nsubjpass"))]
    found = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps for g in _pobjs(c)]
    out, frontier = list(found), found
    for _ in range(2):
        frontier = [
            g
            for f in frontier
            for c in f.children
            if c.dep_ == "prep" and c.lower_ in w.nested_preps
            for g in _pobjs(c)
        ]
        out.extend(frontier)
    return out


def _pobjs(prep: Token) -> list[Token]:
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    for c in prep.children:  # "out of X": the particle's own preposition
        if c.dep_ == "prep":
            objs.extend(g for g in c.children if g.dep_ == "pobj")
    return objs


def state_at(noun: Token, actors: Sequence[Actor], places: Sequence[Place]) -> Actor | None:
    """The state a place noun names: a state actor mentioned in its words up to the noun ("East Timor",
    "Amman"), else the country of a place resolved there ("the town of X" placed by the gazetteer)."""
    lo, hi = noun.left_edge.idx, noun.idx + len(noun.text)
    for a in actors:
        if a.kind is ActorKind.STATE and a.country and lo <= a.start < hi:
            return a
    for p in places:
        if p.country and lo <= p.start < hi:
            return state_actor(p.country, p.text, p.start, p.end)
    return None


def state_actor(iso3: str, text: str, start: int, end: int) -> Actor:
    """A state actor as the actors stage builds one (`<iso3>.state`), named as the lexicon names it."""
    names = actor_lexicon().state_names
    name = next((s.name for s in names.values() if s.iso3 == iso3), iso3)
    return Actor(f"{iso3.lower()}.state", text, start, end, name, iso3, ActorKind.STATE)
