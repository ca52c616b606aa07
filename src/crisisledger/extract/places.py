"""Place mentions: recognised, resolved against the gazetteer with the report's focus, unresolved ones kept.

Recognition does not trust spaCy's labels alone (the small model tags many places PERSON or ORG): it
takes GPE/LOC/FAC entities, capitalised runs and mislabelled entities that hit the gazetteer with enough
evidence (a locative preposition, a country or area name, the focus country), and settlement phrases
("the village of X", "his village, X"). It leaves out the report's persons (words of full person names,
speakers, titled names), common words alone ("Way" of "United Way"), streets and saints. Resolution weighs
population, the exact name, the precision a name usually has (countries and areas before towns), the focus
country (datelines, most-mentioned countries, locale cues such as dollar amounts), co-mentioned admin-1
units, counties and nearby towns; a country name written as a town's ("a Lebanon woman") yields to the
town. A name the gazetteer lacks takes the report's focus.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from crisisledger.extract.places_cues import (
    TOKEN,
    capitalised_runs,
    clean_span,
    datelines,
    person_words,
    previous_word,
    settlement_patterns,
    speaker_words,
    written_as_town,
)
from crisisledger.extract.places_demonyms import demonym_places
from crisisledger.gazetteer import Candidate, Gazetteer
from crisisledger.gazetteer.normalize import normalize
from crisisledger.gazetteer.words import admin_abbreviations, locale_cues, place_words
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Place, PlacePrecision

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"})
THING_LABELS = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART"})  # single words so labelled: often odd place names
_SPECIFICITY = {
    PlacePrecision.SITE: 0,
    PlacePrecision.TOWN: 1,
    PlacePrecision.ADMIN: 2,
    PlacePrecision.AREA: 3,
    PlacePrecision.COUNTRY: 4,
    PlacePrecision.REGION: 5,
}
_PRIOR = {  # a bare name that is a country or named area usually means it ("Armenia" before the town)
    PlacePrecision.COUNTRY: 6.0,
    PlacePrecision.REGION: 5.0,
    PlacePrecision.AREA: 5.0,
    PlacePrecision.ADMIN: 0.0,
    PlacePrecision.TOWN: 0.3,
    PlacePrecision.SITE: 0.0,
}
_ADMIN_SUFFIX = re.compile(r",\s+((?:[A-Z][a-z]*\.\s?){1,2}|[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)(?=[\s,.;:(—–-]|$)")
_AREA_POPULATION = {  # the supplement's named areas and regions carry no population: rank them as large
    PlacePrecision.AREA: 1_000_000,
    PlacePrecision.REGION: 10_000_000,
}
_EXACT_NAME = 1.2  # the name as the place itself is called, not an alias ("Washington" is also Piqua, Ohio)
_NEAR_KM = 161.0
_BIG_CITY = 1_000_000
_NEAR_WEIGHT = 0.8  # per other name resolved within _NEAR_KM, up to three
_ADMIN_WEIGHT = 1.5  # the admin-1 unit the other names point to
_COUNTY_KM = 40.0  # a town this near a county's point is taken to lie in it
_COUNTY_WEIGHT = 2.0  # a town and a county the report names that fit each other ('Huntsville', 'Walker County')
_ABROAD_KM = 2000.0  # another place this near a country keeps a same-name town from taking its name
_OUTSHINE = 3.0  # a town bearing the name this many times bigger than one known by it only as an alias
_OUTSHINE_BIG = 100_000  # ... and this big, whatever else the report names
_KNOWN_UNIT = 500_000  # an admin unit this populous is known widely ('Texas said'; not Nelson, New Zealand)
_NAMED_COUNTRY = 0.8  # the least focus share of a country the report names, for its towns and units
_NAMESAKE = 3.0  # a town or unit named like its country's capital: 'Washington' is the capital first
_FAMOUS = frozenset({PlacePrecision.COUNTRY, PlacePrecision.REGION, PlacePrecision.AREA})
_SAINT = re.compile(r"^(?:saint|st|ste|sainte) ")


@dataclass
class _Mention:
    start: int
    end: int
    source: str  # "entity" (place label), "piece" (of a longer unknown one), "mislabel", "run", "pattern", "fuzzy"
    hint: PlacePrecision | None = None
    candidates: list[Candidate] = field(default_factory=list)
    chosen: Candidate | None = None


@dataclass
class _Focus:
    votes: dict[str, float]
    admin_units: set[tuple[str, str]]
    country: str | None = None
    admin_weight: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)  # unit -> name -> weight
    anchors: list[tuple[str, Candidate]] = field(default_factory=list)  # (name key, chosen place)
    counties: list[tuple[str, list[Candidate]]] = field(default_factory=list)  # (name key, county candidates)
    towns: list[tuple[str, list[Candidate]]] = field(default_factory=list)  # (name key, town candidates)
    person_words: frozenset[str] = frozenset()  # the words of the report's full person names
    speakers: frozenset[str] = frozenset()  # single names used as a person ('Nelson said', 'coach Ripley')
    named_units: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # admin-1 unit -> names of it
    named_countries: set[str] = field(default_factory=set)  # countries the report names as such

    def share(self, iso3: str | None) -> float:
        if not iso3 or not self.votes:
            return 0.0
        return self.votes.get(iso3, 0.0) / max(self.votes.values())


def extract_places(analyzed: AnalyzedDocument, gazetteer: Gazetteer, *, demonyms: bool = False) -> tuple[Place, ...]:
    """The report's places; `demonyms` also reads 'Russian officials' as a mention of Russia (the
    geoparsing sets' convention; the ledger reads a demonym as an actor)."""
    text = analyzed.text
    mentions = _recognise(analyzed, gazetteer)
    focus = _focus(analyzed, mentions, gazetteer)
    named = {normalize(text[m.start : m.end]) for m in mentions}
    for m in mentions:
        m.candidates = _drop_outshone_aliases(m.candidates, normalize(text[m.start : m.end]), named)
    accepted = [_accept(m, text, focus) for m in mentions]
    known = {normalize(text[m.start : m.end]) for m, ok in zip(mentions, accepted, strict=True) if ok}
    mentions = [  # one sense per report: a name accepted once is a place wherever spaCy saw an entity
        m
        for m, ok in zip(mentions, accepted, strict=True)
        if ok
        or (
            m.source == "mislabel"
            and normalize(text[m.start : m.end]) in known
            and normalize(text[m.start : m.end]) not in focus.person_words
        )
    ]
    _constrain_by_admin_suffix(mentions, text, gazetteer)
    for m in mentions:
        m.chosen = _resolve(m, text, focus)
    for _ in range(2):  # admin-1 units, then the places near the others, known from the pass before
        _gather_context(mentions, text, focus)
        for m in mentions:
            m.chosen = _resolve(m, text, focus)
    if _yield_countries(mentions, text, focus, analyzed, gazetteer):
        _gather_context(mentions, text, focus)
        for m in mentions:
            m.chosen = _resolve(m, text, focus)
    for m in mentions:
        if m.chosen is None and m.source in ("entity", "pattern", "fuzzy"):
            m.chosen = _fuzzy(m, text, focus, gazetteer)
    mentions = [m for m in mentions if m.chosen is not None or m.source != "fuzzy"]
    fallback = _fallback(mentions, focus, gazetteer)
    places = [_place(m, text, fallback) for m in mentions if not _names_a_street(m, text)]
    places += _sites(mentions, text)
    if demonyms:
        places += demonym_places(text, [(p.start, p.end) for p in places], gazetteer)
    return tuple(sorted(places, key=lambda p: (p.start, -p.end)))


