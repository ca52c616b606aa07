"""Figures: numbers that count the killed, the injured, the displaced, or measure a distance or a delay.

Each number of a `report`, `quote` or `background` sentence is read with the words around it: the
unit or noun right after it ("77-kilometer", "68 dead", "120,000 population"), the verb right before
it ("killing 12"), and the predicate of its clause, found through the dependency parse when there is
one ("five men, including ..., were killed") and by a word window otherwise. The word lists are in
`lexicon/figures.yaml`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from crisisledger.errors import LexiconError
from crisisledger.extract.numbers import NumberMention, find_numbers
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.lexicon.loader import load_lexicon
from crisisledger.model import (
    Certainty,
    DatePrecision,
    Figure,
    FigureKind,
    Place,
    PlacePrecision,
    Qualifier,
    Role,
    Sentence,
    Span,
    TimeExpr,
)

# Words (a possessive 's is a token of its own), digit groups, and single other characters.
_TOKEN = re.compile(r"[A-Za-z]+(?:['’](?![sS]\b)[a-z]+)?|['’][sS]\b|\d+(?:[.,]\d+)*[A-Za-z]*|[^\sA-Za-z\d]")
_POSSESSIVE = frozenset({"'s", "’s"})
_SKIPPED_ROLES = frozenset({Role.COMMENTARY, Role.BOILERPLATE})
_HARM_KINDS = frozenset({FigureKind.KILLED, FigureKind.INJURED, FigureKind.MISSING})
_MEASURE_KINDS = frozenset({FigureKind.DISTANCE_KM, FigureKind.DURATION_HOURS})
_MOVE_KINDS = frozenset({FigureKind.REFUGEES, FigureKind.DISPLACED})
_PLACE_RANK = {p: i for i, p in enumerate(PlacePrecision)}  # site first: the most specific
_WINDOW = 15  # tokens after a number searched for its predicate
_WHO_WORDS = 4
_ATTRIBUTION_WORDS = 10
_PREDICATE_DEPS = frozenset({"acomp", "advmod", "xcomp", "oprd", "prt", "attr", "dobj", "prep"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

Phrase = tuple[str, ...]


def _phrase(text: str) -> Phrase:
    return tuple(t.lower() for t in _TOKEN.findall(text))


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: FigureKind
    factor: float
    unit: str | None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    units: dict[Phrase, _Unit]
    harm_nouns: dict[Phrase, FigureKind]
    group_nouns: dict[Phrase, FigureKind]
    weak_nouns: dict[Phrase, FigureKind]
    triggers: dict[Phrase, FigureKind]
    subject_triggers: dict[Phrase, FigureKind]

    @property
    def noun_tables(self) -> tuple[dict[Phrase, FigureKind], ...]:
        return (self.harm_nouns, self.group_nouns, self.weak_nouns)

    other_nouns: frozenset[str]
    fillers: frozenset[str]
    count_verbs: frozenset[str]
    aside_openers: frozenset[str]
    clause_breaks: frozenset[str]
    who_stops: frozenset[str]
    not_after: tuple[Phrase, ...]
    not_before: tuple[Phrase, ...]
    one_after: frozenset[str]
    one_before: frozenset[str]
    not_count_entities: frozenset[str]
    according: tuple[Phrase, ...]
    speech_verbs: frozenset[str]
    pronouns: frozenset[str]
    certainty: dict[Certainty, tuple[Phrase, ...]]
    certainty_anywhere: tuple[Phrase, ...]
    as_of_cues: tuple[Phrase, ...]
    since_cues: tuple[Phrase, ...]
    passing_verbs: frozenset[str]
    anaphors: tuple[Phrase, ...]
    subject_fillers: frozenset[str]
    tally_date_cues: tuple[Phrase, ...]
    tally_links: frozenset[str]
    clause_openers: frozenset[str]
    as_not_opening: frozenset[str]
    treatment_places: frozenset[str]
    origin_cues: tuple[Phrase, ...]
    dateline: re.Pattern[str]
    not_speech_after: tuple[Phrase, ...]

    @property
    def after_triggers(self) -> dict[Phrase, FigureKind]:
        """Triggers read after the number, where the number is the subject."""
        return {**self.triggers, **self.subject_triggers}


def _kind_table(section: dict[str, list[str]]) -> dict[Phrase, FigureKind]:
    return {_phrase(word): FigureKind(kind) for kind, words in section.items() for word in words}


def _phrases(words: Iterable[str]) -> tuple[Phrase, ...]:
    return tuple(sorted((_phrase(w) for w in words), key=len, reverse=True))


def _words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)


@cache
def _lexicon() -> _Lexicon:
    data = load_lexicon("figures")
    try:
        nouns, not_counts, attribution, certainty = (
            data["nouns"],
            data["not_counts"],
            data["attribution"],
            data["certainty"],
        )
        return _Lexicon(
            units={
                _phrase(word): _Unit(FigureKind(u["kind"]), float(u["factor"]), u.get("unit"))
                for word, u in data["units"].items()
            },
            harm_nouns=_kind_table(nouns["harm"]),
            group_nouns=_kind_table(nouns["group"]),
            weak_nouns=_kind_table(nouns["weak"]),
            triggers=_kind_table(data["triggers"]),
            subject_triggers=_kind_table(data["subject_triggers"]),
            other_nouns=_words(data["other_nouns"]),
            fillers=_words(data["fillers"]),
            count_verbs=_words(data["count_verbs"]),
            aside_openers=_words(data["aside_openers"]),
            clause_breaks=_words(data["clause_breaks"]),
            who_stops=_words(data["who_stops"]),
            not_after=_phrases(not_counts["after"]),
            not_before=_phrases(not_counts["before"]),
            one_after=_words(not_counts["one_after"]),
            one_before=_words(not_counts["one_before"]),
            not_count_entities=frozenset(data["not_count_entities"]),
            according=_phrases(attribution["according"]),
            speech_verbs=_words(attribution["speech_verbs"]),
            pronouns=_words(attribution["pronouns"]),
            certainty={Certainty(name): _phrases(certainty[name]) for name in ("denied", "alleged", "unconfirmed")},
            certainty_anywhere=_phrases(certainty["anywhere"]),
            as_of_cues=_phrases(data["as_of_cues"]),
            since_cues=_phrases(data["since_cues"]),
            passing_verbs=_words(data["passing_verbs"]),
            anaphors=_phrases(data["anaphors"]),
            subject_fillers=_words(data["subject_fillers"]),
            tally_date_cues=_phrases(data["tally_date_cues"]),
            tally_links=_words(data["tally_links"]),
            clause_openers=_words(data["clause_openers"]),
            as_not_opening=_words(data["as_not_opening"]),
            treatment_places=_words(data["treatment_places"]),
            origin_cues=_phrases(data["origin_cues"]),
            dateline=re.compile(str(data["dateline_pattern"])),
            not_speech_after=_phrases(data["not_speech_after"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise LexiconError(f"lexicon/figures.yaml: malformed ({exc})") from exc


@dataclass(frozen=True, slots=True)
class _Token:
    text: str  # lower-cased
    start: int  # absolute offsets into the document text
    end: int
    lemma: str
    pos: str  # spaCy's coarse tag, "" without a parse


class _Sentence:
    """One sentence as tokens, with the parse's lemmas and tags where there is a parse."""

    def __init__(self, sentence: Sentence, parsed: Any) -> None:
        self.sentence = sentence
        by_start: dict[int, Any] = {}
        if parsed is not None:
            by_start = {t.idx: t for t in parsed}
        self.parsed = by_start
        self.tokens: list[_Token] = []
        for m in _TOKEN.finditer(sentence.text):
            start = sentence.start + m.start()
            spacy_token = by_start.get(start)
            text = m.group(0).lower()
            lemma = spacy_token.lemma_.lower() if spacy_token is not None else text
            pos = spacy_token.pos_ if spacy_token is not None else ""
            self.tokens.append(_Token(text, start, start + len(text), lemma, pos))

    def index_at(self, offset: int) -> int:
        """The first token starting at or after `offset`."""
        for i, token in enumerate(self.tokens):
            if token.start >= offset:
                return i
        return len(self.tokens)

    def matches(self, i: int, phrase: Phrase) -> bool:
        if i < 0 or i + len(phrase) > len(self.tokens):
            return False
        return all(self.tokens[i + k].text == word or self.tokens[i + k].lemma == word for k, word in enumerate(phrase))

    def phrase_at(self, i: int, table: Iterable[Phrase]) -> Phrase | None:
        """The longest phrase of `table` starting at token `i`."""
        best: Phrase | None = None
        for phrase in table:
            if self.matches(i, phrase) and (best is None or len(phrase) > len(best)):
                best = phrase
        return best

    def phrase_ending_at(self, i: int, table: Iterable[Phrase]) -> Phrase | None:
        """The longest phrase of `table` whose last token is token `i`."""
        best: Phrase | None = None
        for phrase in table:
            if self.matches(i - len(phrase) + 1, phrase) and (best is None or len(phrase) > len(best)):
                best = phrase
        return best

    def words(self, i: int, j: int) -> str:
        """The original text of tokens i..j-1."""
        if i >= j:
            return ""
        s = self.sentence
        return s.text[self.tokens[i].start - s.start : self.tokens[j - 1].end - s.start]


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one number counts, before ids and context are added."""

    mention: NumberMention
    kind: FigureKind
    factor: float
    unit: str | None
    who: str | None
    first: int  # token index of the number's first token
    last: int  # token index just past the number
    tally: bool = False  # a step of a running count ("the toll passed 11,000")
    qualifier: Qualifier | None = None  # implied by the count verb ("passed": more than)


@dataclass(frozen=True, slots=True)
class _Before:
    """What the words before a number say: the kind, and whether it is a step of a running count."""

    kind: FigureKind | None = None
    tally: bool = False  # the number is what a count verb reached
    passing: bool = False  # the verb says "more than" ("passed", "topped")
    anaphoric: bool = False  # the count verb's subject points back ("It passed ...") or is left out


def _is_not_count(s: _Sentence, first: int, last: int, mention: NumberMention, entities: Sequence[Any]) -> bool:
    lex = _lexicon()
    after = last + 1 if last < len(s.tokens) and s.tokens[last].text == "-" else last
    if any(s.matches(after, p) for p in lex.not_after):
        return True
    if first > 0 and s.phrase_ending_at(first - 1, lex.not_before) is not None:
        return True
    if first > 1 and s.tokens[first - 1].text == "-" and s.tokens[first - 2].text.isalpha():
        return True  # "COVID-19", "Su-25"
    if mention.text.lower() == "one" and (
        (last < len(s.tokens) and s.tokens[last].text in lex.one_after)
        or (first > 0 and s.tokens[first - 1].text in lex.one_before)
    ):
        return True
    value = mention.quantity.value
    year_like = value is not None and re.fullmatch(r"1[89]\d\d|20\d\d", mention.text) is not None
    return year_like and not (last < len(s.tokens) and s.tokens[last].text in lex.other_nouns)


def _unit_after(s: _Sentence, last: int) -> tuple[_Unit, str | None] | None:
    lex = _lexicon()
    i = last + 1 if last < len(s.tokens) and s.tokens[last].text == "-" else last
    phrase = s.phrase_at(i, lex.units)
    if phrase is None:
        return None
    unit = lex.units[phrase]
    label = unit.unit
    after = i + len(phrase)
    if label is not None and s.matches(after, ("of",)) and after + 1 < len(s.tokens):
        label = f"{label} of {s.tokens[after + 1].text}"
    return unit, label


def _noun_phrase(s: _Sentence, mention: NumberMention, last: int) -> tuple[int, int]:
    """Token range of the counted noun phrase after the number ("Armenian civilians")."""
    lex = _lexicon()
    i = last
    if mention.quantity.vague and s.matches(i, ("of",)):
        i += 1
    j = i
    while j < len(s.tokens) and j - i < _WHO_WORDS:
        token = s.tokens[j]
        if token.text in lex.who_stops or not token.text[0].isalpha():
            break
        if token.pos in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "ADV"):
            break
        if s.phrase_at(j, lex.triggers) and not any(s.phrase_at(j, t) for t in lex.noun_tables):
            break  # "seven people died": the verb ends the phrase
        j += 1
    return i, j


def _noun_kind(s: _Sentence, i: int, j: int, table: dict[Phrase, FigureKind]) -> FigureKind | None:
    for k in range(i, j):
        phrase = s.phrase_at(k, table)
        if phrase is not None:
            return table[phrase]
    return None


def _trigger_before(s: _Sentence, mention: NumberMention, first: int) -> _Before:
    """A verb or toll right before the number, past filler words: "killing at least 12".

    After a verb of a rising count the number takes the kind of the verb's subject, searched in the
    whole clause before it: "the death toll from the quake rose to 2,000", "the number of refugees
    arriving passed 5,000". A pronoun subject ("It passed ...") or none is marked anaphoric.
    """
    lex = _lexicon()
    i = s.index_at(mention.qualifier_start) - 1
    counting = passing = False
    verb = i
    while i >= 0 and first - i <= 6 and (s.tokens[i].text in lex.fillers or s.tokens[i].text in lex.count_verbs):
        if s.tokens[i].text in lex.count_verbs:
            counting, verb = True, i
            passing = passing or s.tokens[i].text in lex.passing_verbs
        i -= 1
    phrase = s.phrase_ending_at(i, lex.triggers)
    if phrase is not None:
        return _Before(lex.triggers[phrase], counting, passing)
    if not counting:
        return _Before()
    subjects = {**lex.group_nouns, **lex.harm_nouns, **lex.triggers}
    while i >= 0 and s.tokens[i].text not in lex.clause_breaks and s.tokens[i].text != ",":
        phrase = s.phrase_ending_at(i, subjects)
        if phrase is not None:
            return _Before(subjects[phrase], True, passing)
        i -= 1
    subject = tuple(t.text for t in s.tokens[i + 1 : verb] if t.text not in lex.subject_fillers)
    if subject[:1] in (("and",), ("then",)):
        subject = subject[1:]
    return _Before(None, True, passing, anaphoric=not subject or subject in lex.anaphors)


def _subject_kind(s: _Sentence) -> FigureKind | None:
    """The kind of the first count verb's subject in a sentence ("The toll has climbed all week.")."""
    lex = _lexicon()
    subjects = {**lex.group_nouns, **lex.harm_nouns, **lex.triggers}
    for v, token in enumerate(s.tokens):
        if token.text not in lex.count_verbs or token.text in ("is", "was", "were"):
            continue
        for i in range(v - 1, -1, -1):
            if s.tokens[i].text in lex.clause_breaks or s.tokens[i].text == ",":
                break
            phrase = s.phrase_ending_at(i, subjects)
            if phrase is not None:
                return subjects[phrase]
    return None


