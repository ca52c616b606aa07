"""The main event of one sentence, read the way CAMEO/PLOVER coders read it (benchmarks, triage).

The ledger's coder (`events.py`) is strict: no event for what is only planned, asked or negated,
and none for a noun trigger without a named doer. Event-data sets code one event per sentence
instead, and read intentions and refusals as events of their own: "X will send aid" is an intent
to cooperate (AGREE), "X would boycott Y" a threat, "X will not accept Y" a rejection, "Y must
withdraw" a demand. `sentence_event` codes that main event: among the sentence's trigger words
(verbs and nouns alike) the one highest in the parse, its type turned by the modality around it
(data in `triggers.yaml`, `main_event`), with the actors the grammar gives it, else the nearest
actor mentions on each side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from crisisledger.extract.coding_lexicon import Trigger, TriggerTable, speech_table, trigger_table
from crisisledger.extract.events import event_mode, event_roles, trigger_of
from crisisledger.extract.grammar import Token, actors_of, governors, negated, subjects, too_to
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.lexicon.loader import load_lexicon
from crisisledger.model import Actor, ActorKind, Event, EventType, Sentence, Span


@dataclass(frozen=True, slots=True)
class Modality:
    cooperative: frozenset[EventType]
    intent_words: frozenset[str]  # "will", "ready", "offer", "plan" ... above the trigger
    obligation_words: frozenset[str]  # "must", "should": a demand
    refusal_words: frozenset[str]  # "refuse", "fail": a rejection of the cooperative act
    condition_words: frozenset[str]  # "unless", "if": an ultimatum, a threat
    reversal_verbs: frozenset[str]  # "lift", "end", "ease" a hostile measure: a concession
    cutoff_verbs: frozenset[str]  # "halt", "cancel" a cooperative act: a sanction
    readiness_words: frozenset[str]  # "prepared to attack": a force posture
    hostile_intent: EventType
    cooperative_intent: EventType


@lru_cache(maxsize=1)
def modality() -> Modality:
    data = load_lexicon("triggers")["main_event"]

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return Modality(
        cooperative=frozenset(EventType(t) for t in data["cooperative"]),
        intent_words=words("intent"),
        obligation_words=words("obligation"),
        refusal_words=words("refusal"),
        condition_words=words("condition"),
        reversal_verbs=words("reversal"),
        cutoff_verbs=words("cutoff"),
        readiness_words=words("readiness"),
        hostile_intent=EventType(data["hostile_intent"]),
        cooperative_intent=EventType(data["cooperative_intent"]),
    )


def sentence_event(
    analyzed: AnalyzedDocument, sentence: Sentence, actors: Sequence[Actor], table: TriggerTable | None = None
) -> Event | None:
    """The sentence's main event, or None when no word in it triggers one; `table` may carry a user's
    own triggers (`coding_lexicon.with_user_verbs`)."""
    tokens = analyzed.tokens_of(sentence)
    if tokens is None:
        return None
    table = table or trigger_table()
    best: tuple[tuple[int, int, int], Token, Trigger, EventType, bool] | None = None
    for tok in tokens:
        found = trigger_of(tok, table)
        trigger: Trigger
        if found is not None and found[0] is not None:
            trigger, verb = found[0], found[1]
        elif tok.pos_ in ("VERB", "AUX") and _aux_words(tok) & modality().obligation_words:
            trigger, verb = DEMAND, True  # "X must withdraw": the speaker demands it
        else:
            continue
        etype = turned_type(tok, trigger.type)
        if etype is None:
            continue
        key = (_depth(tok, verb), 0 if verb else 1, tok.i)
        if best is None or key < best[0]:
            best = (key, tok, trigger, etype, verb)
    if best is None:
        return None
    _, tok, trigger, etype, verb = best
    doers, targets = event_roles(tok, verb, trigger, table, actors)
    if etype is EventType.REQUEST and trigger.type is not EventType.REQUEST:
        doers, targets = _speaker_actors(tok, actors), tuple(doers) + tuple(targets)
    in_sentence = [a for a in actors if sentence.start <= a.start < sentence.end]
    doers, targets = _fill_roles(tok, tuple(doers), tuple(targets), in_sentence)
    return Event(
        id="main",
        type=etype,
        evidence=sentence.span,
        trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
        mode=event_mode(tok, trigger.type, trigger.mode),
        actors=doers,
        targets=targets,
    )


DEMAND = Trigger(EventType.REQUEST, "demand")


def turned_type(tok: Token, base: EventType) -> EventType | None:
    """The trigger's type read with its modality: intent, obligation, refusal, negation, condition."""
    mod = modality()
    speech = speech_table()
    cooperative = base in mod.cooperative
    above = governors(tok, 3)
    lemmas = {t.lemma_.lower() for t in above} | {t.lower_ for t in above} | _aux_words(tok)
    lemmas |= {w for t in above for w in _aux_words(t)}
    marks = {c.lower_ for t in [tok, *above] for c in t.children if c.dep_ == "mark"}
    head = tok.head.lemma_.lower() if tok.head.i != tok.i else ""
    if head in mod.reversal_verbs and not cooperative:
        return EventType.RETREAT if base is EventType.SANCTION else EventType.CONCEDE
    if head in mod.cutoff_verbs and cooperative:
        return EventType.SANCTION
    if any(too_to(t) for t in above):
        return None
    if lemmas & mod.refusal_words:
        return EventType.REJECT
    if negated(tok, speech.negations):
        return EventType.REJECT if cooperative else None
    if marks & mod.condition_words and lemmas & mod.intent_words:
        return mod.hostile_intent
    if lemmas & mod.obligation_words and base is not EventType.REQUEST:
        return EventType.REQUEST
    if base is EventType.ASSAULT and lemmas & mod.readiness_words:
        return EventType.MOBILIZE
    if lemmas & mod.intent_words:
        return mod.cooperative_intent if cooperative else mod.hostile_intent
    return base


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _depth(tok: Token, verb: bool) -> int:
    """Steps up to the root; a noun counts at its verb's height ("staged a protest", "clashes erupted")."""
    if not verb and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "oprd") and tok.head.i != tok.i:
        tok = tok.head
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n


