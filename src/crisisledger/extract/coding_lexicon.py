"""The coding lexicons (actors, triggers, modes, speech) compiled once per process into typed tables."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from crisisledger.lexicon.loader import load_lexicon
from crisisledger.model import ActorKind, EventType, Stance

if TYPE_CHECKING:
    from crisisledger.extract.coding_dictionary import Discards, VerbDictionary


def slug(text: str) -> str:
    """`Nikol Pashinyan` -> `nikol-pashinyan` (accents folded, anything else a hyphen)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "unknown"


@dataclass(frozen=True, slots=True)
class NamedActor:
    """A lexicon actor with a fixed identity: an organisation, armed group, agency, outlet."""

    id: str
    name: str
    kind: ActorKind
    country: str | None
    ngo: bool = False  # a non-governmental organisation (event data: NGO; other stateless ones IGO)


@dataclass(frozen=True, slots=True)
class State:
    iso3: str
    name: str


@dataclass(frozen=True, slots=True)
class Institution:
    facet: str
    kind: ActorKind
    name: str  # "{state} armed forces"
    role: str | None
    generic_id: str
    generic_name: str


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    named: dict[str, NamedActor]  # surface (case-sensitive) -> actor
    state_names: dict[str, State]  # name or alias -> state
    demonyms: dict[str, State]  # demonym -> state
    plural_demonyms: frozenset[str]
    institution_nouns: dict[str, Institution]  # lower-cased noun phrase -> institution
    generic_words: dict[str, Institution]  # lower-cased word -> institution of its facet
    offices: dict[str, ActorKind]  # title as written -> kind of the institution
    private_roles: frozenset[str]
    pronouns: dict[str, str]  # lower-cased pronoun -> female | male | plural
    female_names: frozenset[str]
    weapon_nouns: frozenset[str] = frozenset()  # "Russian strike": the demonym names who struck
    title_modifiers: tuple[str, ...] = ()  # "junior", "deputy": may stand between a state and a title
    home_titles: frozenset[str] = frozenset()  # offices held at home: a stateless holder takes the sentence's state
    locative_preps: frozenset[str] = frozenset()  # "throughout Indonesia": a state named as a place
    domestic_bodies: frozenset[str] = frozenset()  # "Party", "Union", "Court": a stateless organisation's home body


@lru_cache(maxsize=1)
def actor_lexicon() -> ActorLexicon:
    main = load_lexicon("actors")
    states_data = load_lexicon("actors_states")["states"]
    groups = load_lexicon("actors_groups")["actors"]
    named: dict[str, NamedActor] = {}
    for entry in groups:
        actor = NamedActor(
            entry["id"], entry["name"], ActorKind(entry["kind"]), entry.get("country"), bool(entry.get("ngo"))
        )
        for surface in entry["surfaces"]:
            named.setdefault(str(surface), actor)
    state_names: dict[str, State] = {}
    demonyms: dict[str, State] = {}
    plurals: set[str] = set()
    for entry in states_data:
        state = State(entry["iso3"], entry["name"])
        for name in [entry["name"], *entry.get("aliases", [])]:
            state_names.setdefault(str(name), state)
        for dem in entry.get("demonyms", []):
            demonyms.setdefault(str(dem), state)
            if str(dem).endswith("s") and not str(dem).endswith(("ss", "ese")):
                plurals.add(str(dem))
    institutions: dict[str, Institution] = {}
    by_facet: dict[str, Institution] = {}
    for entry in main["institutions"]:
        inst = Institution(
            entry["facet"],
            ActorKind(entry["kind"]),
            entry["name"],
            entry.get("role"),
            entry["generic"]["id"],
            entry["generic"]["name"],
        )
        by_facet.setdefault(entry.get("role") or entry["facet"], inst)
        for noun in entry["nouns"]:
            institutions.setdefault(str(noun).lower(), inst)
    generic: dict[str, Institution] = {}
    for facet, words in main["generic_words"].items():
        for word in words:
            generic.setdefault(str(word).lower(), by_facet[facet])
    offices: dict[str, ActorKind] = {}
    for kind, titles in main["offices"].items():
        for title in titles:
            offices.setdefault(str(title), ActorKind(kind))
    pronouns = {str(p).lower(): gender for gender, words in main["pronouns"].items() for p in words}
    return ActorLexicon(
        named=named,
        state_names=state_names,
        demonyms=demonyms,
        plural_demonyms=frozenset(plurals),
        institution_nouns=institutions,
        generic_words=generic,
        offices=offices,
        private_roles=frozenset(str(r).lower() for r in main["private_roles"]),
        pronouns=pronouns,
        female_names=frozenset(str(n) for n in main["female_first_names"]),
        weapon_nouns=frozenset(str(n).lower() for n in main.get("weapon_nouns", [])),
        title_modifiers=tuple(str(w) for w in main.get("title_modifiers", [])),
        home_titles=frozenset(str(t).lower() for t in main.get("home_titles", [])),
        locative_preps=frozenset(str(t).lower() for t in main.get("locative_preps", [])),
        domestic_bodies=frozenset(str(t) for t in main.get("domestic_bodies", [])),
    )