def _trigger_after(s: _Sentence, start: int, stop: int) -> FigureKind | None:
    """The earliest trigger in the clause after the number; asides like ", including ...," are skipped."""
    lex = _lexicon()
    i = start
    end = min(stop, start + _WINDOW)
    while i < end:
        token = s.tokens[i]
        if token.text in lex.clause_breaks and token.text != "said":
            return None
        aside = token.text == "," and i + 1 < len(s.tokens) and s.tokens[i + 1].text in lex.aside_openers
        if token.text == "," and not aside:
            return None
        if token.text == "(" or aside:
            closing = ")" if token.text == "(" else ","
            k = i + 1
            while k < len(s.tokens) and s.tokens[k].text != closing:
                k += 1
            end = min(stop, end + (k - i))
            i = k + 1
            continue
        after = lex.after_triggers
        phrase = s.phrase_at(i, after)
        if phrase is not None:
            return after[phrase]
        if token.text in ("said", "told", "according"):
            return None
        i += 1
    return None


def _trigger_in_parse(s: _Sentence, mention: NumberMention) -> tuple[FigureKind | None, int | None]:
    """The kind from the number's place in the parse: its noun's verb, or a participle on its noun.

    Also the token index of the noun's verb: the clause's predicate, past which no trigger counts.
    """
    if not s.parsed:
        return None, None
    tokens = [t for start, t in s.parsed.items() if mention.start <= start < mention.end]
    if not tokens:
        return None, None
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") else root
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        noun = noun.head
    candidates = [c for c in noun.children if c.dep_ in ("acl", "amod", "relcl") and c.i > noun.i]
    bound: int | None = None
    if noun.dep_ in _SUBJECT_DEPS or (noun.dep_ == "dobj" and noun.head.pos_ == "VERB"):
        verb = noun.head
        candidates.append(verb)
        if verb.pos_ == "VERB" and verb.i > noun.i:
            bound = s.index_at(verb.idx) + 1
        if noun.dep_ in _SUBJECT_DEPS:
            candidates.extend(c for c in verb.children if c.dep_ in _PREDICATE_DEPS and c.i > verb.i)
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        candidates.append(noun.head.head)  # "a death toll of 300"
    lex = _lexicon()
    # verbs of moving count only the group that moves: the number must be their subject
    table = lex.after_triggers if noun.dep_ in _SUBJECT_DEPS else lex.triggers
    for candidate in candidates:
        i = s.index_at(candidate.idx)
        phrase = s.phrase_at(i, table) or s.phrase_ending_at(i, table)
        if phrase is not None:
            return table[phrase], bound
    return None, bound


