"""Actors: who is named in a report, from the editable lexicon and from titles inside the report.

Every mention becomes an `Actor` record (its text, span and identity). Identity comes from, in
order: a title before a name ("Armenian Prime Minister Nikol Pashinyan" -> person.nikol-pashinyan,
government, ARM, role "Prime Minister"), a named lexicon actor (org.unhcr, armed_group.hamas), a
state's demonym or name before an institution noun ("Azeri forces" -> aze.military), a state on
its own, a generic group ("civilians"). Later short names ("Pashinyan") and pronouns ("She") link
back to the person named before them; unknown names are kept as `person.<slug>`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from crisisledger.extract.actors_leaders import form_pattern, resolve, state_of_family
from crisisledger.extract.actors_residence import (
    ethnic_before,
    ethnic_group_after,
    ethnic_pattern,
    residence_after,
    residence_lexicon,
    state_written_at,
)
from crisisledger.extract.coding_lexicon import ActorLexicon, actor_lexicon, common_words, slug, trigger_table
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Actor, ActorKind, Place, Role

STAGE = "actors@1"
# Tags of a capitalised opening word that make it a common word, not a name
COMMON_POS = frozenset({"NOUN", "ADJ", "VERB", "ADV", "ADP", "DET"})

# A name: capitalised words or initials ("F.W. de Klerk"), with the particles names carry between them
_NAME = (
    r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*|(?:[A-Z]\.){1,3})"
    r"(?:\s+(?:(?:de|van|von|der|den|al|bin|ibn|ben|da|du|del|la|le|el)\s+)?(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*|[A-Z]\.))*"
)
_LINK = re.compile(r"^[\s)]*$")  # what may stand between a prefix ("(USAID)") and a title
_POSSESSIVE = re.compile(r"^(?:'s|’s)")


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    priority: int
    id: str
    name: str
    country: str | None
    kind: ActorKind
    role: str | None = None
    person: bool = False
    prefix_only: bool = False  # a bare demonym: it only qualifies a title ("Azeri President ...")


def extract_actors(analyzed: AnalyzedDocument, places: Sequence[Place], gazetteer: Any) -> tuple[Actor, ...]:
    lex = actor_lexicon()
    text = analyzed.text
    zones = [(s.start, s.end) for s in analyzed.sentences if s.role is not Role.BOILERPLATE]
    if not analyzed.sentences:
        zones = [(0, len(text))]
    place_spans = [(p.start, p.end) for p in places]
    cands = _named(text, lex) + _institutions(text, lex, places) + _peoples(text, lex, places)
    cands += _titled_persons(text, lex, cands, places) + _apposed_persons(text, lex)
    cands += _entity_candidates(analyzed, lex, place_spans) + _leader_mentions(text)
    cands += _leaders_governments(text, lex)
    cands = _without_inner_names(cands)
    del gazetteer  # places carry their country already
    cands = [c for c in cands if not c.prefix_only and any(a <= c.start and c.end <= b for a, b in zones)]
    chosen = [_as_leader(c) for c in _non_overlapping(cands)]
    chosen = _link_persons(text, chosen, zones, place_spans)
    actors = [Actor(c.id, text[c.start : c.end], c.start, c.end, c.name, c.country, c.kind, c.role) for c in chosen]
    actors = _home_states(actors, analyzed, lex)
    actors += _pronouns(analyzed, actors, lex)
    return tuple(sorted(actors, key=lambda a: (a.start, a.end)))


_STATE_ORGANS = (ActorKind.GOVERNMENT, ActorKind.POLICE, ActorKind.MILITARY)
_DOMESTIC = (ActorKind.GOVERNMENT, ActorKind.POLICE)

# Mentions that name a home state; forces ("Russian strikes") are as often a foreign attacker's.
_HOME_MENTIONS = (ActorKind.STATE, ActorKind.GOVERNMENT, ActorKind.POLICE, ActorKind.CIVILIANS)


def _home_states(actors: list[Actor], analyzed: AnalyzedDocument, lex: ActorLexicon) -> list[Actor]:
    """An official with an office held at home and no state named ("President X", "Judge Y"), or a state
    organ named without its state ("the government", "police"), belongs to the one state the sentence
    names, if it names exactly one (event data codes them so). People with no state ("students",
    "refugees") and unknown organisations belong to the one state the sentence places things in
    ("throughout Indonesia"), or to the one state a sentence names only through its police or government
    ("Turkish police dispersed students"): a state as a doer ("Israel shelled ...") or foreign forces
    say nothing of theirs. Private persons take only the latter (a person in a place may be visiting).
    An unknown organisation named as a party, union, court, council ... (`domestic_bodies`) is one of the
    sentence's state's own bodies."""
    text = analyzed.text
    out = []
    for actor in actors:
        title = (actor.role or "").lower()
        title = next((t for t in sorted(lex.home_titles, key=len, reverse=True) if title.endswith(t)), "")
        office = bool(title) and title == (actor.role or "").lower().split(" of ")[0].strip()
        institution = actor.role is None and actor.kind in _STATE_ORGANS and not actor.id.startswith("person.")
        people = actor.kind is ActorKind.CIVILIANS and not actor.id.startswith("person.")
        people = people and actor.text.lower() not in residence_lexicon().not_residents  # "tourists in Egypt"
        people = people or actor.id.startswith("ethnic.")  # "ethnic Albanian guerrillas": where they live
        body = actor.id.startswith("organization.") and bool(set(actor.name.split()) & lex.domestic_bodies)
        org = actor.id.startswith("organization.") and not body  # "La Prensa", "a facility in central Iran"
        private = actor.id.startswith("person.") and actor.role is None and actor.kind is ActorKind.PERSON
        if actor.country is None and (office or institution or people or body or org or private):
            sentence = next((s for s in analyzed.sentences if s.start <= actor.start < s.end), None)
            here = [a for a in actors if a.country and sentence and sentence.start <= a.start < sentence.end]
            if people or org or private:
                located = [a for a in here if a.kind is ActorKind.STATE and _located(text, a.start, lex)]
                # "Turkish police dispersed students": a sentence naming one state only, through its police
                # or government, speaks of that state's own people
                single = len({a.country for a in here}) == 1
                domestic = single and any(a.kind in _DOMESTIC for a in here)
                located = [] if private or (org and not single) else located  # a person in a place may visit
                here = located or (here if domestic and not actor.id.startswith("ethnic.") else [])
            # another official's state is theirs, not this one's ("President X welcomed South African leader Y")
            states = {a.country for a in here if a.kind in _HOME_MENTIONS and not a.id.startswith("person.")}
            if len(states) == 1:
                actor = replace(actor, country=states.pop())
        out.append(actor)
    return out


def _located(text: str, start: int, lex: ActorLexicon) -> bool:
    """Whether a state mention stands as a place: right after "in", "throughout", "across" ..."""
    before = text[max(0, start - 30) : start].lower().split()
    if before and before[-1] in residence_lexicon().compass:  # "in south Serbia"
        before.pop()
    return bool(before) and before[-1] in lex.locative_preps


# ---- candidates -------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


# Patterns built from the lexicon's long alternations: compiled once per process, not per report
# (re's own cache is too small to hold them beside everything else).
_compiled = lru_cache(maxsize=64)(re.compile)


def _named(text: str, lex: ActorLexicon) -> list[_Candidate]:
    """Named lexicon actors, with a generic noun after them kept in the span ("RSF fighters")."""
    out = []
    generic = _alternation(tuple(lex.generic_words), re.I)
    for m in _alternation(tuple(lex.named)).finditer(text):
        a = lex.named[m.group()]
        end = m.end()
        gap = re.match(r"^[ ]+", text[end:])
        tail = generic.match(text, end + gap.end()) if gap else None
        if tail is not None and a.kind is not ActorKind.MEDIA:
            end = tail.end()  # "RSF fighters", "Red Cross officials", "UN peacekeepers": the named body's people
        out.append(_Candidate(m.start(), end, 2, a.id, a.name, a.country, a.kind))
    return out


def _institutions(text: str, lex: ActorLexicon, places: Sequence[Place]) -> list[_Candidate]:
    """Demonyms and state names, alone or before institution nouns; coordinated ones share the noun."""
    out: list[_Candidate] = []
    words = tuple(lex.demonyms) + tuple(lex.state_names)
    nouns = _alternation(tuple(lex.institution_nouns), re.I)
    matches = list(_alternation(words).finditer(text))
    for i, m in enumerate(matches):
        state = lex.demonyms.get(m.group()) or lex.state_names[m.group()]
        if text[max(0, m.start() - 4) : m.start()].lower().endswith(("pro-", "anti")):
            continue
        if m.group() in lex.demonyms and ethnic_before(text, m.start()):
            out.append(_people(text, m.start(), m.end(), None, f"ethnic.{slug(m.group())}", lex, nouns, places))
            continue
        group = ethnic_group_after(text, m.end())  # "Iraqi Kurds", "Kosovo Albanians"
        if group is not None:  # "Iraqi Kurds", "Bosnian Serb forces": the state of the demonym
            cid = f"{state.iso3.lower()}.civilians"
            out.append(_people(text, m.start(), m.end() + group.end(), state, cid, lex, nouns, places))
            continue
        end, rest = m.end(), text[m.end() :]
        joined = re.match(r"^(?:,\s*|\s+and\s+|\s+or\s+)", rest)
        if joined and i + 1 < len(matches) and matches[i + 1].start() == end + joined.end():
            noun_at = _noun_after(text, matches, i + 1, nouns)  # "Turkish and Azeri governments"
            if noun_at is not None:
                inst = lex.institution_nouns[noun_at.group().lower()]
                out.append(_inst(m.start(), m.end(), state.iso3, state.name, inst))
                continue
            if m.group() in lex.demonyms and (people := _people_after(text, matches[i + 1].end())) is not None:
                # "French and Egyptian warships ...", "Hungarian and Romanian students"
                cid = f"{state.iso3.lower()}.civilians"
                out.append(_Candidate(m.start(), m.end(), 1, cid, m.group(), state.iso3, ActorKind.CIVILIANS))
                continue
        poss = _POSSESSIVE.match(rest)
        noun = _noun_at(text, end, nouns, bool(poss))
        if noun is not None and not _adjective_only(text, noun.end()):
            inst = lex.institution_nouns[noun.group().lower()]
            out.append(_inst(m.start(), noun.end(), state.iso3, state.name, inst))
        elif m.group() in lex.plural_demonyms:
            out.append(
                _Candidate(
                    m.start(), m.end(), 1, f"{state.iso3.lower()}.civilians", m.group(), state.iso3, ActorKind.CIVILIANS
                )
            )
        elif m.group() in lex.state_names:
            out.append(
                _Candidate(
                    m.start(), m.end(), 1, f"{state.iso3.lower()}.state", state.name, state.iso3, ActorKind.STATE
                )
            )
        elif (force := _force_of(text, end, lex)) is not None:
            out.append(_inst(m.start(), m.end(), state.iso3, state.name, force))
        elif m.group() in lex.demonyms and (people := _people_after(text, end)) is not None:
            out.append(  # "Palestinian detainees", "Ugandan opposition candidates": that state's people
                _Candidate(
                    m.start(), people, 1, f"{state.iso3.lower()}.civilians", m.group(), state.iso3, ActorKind.CIVILIANS
                )
            )
            out.append(_prefix(m.start(), m.end(), state.iso3, state.name))
        elif m.group() in lex.demonyms and _act_after(text, end):
            # "rejected an Indian proposal", "an Australian ultimatum": the state whose act it is
            out.append(
                _Candidate(
                    m.start(), m.end(), 1, f"{state.iso3.lower()}.state", state.name, state.iso3, ActorKind.STATE
                )
            )
        else:
            out.append(_prefix(m.start(), m.end(), state.iso3, state.name))
    out += _institutions_of_states(text, lex)
    for m in _alternation(tuple(lex.generic_words), re.I).finditer(text):
        inst = lex.generic_words[m.group().lower()]
        if m.group()[0].isupper() and m.start() > 0 and text[m.start() - 2 : m.start()].strip() not in ("", ".", '"'):
            continue  # a capitalised word inside a sentence is part of a name ("Armed Forces of ...")
        if _adjective_only(text, m.end()):
            continue
        home = None
        if inst.kind is ActorKind.CIVILIANS:  # "residents of Gaza"
            home = residence_after(text, m.end(), lex, places, m.group())
        elif inst.kind in _DOMESTIC and places and (of := re.match(r"\s+of\s+", text[m.end() : m.end() + 8])):
            # "the government of Sindh province": a known place's state (officials or police "in" a place
            # may be another state's; a state's own name after them is read by _institutions_of_states)
            home = state_written_at(text, m.end() + of.end(), lex, places)
        cid = f"{home.lower()}.{inst.facet}" if home else inst.generic_id
        out.append(_Candidate(m.start(), m.end(), 0, cid, inst.generic_name, home, inst.kind, inst.role))
    return out


def _people(
    text: str,
    start: int,
    end: int,
    state: Any,
    cid: str,
    lex: ActorLexicon,
    nouns: re.Pattern[str],
    places: Sequence[Place],
) -> _Candidate:
    """A people named from `start` to `end` ("ethnic Albanians", "Iraqi Kurds"), with an institution noun
    after it taking its kind ("ethnic Albanian guerrillas"): the state given, else where they live."""
    gap = re.match(r"^[ ]+", text[end:])
    noun = nouns.match(text, end + gap.end()) if gap else None
    if noun is not None and not _adjective_only(text, noun.end()):
        inst = lex.institution_nouns[noun.group().lower()]
        if state is not None:
            return _inst(start, noun.end(), state.iso3, state.name, inst)
        home = residence_after(text, noun.end(), lex, places, noun.group())
        home = home or residence_lexicon().home_states.get(text[start:end])
        return _Candidate(start, noun.end(), 1, f"{cid}.{inst.facet}", text[start : noun.end()], home, inst.kind)
    people = text[start:end]
    end = _people_after(text, end) or end
    country = state.iso3 if state is not None else residence_after(text, end, lex, places)
    country = country or residence_lexicon().home_states.get(people)  # "Ibo elders": Nigeria's
    return _Candidate(start, end, 1, cid, text[start:end], country, ActorKind.CIVILIANS)


def _peoples(text: str, lex: ActorLexicon, places: Sequence[Place]) -> list[_Candidate]:
    """Peoples named alone ("Kurds in Iraq", "ethnic Kurds", "Tamil rebels"): a people word that is not
    a state's demonym, in the plural or before a noun of people or institutions."""
    out = []
    nouns = _alternation(tuple(lex.institution_nouns), re.I)
    for m in ethnic_pattern().finditer(text):
        if m.group() in lex.demonyms:
            continue  # a state's people ("Serbs"): said by the demonym rules
        cand = _people(text, m.start(), m.end(), None, f"ethnic.{slug(m.group())}", lex, nouns, places)
        if cand.end > m.end() or m.group().endswith("s"):
            out.append(cand)
    return out


