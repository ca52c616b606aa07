"""Dependency-grammar helpers over spaCy tokens: who did it, to whom, passive, negation, modality.

Tokens are typed `Any` because spaCy ships without type information; every helper here reads only
`dep_`, `lemma_`, `head`, `children`, `idx` and `text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from crisisledger.extract.coding_lexicon import Trigger, actor_lexicon, modality, speech_table
from crisisledger.model import Actor, ActorKind, EventType

Token = Any

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
# not "ccomp": a reported clause keeps its own subject; "..., officials said" names a source, not a doer
INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
HOLDING_PREPS = frozenset({"of", "for"})


INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""), ("ing", "e"), ("ing", ""))


def verb_key(tok: Token, known: Iterable[str] | dict[str, Any] | frozenset[str]) -> str:
    """The token's lemma, or, where the tagger's lemma is not a known word and a plain de-inflection
    of the word is ("staged" lemmatised as "stag"), that form."""
    lemma = str(tok.lemma_).lower()
    if lemma in known:
        return lemma
    word = str(tok.lower_)
    for cut, add in INFLECTIONS:
        if word.endswith(cut) and len(word) - len(cut) >= 3:
            form = word[: len(word) - len(cut)] + add
            if form in known:
                return form
    return lemma


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Erdogan and Aliyev")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(conjuncts(child))
    return out


def is_passive(verb: Token) -> bool:
    """A passive verb; a participle with a "by" agent or coordinated with a passive one is passive too
    ("militias trained and funded by X": X funded the militias)."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
        return True
    if verb.tag_ != "VBN":
        return False
    return verb.dep_ == "acl" or (verb.dep_ == "conj" and verb.head.i != verb.i and is_passive(verb.head))


def subjects(verb: Token) -> list[Token]:
    """The subject of a verb; coordinated, controlled and relative clauses inherit their head's."""
    seen = 0
    while verb is not None and seen < 6:
        own = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        bare = len(own) == 2 and all(c.dep_ in ("det", "amod", "compound") for c in own[0].children)
        if bare and own[1].i == own[0].i + 1:
            return [t for subj in own for t in conjuncts(subj)]  # "Old foes X and Y renewed": two side by side
        if own:
            subj = own[0]
            if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
                subj = verb.head
            if subj.dep_ == "appos":  # "Grigoryan, a driver who has fled": the driver is Grigoryan
                subj = subj.head
            return conjuncts(subj)
        if verb.dep_ == "acl" and not is_passive(verb):
            return conjuncts(verb.head)  # "civilians fleeing to Armenia"
        if verb.dep_ == "relcl":
            return conjuncts(verb.head)
        held = _held_object(verb)
        if held is not None:
            return conjuncts(held)
        if verb.dep_ not in INHERIT_DEPS or verb.head.i == verb.i:
            return []
        above = parallel_head(verb)
        if above is not None:
            verb = above
            seen += 1
            continue
        if verb.dep_ == "xcomp" and any(c.dep_ in ("dobj",) for c in verb.head.children):
            return conjuncts(next(c for c in verb.head.children if c.dep_ == "dobj"))  # forced X to ...
        raised = [c for c in verb.head.children if c.dep_ == "nsubjpass"] if verb.dep_ == "xcomp" else []
        if raised and not any(c.dep_ in ("nsubj", "csubj") for c in verb.head.children):
            return conjuncts(raised[0])  # "X was seen to break in", "X is believed to have fired"
        verb = verb.head
        seen += 1
    return []


def _held_object(verb: Token) -> Token | None:
    """'accused Moscow of targeting', 'blamed X for shelling': the object of the governing verb did it."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in HOLDING_PREPS:
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


def passive_subjects(verb: Token) -> list[Token]:
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if own:
        subj = own[0]
        if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            subj = verb.head
        return conjuncts(subj)
    if verb.dep_ in ("acl", "relcl"):
        return conjuncts(verb.head)
    if verb.dep_ == "conj":
        return passive_subjects(verb.head)
    return []


def agents(verb: Token) -> list[Token]:
    for child in verb.children:
        if child.dep_ == "agent":
            return [t for c in child.children if c.dep_ == "pobj" for t in conjuncts(c)]
    return []


def objects(verb: Token, preps: frozenset[str]) -> list[Token]:
    direct = [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in conjuncts(c)]
    if direct:
        return direct
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            pobj = [t for c in child.children if c.dep_ == "pobj" for t in conjuncts(c)]
            if pobj:
                return pobj
    return []


def preposition_objects(token: Token, words: Iterable[str]) -> list[Token]:
    wanted = set(words)
    return [
        t
        for child in token.children
        if child.dep_ in ("prep", "agent") and child.lower_ in wanted
        for c in child.children
        if c.dep_ == "pobj"
        for t in conjuncts(c)
    ]


def negated(token: Token, negations: frozenset[str]) -> bool:
    """'did not attack', 'never arrived', 'no strikes', 'no longer shells' (the negation on an adverb)."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
        for c in token.children
        if c.lower_ in negations or c.dep_ == "neg"
    ) or any(c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children) for c in token.children)