def _read(
    s: _Sentence,
    mention: NumberMention,
    stop: int,
    entities: Sequence[Any],
    times: Sequence[TimeExpr],
    earlier: _Reading | None,
    linked: bool,
    antecedent: FigureKind | None,
) -> _Reading | None:
    """What a number counts. `earlier` is the sentence's last running count, `linked` whether only
    links and dates stand between it and this number ("passed 11,000 on Monday and 21,000 on
    Tuesday"); `antecedent` the kind the sentence before counted ("The toll climbed. It passed ...")."""
    lex = _lexicon()
    first, last = s.index_at(mention.start), s.index_at(mention.end)
    unit = _unit_after(s, last)
    if unit is None:
        if _is_not_count(s, first, last, mention, entities):
            return None
        overlaps = [(e.start, e.end) for e in entities if e.label in lex.not_count_entities]
        overlaps += [(t.start, t.end) for t in times]
        if any(a < mention.end and mention.start < b for a, b in overlaps):
            return None
    else:
        return _Reading(mention, unit[0].kind, unit[0].factor, unit[1], None, first, last)
    i, j = _noun_phrase(s, mention, last)
    who = s.words(i, j) or None
    if who is not None and _phrase(who) in lex.harm_nouns:
        who = None  # "290 injured": the noun says what happened, not who it happened to
    harm = _noun_kind(s, i, max(j, i + 1), lex.harm_nouns)
    if harm is not None:
        return _Reading(mention, harm, 1.0, None, who, first, last)
    parsed, bound = _trigger_in_parse(s, mention)
    before = _trigger_before(s, mention, first)
    predicate = before.kind or parsed or _trigger_after(s, j, min(stop, bound or stop))
    group = _noun_kind(s, i, max(j, i + 1), lex.group_nouns)
    weak = _noun_kind(s, i, max(j, i + 1), lex.weak_nouns) if _names_a_place_population(s, first, j) else None
    own = predicate if predicate in _HARM_KINDS else group or predicate or weak
    tally, qualifier = before.tally, (Qualifier.MORE_THAN if before.passing else None)
    if own is None and before.anaphoric:  # "It passed 11,000": the count the sentence before spoke of
        own = earlier.kind if earlier is not None else antecedent
    elif own is None and earlier is not None and linked and not before.tally:  # "... and 21,000 on 9 February"
        own, tally, qualifier = earlier.kind, True, earlier.qualifier
    kind = own or (FigureKind.OTHER if _counts_things(s, i, j) else None)
    if kind is None:
        return None
    if mention.explicit_qualifier:
        qualifier = None
    return _Reading(mention, kind, 1.0, None, who, first, last, tally and kind is not FigureKind.OTHER, qualifier)