def _noun_at(text: str, end: int, nouns: re.Pattern[str], possessive: bool) -> re.Match[str] | None:
    """An institution noun after a state's name or demonym; after a possessive one word may qualify it
    ("Israel's high court", "Nicaragua's Sandinista government")."""
    gaps = (r"^(?:'s|’s)?\s+", r"^(?:'s|’s)?\s+[A-Za-z][\w-]*\s+") if possessive else (r"^\s+",)
    for pattern in gaps:
        gap = re.match(pattern, text[end : end + 60])
        noun = nouns.match(text, end + gap.end()) if gap else None
        if noun is not None:
            return noun
    return None


def _prefix(start: int, end: int, iso3: str, state_name: str) -> _Candidate:
    """A bare demonym: no actor of its own, only the state of a title after it."""
    return _Candidate(start, end, -1, f"{iso3.lower()}.state", state_name, iso3, ActorKind.STATE, prefix_only=True)


_PLURAL_AFTER = re.compile(r"^[ ]+(?:[a-z][a-z-]+[ ]+)?([a-z][a-z-]+s)\b")


def _people_after(text: str, end: int) -> int | None:
    """Where a plural noun after a demonym ends ("Palestinian lorries", "Russian civilian advisers"),
    else None; nouns that only qualify another ("Iraqi military sources") do not count."""
    m = _PLURAL_AFTER.match(text[end : end + 60])
    if m is None or m.group(1) in _HEAD_NOUNS or m.group(1).endswith(("ss", "us")):
        return None
    return end + m.end()