def held_negated(token: Token, negations: frozenset[str], arrivals: frozenset[str]) -> bool:
    """'aid convoys have not reached the town', 'talks never took place', 'did not launch an attack':
    a trigger that is the subject of a negated verb of arrival or occurrence, or the object of any
    negated verb, did not happen (a misparsed 'Aid' read as a clausal subject counts as a subject)."""
    while token.dep_ in ("compound", "amod") and token.head.i != token.i:
        token = token.head
    head = token.head
    if head.i == token.i or head.pos_ not in ("VERB", "AUX") or not negated(head, negations):
        return False
    if token.dep_ in ("nsubj", "nsubjpass", "csubj"):
        return head.lemma_.lower() in arrivals
    return bool(token.dep_ == "dobj")


def modal(token: Token, modals: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals for c in token.children)


def too_to(head: Token) -> bool:
    """'too weak to defend': the infinitive under this adjective did not, or could not, happen."""
    return head.pos_ == "ADJ" and any(c.dep_ == "advmod" and c.lower_ == "too" for c in head.children)


def finite_beside_infinitive(verb: Token) -> bool:
    """'called on X to supply Y and accused Z': a finite verb the parse hangs on an infinitive is
    coordinated with the verb above it (an infinitive and a past tense do not coordinate); so is one
    the parse hangs on a reported clause whose auxiliaries it does not share (`parallel_head`)."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and head.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    ) or parallel_head(verb) is not None


def _auxiliaries(verb: Token) -> tuple[str, ...]:
    return tuple(c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass"))


def parallel_head(verb: Token) -> Token | None:
    """'Officials have said that the raid was an error, and have offered compensation': a subjectless
    conjunct the parse hangs on the reported clause, but built like the speech verb above it (the same
    auxiliaries, not the clause's), coordinates with the speech verb: the officials offered it."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    mine = _auxiliaries(verb)
    if not mine or mine == _auxiliaries(head) or mine != _auxiliaries(head.head):
        return None
    return head.head


def governors(token: Token, limit: int = 4) -> list[Token]:
    """The heads above a token, nearest first, up to the sentence root."""
    out: list[Token] = []
    while token.head.i != token.i and len(out) < limit:
        token = token.head
        out.append(token)
    return out


QUANTITY_HEADS = frozenset(
    {
        "tens",
        "thousands",
        "hundreds",
        "dozens",
        "millions",
        "scores",
        "number",
        "many",
        "some",
        "most",
        "all",
        "group",
        "groups",
        "members",
        "hundred",
        "thousand",
        "dozen",
    }
)


def actors_of(tokens: Sequence[Token], actors: Sequence[Actor]) -> list[Actor]:
    """The actor mentions heading these noun tokens (the mention holding the head, else one in the phrase)."""
    out: list[Actor] = []
    for tok in tokens:
        tok = _through_quantity(tok)
        found = _holding(tok.idx, actors)
        if found is None:
            lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
            inside = [
                a
                for a in actors
                if lo <= a.start and a.end <= hi and not _in_of_phrase(tok, a) and not a.text.islower()
            ]
            people = [a for a in inside if a.id.startswith("person.")]
            owners = [a for a in actors if lo <= a.start and a.end <= hi and _of_phrase(tok, a)]
            homes = _home_of(tok, actors) if {tok.lower_, tok.lemma_.lower()} & _people_words() else []
            candidates = people or inside or owners or homes
            found = candidates[0] if candidates else None
        if found is not None and all(found.id != a.id for a in out):
            out.append(found)
        if found is not None:
            out.extend(a for a in _sharing_noun(tok, found, actors) if all(a.id != b.id for b in out))
            out.extend(a for a in conjoined_actors(tok, found, actors) if all(a.id != b.id for b in out))
    return out


def conjoined_actors(tok: Token, found: Actor, actors: Sequence[Actor]) -> list[Actor]:
    """'ties between Gondor and Osgiliath', 'Russia and China vetoed': every conjunct of the word that
    names the found actor names an actor too, as does every name of a list it stands in ("Mordor, the
    Shire, Fornost and Bree", however the parse hangs the list), and every other reading of the same
    words (a user's dictionary entry that stands for several actors)."""
    out = _same_words(found, actors)
    span = tok.doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return out
    top = span.root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    for conj in conjuncts(top):
        held = None if found.start <= conj.idx < found.end else _holding(conj.idx, actors)
        if held is not None:
            out.extend(_same_words(held, actors))
    out.extend(_listed_with(tok.doc, span.root, found, actors))
    return [a for a in out if a.id != found.id]


def _same_words(found: Actor, actors: Sequence[Actor]) -> list[Actor]:
    return [a for a in actors if a.start == found.start and a.end == found.end]


LIST_FILLERS = frozenset({"PUNCT", "CCONJ", "DET", "ADJ"})


def _listed_with(doc: Any, root: Token, found: Actor, actors: Sequence[Actor]) -> list[Actor]:
    """The names on either side of a mention joined to it by commas and "and"/"or" only (articles and
    adjectives aside): a list of names shares the mention's role. A name that is the subject of another
    verb starts a clause of its own ("..., and Russia said")."""
    sent = root.sent  # found once: spaCy walks the parse for it
    ordered = sorted({(a.start, a.end) for a in actors if a.start >= sent.start_char and a.end <= sent.end_char})
    at = ordered.index((found.start, found.end)) if (found.start, found.end) in ordered else -1
    if at < 0:
        return []
    out: list[Actor] = []
    for step in (1, -1):
        i = at
        while 0 <= i + step < len(ordered):
            left, right = sorted((ordered[i], ordered[i + step]))
            gap = doc.char_span(left[1], right[0], alignment_mode="expand") if right[0] > left[1] else None
            if gap is None or not _list_gap(gap):
                break
            nxt = doc.char_span(*ordered[i + step], alignment_mode="expand")
            if nxt is None or not _linked(root, nxt.root):
                break
            i += step
            out.extend(a for a in actors if (a.start, a.end) == ordered[i])
    return out


LIST_LINKS = frozenset({"conj", "appos", "nmod", "compound", "prep", "pobj"})


def _linked(a: Token, b: Token) -> bool:
    """Two names the parse joins only through coordination, apposition or a noun's modifiers (however
    it hangs a list), not across a clause ("..., wounding residents, local authorities said")."""
    above_a, above_b = [a, *a.ancestors], [b, *b.ancestors]
    ids_b = [t.i for t in above_b]
    for k, t in enumerate(above_a):
        if t.i in ids_b:
            path = above_a[:k] + above_b[: ids_b.index(t.i)]
            return all(x.dep_ in LIST_LINKS for x in path)
    return False


def _list_gap(gap: Any) -> bool:
    joined = any(t.pos_ == "CCONJ" or t.text == "," for t in gap)
    fillers = all(t.pos_ in LIST_FILLERS or (t.pos_ == "NOUN" and t.dep_ in ("amod", "conj")) for t in gap)
    return joined and fillers and all(t.text in (",", "and", "or") or t.pos_ != "PUNCT" for t in gap)


HOME_PREPS = frozenset({"in", "from"})


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """Nouns the actor lexicon knows as people or bodies ("officials", "lawmaker", "activists")."""
    lex = actor_lexicon()
    words = set(lex.generic_words) | set(lex.institution_nouns) | set(lex.private_roles)
    return frozenset(words | {o.lower() for o in lex.offices})


def _home_of(tok: Token, actors: Sequence[Actor]) -> list[Actor]:
    """'lawmakers in Fornost', 'activists from Arnor': people of a place named as their home."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in HOME_PREPS:
            for obj in child.children:
                held = _holding(obj.idx, actors) if obj.dep_ == "pobj" else None
                if held is not None:
                    return [held]
    return []


def _sharing_noun(tok: Token, found: Actor, actors: Sequence[Actor]) -> list[Actor]:
    """'Hungarian and Romanian officials': the other states before the same noun are its actors too."""
    facet = found.id.split(".")[-1]
    lo = tok.left_edge.idx
    return [
        a
        for a in actors
        if lo <= a.start < found.start and a.id.split(".")[-1] == facet and a.country and a.id != found.id
    ]


def _through_quantity(tok: Token) -> Token:
    """'Tens of thousands of Armenian civilians': the people, not the count."""
    for _ in range(3):
        if tok.lower_ not in QUANTITY_HEADS and tok.pos_ != "NUM":
            return tok
        nxt = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if not nxt:
            return tok
        tok = nxt[0]
    return tok


def _holding(offset: int, actors: Sequence[Actor]) -> Actor | None:
    for a in actors:
        if a.start <= offset < a.end:
            return a
    return None


def _of_phrase(head: Token, actor: Actor) -> bool:
    """'the victory of Azeri troops': the owner of an abstract noun stands for it when nothing else does."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
            if lo <= actor.start < hi and not actor.text.islower():
                return True
    return False


def _in_of_phrase(head: Token, actor: Actor) -> bool:
    """'the village of Shosh': an actor inside a prepositional phrase does not head the noun."""
    for child in head.children:
        if child.dep_ in ("prep", "relcl", "acl", "appos"):
            lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
            if lo <= actor.start < hi:
                return True
    return False


def read_type(tok: Token, trigger: Trigger) -> EventType | None:
    """The trigger's type as the sentence reads it: a user dictionary's code as written (its author
    puts the context in the patterns), any other trigger turned by its modality (`turned_type`)."""
    return trigger.type if trigger.verbatim else turned_type(tok, trigger.type)


def turned_type(tok: Token, base: EventType) -> EventType | None:
    """The trigger's type read with its modality: intent, obligation, refusal, negation, condition."""
    mod = modality()
    speech = speech_table()
    cooperative = base in mod.cooperative
    above = _wording_chain(tok)
    # "a plan, opposed by X": no intent; "set up a commission to investigate": a particle verb is
    # another verb than the intent word ("set to")
    wording = [t for t in above if t.pos_ in ("VERB", "AUX", "ADJ") and not _particled(t)]
    lemmas = {t.lemma_.lower() for t in wording} | {t.lower_ for t in wording} | aux_words(tok)
    lemmas |= {w for t in above for w in aux_words(t)}
    # "expressed its willingness to hold talks": a noun of intent holds the act as a verb of intent would
    intended = bool(lemmas & mod.intent_words) or intent_noun_above(tok) is not None
    held = [tok, *above]
    marks = {c.lower_ for t in held for c in t.children if c.dep_ == "mark"}
    # "will withdraw unless X arranges a ceasefire": the condition hangs on a clause below the act
    below = {g.lower_ for t in held for c in t.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark"}
    marks |= below & mod.ultimatum_marks
    # lifting, halting or preventing acts on the trigger as its object; "the talks ended" ends nothing
    head = tok.head.lemma_.lower() if tok.head.i != tok.i and tok.dep_ != "nsubj" else ""
    if head in mod.suppression_verbs and base is EventType.PROTEST:
        return EventType.COERCE  # "police prevented the demonstration"
    if head in mod.reversal_verbs and not cooperative:
        military = tok.lemma_.lower() in _military_measures()  # "lifted the siege": a force stands down
        return EventType.RETREAT if base in mod.deescalated or military else EventType.CONCEDE
    if head in mod.cutoff_verbs and cooperative:
        return EventType.SANCTION
    if any(too_to(t) for t in above):
        return None
    if deadline_given(tok):
        return mod.hostile_intent  # "gave the government 48 hours to release X": an ultimatum (CAMEO 139)
    if lemmas & mod.refusal_words:
        return EventType.REJECT
    if lemmas & mod.failure_words:  # "failed to reach agreement" a REJECT; "failed to capture the airport" none
        return EventType.REJECT if cooperative else None
    if negated(tok, speech.negations) or held_negated(tok, speech.negations, mod.arrival_verbs):
        return EventType.REJECT if cooperative else None
    if marks & mod.condition_words and intended:
        return mod.hostile_intent
    if lemmas & mod.obligation_words and base is not EventType.REQUEST:
        return EventType.REQUEST
    if base is EventType.ASSAULT and lemmas & mod.readiness_words:
        return EventType.MOBILIZE
    if intended:
        return mod.cooperative_intent if cooperative else mod.hostile_intent
    return base


CHAIN_DEPS = frozenset({"xcomp", "advcl", "prep", "pcomp", "pobj", "dobj", "acomp", "oprd", "attr"})


def _wording_chain(tok: Token, limit: int = 3) -> list[Token]:
    """The words that hold a trigger as their own act ("refused to withdraw", "ready to impose a ban"),
    not across a reported clause ("denied that they attacked") or a modifier ("civilians fleeing"); a
    noun of intent holds the infinitive that says what is intended ("plans to withdraw")."""
    out: list[Token] = []
    while tok.head.i != tok.i and len(out) < limit and (tok.dep_ in CHAIN_DEPS or _intent_noun(tok.head, tok)):
        tok = tok.head
        out.append(tok)
    return out


@lru_cache(maxsize=1)
def _deadline_words() -> tuple[frozenset[str], frozenset[str]]:
    raw = grammar_words()["deadline"]
    return frozenset(str(w) for w in raw["verbs"]), frozenset(str(w) for w in raw["nouns"])


def deadline_given(tok: Token) -> bool:
    """'gave X 48 hours to withdraw', 'set X a deadline to disarm': the act is demanded under a time limit."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) or tok.head.i == tok.i:
        return False
    verbs, nouns = _deadline_words()
    head = tok.head
    if head.pos_ == "NOUN" and head.lemma_.lower() in nouns and tok.dep_ in ("acl", "relcl"):
        head = head.head  # "a week to surrender" hung on the time noun
    limits = [c for c in head.children if c.lemma_.lower() in nouns and c.dep_ in ("npadvmod", "dobj", "attr")]
    return head.lemma_.lower() in verbs and (bool(limits) or tok.head.lemma_.lower() in nouns)


@lru_cache(maxsize=1)
def grammar_words() -> dict[str, Any]:
    """`events_grammar.yaml`, read once for every module that codes events by it."""
    data: dict[str, Any] = yaml.safe_load(Path(__file__).with_name("events_grammar.yaml").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _naming_words() -> tuple[frozenset[str], frozenset[str]]:
    raw = grammar_words()["condemning_names"]
    return frozenset(str(w) for w in raw["verbs"]), frozenset(str(w) for w in raw["words"])


def condemned_by_name(verb: Token) -> Trigger | None:
    """'called the bombing a war crime', 'described the raid as an act of aggression', 'branded X a
    terrorist state': naming an act or an actor with a word of condemnation is a criticism (ACCUSE)."""
    verbs, words = _naming_words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return None
    named = [c for c in verb.children if c.dep_ in ("oprd", "attr", "acomp", "dobj")]
    named += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    for noun in named:
        said = [noun, *(m for m in noun.children if m.dep_ in ("compound", "amod"))]
        said += [g for m in noun.children if m.dep_ == "prep" and m.lower_ == "of" for g in m.children]
        if any(w.lemma_.lower() in words or w.lower_ in words for w in said):
            return Trigger(EventType.ACCUSE, "accusation")
    return None


@lru_cache(maxsize=1)
def _military_measures() -> frozenset[str]:
    return frozenset(str(w).lower() for w in grammar_words()["military_measures"])


@lru_cache(maxsize=1)
def _intent_nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in grammar_words()["intent_nouns"])


def _intent_noun(noun: Token, below: Token) -> bool:
    """'willingness / plans / readiness to X': a noun of intent whose infinitive clause is `below`."""
    infinitive = below.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
    return infinitive and noun.pos_ == "NOUN" and noun.lemma_.lower() in _intent_nouns() and below.head.i == noun.i


def intent_noun_above(tok: Token) -> Token | None:
    """The noun of intent in the trigger's wording chain ("plans" in "announced plans to withdraw")."""
    below = tok
    for t in _wording_chain(tok):
        if _intent_noun(t, below):
            return t
        below = t
    return None


def intent_holders(tok: Token) -> list[Token]:
    """Who holds the intent a noun of intent gives the trigger: the noun's possessor ("Serbia's
    readiness to negotiate"), else the subject of the verb that carries it ("X announced plans to")."""
    noun = intent_noun_above(tok)
    if noun is None:
        return []
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return owners or (subjects(noun.head) if noun.head.i != noun.i else [])


@lru_cache(maxsize=1)
def _doer_turns() -> tuple[frozenset[ActorKind], frozenset[str], frozenset[EventType]]:
    raw = grammar_words()["doer_turns"]
    kinds = frozenset(ActorKind(str(k)) for k in raw["retreating_kinds"])
    types = frozenset(EventType(str(t)) for t in raw["obstruction_types"])
    return kinds, frozenset(str(w).lower() for w in raw["crowd_obstruction"]), types


def doer_turned(etype: EventType, lemma: str, doers: Sequence[Actor]) -> EventType:
    """Forces that leave withdraw (DISPLACEMENT -> RETREAT); a crowd that occupies or blocks protests
    (COERCE or SANCTION -> PROTEST). Every doer must be of the kind the turn names."""
    if not doers:
        return etype
    retreating, obstruction, obstructing = _doer_turns()
    if etype is EventType.DISPLACEMENT and all(a.kind in retreating for a in doers):
        return EventType.RETREAT
    crowd = modality().crowd_words
    if etype in obstructing and lemma in obstruction and all(_last_word(a) in crowd for a in doers):
        return EventType.PROTEST
    return etype


def _last_word(actor: Actor) -> str:
    words = actor.text.lower().split()
    return words[-1] if words else ""


def _particled(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(c.dep_ == "prt" for c in verb.children)


def aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