def specificity(precision: PlacePrecision | None) -> int:
    """0 for a site up to 5 for a region (6 when unknown): smaller is more precise."""
    return _SPECIFICITY[precision] if precision is not None else 6


def most_specific(places: Sequence[Place]) -> Place | None:
    """The most precise place (site < town < admin < area < country < region), the first on ties."""
    ranked = [p for p in places if p.precision is not None]
    if not ranked:
        return places[0] if places else None
    return min(ranked, key=lambda p: _SPECIFICITY[p.precision])  # type: ignore[index]


# --- recognition -------------------------------------------------------------------------------


def _lookup(name: str, gazetteer: Gazetteer) -> tuple[list[Candidate], PlacePrecision | None]:
    """Candidates of a name, trying it without a type word ('Idlib province') or a direction."""
    words = place_words()
    found = gazetteer.candidates(name)
    parts = name.split()
    if found and len(parts) > 1 and parts[-1].lower() == "city":
        # 'San Fernando City': also the towns of the bare name, which co-mentioned places may favour
        known = set(found)
        found += [
            c
            for c in gazetteer.candidates(" ".join(parts[:-1]))
            if c.precision == PlacePrecision.TOWN and c not in known
        ]
        return found, None
    if found:
        return found, None
    if "." in name:  # 'W.Va', 'B.C.', 'Ont.': a dotted admin-1 abbreviation
        units = admin_abbreviations().get(normalize(name), ())
        found = list(dict.fromkeys(u for iso3, code in units if (u := gazetteer.admin1(iso3, code)) is not None))
        if found:
            return found, PlacePrecision.ADMIN
    if len(parts) > 1:
        last, first = parts[-1].lower(), parts[0].lower()
        if last in words.admin_words:
            return gazetteer.candidates(" ".join(parts[:-1])), PlacePrecision.ADMIN
        if last in words.settlement_words:
            return gazetteer.candidates(" ".join(parts[:-1])), PlacePrecision.TOWN
        if first in words.directions:
            return gazetteer.candidates(" ".join(parts[1:])), None
    return [], None