def _names_a_place_population(s: _Sentence, first: int, end: int) -> bool:
    """ "residents of X", "inhabitants in X", "X's 40,000 residents": a place's population."""
    after = end < len(s.tokens) and s.tokens[end].text in ("of", "in")
    before = first > 0 and s.tokens[first - 1].text in _POSSESSIVE
    return after or before


def _counts_things(s: _Sentence, i: int, j: int) -> bool:
    return any(s.tokens[k].text in _lexicon().other_nouns for k in range(i, j))


@dataclass(frozen=True, slots=True)
class _PlaceContext:
    """What choosing a figure's place needs beyond its sentence."""

    text: str  # the document text
    earlier: Sequence[Sentence]  # the sentences before, in document order
    places: Sequence[Place]
    dateline: Sequence[Place]  # country places of the report's dateline


def _clause_of(s: _Sentence) -> list[int]:
    """For each token, the number of its clause: a clause opener ("as", "while", ";") starts a new one."""
    lex = _lexicon()
    out, n = [], 0
    for i, token in enumerate(s.tokens):
        if token.text in lex.clause_openers and i > 0:
            nearby = {s.tokens[k].text for k in (i - 1, i + 1) if 0 <= k < len(s.tokens)}
            if token.text != "as" or not nearby & lex.as_not_opening:
                n += 1
        out.append(n)
    return out