def _institutions_of_states(text: str, lex: ActorLexicon) -> list[_Candidate]:
    """'the government of Sudan', 'security forces in Guinea': an institution named by its state after it
    ("in" only for a government or police, since foreign troops stand in many countries)."""
    out = []
    nouns = _alternation(tuple(lex.generic_words), re.I).pattern
    states = _alternation(tuple(lex.state_names)).pattern
    for m in _compiled(rf"(?P<noun>{nouns})\s+(?P<prep>of|in)\s+(?:the\s+)?(?P<state>{states})", re.I).finditer(text):
        state = lex.state_names.get(m.group("state"))
        inst = lex.generic_words[m.group("noun").lower()]
        located = m.group("prep").lower() == "in"
        if state is None or (located and inst.kind not in (ActorKind.GOVERNMENT, ActorKind.POLICE)):
            continue
        if inst.kind is ActorKind.CIVILIANS:
            continue  # "people of X": the people, said by the plural demonym rule where it is written
        out.append(_inst(m.start(), m.end(), state.iso3, state.name, inst))
    return out


def _force_of(text: str, end: int, lex: ActorLexicon) -> Any:
    """The armed forces behind a demonym before a noun of force ("Russian guided bombs"), else None."""
    nouns = _alternation(tuple(lex.weapon_nouns), re.I)
    for gap in (r"[ ]+", r"[ ]+[a-z][\w-]*[ ]+"):  # "Russian strike", "Russian guided bombs"
        m = re.match(gap, text[end : end + 60])
        if m is not None and nouns.match(text, end + m.end()) is not None:
            return lex.institution_nouns.get("forces")
    return None