def _recognise(analyzed: AnalyzedDocument, gazetteer: Gazetteer) -> list[_Mention]:
    text = analyzed.text
    taken: list[tuple[int, int]] = []
    mentions: list[_Mention] = []
    admin_tail = re.compile(rf"\s+(?:{'|'.join(sorted(place_words().admin_words))})\b", re.IGNORECASE)

    def add(start: int, end: int, source: str, hint: PlacePrecision | None = None) -> None:
        start, end = clean_span(text, start, end)
        if end <= start or any(s < end and start < e for s, e in taken):
            return
        if not any(c.isupper() for c in text[start:end]):
            return
        if gazetteer.country_for_word(text[start:end]) and not _is_country_name(text[start:end], gazetteer):
            return  # a demonym ("Ukrainian", "Azeri") names an actor, not a place
        tail = admin_tail.match(text, end)
        if tail:  # "Donetsk region", "Sagaing Region"
            longer, _ = _lookup(text[start : tail.end()], gazetteer)
            if any(c.precision in (PlacePrecision.ADMIN, PlacePrecision.AREA) for c in longer):
                end, hint = tail.end(), hint or PlacePrecision.ADMIN
        found, looked_hint = _lookup(text[start:end], gazetteer)
        if source == "mislabel-thing":  # a name spaCy took for a product or event
            source = "mislabel" if found else "fuzzy"  # unknown: kept only if a misspelling of a focus place
        if not found and source in ("mislabel", "run", "piece"):
            return
        taken.append((start, end))
        mentions.append(_Mention(start, end, source, hint or looked_hint, found))

    for start, end, hint in settlement_patterns(text):
        add(start, end, "pattern", hint)
    for start, end in datelines(text):
        if gazetteer.has(text[start:end]):
            add(start, end, "pattern")
    for e in analyzed.entities:
        if e.label in PLACE_LABELS:
            s, t = clean_span(text, e.start, e.end)
            pieces = [] if gazetteer.has(text[s:t]) else _segments(text, s, t, gazetteer)
            for piece_start, piece_end in pieces or [(e.start, e.end)]:
                add(piece_start, piece_end, _piece_source(text, s, t, pieces))
    for e in analyzed.entities:
        if e.label in MISLABELS:
            thing = e.label in THING_LABELS and len(e.text) >= 6 and " " not in e.text.strip()
            add(e.start, e.end, "mislabel-thing" if thing else "mislabel")
    for start, end in capitalised_runs(text):
        for seg_start, seg_end in _segments(text, start, end, gazetteer):
            add(seg_start, seg_end, "run")
    for start, end, country in _territorial_demonyms(text, gazetteer):
        if not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            mentions.append(_Mention(start, end, "pattern", PlacePrecision.COUNTRY, [country]))
    return sorted(mentions, key=lambda m: m.start)


# after a headline or at a paragraph's start the name must be in capitals: 'Title. BANTAM — A ...'


def _piece_source(text: str, start: int, end: int, pieces: list[tuple[int, int]]) -> str:
    """'entity' for a place-labelled name or for pieces that make it up with place words ('Kanawha Valley',
    'Fargo-Moorhead', 'Historic Dublin'); 'piece' (kept only on evidence, like a run) for a word of a
    longer proper name the gazetteer lacks ('White' of 'the White Helmets', 'Red' of 'Red Crescent')."""
    tokens = list(TOKEN.finditer(text, start, end))
    if not pieces or not tokens:
        return "entity"
    words = place_words()
    plain = words.admin_words | words.settlement_words | words.generic_words | words.directions | words.connectors
    if any(s <= tokens[-1].start() < e for s, e in pieces):  # the piece heads the name
        plain = plain | words.name_modifiers
    rest = [
        t.group().lower().rstrip(".")
        for t in tokens
        if t.group()[:1].isupper() and not any(s <= t.start() < e for s, e in pieces)
    ]
    return "entity" if all(w in plain or w == "the" for w in rest) else "piece"