def _is_treatment(place: Place) -> bool:
    return any(w in _lexicon().treatment_places for w in _phrase(place.text))


def _is_origin(text: str, place: Place) -> bool:
    """ "fled X", "left X", "from X": where people came from."""
    before = _phrase(text[max(0, place.start - 40) : place.start])
    if before[-1:] == ("the",):
        before = before[:-1]
    return any(before[len(before) - len(cue) :] == cue for cue in _lexicon().origin_cues)


def _best_place(found: Sequence[Place], near: int, kind: FigureKind, text: str, together: bool = False) -> Place | None:
    """The most specific place the gazetteer knows, nearest first; where people went before where they came
    from. With `together` (the count's own clause), the first of two or more countries named, never a town
    of one of them: "the toll in X and Y passed 21,000" counts both countries."""
    if kind in _MOVE_KINDS:
        found = [p for p in found if not _is_origin(text, p)] or list(found)
    if not found:
        return None
    countries = [p for p in found if p.precision is PlacePrecision.COUNTRY and p.country]
    if together and kind not in _MEASURE_KINDS and len({p.country for p in countries}) > 1:
        return min(countries, key=lambda p: p.start)
    return min(
        found,
        key=lambda p: (
            p.name is None,
            _PLACE_RANK.get(p.precision, 99) if p.precision else 99,
            abs(p.start - near),
        ),
    )


