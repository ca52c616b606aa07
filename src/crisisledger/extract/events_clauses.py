"""Grammar that keeps the event coder from telling an event twice or from a description: an event
noun named only to date another, a participle that describes its noun, a definite short form of an
actor named in full earlier. Words in `events_grammar.yaml`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from crisisledger.extract.grammar import Token, governors, grammar_words, subjects
from crisisledger.model import Actor, EventType

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True, slots=True)
class _Words:
    ordering: frozenset[str]
    anchors: frozenset[str]
    aspects: frozenset[str]
    status_types: frozenset[EventType]
    first_person: frozenset[str]
    quote_marks: frozenset[str]
    analysis: frozenset[str]
    onsets: frozenset[str]
    onset_particles: dict[str, frozenset[str]]
    undergoers: frozenset[str]
    scenes: frozenset[str]
    vehicles: frozenset[str]
    settings: frozenset[str]
    setting_types: frozenset[EventType]
    growth: frozenset[str]
    trust_roles: frozenset[str]
    too_weak: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = grammar_words()

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw[key])

    return _Words(
        words("ordering_words"),
        words("time_anchor_words"),
        words("aspect_verbs"),
        frozenset(EventType(str(t)) for t in raw["status_participle_types"]),
        words("first_person"),
        frozenset(str(w) for w in raw["quote_marks"]),
        words("analysis_verbs"),
        words("onset_verbs"),
        {str(k): frozenset(str(w) for w in v) for k, v in raw["onset_particles"].items()},
        words("undergoer_nouns"),
        words("scene_nouns"),
        words("vehicle_nouns"),
        words("setting_preps"),
        frozenset(EventType(str(t)) for t in raw["setting_types"]),
        words("growth_verbs"),
        words("trust_roles"),
        words("too_weak"),
    )


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children)


def time_anchor(noun: Token) -> bool:
    """A definite event noun that only dates something else ("in the days preceding the army's
    assault", "since the war began"): the event itself is told where it happened."""
    if noun.pos_ not in ("NOUN", "PROPN") or not _definite(noun):
        return False
    words = _words()
    head = noun.head
    if noun.dep_ in ("pobj", "dobj") and head.lower_ in words.anchors:
        return True
    aspect = noun.dep_ == "nsubj" and head.lemma_.lower() in words.aspects
    intransitive = not any(c.dep_ in ("dobj", "attr") for c in head.children)
    return aspect and intransitive and any(c.dep_ == "mark" and c.lower_ in words.anchors for c in head.children)


def describes_noun(verb: Token, etype: EventType) -> bool:
    """A restrictive participle of a status type ("the islands claimed by X", no comma between it and
    its noun) describes the noun; no act."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or etype not in _words().status_types:
        return False
    between = verb.doc[verb.head.i + 1 : verb.i]
    return not any(t.text == "," for t in between)


def short_forms_resolved(text: str, actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """A definite mention with no country ("the monitors" after "EU monitors") whose words end an
    earlier actor's of the same kind is that actor (its country, name and role), at this mention."""
    out: list[Actor] = []
    for actor in actors:
        full = None
        if actor.country is None and text[max(0, actor.start - 4) : actor.start].lower() == "the ":
            words = actor.text.lower().split()
            full = next(
                (
                    a
                    for a in reversed(out)
                    if a.end <= actor.start
                    and a.country is not None
                    and a.kind is actor.kind
                    and a.text.lower().split()[-len(words) :] == words
                    and len(a.text.split()) > len(words)
                ),
                None,
            )
        out.append(actor if full is None else replace(full, text=actor.text, start=actor.start, end=actor.end))
    return tuple(out)


def _in_quote(tok: Token) -> bool:
    """Inside a direct quotation of its sentence: an odd number of quote marks before it (curly
    openers count against closers)."""
    marks = _words().quote_marks
    before = [t.text for t in tok.sent if t.i < tok.i and t.text in marks]
    opened = sum(1 for m in before if m == "“") - sum(1 for m in before if m == "”")
    return opened > 0 or before.count('"') % 2 == 1


def first_person_pledge(tok: Token, intent_words: frozenset[str]) -> bool:
    """ "We will do our best to open X" in a direct quote: the speaker's own intent (first person, an
    intent word on the act or above it), one party alone, not an agreement between parties."""
    words = _words()
    if not _in_quote(tok) or not any(s.lower_ in words.first_person for s in subjects(tok)):
        return False
    held = [tok, *governors(tok, 3)]
    return any(w.lower_ in intent_words or w.lemma_.lower() in intent_words for t in held for w in (t, *t.children))


def told_again_by_analysis(noun: Token) -> bool:
    """A noun trigger as the subject of a verb of analysis ("the renewed offensive reflects ...", "the
    attack shows ..."): the writer comments on the event, the sentence tells no new one."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _words().analysis


def past_onset(noun: Token, published_year: int) -> bool:
    """A noun as the subject of a verb of onset dated by a year before the report's ("a first war over X
    began in 1988", "the conflict broke out in 1991"): an event of the past, told as background."""
    words = _words()
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ != "nsubj" or lemma not in words.onsets:
        return False
    particles = words.onset_particles.get(lemma)
    if particles and not any(c.dep_ == "prt" and c.lower_ in particles for c in head.children):
        return False
    years = [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(g.text.isdigit() and len(g.text) == 4 and 1000 < int(g.text) < published_year for g in years)


def undergone_by(noun: Token) -> tuple[Token, bool] | None:
    """ "X was the target of an attack", "X became the scene of fighting": the clause ("was", "became")
    whose subject underwent the event noun (True) or is where it happened (False)."""
    words = _words()
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    role = prep.head
    lemma = role.lemma_.lower()
    if role.dep_ not in ("attr", "oprd") or (lemma not in words.undergoers and lemma not in words.scenes):
        return None
    return role.head, lemma in words.undergoers


def conveyed_by(noun: Token) -> Token | None:
    """ "sent a message of support to X", "a letter of protest was delivered": the verb that carries the
    event noun in a message, letter or gesture (its object or subject)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    vehicle = prep.head
    if vehicle.lemma_.lower() not in _words().vehicles or vehicle.dep_ not in ("dobj", "nsubjpass"):
        return None
    return vehicle.head if vehicle.head.pos_ == "VERB" else None


def setting_of(noun: Token, etype: EventType) -> Token | None:
    """ "X, on an official visit to Y, said", "chanted slogans at a rally": the verb (or the subject noun)
    an event one attends hangs on through a preposition of setting; its subject was at the event."""
    if etype not in _words().setting_types:
        return None
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _words().settings:
        return None
    holder = prep.head
    if holder.pos_ == "VERB" or (holder.pos_ in ("NOUN", "PROPN") and holder.dep_ in ("nsubj", "nsubjpass")):
        return holder
    return None


def grows(verb: Token) -> bool:
    """A verb that makes a relation larger ("double", "boost", "step up"): the relation's act is done."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _words().growth:
        return False
    return lemma != "step" or any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def disparaged(tokens: Sequence[Token]) -> Token | None:
    """The subject a clause criticises: denied a role of trust ("it is not a partner that can be relied
    on", "is no ally") or found too weak to act ("X is too weak to defend Y"); first persons never."""
    words = _words()
    for tok in tokens:
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if tok.lemma_.lower() != "be" or subject is None or subject.lower_ in words.first_person:
            continue
        denied = any(c.dep_ == "neg" for c in tok.children) or any(
            a.lower_ == "no" for c in tok.children if c.dep_ == "attr" for a in c.children
        )
        roles = {c.lemma_.lower() for c in tok.children if c.dep_ == "attr"}
        weak = any(
            c.dep_ == "acomp" and c.lemma_.lower() in words.too_weak and any(a.lower_ == "too" for a in c.children)
            for c in tok.children
        )
        if (denied and roles & words.trust_roles) or weak:
            return subject
    return None
