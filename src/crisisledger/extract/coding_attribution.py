"""Who said what: speech frames found in the parse, shared by claims (one per frame) and by events
and figures (the frame whose clause holds them sets their certainty and attribution)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crisisledger.extract.coding_lexicon import SpeechTable, actor_lexicon, speech_table
from crisisledger.extract.events_clauses import disparaged
from crisisledger.extract.grammar import Token, actors_of, conjuncts, finite_beside_infinitive, subjects
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Actor, Certainty, Role, Sentence, Span, Stance

SPOKEN_ROLES = frozenset({Role.REPORT, Role.QUOTE, Role.BACKGROUND})


@dataclass(frozen=True, slots=True)
class Frame:
    """One act of speech: `content` is the character range of what was claimed."""

    sentence: Sentence
    trigger: Span
    speaker: str
    actor: Actor | None
    stance: Stance
    channel: str | None
    content: tuple[int, int]
    certainty: Certainty  # what the content gets: reported, denied, alleged
    wording: str = ""  # the source as an event's attribution words it ("regional officials"), else `speaker`


def speaker_name(actor: Actor) -> str:
    """The speaker as the claim shows it: a person's full name, a group as the report words it."""
    if actor.id.startswith("person.") or actor.text.lower() in actor_lexicon().pronouns:
        return actor.name
    return actor.text


def find_frames(analyzed: AnalyzedDocument, actors: Sequence[Actor]) -> list[Frame]:
    table = speech_table()
    frames: list[Frame] = []
    for sentence in analyzed.sentences:
        if sentence.role not in SPOKEN_ROLES:
            continue
        tokens = analyzed.tokens_of(sentence)
        if tokens is None:
            continue
        found = [f for tok in tokens for f in _frames_at(tok, sentence, actors, table)]
        if not found and sentence.role is Role.QUOTE:
            carried = _carry(frames, sentence)
            if carried is not None:
                found = [carried]
        frames.extend(found)
    return frames


def _frames_at(tok: Token, sentence: Sentence, actors: Sequence[Actor], table: SpeechTable) -> list[Frame]:
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        sources = [
            t for c in tok.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)
        ]
        return _build(tok, sources, None, Stance.ASSERT, (sentence.start, sentence.end), sentence, actors)
    stance = _speech_stance(tok, table)
    if stance is None:
        return []
    speakers = subjects(tok)
    channel = None
    if tok.lemma_ in table.channel_verbs:
        told = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        channel = _phrase(told[0]) if told else None
    content = _content(tok, sentence)
    certainty = Certainty.REPORTED
    if tok.lemma_ in table.denial_verbs:
        certainty = Certainty.DENIED
    elif stance is Stance.ACCUSE:
        certainty = Certainty.ALLEGED
    stance = _refine(stance, sentence.text, content, sentence.start, table)
    if stance is Stance.ASSERT and disparaged([t for t in tok.sent if content[0] <= t.idx < content[1]]) is not None:
        stance = Stance.ACCUSE  # "X is not a partner that can be relied on": a criticism of X
    return _build(tok, speakers, channel, stance, content, sentence, actors, certainty)


def _speech_stance(tok: Token, table: SpeechTable) -> Stance | None:
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    if lemma in table.particle_verbs:
        particles, stance = table.particle_verbs[lemma]
        return stance if any(c.lower_ in particles for c in tok.children) else None
    if lemma in table.object_verbs:
        objs, stance = table.object_verbs[lemma]
        return stance if any(c.lemma_.lower() in objs for c in tok.children if c.dep_ == "dobj") else None
    return table.verbs.get(lemma)


def _content(tok: Token, sentence: Sentence) -> tuple[int, int]:
    """The claimed clause: the quote before the verb ('"...," he said'), else the verb's complements."""
    if _quoted_before(sentence, tok.idx):
        return sentence.start, tok.idx
    parts = [
        c
        for c in tok.children
        if c.dep_ in ("ccomp", "xcomp", "parataxis", "dobj")
        or (c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "upon"))
    ]
    if not parts:
        return tok.idx, tok.idx
    lo = min(p.left_edge.idx for p in parts)
    hi = max(p.right_edge.idx + len(p.right_edge.text) for p in parts)
    beside = [t.idx for p in parts for t in p.subtree if finite_beside_infinitive(t)]
    return lo, min([hi, *beside])  # "called on X to supply Y and accused Z": the accusing is not asked for


def _quoted_before(sentence: Sentence, at: int) -> bool:
    before = sentence.text[: at - sentence.start]
    return before.lstrip().startswith(("“", '"'))