def _act_after(text: str, end: int) -> bool:
    """Whether a demonym qualifies a noun of an act (a trigger noun: "Indian proposal", "Palestinian
    unrest", "a Russian peace offer")."""
    nouns = trigger_table().nouns
    m = re.match(r"^[ ]+(?:([a-z][\w-]*)[ ]+)?([a-z][\w-]*)\b", text[end : end + 60])
    if m is None:
        return False
    return m.group(2) in nouns or (m.group(1) is not None and m.group(1) in nouns and m.group(2) not in _HEAD_NOUNS)


def _noun_after(text: str, matches: list[re.Match[str]], j: int, nouns: re.Pattern[str]) -> re.Match[str] | None:
    m = matches[j]
    gap = re.match(r"^\s+", text[m.end() :])
    if gap is None:
        return None
    return nouns.match(text, m.end() + gap.end())


def _adjective_only(text: str, end: int) -> bool:
    """'military debacle', 'police station': the noun modifies another noun."""
    nxt = re.match(r"^[ ]+([a-z][\w-]*)", text[end : end + 30])
    return bool(nxt) and nxt is not None and nxt.group(1) in _HEAD_NOUNS


_HEAD_NOUNS = frozenset(
    [
        "debacle",
        "station",
        "stations",
        "chief",
        "chiefs",
        "base",
        "bases",
        "operation",
        "operations",
        "presence",
        "convoy",
        "convoys",
        "vehicle",
        "vehicles",
        "cars",
        "car",
        "areas",
        "area",
        "positions",
        "position",
        "equipment",
        "aircraft",
        "capabilities",
        "mission",
        "spokesman",
        "spokeswoman",
        "source",
        "sources",
        "officer",
        "officers",
        "commander",
        "commanders",
        "post",
        "posts",
    ]
)