def _place(s: _Sentence, kind: FigureKind, at: int, ctx: _PlaceContext, alone: bool) -> Place | None:
    """The place of a count: the one its own clause names; else one named earlier in the sentence (not in
    a later clause of its own: "... as rescuers pulled a girl from X"); else one of the nearest earlier
    sentence of its paragraph that names one. A place of treatment ("hospitals in X") counts only in the
    count's own clause. A count of people on the move named nowhere is counted in the dateline's country.
    `alone`: the count is the only one of its kind in its clause (so it may count several countries)."""
    sentence = s.sentence
    clauses = _clause_of(s)
    own = clauses[min(s.index_at(at), len(clauses) - 1)] if clauses else 0
    inside = [p for p in ctx.places if sentence.start <= p.start < sentence.end]
    treated = [p for p in ctx.places if _is_treatment(p)]

    def away(p: Place) -> bool:  # a treatment place, or a place named inside one
        return any(q.start <= p.start and p.end <= q.end for q in treated)

    def clause(p: Place) -> int:
        return clauses[min(s.index_at(p.start), len(clauses) - 1)] if clauses else 0

    here = _best_place([p for p in inside if clause(p) == own], at, kind, ctx.text, together=alone)
    if here is None:
        here = _best_place([p for p in inside if clause(p) < own and not away(p)], at, kind, ctx.text)
    for before in reversed(ctx.earlier):
        if here is not None or before.paragraph != sentence.paragraph:
            break
        found = [p for p in ctx.places if before.start <= p.start < before.end and not away(p)]
        here = _best_place(found, before.end, kind, ctx.text)
    if here is None and kind in _MOVE_KINDS and ctx.dateline:
        here = ctx.dateline[0]  # arrivals are counted nationwide: the dateline's country, not its town
    if here is None and kind not in _MEASURE_KINDS:
        here = _previous_paragraph_place(sentence, kind, ctx, away)
    return here


def _previous_paragraph_place(
    sentence: Sentence, kind: FigureKind, ctx: _PlaceContext, away: Callable[[Place], bool]
) -> Place | None:
    """A count in a paragraph naming no place continues the story of the paragraph before: the place of
    the main clause of its last sentence naming one, unless that paragraph names several countries."""
    paragraph = [s for s in ctx.earlier if s.paragraph == sentence.paragraph - 1]
    if not paragraph or paragraph[-1].role in _SKIPPED_ROLES:
        return None
    main: list[tuple[Sentence, list[Place]]] = []
    for before in paragraph:
        s = _Sentence(before, None)
        clauses = _clause_of(s)
        # main clauses: the first, and those after ";" (not after "as", "while" ...)
        subordinate = {
            clauses[i] for i, tok in enumerate(s.tokens) if i and tok.text != ";" and clauses[i] != clauses[i - 1]
        }
        found = [
            p
            for p in ctx.places
            if before.start <= p.start < before.end
            and not away(p)
            and clauses[min(s.index_at(p.start), len(clauses) - 1)] not in subordinate
        ]
        if found:
            main.append((before, found))
    if not main or len({p.country for _, found in main for p in found if p.country}) > 1:
        return None
    last, found = main[-1]
    return _best_place(found, last.end, kind, ctx.text)


def _dateline(analyzed: AnalyzedDocument, places: Sequence[Place]) -> tuple[Place, ...]:
    """Country places of the dateline paragraph ("GORIS, Armenia, 27 September"), outside brackets."""
    lex = _lexicon()
    for sentence in analyzed.sentences[:3]:
        if lex.dateline.match(sentence.text):
            para = [s for s in analyzed.sentences if s.paragraph == sentence.paragraph]
            start, end = para[0].start, para[-1].end
            text = analyzed.text
            return tuple(
                p
                for p in places
                if start <= p.start < end
                and p.precision is PlacePrecision.COUNTRY
                and text.count("(", start, p.start) == text.count(")", start, p.start)
            )
    return ()


def _time_after_cue(s: _Sentence, times: Sequence[TimeExpr], cues: tuple[Phrase, ...], day_only: bool) -> date | None:
    sentence = s.sentence
    for t in times:
        if not (sentence.start <= t.start < sentence.end) or t.range is None:
            continue
        if day_only and t.range.precision is not DatePrecision.DAY:
            continue
        at = s.index_at(t.start)
        cue = s.phrase_ending_at(at - 1, cues)
        if cue is None or _describes_event(s, at, t.end, cue):
            continue
        return t.range.start
    return None


