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

from collections.abc import Callable, Sequence

from crisisledger.extract.coding_lexicon import (
    Trigger,
    TriggerTable,
    actor_lexicon,
    modality,
    speech_table,
    trigger_table,
)
from crisisledger.extract.events import event_mode, event_roles, speaker_actors, trigger_of, voiced_type
from crisisledger.extract.events_targets import destination_spans
from crisisledger.extract.grammar import (
    Token,
    actors_of,
    aux_words,
    governors,
    intent_holders,
    read_type,
    subjects,
    verb_key,
)
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Actor, ActorKind, Event, EventType, Sentence, Span


def sentence_event(
    analyzed: AnalyzedDocument, sentence: Sentence, actors: Sequence[Actor], table: TriggerTable | None = None
) -> Event | None:
    """The sentence's main event, or None when no word in it triggers one; `table` may carry a user's
    own triggers (`coding_lexicon.with_user_verbs`)."""
    table = table or trigger_table()
    best = _best_trigger(analyzed, sentence, table)
    return _coded(sentence, best, actors, table) if best is not None else None


def fallback_event(
    analyzed: AnalyzedDocument, sentence: Sentence, actors: Sequence[Actor], table: TriggerTable
) -> Event | None:
    """The main event the ledger keeps where its strict reading found none, from a clear trigger only:
    a verb (one that needs a doer only with one the grammar names: "68 were killed" is a figure), or a
    noun heading a headline or standing as the subject of an occurrence ("clashes erupted"), never a
    standing situation ("the war"); an intent, demand or refusal only with someone who holds it."""

    def clear(tok: Token, trigger: Trigger, etype: EventType, verb: bool) -> bool:
        return clear_trigger(tok, trigger, verb, actors, table)

    best = _best_trigger(analyzed, sentence, table, clear)
    if best is None:
        return None
    event = _coded(sentence, best, actors, table)
    if best[3] is not best[2].type and not event.actors:
        return None  # an intent or refusal of no one named
    return event


def clear_trigger(tok: Token, trigger: Trigger, verb: bool, actors: Sequence[Actor], table: TriggerTable) -> bool:
    """Whether a trigger word tells an event by itself (`fallback_event`)."""
    mod = modality()
    if trigger is DEMAND:
        return bool(actors_of(subjects(tok), actors))  # "China must drop barriers"
    if verb:
        if trigger.needs_actor or trigger.type is EventType.DISPLACEMENT:
            return bool(event_roles(tok, verb, trigger, table, actors)[0]) or _by_weapon(tok, table)
        return True
    head = tok.head
    acted_on = tok.dep_ == "dobj" and (
        verb_key(head, table.light_verbs) in table.light_verbs
        or head.lemma_.lower() in mod.reversal_verbs | mod.cutoff_verbs
    )
    if tok.lemma_.lower() in mod.situation_nouns or tok.lower_ in mod.situation_nouns:
        # "lifted the blockade", "ended the occupation" (a reversal, though "end" also tells an occurrence)
        ending = head.lemma_.lower() in mod.reversal_verbs | mod.cutoff_verbs
        return acted_on and (ending or head.lemma_.lower() not in mod.occurrence_verbs)
    return (
        tok.dep_ == "ROOT"
        or (
            tok.dep_ in ("nsubj", "nsubjpass")
            and (head.lemma_.lower() in mod.occurrence_verbs or trigger_of(head, table) is not None)
        )
        or acted_on
        or _nominal_event(tok, table)
        or _purpose_of_move(tok)
        or _taken_part_in(tok)
        or (trigger.type is EventType.ASSAULT and _killed_by(tok))
    )


def _nominal_event(tok: Token, table: TriggerTable) -> bool:
    """'the talks ended', 'police banned the rally', 'opened an investigation': a noun trigger (not a
    standing situation) as the subject or object of a verb that itself triggers nothing; a noun after a
    measure of it ("ten days of war games", "a wave of arrests") stands where the measure stands."""
    mod = modality()
    carrier = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in mod.measure_nouns:
        carrier = tok.head.head
    head = carrier.head
    return (
        (mod.any_nominal or tok.lemma_.lower() in mod.nominal_events or tok.lower_ in mod.nominal_events)
        and carrier.dep_ in ("nsubj", "nsubjpass", "dobj")
        and head.pos_ in ("VERB", "AUX")
        and trigger_of(head, table) is None
    )