@dataclass(frozen=True, slots=True)
class Trigger:
    type: EventType
    mode: str
    requires: frozenset[str] = frozenset()  # particles or object lemmas that must be present
    requires_object: bool = False
    needs_actor: bool = False
    verbatim: bool = False  # a user dictionary's code: taken as written, never turned by modality
    reverse: EventType | None = None  # a paired code (`[032:033]`): the target's act back to the doer
    # a user pattern's actor slots: (source | target, after the verb?, word index in the sentence)
    slots: tuple[tuple[str, bool, int], ...] = ()


@dataclass(frozen=True, slots=True)
class TriggerTable:
    verbs: dict[str, list[Trigger]]  # lemma -> candidates, most specific first
    nouns: dict[str, Trigger]  # lemma or lower-cased phrase -> trigger
    passive: dict[str, Trigger]  # verbs whose agentless passive is another type
    light_verbs: frozenset[str]
    target_preps: frozenset[str]
    civilian_targets: frozenset[str]
    coded: VerbDictionary | None = None  # a user's verb dictionary with patterns (`coding_dictionary`)
    discards: Discards | None = None  # a user's out-of-scope phrases (story and sentence level)


@lru_cache(maxsize=1)
def trigger_table() -> TriggerTable:
    data = load_lexicon("triggers")
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, Trigger] = {}
    passive: dict[str, Trigger] = {}
    for type_name, entry in data["types"].items():
        etype = EventType(type_name)
        mode = str(entry["mode"])
        needs = frozenset(entry.get("needs_actor", []))
        for lemma, objects in (entry.get("verbs_with_object") or {}).items():
            verbs.setdefault(lemma, []).insert(0, Trigger(etype, mode, frozenset(objects), requires_object=True))
        for lemma, particles in (entry.get("verbs_with") or {}).items():
            verbs.setdefault(lemma, []).insert(0, Trigger(etype, mode, frozenset(particles)))
        for lemma in entry.get("verbs", []):
            verbs.setdefault(lemma, []).append(Trigger(etype, mode, needs_actor=lemma in needs))
        for noun in entry.get("nouns", []):
            nouns.setdefault(str(noun).lower(), Trigger(etype, mode))
        for lemma in entry.get("passive_of", []):
            passive.setdefault(lemma, Trigger(etype, mode))
    for cands in verbs.values():  # object conditions, then particle conditions, then plain readings
        cands.sort(key=lambda t: 0 if t.requires_object else 1 if t.requires else 2)
    return TriggerTable(
        verbs,
        nouns,
        passive,
        frozenset(data["light_verbs"]),
        frozenset(data["target_preps"]),
        frozenset(data["civilian_targets"]),
    )


def with_user_verbs(table: TriggerTable, verbs: dict[str, EventType]) -> TriggerTable:
    """The table with an analyst's own verb lemmas put first (a user lexicon: their reading wins)."""
    merged = {lemma: list(cands) for lemma, cands in table.verbs.items()}
    for lemma, etype in verbs.items():
        merged[lemma.lower()] = [Trigger(etype, etype.value.lower())]
    return TriggerTable(
        merged,
        table.nouns,
        table.passive,
        table.light_verbs,
        table.target_preps,
        table.civilian_targets,
        table.coded,
        table.discards,
    )


@dataclass(frozen=True, slots=True)
class ModeRule:
    mode: str
    cues: frozenset[str]


@lru_cache(maxsize=1)
def mode_rules() -> dict[EventType, list[ModeRule]]:
    data = load_lexicon("modes")["modes"]
    return {
        EventType(t): [ModeRule(r["mode"], frozenset(str(c).lower() for c in r["cues"])) for r in rules]
        for t, rules in data.items()
    }


@dataclass(frozen=True, slots=True)
class SpeechTable:
    verbs: dict[str, Stance]
    particle_verbs: dict[str, tuple[frozenset[str], Stance]]
    object_verbs: dict[str, tuple[frozenset[str], Stance]]
    stance_cues: dict[Stance, tuple[str, ...]]
    channel_verbs: frozenset[str]
    channel_preps: frozenset[str]
    according_to: tuple[str, ...]
    unconfirmed_cues: tuple[str, ...]
    alleged_cues: tuple[str, ...]
    denial_verbs: frozenset[str]
    source_nouns: frozenset[str]
    irrealis: frozenset[str]
    negations: frozenset[str]