def _inst(start: int, end: int, iso3: str, state_name: str, inst: Any) -> _Candidate:
    return _Candidate(
        start, end, 2, f"{iso3.lower()}.{inst.facet}", inst.name.format(state=state_name), iso3, inst.kind, inst.role
    )


def _titled_persons(
    text: str, lex: ActorLexicon, prefixes: list[_Candidate], places: Sequence[Place] = ()
) -> list[_Candidate]:
    """`<prefix>? <title> (to|of the X)? <Name>`: officials resolved from their title in the report."""
    titles = _alternation(tuple(lex.offices))
    pattern = _compiled(
        rf"(?P<title>{titles.pattern})(?P<mid>\s+(?:to|of|for)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,3}}?)?"
        rf"\s+(?P<name>{_NAME})"
    )
    out = []
    for m in pattern.finditer(text):
        name = _clean_name(m.group("name"), lex)
        if not name or name.split()[0] in lex.offices:
            continue
        name_start = m.start("name") + _offset(m.group("name"), name)
        title = m.group("title")
        kind = lex.offices[title]
        prefix = _prefix_of(text, m.start("title"), prefixes)
        country = prefix.country if prefix else _state_in(m.group("mid") or "", lex)
        if country is None and m.group("mid"):  # "Governor of Kherson Region X": the place's state
            inside = [p.country for p in places if m.start("mid") <= p.start < m.end("mid") and p.country]
            country = inside[0] if inside else None
        between = text[prefix.end : m.start("title")] if prefix else ""
        start = prefix.start if prefix and (not between.strip() or re.search(r"[A-Z]", between)) else m.start("title")
        if prefix is not None and prefix.kind in (
            ActorKind.GOVERNMENT,
            ActorKind.MILITARY,
            ActorKind.POLICE,
            ActorKind.ORGANIZATION,
            ActorKind.ARMED_GROUP,
            ActorKind.MEDIA,
        ):
            kind = prefix.kind if kind in (ActorKind.ORGANIZATION, ActorKind.GOVERNMENT) else kind
        if title.islower() and prefix is None and kind is not ActorKind.MILITARY:
            kind = ActorKind.PERSON if title in ("chief", "head", "director") else kind
        role = (title + (m.group("mid") or "")).strip()
        out.append(
            _Candidate(start, name_start + len(name), 3, f"person.{slug(name)}", name, country, kind, role, person=True)
        )
    return out