def _refine(stance: Stance, text: str, content: tuple[int, int], base: int, table: SpeechTable) -> Stance:
    if stance is not Stance.ASSERT:
        return stance
    clause = text[max(0, content[0] - base) : content[1] - base].lower()
    for cue_stance, cues in table.stance_cues.items():
        if any(re.search(rf"\b{re.escape(c)}\b", clause) for c in cues):
            return cue_stance
    return stance


def _build(
    tok: Token,
    speakers: list[Token],
    channel: str | None,
    stance: Stance,
    content: tuple[int, int],
    sentence: Sentence,
    actors: Sequence[Actor],
    certainty: Certainty = Certainty.REPORTED,
) -> list[Frame]:
    found = actors_of(speakers, actors)
    trigger = Span(tok.text, tok.idx, tok.idx + len(tok.text))
    if found:
        actor = found[0]
        name = " and ".join(speaker_name(a) for a in found) if len(found) > 1 else speaker_name(actor)
        phrase = _phrase(speakers[0])
        pronoun = speakers[0].pos_ == "PRON" or actor.text.lower() in actor_lexicon().pronouns
        generic = len(found) == 1 and actor.text.islower() and phrase.endswith(actor.text) and not pronoun
        wording = phrase if generic and len(phrase.split()) <= 4 else ""  # "regional officials said"
        return [Frame(sentence, trigger, name, actor, stance, channel, content, certainty, wording)]
    if speakers and speakers[0].pos_ in ("NOUN", "PROPN"):
        name = _phrase(speakers[0])
        if name.lower() in speech_table().unconfirmed_cues:  # "unconfirmed reports said": no one speaks
            return [Frame(sentence, trigger, "", None, stance, channel, content, Certainty.UNCONFIRMED)]
        if name and len(name.split()) <= 8:
            return [Frame(sentence, trigger, name, None, stance, channel, content, certainty)]
    return []


def _phrase(tok: Token) -> str:
    """The noun phrase of a token without its relative clauses and leading determiners."""
    words = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound", "amod", "pobj", "prep")]
    cut = [t for t in words if t.dep_ not in ("det", "punct") or t.i > tok.i]
    keep = [t for t in cut if not any(a.dep_ in ("relcl", "acl", "appos") for a in _between(t, tok))]
    return " ".join(t.text for t in keep).strip()


def _between(t: Token, head: Token) -> list[Token]:
    out = []
    while t.i != head.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def _carry(frames: list[Frame], sentence: Sentence) -> Frame | None:
    """Direct speech running on: the speaker last named in the paragraph."""
    for f in reversed(frames):
        if f.sentence.paragraph == sentence.paragraph or f.sentence.paragraph == sentence.paragraph - 1:
            span = Span(sentence.text, sentence.start, sentence.end)
            stance = _refine(
                Stance.ASSERT, sentence.text, (sentence.start, sentence.end), sentence.start, speech_table()
            )
            return Frame(
                sentence, span, f.speaker, f.actor, stance, None, (sentence.start, sentence.end), Certainty.REPORTED
            )
        break
    return None


def _carried(frame: Frame) -> bool:
    """A frame carried over a quote sentence (`_carry`): its trigger is the whole sentence."""
    return frame.trigger.start == frame.sentence.start and frame.trigger.end == frame.sentence.end


def certainty_at(
    offset: int, sentence: Sentence, frames: Sequence[Frame], governor: int = -1
) -> tuple[Certainty, str | None]:
    """The certainty and source of something said at `offset` in `sentence` (`governor`: the offset of
    the word governing it, so "issued an appeal" is the appeal itself, not a report of one)."""
    table = speech_table()
    holding = [
        f
        for f in frames
        if f.sentence is sentence
        and (_carried(f) or not f.trigger.start <= offset < f.trigger.end)
        and f.trigger.start != governor
        and f.content[0] <= offset < f.content[1]
    ]
    if holding:  # the innermost frame speaks for it: "X called for Y and accused Z of W"
        f = min(holding, key=lambda f: f.content[1] - f.content[0])
        return f.certainty, f.wording or f.speaker or None
    before = sentence.text[: offset - sentence.start].lower()
    if any(cue in before for cue in table.unconfirmed_cues):
        return Certainty.UNCONFIRMED, None
    if any(re.search(rf"\b{re.escape(cue)}\b", before) for cue in table.alleged_cues):
        return Certainty.ALLEGED, None
    return Certainty.ASSERTED, None