def _drop_outshone_aliases(found: list[Candidate], key: str, named: set[str]) -> list[Candidate]:
    """A town known by the name only as an alternate ('Jerusalem' of Funkstown, MD; 'Washington' of Piqua)
    yields to a capital, country or area bearing the name, to a far bigger town bearing it, or to one a few
    times bigger when the report names the alias town by its own name ('Youngstown' is no Mount Gilead
    in a report that writes 'Mount Gilead')."""
    own = [c for c in found if _own_name(c, key)]
    if not own:
        return found
    famous = any(c.feature == "PPLC" or c.precision in _FAMOUS for c in own)
    big = max((c.population for c in own if c.precision == PlacePrecision.TOWN), default=0)

    def outshone(c: Candidate) -> bool:
        if c in own or c.precision != PlacePrecision.TOWN:
            return False
        if famous or big >= max(_OUTSHINE_BIG, _OUTSHINE * c.population):
            return True
        full = normalize(c.name)  # 'Avondale' short for the 'Avondale Estates' the report names is the same
        return big >= _OUTSHINE * c.population and full in named and key not in full.split(" ")

    return [c for c in found if not outshone(c)]


def _own_name(c: Candidate, key: str) -> bool:
    """The place's own name ('St. Albans' is Saint Albans; 'San Fernando City' is San Fernando)."""
    own = _SAINT.sub("st ", normalize(c.name))
    return own in (_SAINT.sub("st ", key), _SAINT.sub("st ", key.removesuffix(" city")))


def _territorial_demonyms(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, Candidate]]:
    """'the Turkish border', 'a Syrian city': a demonym before a territorial noun names the country's land
    (before an actor noun, 'Azeri forces', it names an actor and stays out)."""
    nouns = "|".join(sorted(place_words().territorial_nouns))
    found: list[tuple[int, int, Candidate]] = []
    for m in re.finditer(rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:{nouns})\b", text):
        iso3 = gazetteer.country_for_word(m.group(1))
        if iso3 and not _is_country_name(m.group(1), gazetteer):
            country = gazetteer.country(iso3)
            if country is not None:
                found.append((m.start(1), m.end(1), country))
    return found