@lru_cache(maxsize=1)
def speech_table() -> SpeechTable:
    data = load_lexicon("speech")
    particle_verbs: dict[str, tuple[frozenset[str], Stance]] = {}
    object_verbs: dict[str, tuple[frozenset[str], Stance]] = {}
    for lemma, spec in data["verbs_with"].items():
        if "particles" in spec:
            particle_verbs[lemma] = (frozenset(spec["particles"]), Stance(spec["stance"]))
        else:
            object_verbs[lemma] = (frozenset(spec["objects"]), Stance(spec["stance"]))
    return SpeechTable(
        verbs={k: Stance(v) for k, v in data["verbs"].items()},
        particle_verbs=particle_verbs,
        object_verbs=object_verbs,
        stance_cues={Stance(k): tuple(str(c).lower() for c in v) for k, v in data["stance_cues"].items()},
        channel_verbs=frozenset(data["channel_verbs"]),
        channel_preps=frozenset(data["channel_preps"]),
        according_to=tuple(data["according_to"]),
        unconfirmed_cues=tuple(data["unconfirmed_cues"]),
        alleged_cues=tuple(data["alleged_cues"]),
        denial_verbs=frozenset(data["denial_verbs"]),
        source_nouns=frozenset(data["source_nouns"]),
        irrealis=frozenset(data["irrealis_verbs"]),
        negations=frozenset(data["negations"]),
    )


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
    situation_nouns: frozenset[str]  # "the war": a standing state, not one event
    occurrence_verbs: frozenset[str]  # "clashes erupted": the noun subject is the event
    hostile_intent: EventType
    cooperative_intent: EventType
    purpose_preps: frozenset[str] = frozenset()  # "arrived on a visit", "put under investigation"
    purpose_verbs: frozenset[str] = frozenset()  # verbs of going, staying, putting that take them
    suppression_verbs: frozenset[str] = frozenset()  # "police prevented the demonstration": COERCE
    ultimatum_marks: frozenset[str] = frozenset()  # "will withdraw unless ...", however deep the clause
    deescalated: frozenset[EventType] = frozenset()  # lifting one of these is a RETREAT, others a CONCEDE
    crowd_words: frozenset[str] = frozenset()  # "protesters demanded": the demand is a protest
    official_protest: frozenset[str] = frozenset()  # "the ministry protested": a complaint (ACCUSE)
    crowd_acts: frozenset[str] = frozenset()  # "gathered to demand": a protest
    nominal_events: frozenset[str] = frozenset()  # "the talks ended": a noun naming one event
    measure_nouns: frozenset[str] = frozenset()  # "a wave of arrests": the noun stands where the measure does
    any_nominal: bool = False  # every noun trigger but a standing situation counts as a nominal event
    arrival_verbs: frozenset[str] = frozenset()  # "aid has not reached": negated, the event did not happen
    failure_words: frozenset[str] = frozenset()  # "failed to capture": no event, and no refusal either
    participation_verbs: frozenset[str] = frozenset()  # "took part in a rally": the noun under "in" is the event
    manner_nouns: frozenset[str] = frozenset()  # "stayed home in protest": the noun under "in" is the event
    casualty_verbs: frozenset[str] = frozenset()  # "died as a result of torture": the noun is the attack


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
        situation_nouns=words("situation_nouns"),
        occurrence_verbs=words("occurrence_verbs"),
        hostile_intent=EventType(data["hostile_intent"]),
        cooperative_intent=EventType(data["cooperative_intent"]),
        purpose_preps=words("purpose_preps"),
        purpose_verbs=words("purpose_verbs"),
        participation_verbs=frozenset(str(w).lower() for w in data.get("participation_verbs", [])),
        manner_nouns=frozenset(str(w).lower() for w in data.get("manner_nouns", [])),
        casualty_verbs=frozenset(str(w).lower() for w in data.get("casualty_verbs", [])),
        suppression_verbs=words("suppression"),
        ultimatum_marks=words("ultimatum_marks"),
        deescalated=frozenset(EventType(t) for t in data["deescalated"]),
        crowd_words=words("crowds"),
        official_protest=words("official_protest"),
        crowd_acts=words("crowd_acts"),
        nominal_events=words("nominal_events"),
        measure_nouns=words("measure_nouns"),
        any_nominal=bool(data.get("any_nominal", False)),
        arrival_verbs=words("arrival_verbs"),
        failure_words=words("failure"),
    )


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case words the coder knows as common nouns, verbs or adjectives (trigger verbs and nouns,
    incident subjects, mode cues): capitalised at a sentence's start they are not a name ("Flash floods")."""
    table = trigger_table()
    words = set(table.verbs) | {w for n in table.nouns for w in n.split()}
    words |= {w for s in load_lexicon("triggers").get("incident_subjects", []) for w in str(s).lower().split()}
    words |= {w for rules in mode_rules().values() for r in rules for c in r.cues for w in c.split()}
    return frozenset(words)