def _describes_event(s: _Sentence, at: int, end: int, cue: Phrase) -> bool:
    """ "killed by Friday's earthquake": the time names an event, not the date of a count."""
    after = s.index_at(end)
    possessive = after < len(s.tokens) and s.tokens[after].text in _POSSESSIVE
    passive = cue == ("by",) and at - 2 >= 0 and s.tokens[at - 2].text.endswith("ed")
    return possessive or passive


def _attribution(s: _Sentence) -> tuple[str | None, bool]:
    """Who the sentence attributes its content to, and whether it attributes it at all."""
    lex = _lexicon()
    stops = {",", ".", ";", ":", '"', "“", "”", "(", ")"}
    for i in range(len(s.tokens)):
        phrase = s.phrase_at(i, lex.according)
        if phrase is not None:
            j = i + len(phrase)
            k = j
            while k < len(s.tokens) and s.tokens[k].text not in stops and k - j < _ATTRIBUTION_WORDS:
                k += 1
            return s.words(j, k) or None, True
    for i, token in enumerate(s.tokens):
        if token.text not in lex.speech_verbs or (token.pos and token.pos != "VERB"):
            continue
        if any(s.matches(i + 1, p) for p in lex.not_speech_after):
            continue  # "the number of people confirmed dead": a participle, not a source
        speaker = _subject_from_parse(s, token) if s.parsed else None
        if speaker is None:
            k = i
            while k > 0 and s.tokens[k - 1].text not in stops and s.tokens[k - 1].text != "that":
                k -= 1
            if i - k > _ATTRIBUTION_WORDS:
                k = i - _ATTRIBUTION_WORDS
            speaker = s.words(k, i)
            if not speaker:
                k = i + 1
                while k < len(s.tokens) and s.tokens[k].text not in stops and k - i <= _ATTRIBUTION_WORDS:
                    k += 1
                speaker = s.words(i + 1, k)
        speaker = speaker.strip() if speaker else ""
        return (None if not speaker or speaker.lower() in lex.pronouns else speaker), True
    return None, False


def _subject_from_parse(s: _Sentence, verb_token: _Token) -> str | None:
    verb = s.parsed.get(verb_token.start)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            left = child.left_edge.idx
            right = child.right_edge.idx + len(child.right_edge.text)
            words = s.sentence.text[left - s.sentence.start : right - s.sentence.start]
            return words if len(words.split()) <= _ATTRIBUTION_WORDS else child.text
    return None


def _certainty(s: _Sentence, trigger: int, attributed: bool) -> Certainty:
    lex = _lexicon()
    before = s.index_at(trigger)
    for certainty, phrases in lex.certainty.items():
        for i in range(len(s.tokens)):
            phrase = s.phrase_at(i, phrases)
            if phrase is not None and (i < before or phrase in lex.certainty_anywhere):
                return certainty
    return Certainty.REPORTED if attributed else Certainty.ASSERTED