def _offset(raw: str, name: str) -> int:
    """Where a cleaned name starts in the raw match (0 when whitespace differs)."""
    at = raw.find(name.split()[0]) if name else -1
    return max(at, 0)


def _clean_name(raw: str, lex: ActorLexicon) -> str:
    words = raw.split()
    if "\n" in raw:  # a name never runs over a line break
        words = raw.split("\n")[0].split()
    while words and (words[0] in lex.state_names or words[0] in lex.demonyms or words[0] in lex.named):
        words.pop(0)
    while words and words[-1] in ("The", "A", "An", "In", "On", "At"):
        words.pop()
    if words:  # "President Reagan's statement": the name without its possessive
        words[-1] = re.sub(r"(?:'s|’s|'|’)$", "", words[-1])
    return " ".join(w for w in words if w)


def _prefix_of(text: str, at: int, cands: list[_Candidate]) -> _Candidate | None:
    best = None
    link = _title_link()
    for c in cands:
        if (
            c.end <= at
            and (_LINK.match(text[c.end : at]) or link.match(text[c.end : at]))
            and (best is None or c.end > best.end or (c.end == best.end and c.start < best.start))
        ):
            best = c
    return best


@lru_cache(maxsize=1)
def _title_link() -> re.Pattern[str]:
    """ "Niger's ambassador X", "Nigerian junior foreign minister X": a possessive and the words that
    qualify a title (actors.yaml `title_modifiers`) may stand between a state and the title."""
    words = "|".join(re.escape(w) for w in actor_lexicon().title_modifiers)
    portfolio = r"(?-i:[A-Z][a-z]+)|and"  # "Serbian Labour Minister X", "Iraqi Oil and Gas Minister X"
    words = f"{words}|{portfolio}" if words else portfolio
    return re.compile(rf"^(?:'s|’s)?(?:\s+(?:{words}))*\s+$", re.I)


def _state_in(fragment: str, lex: ActorLexicon) -> str | None:
    for name, state in lex.state_names.items():
        if name in fragment and re.search(rf"\b{re.escape(name)}\b", fragment):
            return state.iso3
    return None


def _apposed_persons(text: str, lex: ActorLexicon) -> list[_Candidate]:
    """`Name, a 69-year-old driver,`: a private person described in apposition; `Name, Algeria's leading
    activist,` or `Name, Russia's foreign minister,`: a person of that state (an office gives its kind)."""
    offices = [t for t in lex.offices if t.islower()]
    roles = "|".join(re.escape(r) for r in sorted([*lex.private_roles, *offices], key=len, reverse=True))
    states = _alternation(tuple(lex.state_names)).pattern
    pattern = _compiled(
        rf"(?P<name>{_NAME}),\s+(?:a|an|the|(?P<state>{states})(?:'s|’s))\s+(?:[\w-]+\s+){{0,3}}?(?P<role>{roles})\b"
        rf"(?:\s+of\s+(?:the\s+)?(?P<of_state>{states})\b)?"
    )
    out = []
    for m in pattern.finditer(text):
        name = _clean_name(m.group("name"), lex)
        if not name or name in lex.offices or name.split()[0] in ("The", "In", "On", "At", "But", "And"):
            continue
        start = m.start("name") + _offset(m.group("name"), name)
        named = m.group("state") or m.group("of_state")  # "X, Algeria's ...", "X, foreign minister of Peru,"
        state = lex.state_names[named].iso3 if named else None
        kind = lex.offices.get(m.group("role"), ActorKind.PERSON)
        if kind is not ActorKind.PERSON and not state:
            continue  # "X, the president," is said by the title rules
        cid = f"person.{slug(name)}"
        out.append(_Candidate(start, start + len(name), 2, cid, name, state, kind, m.group("role"), person=True))
    return out


def _entity_candidates(
    analyzed: AnalyzedDocument, lex: ActorLexicon, places: list[tuple[int, int]]
) -> list[_Candidate]:
    """PERSON and ORG entities the lexicon does not know: `person.<slug>`, `organization.<slug>`."""
    out = []
    for e in analyzed.entities:
        if any(a < e.end and e.start < b for a, b in places):
            continue
        name = _clean_name(re.sub(r"(?:'s|’s)$", "", re.sub(r"^the\s+", "", e.text, flags=re.I)), lex).strip()
        if e.label == "PERSON":
            name = _without_opening_word(analyzed, e.start + _offset(e.text, name), name)
        if all(w in lex.demonyms or w in lex.state_names for w in name.split()):
            continue
        if not name or not name[0].isupper() or name in lex.offices:
            continue
        start = e.start + _offset(e.text, name)
        if (e.label == "PERSON" and " " in name) or (e.label == "PERSON" and len(name) > 3):
            out.append(
                _Candidate(
                    start, start + len(name), 1, f"person.{slug(name)}", name, None, ActorKind.PERSON, person=True
                )
            )
        elif e.label == "ORG" and len(name) > 3:
            country = _state_of_name(e.text, lex)  # "Nigerian Union of Teachers": a national body
            out.append(
                _Candidate(
                    start, start + len(name), 0, f"organization.{slug(name)}", name, country, ActorKind.ORGANIZATION
                )
            )
    return out


