"""Where an event happened: the place the dependency parse ties to its verb.

Ranking, best first: a place under a locative preposition ("in/near/at/outside X") in the verb's own
subtree (attached to the verb or to its subject or object); the same under a verb that governs this one
("Shelling hit a bus in Donetsk, killing 8"); a place elsewhere in the verb's subtree; any other place of
the sentence after a locative preposition; any other place of the sentence. Within a rank the more
specific place, then the nearer one, wins. A place that only modifies or is the subject ("U.S. forces",
"Mexico's army captured") names an actor, not where: no answer. With no place in the sentence, the
paragraph's dateline place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from crisisledger.extract.places import specificity
from crisisledger.gazetteer.words import place_words
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Place, PlacePrecision

_ACTOR_DEPS = frozenset({"poss", "compound", "amod", "nmod", "nsubj", "npadvmod"})
_ACTOR_RANK = 6  # a place named as a doer or owner is no answer
_LOOSE_RANK = 4  # strict: only places the parse ties to the verb
# a verb governing the event's verb shares its place; not a speech verb over a ccomp ('officials in X said')
_GOVERNING = frozenset({"advcl", "conj", "xcomp", "relcl", "acl", "pcomp", "advmod"})
_DATELINE = re.compile(r"[A-Z][A-Za-z'’.\- ]{1,40}?(?:,[^\n,]{1,40})?\s*(?:\([^)]{1,30}\)\s*)?(?:—|–| - )")


def event_place(
    analyzed: AnalyzedDocument, places: Sequence[Place], verb_start: int, verb_end: int, strict: bool = False
) -> Place | None:
    """The place of the event whose verb spans [verb_start, verb_end), or None; `strict`: only a place
    the parse ties to the verb or a locative preposition introduces."""
    sentence = analyzed.sentence_at(verb_start)
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(analyzed.text))
    inside = [p for p in places if lo <= p.start and p.end <= hi and p.precision != PlacePrecision.SITE]
    if not inside:
        return dateline_place(analyzed.text, places, verb_start)
    verb = _token_at(analyzed.doc, verb_start, verb_end)
    if verb is None:
        return min(inside, key=lambda p: abs(p.start - verb_start))
    return tied_place(verb, inside, _LOOSE_RANK if strict else _ACTOR_RANK)


def tied_place(verb: Any, places: Sequence[Place], below: int = _ACTOR_RANK) -> Place | None:
    """The best-ranked of `places` (all in the verb's sentence) for the spaCy token `verb`, or None when
    its rank is `below` or worse (`TIED_RANK`: only places the parse ties to the verb or a locative
    preposition introduces; the default: any place that names no actor)."""
    if not places:
        return None
    best = min(places, key=lambda p: _rank(verb.doc, p, verb))
    return best if _rank(verb.doc, best, verb)[0] < below else None


TIED_RANK = _LOOSE_RANK


def names_actor(verb: Any, place: Place) -> bool:
    """The place names a doer, not where: the subject ('Canada captured'), an owner ('Ukraine's allies',
    'Mexico's army') or a modifier of the subject ('U.S. forces attacked'); a place under a locative
    preposition ('in Ukraine's east') or a modifier of a site ('a strike on a Kharkiv store') is where."""
    span = verb.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = _phrase_head(span.root)
    if _under_locative(token, list(token.ancestors)):
        return False
    head = token.head
    while head.dep_ == "compound" and head.head.i != head.i:  # 'the Abu Shouk camp': up to 'camp'
        head = head.head
    # a name the place covers only in part ('Abu' of 'the Abu Shouk camp') is no sure place
    partial = any(t.pos_ == "PROPN" and not span.start <= t.i < span.end for t in token.doc[token.i : head.i])
    if token.dep_ in ("compound", "amod", "nmod") and not partial and (head.dep_ == "pobj" or _names_a_site(head)):
        return False  # 'a strike on a Kharkiv store', 'shelled the Abu Shouk camp': the place of what it names
    return token.dep_ in _ACTOR_DEPS


def _names_a_site(noun: Any) -> bool:
    words = place_words()
    lemma = noun.lemma_.lower()
    return lemma in words.settlement_words or lemma in words.admin_words or lemma in words.facility_nouns


def dateline_place(text: str, places: Sequence[Place], before: int) -> Place | None:
    """The place that opens the paragraph holding `before` as a dateline ('GOMA, Congo (AP) —')."""
    start = text.rfind("\n", 0, before) + 1
    if not _DATELINE.match(text, start):
        return None
    opening = [p for p in places if start <= p.start < start + 45 and p.precision != PlacePrecision.SITE]
    return min(opening, key=lambda p: p.start) if opening else None


def _token_at(doc: Any, start: int, end: int) -> Any:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _rank(doc: Any, place: Place, verb: Any) -> tuple[int, int, int]:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    distance = abs(place.start - verb.idx)
    precision = specificity(place.precision)
    if span is None or not len(span):
        return (4, precision, distance)
    token = _phrase_head(span.root)
    path = list(token.ancestors)
    locative = _under_locative(token, path)
    if not locative and token.dep_ in _ACTOR_DEPS:
        return (_ACTOR_RANK, precision, distance)  # 'U.S. forces', 'Mexico's army', 'Canada captured'
    if verb in path or token == verb:
        return (0 if locative else 2, precision, distance)
    governor = verb
    while governor.dep_ in _GOVERNING and governor.head is not governor:
        governor = governor.head
        if governor in path:
            return (1 if locative else 4, precision, distance)
    return (3 if locative else 4, precision, distance)


def _phrase_head(token: Any) -> Any:
    """'the Jumla villages', 'Aziziyah district': the place noun the name is a compound of."""
    words = place_words()
    nouns = words.settlement_words | words.admin_words
    while token.dep_ in ("compound", "amod", "flat") and token.head.lemma_.lower() in nouns:
        token = token.head
    return token


def _under_locative(token: Any, path: list[Any]) -> bool:
    """The place hangs under a locative preposition, or 'of' after a settlement noun ('the town of X')."""
    words = place_words()
    nouns = words.settlement_words | words.admin_words
    return any(
        t.dep_ == "prep"
        and (t.lower_ in words.event_prepositions or (t.lower_ == "of" and t.head.lemma_.lower() in nouns))
        for t in [token, *path[:4]]
    )