def _speaker_actors(tok: Token, actors: Sequence[Actor]) -> tuple[Actor, ...]:
    verbs = speech_table().verbs
    for gov in governors(tok, 4):
        if gov.lemma_.lower() in verbs:
            return tuple(actors_of(subjects(gov), actors))
    return ()


def _fill_roles(
    tok: Token, doers: tuple[Actor, ...], targets: tuple[Actor, ...], in_sentence: Sequence[Actor]
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Actors the grammar did not attach: the nearest mention before the trigger does it, the
    nearest after undergoes it; a reporter of the sentence ("police said") is neither."""
    speakers = _speakers(tok)
    pool = [a for a in in_sentence if a.kind is not ActorKind.MEDIA and not _inside(a, speakers)]
    taken = {a.id for a in (*doers, *targets)}
    if not doers:
        before = [a for a in pool if a.end <= tok.idx and a.id not in taken]
        if before:
            doers = (before[-1],)
            taken.add(before[-1].id)
    if not targets:
        after = [a for a in pool if a.start > tok.idx and a.id not in taken]
        if after:
            targets = (after[0],)
    return doers, targets


def _speakers(tok: Token) -> list[tuple[int, int]]:
    """Character ranges of the subjects of speech verbs in the sentence that do not govern the trigger's
    own actors: "..., police said" names a source, not a doer."""
    verbs = speech_table().verbs
    out = []
    for t in tok.sent:
        if t.lemma_.lower() in verbs and t.pos_ == "VERB" and t.i != tok.i:
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass") and not (c.left_edge.i <= tok.i <= c.right_edge.i):
                    out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
    return out


def _inside(actor: Actor, ranges: list[tuple[int, int]]) -> bool:
    return any(lo <= actor.start < hi for lo, hi in ranges)