def _segments(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Splits a capitalised run into the longest pieces the gazetteer knows ('DETROIT The U.S. Transportation'
    -> 'DETROIT', 'U.S.'); the whole run when it is known."""
    tokens: list[tuple[int, int]] = []
    matches = list(TOKEN.finditer(text[start:end]))
    lone = sum(m.group().lower() != "the" for m in matches) == 1
    for m in matches:
        s, e = m.start() + start, m.end() + start
        parts = text[s:e].split("-")
        if len(parts) > 1 and all(p[:1].isupper() for p in parts) and not gazetteer.has(text[s:e]):
            for part in parts:  # 'Fargo-Moorhead', 'Armenia-Italy': each part, unless known whole
                tokens.append((s, s + len(part)))
                s += len(part) + 1
        elif lone and len(parts) > 1 and all(p[:1].islower() for p in parts[1:]):
            tokens.append((s, s + len(parts[0])))  # 'US-based', 'Syria-backed' alone: the name before the suffix
        else:
            tokens.append((s, e))
    pieces: list[tuple[int, int]] = []
    if len(tokens) > 1 and gazetteer.country_for_word(text[start:end]):
        return []  # a demonym of several words ('Sri Lankan') holds no place ('Sri')
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + 5) - 1, i - 1, -1):
            s, e = clean_span(text, tokens[i][0], tokens[j][1])
            if e > s and gazetteer.has(text[s:e]):
                pieces.append((s, e))
                i = j + 1
                break
        else:
            i += 1
    return pieces


def _is_country_name(name: str, gazetteer: Gazetteer) -> bool:
    key = normalize(name)
    return any(c.precision == PlacePrecision.COUNTRY for c in gazetteer.candidates(name)) or key in ("us",)


# --- focus, acceptance, resolution -------------------------------------------------------------


def _focus(analyzed: AnalyzedDocument, mentions: list[_Mention], gazetteer: Gazetteer) -> _Focus:
    """Votes for the report's country: dateline, country and area names, demonyms, unambiguous towns."""
    text = analyzed.text
    votes: defaultdict[str, float] = defaultdict(float)
    for start, end in datelines(text):  # the first the gazetteer knows
        found = gazetteer.candidates(text[start:end])
        dateline = _dateline_country(found, normalize(text[start:end]))
        if dateline:
            votes[dateline] += 3
        if found:
            break
    for m in mentions:
        key = normalize(text[m.start : m.end])
        strong = [
            c
            for c in m.candidates
            if (c.precision in (PlacePrecision.COUNTRY, PlacePrecision.AREA) and c.country and m.source != "run")
            or (c.feature == "PCLI" and normalize(c.name) == key)
        ]
        countries = {c.country for c in m.candidates if c.country}
        if strong and strong[0].country:
            votes[strong[0].country] += 1
        elif len(countries) == 1 and m.source != "run":
            votes[next(iter(countries))] += 0.5
    for e in analyzed.entities:
        if e.label == "NORP":
            iso3 = gazetteer.country_for_word(e.text)
            if iso3:
                votes[iso3] += 0.5
    for cue in locale_cues():
        if cue.pattern.search(text):
            for iso3 in cue.countries:
                votes[iso3] += cue.weight
    focus = _Focus(dict(votes), set(), person_words=person_words(analyzed), speakers=speaker_words(text))
    if votes:
        focus.country = max(votes, key=lambda k: votes[k])
    return focus


def _dateline_country(found: list[Candidate], key: str) -> str | None:
    """The dateline's country: its biggest place under that very name, unless a same-name town abroad is
    nearly as big ('MANSFIELD' England or Texas says nothing; 'GORIS' is not Gori)."""
    exact = [c for c in found if normalize(c.name) == key] or found
    if not exact or not exact[0].country:
        return None
    top = exact[0]
    rival = max((c.population for c in exact if c.country != top.country), default=0)
    return top.country if top.precision != PlacePrecision.TOWN or rival * 10 <= top.population else None


def _accept(m: _Mention, text: str, focus: _Focus) -> bool:
    """Place-labelled entities and patterns always; other spans only on evidence of a place."""
    words = place_words()
    span = text[m.start : m.end]
    if span.lower() in words.not_places or normalize(span) in words.not_places:
        return False
    if normalize(span) in words.generic_words:  # 'Way' of 'United Way', 'Valley' of 'Kanawha Valley'
        return False
    if re.search(r"\b(?:St|Ste|Saint)\.?\s+$", text[max(0, m.start - 8) : m.start]):
        return False  # 'St. Patrick's Day': a saint ('St. Louis' is found whole)
    short = normalize(span)
    if (
        len(short) <= 3
        and "." not in span
        and m.candidates
        and not _known_widely(m, short)
        and all(normalize(c.name) != short for c in m.candidates)
    ):
        return False  # 'AI', 'SOL', 'MoD': an acronym that is some town's code or alias ('D.C.' is kept)

    key = normalize(span)
    if (key in focus.speakers or key in focus.person_words) and not _known_widely(m, key, speaking=True):
        # a person, unless 'in Nelson' or 'the town of Karak'
        return previous_word(text, m.start) in words.locative_prepositions or _after_place_noun(text, m.start)

    if m.source in ("entity", "pattern", "fuzzy"):
        return True
    exact_big = [
        c
        for c in m.candidates
        if c.precision in (PlacePrecision.COUNTRY, PlacePrecision.AREA, PlacePrecision.REGION, PlacePrecision.ADMIN)
    ]
    if exact_big and (m.source == "mislabel" or exact_big[0].precision != PlacePrecision.ADMIN):
        return True
    if m.hint is not None and any(c.precision == m.hint for c in m.candidates):
        return True
    if span.split()[-1].lower() in words.admin_words and any(c.precision == PlacePrecision.ADMIN for c in m.candidates):
        return True  # 'DeSoto Parish Police Jury', 'Walker County Sheriff': the unit, written as one
    if key in focus.person_words:  # a person's name: a place only right after 'in', 'near', 'from' ...
        return previous_word(text, m.start) in words.locative_prepositions and any(
            c.population >= 1000 for c in m.candidates
        )
    if m.source == "mislabel" and any(  # under its own name: 'Gore' is no alias of Cumberland, RI
        focus.share(c.country) >= 0.5 and c.population >= 5000 and _spelt_alike(c.name, key) for c in m.candidates
    ):
        return True
    if any(c.population >= 200_000 and normalize(c.name) == key for c in m.candidates):
        return True
    if re.search(rf"(?<![A-Za-z]){re.escape(span.lower())}(?![A-Za-z])", text):
        return False  # also written in lower case: a common word ("Police", "Bath")
    if previous_word(text, m.start) in words.locative_prepositions:
        return max(c.population for c in m.candidates) >= 1000 or any(c.country == focus.country for c in m.candidates)
    if text[m.end : m.end + 2] in ("'s", "’s"):
        return max(c.population for c in m.candidates) >= 100_000
    return bool(focus.country) and any(
        c.country == focus.country and c.population >= 5000 and normalize(c.name) == key for c in m.candidates
    )


def _after_place_noun(text: str, start: int) -> bool:
    """'the central town of Karak', 'the region of Kef': the name follows a settlement or admin noun."""
    words = place_words()
    before = re.search(r"\b([a-z]+)\s+of\s+(?:the\s+)?$", text[max(0, start - 40) : start])
    return bool(before and (before.group(1) in words.settlement_words or before.group(1) in words.admin_words))


def _names_a_street(m: _Mention, text: str) -> bool:
    """'Darby Street', 'Cooper St.': the street, not the town of that name (still context for the others)."""
    street = re.match(r"\s+([A-Z][a-z]*)\b", text[m.end : m.end + 20])
    return bool(street and street.group(1).lower() in place_words().street_words) and not _known_widely(
        m, normalize(text[m.start : m.end])
    )


def _known_widely(m: _Mention, key: str, speaking: bool = False) -> bool:
    """A country, region, area, admin unit or big city ('Moscow said' is its government); as a speaker,
    only a populous admin unit ('Texas said'; a 'Nelson said' is no New Zealand region)."""
    return any(
        c.precision in (PlacePrecision.COUNTRY, PlacePrecision.REGION, PlacePrecision.AREA)
        or (c.precision == PlacePrecision.ADMIN and (not speaking or c.population >= _KNOWN_UNIT))
        or (c.population >= 200_000 and normalize(c.name) == key)
        for c in m.candidates
    )


def _spelt_alike(name: str, key: str) -> bool:
    """The place's own name or a spelling of it ('Zaporizhzhia'), not an unrelated alias ('Gore')."""
    own = normalize(name)
    return own == key or SequenceMatcher(None, own, key).ratio() >= 0.8


def _gather_context(mentions: list[_Mention], text: str, focus: _Focus) -> None:
    """The admin-1 units the report names or its towns lie in (weighted by mentions), and the resolved
    towns and units that anchor the others ('Sarnia' pulls 'London' to Ontario)."""
    weight: defaultdict[tuple[str, str], defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    focus.anchors, focus.counties, focus.towns, focus.named_units = [], [], [], {}
    for m in mentions:
        key = normalize(text[m.start : m.end])
        for option in m.candidates:  # whichever sense is chosen: 'Georgia' names the state too
            if option.feature == "ADM1" and option.country and option.admin1:
                focus.named_units.setdefault((option.country, option.admin1), set()).add(key)
        counties = [c for c in m.candidates if c.feature == "ADM2"]
        towns = [c for c in m.candidates if c.precision == PlacePrecision.TOWN and c.admin1]
        if counties:
            focus.counties.append((key, counties))
        elif towns and m.source != "run":
            focus.towns.append((key, towns))
    for m in mentions:
        c = m.chosen
        if c is None or not c.country or not c.admin1:
            continue
        key = normalize(text[m.start : m.end])
        if c.precision in (PlacePrecision.ADMIN, PlacePrecision.AREA):
            focus.admin_units.add((c.country, c.admin1))
            weight[(c.country, c.admin1)][key] += 1.0
        elif c.precision == PlacePrecision.TOWN:
            weight[(c.country, c.admin1)][key] += 0.5
        if c.precision == PlacePrecision.ADMIN or (c.precision == PlacePrecision.TOWN and c.population < _BIG_CITY):
            focus.anchors.append((key, c))  # a metropolis says little about the towns around it
    focus.admin_weight = {k: dict(v) for k, v in weight.items()}
    focus.named_countries = {
        m.chosen.country
        for m in mentions
        if m.chosen and m.chosen.country and m.chosen.precision == PlacePrecision.COUNTRY
    }


def _nearby(c: Candidate, key: str, focus: _Focus) -> int:
    """How many other names' resolved places lie within 161 km of the candidate (or contain it)."""
    names: set[str] = set()
    for other_key, a in focus.anchors:
        if other_key == key or other_key in names:
            continue
        if a.feature == "ADM2":  # a county: the towns in it, the counties and units around it
            if _km(a.lat, a.lon, c.lat, c.lon) <= (_COUNTY_KM if c.precision == PlacePrecision.TOWN else _NEAR_KM):
                names.add(other_key)
        elif a.precision == PlacePrecision.ADMIN:
            if a.country == c.country and a.admin1 == c.admin1 and c.precision != PlacePrecision.ADMIN:
                names.add(other_key)
        elif _km(a.lat, a.lon, c.lat, c.lon) <= _NEAR_KM:
            names.add(other_key)
    return len(names)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _constrain_by_admin_suffix(mentions: list[_Mention], text: str, gazetteer: Gazetteer) -> None:
    """'Springfield, Illinois', 'PARIS, Texas (AP)', 'Athens, Ga.', 'London, Canada': keep the town's
    candidates in that unit or country."""
    abbreviations = admin_abbreviations()
    narrowed: dict[str, list[Candidate]] = {}
    for m in mentions:
        tail = _ADMIN_SUFFIX.match(text, m.end)
        if not tail or len(m.candidates) < 2:
            continue
        name = tail.group(1)
        units = {(u.country, u.admin1) for u in gazetteer.candidates(name) if u.precision == PlacePrecision.ADMIN}
        units |= set(abbreviations.get(normalize(name), ()))
        countries = {u.country for u in gazetteer.candidates(name) if u.precision == PlacePrecision.COUNTRY}
        if any(c.precision != PlacePrecision.TOWN for c in m.candidates):
            countries = set()  # a list of countries or units ('Mexico, China, Japan'; 'California, United States')
        inside = [
            c
            for c in m.candidates
            if c.precision == PlacePrecision.TOWN and ((c.country, c.admin1) in units or c.country in countries)
        ]
        if inside:
            narrowed.setdefault(normalize(text[m.start : m.end]), inside)
    for m in mentions:  # the report's other mentions of the name mean the same town
        inside = narrowed.get(normalize(text[m.start : m.end]), [])
        if inside:
            m.candidates, m.hint = inside, PlacePrecision.TOWN


def _score(c: Candidate, key: str, hint: PlacePrecision | None, focus: _Focus) -> float:
    population = c.population or _AREA_POPULATION.get(c.precision, 0)
    score = math.log10(population + 1) + _PRIOR[c.precision]
    if hint is not None and c.precision == hint:
        score += 6.0 if hint == PlacePrecision.ADMIN else 2.0
    if normalize(c.name) in (key, key.removesuffix(" city")):  # 'San Fernando City' is San Fernando too
        score += _EXACT_NAME
    if c.feature == "PPLC":
        score += 1.0
    share = focus.share(c.country)
    if c.precision in (PlacePrecision.TOWN, PlacePrecision.ADMIN) and c.country in focus.named_countries:
        share = max(share, _NAMED_COUNTRY)  # 'London' in a report that names Canada (and the U.S. more often)
    score += 2.5 * share
    if c.country and c.admin1 and c.precision != PlacePrecision.ADMIN:
        unit = (c.country, c.admin1)
        if unit in focus.admin_units or focus.named_units.get(unit, set()) - {key}:
            score += 1.0
        others = focus.admin_weight.get(unit, {})  # the report's dominant admin-1 unit, by the other names
        weight = sum(w for n, w in others.items() if n != key)
        if focus.named_units.get(unit, set()) - {key}:  # its name written, whatever sense won ('In Georgia')
            weight = max(weight, 1.0)
        score += _ADMIN_WEIGHT * min(1.0, weight)
    if c.precision in (PlacePrecision.TOWN, PlacePrecision.ADMIN):
        score += _NEAR_WEIGHT * min(_nearby(c, key, focus), 3)
    if _fits_county(c, key, focus):
        score += _COUNTY_WEIGHT
    return score


def _fits_county(c: Candidate, key: str, focus: _Focus) -> bool:
    """A town in a county the report names, or a county holding a town it names, whichever of their
    same-name candidates is chosen ('Huntsville' and 'Walker County' settle each other in Texas)."""
    if c.precision == PlacePrecision.TOWN:
        others = focus.counties
    elif c.feature == "ADM2":
        others = focus.towns
    else:
        return False
    return any(
        o.admin1 == c.admin1 and o.country == c.country and _km(o.lat, o.lon, c.lat, c.lon) <= _COUNTY_KM
        for other_key, options in others
        if other_key != key
        for o in options
    )


def _yield_countries(
    mentions: list[_Mention], text: str, focus: _Focus, analyzed: AnalyzedDocument, gazetteer: Gazetteer
) -> bool:
    """A country name that is also a town or admin unit ('Lebanon', Ohio; 'Georgia', the state) yields to it
    when local evidence points there (its admin-1 unit or county named, a named town near it) and nothing
    else in the report is in or near the country (no other place, no demonym of it). True when any did."""
    demonyms = {gazetteer.country_for_word(e.text) for e in analyzed.entities if e.label == "NORP"}
    changed: dict[str, list[Candidate]] = {}
    for m in mentions:
        country, key = m.chosen, normalize(text[m.start : m.end])
        if country is None or country.precision != PlacePrecision.COUNTRY or key in changed:
            continue
        town_usage = written_as_town(text[m.start : m.end], text)
        local = [
            c
            for c in m.candidates
            if c.precision in (PlacePrecision.TOWN, PlacePrecision.ADMIN)
            and c.country != country.country
            and normalize(c.name) == key
            and (_local_evidence(c, key, focus) or (c.precision == PlacePrecision.TOWN and town_usage))
        ]
        home = {c.country for c in local}
        if not local or country.country in demonyms or _context_abroad(country, home, key, mentions, text):
            continue
        changed[key] = [max(local, key=lambda c: _score(c, key, None, focus))]
    for m in mentions:
        yielded = changed.get(normalize(text[m.start : m.end]))
        if yielded:
            m.candidates, m.chosen = yielded, yielded[0]
    return bool(changed)


def _local_evidence(c: Candidate, key: str, focus: _Focus) -> bool:
    """Town-level evidence: a state holding two of the report's towns or a county of it; a town with a
    county around it or another named town near it (a named state alone is not enough: 'an Ohio man was
    held in Lebanon')."""
    if c.precision == PlacePrecision.ADMIN:
        unit = (c.country or "", c.admin1 or "")
        named = {n for n, towns in focus.towns if n != key and any((t.country, t.admin1) == unit for t in towns)}
        return len(named) >= 2 or sum(w for n, w in focus.admin_weight.get(unit, {}).items() if n != key) >= 1
    near = any(
        other != key and a.precision == PlacePrecision.TOWN and _km(a.lat, a.lon, c.lat, c.lon) <= _NEAR_KM
        for other, a in focus.anchors
    )
    return near or _fits_county(c, key, focus)


def _context_abroad(country: Candidate, home: set[str | None], key: str, mentions: list[_Mention], text: str) -> bool:
    """Another name of the report resolved in or near the country, or another foreign country named."""
    for m in mentions:
        c = m.chosen
        if c is None or normalize(text[m.start : m.end]) == key:
            continue
        if c.country == country.country or _km(c.lat, c.lon, country.lat, country.lon) <= _ABROAD_KM:
            return True
        if c.precision in (PlacePrecision.COUNTRY, PlacePrecision.REGION) and c.country not in home:
            return True
    return False


def _resolve(m: _Mention, text: str, focus: _Focus) -> Candidate | None:
    if not m.candidates:
        return None
    key = normalize(text[m.start : m.end])
    capitals = {c.country for c in m.candidates if c.feature == "PPLC" and _own_name(c, key)}
    return max(
        m.candidates,
        key=lambda c: (
            _score(c, key, m.hint, focus) - (_NAMESAKE if c.country in capitals and c.feature != "PPLC" else 0)
        ),
    )


def _fuzzy(m: _Mention, text: str, focus: _Focus, gazetteer: Gazetteer) -> Candidate | None:
    """A misspelt name (edit distance 1-2 on long names) within the focus countries."""
    countries = frozenset(sorted(focus.votes, key=lambda k: -focus.votes[k])[:2])
    hits = gazetteer.fuzzy(text[m.start : m.end], countries)
    return hits[0] if hits else None


def _fallback(mentions: list[_Mention], focus: _Focus, gazetteer: Gazetteer) -> Candidate | None:
    """The report's focus: its most-mentioned area or admin-1 unit (the focus country's first on ties),
    else the focus country."""
    areas: dict[tuple[str, float, float], float] = {}
    by_key: dict[tuple[str, float, float], Candidate] = {}
    for m in mentions:
        c = m.chosen
        if c is not None and c.precision in (PlacePrecision.AREA, PlacePrecision.ADMIN):
            k = (c.name, c.lat, c.lon)
            areas[k] = areas.get(k, 0.0) + 1 + (0.5 if c.country == focus.country else 0)
            by_key.setdefault(k, c)
    if areas:
        return by_key[max(areas, key=lambda k: areas[k])]
    return gazetteer.country(focus.country) if focus.country else None


def _place(m: _Mention, text: str, fallback: Candidate | None) -> Place:
    span = text[m.start : m.end]
    c = m.chosen
    if c is not None:
        return Place(span, m.start, m.end, c.name, c.geonames_id, c.lat, c.lon, c.country, c.precision)
    if fallback is not None:
        return Place(span, m.start, m.end, None, None, fallback.lat, fallback.lon, fallback.country, fallback.precision)
    return Place(span, m.start, m.end, None, None, None, None, None, None)


def _sites(mentions: list[_Mention], text: str) -> list[Place]:
    """'the Aleppo airport', 'a hospital in Gaza City': a site placed at its town."""
    facilities = "|".join(re.escape(f) for f in place_words().facility_nouns)
    sites: list[Place] = []
    for m in mentions:
        c = m.chosen
        if c is None or c.precision != PlacePrecision.TOWN:
            continue
        after = re.match(rf"(?:\s+[a-z]+)?\s+({facilities})s?\b", text[m.end : m.end + 40])
        before = re.search(
            rf"\b({facilities})s?\s+(?:in|of|near|at|outside)\s+(?:the\s+)?$",
            text[max(0, m.start - 60) : m.start],
        )
        if after:
            start, end = m.start, m.end + after.end()
        elif before:
            start, end = m.start - (len(text[max(0, m.start - 60) : m.start]) - before.start()), m.end
        else:
            continue
        site = Place(text[start:end], start, end, None, None, c.lat, c.lon, c.country, PlacePrecision.SITE)
        sites.append(replace(site))
    return sites