def _state_of_name(name: str, lex: ActorLexicon) -> str | None:
    """The state an organisation's own name names ("Kenya Anti-Corruption Commission", "Serbian Workers'
    Union"), if it names exactly one."""
    states = {lex.demonyms[w].iso3 for w in re.findall(r"[A-Z][\w-]*", name) if w in lex.demonyms}
    named = _state_in(name, lex)
    if named:
        states.add(named)
    return states.pop() if len(states) == 1 else None


def _without_opening_word(analyzed: AnalyzedDocument, start: int, name: str) -> str:
    """'Flash floods forced ...': a capitalised first word of a sentence that the tagger reads as a common
    word, or that the coder knows as one, is no part of a person's name."""
    if not name:
        return name
    first = name.split()[0]
    doc = analyzed.doc
    span = doc.char_span(start, start + len(first), alignment_mode="expand") if doc is not None else None
    if span is not None and len(span):
        tok = span[0]
        opening = bool(tok.is_sent_start)
        common = tok.pos_ in COMMON_POS or _common(first)
    else:  # no parse: the sentence boundaries and the coder's own words
        text = analyzed.text
        opening = any(
            start == s.start + len(text[s.start : s.end]) - len(text[s.start : s.end].lstrip())
            for s in analyzed.sentences
        )
        common = _common(first)
    return name[len(first) :].strip() if opening and common else name


def _common(word: str) -> bool:
    lower = word.lower()
    return lower in common_words() or lower.removesuffix("s") in common_words()


def _non_overlapping(cands: list[_Candidate]) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.priority if c.person else 0, c.start - c.end, -c.priority, c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _without_inner_names(cands: list[_Candidate]) -> list[_Candidate]:
    """A name the tagger found inside a longer group or body is part of it, not a person ("Turkish Kurd
    refugees", "the Bush administration")."""
    groups = [c for c in cands if not c.person and not c.prefix_only and c.priority >= 1]
    return [
        c
        for c in cands
        if not (c.person and c.priority == 1)
        or not any(g.start <= c.start and c.end <= g.end and g.end - g.start > c.end - c.start for g in groups)
    ]


def _leader_mentions(text: str) -> list[_Candidate]:
    """Listed leaders named in full or by a listed short form ("Yeltsin"): `lexicon/actors_leaders.yaml`."""
    out = []
    for m in form_pattern().finditer(text):
        found = resolve(m.group())
        if found is not None and found.leader is not None:
            leader = found.leader
            cid = f"person.{slug(leader.name)}"
            out.append(
                _Candidate(
                    m.start(), m.end(), 2, cid, leader.name, leader.country, leader.kind, leader.role, person=True
                )
            )
    return out


def _leaders_governments(text: str, lex: ActorLexicon) -> list[_Candidate]:
    """ "the Bush administration", "the Netanyahu government": a leader's family name before a government
    noun names that leader's state's government."""
    out = []
    nouns = [n for n, inst in lex.institution_nouns.items() if inst.kind is ActorKind.GOVERNMENT]
    noun_re = _alternation(tuple(nouns), re.I).pattern
    for m in re.finditer(rf"(?P<name>[A-Z][\w'’-]+)\s+(?P<noun>{noun_re})", text):
        iso3 = state_of_family(m.group("name"))
        if iso3 is not None and m.group("name") not in lex.state_names and m.group("name") not in lex.demonyms:
            inst = lex.institution_nouns[m.group("noun").lower()]
            out.append(_inst(m.start(), m.end(), iso3, _state_name(iso3, lex), inst))
    return out


def _state_name(iso3: str, lex: ActorLexicon) -> str:
    return next((s.name for s in lex.state_names.values() if s.iso3 == iso3), iso3)