def _purpose_of_move(tok: Token) -> bool:
    """'arrived on a visit', 'flew in for talks', 'put under investigation', 'remained on alert': the noun
    names what the verb's journey or state is for."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in modality().purpose_preps
        and prep.head.pos_ in ("VERB", "AUX")
        and prep.head.lemma_.lower() in modality().purpose_verbs
        and not any(c.dep_ == "poss" for c in tok.children)
    )


def _taken_part_in(tok: Token) -> bool:
    """'took part in a rally', 'were involved in clashes', 'stayed away in protest': the noun under "in" is
    what the verb's doers did."""
    prep = tok.head
    if not (tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX")):
        return False
    mod = modality()
    return prep.head.lemma_.lower() in mod.participation_verbs or tok.lower_ in mod.manner_nouns


def _killed_by(tok: Token) -> bool:
    """'died as a result of torture', 'perished in the shelling': the noun under a verb of dying, through
    prepositions and 'result'/'consequence', is the attack that killed."""
    node = tok
    for _ in range(5):
        if node.dep_ not in ("pobj", "prep") and node.lemma_.lower() not in ("result", "consequence"):
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in modality().casualty_verbs
    return False


def _by_weapon(tok: Token, table: TriggerTable) -> bool:
    """'killed in a car bombing', 'a roadside bomb killed', 'injured during the shoot-out': an attack told by
    its weapon or by the fighting it happened in, no doer named."""
    weapons = actor_lexicon().weapon_nouns
    near = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not near:  # "heavy shelling hit the town": a subject the parse hung on the verb as a modifier
        near = [c for c in tok.lefts if c.dep_ in ("advmod", "npadvmod", "dep") and c.pos_ == "NOUN"]
    preps = ("by", "in", "during", "amid")
    near += [p for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ in preps for p in c.children]
    for noun in near:
        words = {noun.lower_, noun.lemma_.lower(), *(c.lower_ for c in noun.children if c.dep_ in ("compound", "amod"))}
        reading = trigger_of(noun, table)
        if words & weapons or (reading is not None and reading[0] is not None and reading[0].type is EventType.ASSAULT):
            return True
    return False


def main_of(analyzed: AnalyzedDocument, sentence: Sentence, events: Sequence[Event]) -> Event | None:
    """Among the events coded in a sentence, its main one: the trigger highest in the parse."""
    tokens = analyzed.tokens_of(sentence)
    here = [e for e in events if e.evidence.start == sentence.start]
    if tokens is None or not here:
        return None
    by_offset = {t.idx: t for t in tokens}

    def rank(e: Event) -> tuple[int, int, int]:
        tok = by_offset.get(e.trigger.start)
        if tok is None:
            return (99, 1, e.trigger.start)
        verb = tok.pos_ in ("VERB", "AUX")
        return (_depth(tok, verb), 0 if verb else 1, tok.i)

    return min(here, key=rank)


_Best = tuple[tuple[int, int, int], Token, Trigger, EventType, bool]


def _best_trigger(
    analyzed: AnalyzedDocument,
    sentence: Sentence,
    table: TriggerTable,
    keep: Callable[[Token, Trigger, EventType, bool], bool] | None = None,
) -> _Best | None:
    tokens = analyzed.tokens_of(sentence)
    if tokens is None:
        return None
    best: _Best | None = None
    for tok in tokens:
        found = trigger_of(tok, table)
        trigger: Trigger
        if found is not None and found[0] is not None:
            trigger, verb = found[0], found[1]
        elif tok.pos_ in ("VERB", "AUX") and aux_words(tok) & modality().obligation_words:
            trigger, verb = DEMAND, True  # "X must withdraw": the speaker demands it
        else:
            continue
        etype = read_type(tok, trigger)
        if etype is None or (keep is not None and not keep(tok, trigger, etype, verb)):
            continue
        key = (_depth(tok, verb), 0 if verb else 1, tok.i)
        if best is None or key < best[0]:
            best = (key, tok, trigger, etype, verb)
    return best


def _coded(sentence: Sentence, best: _Best, actors: Sequence[Actor], table: TriggerTable) -> Event:
    _, tok, trigger, etype, verb = best
    doers, targets = event_roles(tok, verb, trigger, table, actors)
    addressed = _addressee(tok, actors) if not doers and verb and _pronoun_subject(tok) else ()
    if not doers:
        doers = tuple(actors_of(intent_holders(tok), actors))  # "X announced plans to withdraw": X's intent
    if not doers and any(t.pos_ == "PRON" for t in subjects(tok if verb else tok.head)):
        doers = speaker_actors(tok, actors)  # "Syria says it is willing to ...": the speaker
    if etype is EventType.REQUEST and (trigger.type is not EventType.REQUEST or trigger is DEMAND):
        # "X must drop barriers to Y": the speaker demands it of X (Y is part of the act demanded); "told X
        # that it must": of X
        doers, targets = _demander(tok, actors), addressed or tuple(doers) or tuple(targets)
    in_sentence = [a for a in actors if sentence.start <= a.start < sentence.end]
    doers, targets = _fill_roles(tok, tuple(doers), tuple(targets), in_sentence)
    return Event(
        id="main",
        type=etype if trigger.verbatim else voiced_type(etype, tok, doers),
        evidence=sentence.span,
        trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
        mode=event_mode(tok, trigger.type, trigger.mode),
        actors=doers,
        targets=targets,
    )


DEMAND = Trigger(EventType.REQUEST, "demand")


def _depth(tok: Token, verb: bool) -> int:
    """Steps up to the root; a noun counts at its verb's height ("staged a protest", "clashes erupted")."""
    if not verb and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "oprd") and tok.head.i != tok.i:
        tok = tok.head
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n


def _pronoun_subject(tok: Token) -> bool:
    return any(t.pos_ == "PRON" for t in subjects(tok))


def _addressee(tok: Token, actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """Whom a demand told to someone is made of, where its clause names them by a pronoun ("issued a
    reminder to X that it must ...", "told X that it must ..."): the nearest "to" object or object above."""
    for gov in governors(tok, 4):
        held = [g for c in gov.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in c.children]
        held += [c for c in gov.children if c.dep_ == "dobj" and c.i != tok.i and gov.pos_ == "VERB"]
        found = tuple(actors_of([h for h in held if h.dep_ in ("pobj", "dobj")], actors))
        if found:
            return found
    return ()


def _demander(tok: Token, actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """Who voices "X must do Y": a speaker, else, for a must-clause that completes a noun, the subject of
    the clause that carries that noun ("Chirac issued a reminder to Iraq that it must cooperate")."""
    speaker = speaker_actors(tok, actors)
    above = governors(tok, 5)
    if speaker or not above or above[0].pos_ != "NOUN":
        return speaker
    for gov in above[1:]:
        if gov.pos_ in ("VERB", "AUX"):
            found = tuple(actors_of(subjects(gov), actors))
            if found:
                return found
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
        hosts = destination_spans(tok)  # "X arrived in Y on a visit": Y hosts it
        before = [a for a in pool if a.end <= tok.idx and a.id not in taken and not _inside(a, hosts)]
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