def _sentence_figures(
    analyzed: AnalyzedDocument,
    sentence: Sentence,
    times: Sequence[TimeExpr],
    ctx: _PlaceContext,
) -> list[Figure]:
    s = _Sentence(sentence, analyzed.tokens_of(sentence))
    previous = ctx.earlier[-1] if ctx.earlier and ctx.earlier[-1].paragraph == sentence.paragraph else None
    antecedent = _subject_kind(_Sentence(previous, analyzed.tokens_of(previous))) if previous else None
    mentions = [
        NumberMention(
            m.text,
            m.start + sentence.start,
            m.end + sentence.start,
            m.quantity,
            m.qualifier,
            m.qualifier_start + sentence.start,
            m.explicit_qualifier,
        )
        for m in find_numbers(sentence.text)
    ]
    entities = [e for e in analyzed.entities if sentence.start <= e.start < sentence.end]
    attributed_to, attributed = _attribution(s)
    as_of = _time_after_cue(s, times, _lexicon().as_of_cues, day_only=True) or analyzed.document.published
    since = _time_after_cue(s, times, _lexicon().since_cues, day_only=False)
    figures: list[Figure] = []
    readings: list[_Reading] = []
    previous_reading: _Reading | None = None
    for n, mention in enumerate(mentions):
        stop = s.index_at(mentions[n + 1].qualifier_start) if n + 1 < len(mentions) else len(s.tokens)
        tally = previous_reading if previous_reading is not None and previous_reading.tally else None
        linked = tally is not None and _continues_tally(s, tally, mention, times)
        reading = _read(s, mention, stop, entities, times, tally, linked, antecedent)
        if reading is None or _is_conversion(s, reading, previous_reading):
            continue
        qualifier, who = reading.qualifier or reading.mention.qualifier, reading.who
        inherited = _shares_coordination(s, reading, previous_reading)
        if inherited is not None:
            qualifier, who = inherited.mention.qualifier, who or inherited.who
        quantity = mention.quantity
        value = None if quantity.value is None else round(quantity.value * reading.factor, 2)
        low = None if quantity.value_min is None else quantity.value_min * reading.factor
        high = None if quantity.value_max is None else quantity.value_max * reading.factor
        figures.append(
            Figure(
                id="",
                kind=reading.kind,
                value=value,
                value_min=low,
                value_max=high,
                qualifier=qualifier,
                evidence=sentence.span,
                trigger=Span(mention.text, mention.start, mention.end),
                unit=reading.unit,
                who=who,
                place=None,
                as_of=(_own_date(s, reading, times) if reading.tally else None) or as_of,
                since=since,
                attributed_to=attributed_to,
                certainty=_certainty(s, mention.start, attributed),
            )
        )
        previous_reading = reading
        readings.append(reading)
    clauses = _clause_of(s)
    clause_kinds = Counter((clauses[min(r.first, len(clauses) - 1)], r.kind) for r in readings)
    return [
        replace(
            f,
            place=_place(
                s, r.kind, r.mention.start, ctx, clause_kinds[(clauses[min(r.first, len(clauses) - 1)], r.kind)] == 1
            ),
        )
        for f, r in zip(figures, readings, strict=True)
    ]


def _continues_tally(s: _Sentence, tally: _Reading, mention: NumberMention, times: Sequence[TimeExpr]) -> bool:
    """Only links and dates between a running count's step and this number: "11,000 on 8 May and 21,000"."""
    lex = _lexicon()
    for token in s.tokens[tally.last : s.index_at(mention.qualifier_start)]:
        in_time = any(t.start <= token.start < t.end for t in times)
        if not in_time and token.text not in lex.tally_links:
            return False
    return True


def _own_date(s: _Sentence, reading: _Reading, times: Sequence[TimeExpr]) -> date | None:
    """The day a step of a running count names right after its number: "passed 11,000 on 8 February"."""
    lex = _lexicon()
    for t in times:
        if t.range is None or t.range.precision is not DatePrecision.DAY:
            continue
        at = s.index_at(t.start)
        if not reading.last <= at <= reading.last + 4:
            continue
        cue = s.phrase_ending_at(at - 1, lex.tally_date_cues)
        between = s.tokens[reading.last : at - len(cue)] if cue is not None else []
        if cue is not None and all(tok.text.isalpha() for tok in between):
            return t.range.start
    return None


def _is_conversion(s: _Sentence, reading: _Reading, previous: _Reading | None) -> bool:
    """A measure in brackets restates the one before it: "77-kilometer (48-mile)"."""
    return (
        previous is not None
        and reading.kind in _MEASURE_KINDS
        and reading.kind == previous.kind
        and reading.first > 0
        and s.tokens[reading.first - 1].text == "("
    )


def _shares_coordination(s: _Sentence, reading: _Reading, previous: _Reading | None) -> _Reading | None:
    """A qualifier spreads over "and": "at least 68 people were killed and 290 injured"."""
    if previous is None or reading.mention.explicit_qualifier or not previous.mention.explicit_qualifier:
        return None
    between = [t.text for t in s.tokens[previous.last : reading.first]]
    if "and" not in between or len(between) > 8 or any(t in (";", ":", "but") for t in between):
        return None
    return previous


def extract_figures(
    analyzed: AnalyzedDocument, times: Sequence[TimeExpr], places: Sequence[Place]
) -> tuple[Figure, ...]:
    """Every figure of the report's non-opinion sentences, ids `f1..` by evidence, then trigger."""
    figures: list[Figure] = []
    dateline = _dateline(analyzed, places)
    for n, sentence in enumerate(analyzed.sentences):
        if sentence.role not in _SKIPPED_ROLES:
            ctx = _PlaceContext(analyzed.text, analyzed.sentences[:n], places, dateline)
            figures.extend(_sentence_figures(analyzed, sentence, times, ctx))
    figures.sort(key=lambda f: (f.evidence.start, f.trigger.start))
    return tuple(replace(f, id=f"f{n}") for n, f in enumerate(figures, start=1))