def _as_leader(c: _Candidate) -> _Candidate:
    """A person with no state named: the state (and office) the leaders lexicon gives their name, the
    family name after a title included ("President Bush" -> USA)."""
    if not c.person or c.country is not None:
        return c
    found = resolve(c.name, c.role)
    if found is None:
        return c
    kind = found.kind if c.kind is ActorKind.PERSON and found.kind is not None else c.kind
    if found.country is None and found.kind is ActorKind.ORGANIZATION:
        kind = ActorKind.ORGANIZATION  # the head of an international organisation acts for it
    role = c.role or (found.leader.role if found.leader else None)
    return replace(c, country=found.country, kind=kind, role=role)


# ---- coreference ------------------------------------------------------------------------------


def _link_persons(
    text: str, chosen: list[_Candidate], zones: list[tuple[int, int]], places: list[tuple[int, int]]
) -> list[_Candidate]:
    """Give every mention of a person the identity of its fullest mention; add bare surnames."""
    full: dict[str, _Candidate] = {}
    for c in chosen:
        if not c.person:
            continue
        known = _same_person(c.name, full)
        if known is not None and known is not c:
            if len(c.name) > len(known.name) or (known.role is None and c.role is not None):
                full[known.name] = replace(
                    c,
                    name=max(c.name, known.name, key=len),
                    role=c.role or known.role,
                    country=c.country or known.country,
                    kind=c.kind if c.kind is not ActorKind.PERSON else known.kind,
                )
                full[known.name].id = f"person.{slug(full[known.name].name)}"
        else:
            full[c.name] = c
    out = []
    for c in chosen:
        if c.id.startswith("organization.") and _same_person(c.name, full) is not None:
            c.person = True
        if c.person:
            p = _same_person(c.name, full) or c
            c = replace(c, id=p.id, name=p.name, country=p.country, kind=p.kind, role=p.role)
        out.append(c)
    taken = [(c.start, c.end) for c in out]
    for p in list(full.values()):
        for word in {p.name.split()[-1], p.name.split()[0]} if " " in p.name else {p.name}:
            for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
                inside = any(a <= m.start() and m.end() <= b for a, b in zones)
                if inside and not any(a < m.end() and m.start() < b for a, b in taken + places):
                    out.append(replace(p, start=m.start(), end=m.end()))
                    taken.append((m.start(), m.end()))
    return sorted(out, key=lambda c: c.start)


def _same_person(name: str, known: dict[str, _Candidate]) -> _Candidate | None:
    words = name.split()
    for full_name, cand in known.items():
        parts = full_name.split()
        if name == full_name or (len(words) == 1 and words[0] in (parts[-1], parts[0]) and len(parts) > 1):
            return cand
        if len(parts) == 1 and len(words) > 1 and parts[0] in (words[-1], words[0]):
            return cand
        if len(words) > 1 and len(parts) > 1 and words[-1] == parts[-1] and words[0] == parts[0]:
            return cand
    return None


def _pronouns(analyzed: AnalyzedDocument, actors: list[Actor], lex: ActorLexicon) -> list[Actor]:
    """He, she, they: the person (or group) named before them, within the last three sentences."""
    out: list[Actor] = []
    pattern = _alternation(tuple(lex.pronouns), re.I)
    sentences = [s for s in analyzed.sentences if s.role is not Role.BOILERPLATE]
    resolved: list[Actor] = []
    for i, s in enumerate(sentences):
        window_start = sentences[max(0, i - 3)].start
        for m in pattern.finditer(s.text):
            at = s.start + m.start()
            gender = lex.pronouns[m.group().lower()]
            pool = sorted((a for a in actors + resolved if window_start <= a.start < at), key=lambda a: a.start)
            target = _antecedent(pool, gender, lex, s.start if gender == "plural" else window_start)
            if target is not None:
                a = Actor(
                    target.id, m.group(), at, at + len(m.group()), target.name, target.country, target.kind, target.role
                )
                out.append(a)
                resolved.append(a)
    return out


def _antecedent(pool: list[Actor], gender: str, lex: ActorLexicon, floor: int) -> Actor | None:
    people = [a for a in pool if a.id.startswith("person.")]
    if gender == "plural":
        groups = [
            a
            for a in pool
            if not a.id.startswith("person.")
            and a.start >= floor
            and a.kind is not ActorKind.STATE
            and a.kind is not ActorKind.MEDIA
        ]
        return groups[-1] if groups else None
    female = [a for a in people if a.name.split()[0] in lex.female_names]
    if gender == "female":
        return female[-1] if female else (people[-1] if people else None)
    others = [a for a in people if a.name.split()[0] not in lex.female_names]
    return others[-1] if others else None
