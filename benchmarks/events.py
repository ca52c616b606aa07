"""Event coding on public sets: PLOVER GSR, CASE 2021 task 2 (ACLED types), PETRARCH2 unit tests.

    .venv/bin/python benchmarks/events.py [--shared ../shared] [--sets plover,case,petrarch] [--limit N]

Each set reports its tuning half and its held-out half (splits as `design/clarifications.md` says).
PLOVER GSR: type accuracy, macro-F1, source/target actor-code F1 (ISO3 of our actors), exact dyads.
CASE 2021: accuracy at ACLED event_type level on rows of seen sub-types (unseen ones apart).
PETRARCH2: actors and agents from the set's own dictionaries (`extract.coding_dictionary`), with
(`petrarch_user_verbs`) or without (`petrarch`) its verb dictionary and patterns. Each record is coded
the way the ledger codes a report: the real stages (`analyze` -> `extract_actors` -> `extract_events`)
on the record's date, then the main event of its first sentence that has one
(`crisisledger.extract.main_event.main_of`: the trigger highest in the parse) gives the type; PLOVER
dyads (first three letters of the actor codes) come from every event the ledger records for that
sentence (PETRARCH codes them all).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from crisisledger.export.acled import acled_type as package_acled_type
from crisisledger.export.acled import table as package_table
from crisisledger.extract.actors import extract_actors
from crisisledger.extract.coding_dictionary import dictionary_actors, load_dictionary, plover_type
from crisisledger.extract.coding_lexicon import TriggerTable, actor_lexicon, mode_rules, trigger_table
from crisisledger.extract.events import EVENT_ROLES, extract_events, trigger_of
from crisisledger.extract.grammar import turned_type
from crisisledger.extract.main_event import clear_trigger, main_of
from crisisledger.language.analyze import analyze
from crisisledger.model import Actor, ActorKind, Document, Event, EventType, Span

ROOT = Path(__file__).resolve().parents[1]
PLOVER_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
ACLED_TYPES = {
    "Battles": {"ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"},
    "Explosions/Remote violence": {"AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE", "SUIC_BOMB", "CHEM_WEAP"},
    "Violence against civilians": {"ATTACK", "ABDUCT_DISSAP", "SEX_VIOL"},
    "Protests": {"PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST"},
    "Riots": {"VIOL_DEMONSTR", "MOB_VIOL"},
}
UNSEEN = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
REMOTE_MODES = {"air strike", "drone strike", "missile strike", "rocket fire", "shelling", "bombing"}
NOT_CAMEO = {"212", "222", "223", "224", "345", "802"} | {str(c) for c in range(901, 916)}


def code(
    text: str, actors: Callable[[Any], Sequence[Actor]] | None = None, table: TriggerTable | None = None
) -> tuple[Event | None, Sequence[Actor]]:
    """The main event of one record (its first sentence that has one) and the actors it was coded with."""
    an, found, events = run_stages(text, actors, table)
    for sentence in an.sentences:
        event = main_of(an, sentence, events)
        if event is not None:
            return event, found
    return None, found


def run_stages(
    text: str,
    actors: Callable[[Any], Sequence[Actor]] | None = None,
    table: TriggerTable | None = None,
    published: date = date(2000, 1, 1),
) -> tuple[Any, Sequence[Actor], Sequence[Event]]:
    """The ledger's own stages over one record (published on `published`): analysed text, its actors,
    its events."""
    an = analyze(Document(id="b", text=" ".join(text.split()), published=published))
    found = actors(an) if actors is not None else extract_actors(an, (), None)
    events, _ = extract_events(an, found, (), (), (), table=table)
    return an, found, events


# Why a record got no event, from the furthest a trigger word of it got (best first).
WHY_ORDER = (
    "clear trigger, event dropped later",
    "doer required (verb with no named doer)",
    "noun-trigger rule (noun not in a clear position)",
    "modality (negated, too ... to)",
    "trigger lemma, reading not met (object/cue missing, under a trigger verb, modifier)",
    "no trigger lemma",
    "role filter (commentary or boilerplate)",
)


def why_none(
    text: str, actors: Callable[[Any], Sequence[Actor]] | None = None, table: TriggerTable | None = None
) -> str:
    """The class of guard that left a record without an event (see `WHY_ORDER`)."""
    an, found, _ = run_stages(text, actors, table)
    table = table or trigger_table()
    best, detail = len(WHY_ORDER) - 1, ""
    for sentence in an.sentences:
        tokens = an.tokens_of(sentence)
        if sentence.role not in EVENT_ROLES or tokens is None:
            continue
        best = min(best, WHY_ORDER.index("no trigger lemma"))
        for tok in tokens:
            reading = trigger_of(tok, table)
            trigger = reading[0] if reading is not None else None
            if reading is None or trigger is None:
                if (tok.lemma_.lower() in table.verbs or tok.lemma_.lower() in table.nouns) and best > 4:
                    best = 4
                    detail = f": {tok.pos_} {tok.dep_}" + (" needing object/cue" if tok.pos_ == "VERB" else "")
                continue
            verb = reading[1]
            if turned_type(tok, trigger.type) is None:
                best = min(best, 3)
            elif clear_trigger(tok, trigger, verb, found, table):
                best = 0
            elif best > (1 if verb else 2):
                best = 1 if verb else 2
                detail = "" if verb else f": {tok.dep_} of {tok.head.pos_} {tok.head.dep_}"
    return WHY_ORDER[best] + (detail if best in (2, 4) else "")


def why_counts(rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """How many records of a half got no event, by the guard that stopped them."""
    return dict(Counter(r["why"] for r in rows if r.get("why")))


DUMP_DIR: Path | None = None


def dump(name: str, rows: Sequence[dict[str, Any]]) -> None:
    """Write a tuning half's rows (text, gold, system) as JSON lines, for reading the errors."""
    if DUMP_DIR is None:
        return
    DUMP_DIR.mkdir(parents=True, exist_ok=True)
    with (DUMP_DIR / f"{name}.tune.jsonl").open("w") as out:
        for row in rows:
            out.write(json.dumps({k: sorted(v) if isinstance(v, set) else v for k, v in row.items()}) + "\n")


def prf(tp: int, sys_n: int, gold_n: int) -> tuple[float, float, float]:
    p = tp / sys_n if sys_n else 0.0
    r = tp / gold_n if gold_n else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    labels = {g for g, _ in pairs}
    scores = []
    for label in labels:
        tp = sum(1 for g, s in pairs if g == s == label)
        scores.append(prf(tp, sum(1 for _, s in pairs if s == label), sum(1 for g, _ in pairs if g == label))[2])
    return sum(scores) / len(scores) if scores else 0.0


def halves(items: Sequence[Any], group: Callable[[Any], str]) -> tuple[list[Any], list[Any]]:
    by_group: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        by_group[group(item)].append(item)
    first, second = [], []
    for members in by_group.values():
        cut = (len(members) + 1) // 2
        first += members[:cut]
        second += members[cut:]
    return first, second


# ---- PLOVER GSR -------------------------------------------------------------------------------


def actor_codes(actors: Iterable[Actor]) -> set[str]:
    """ISO3 of each actor's state; a stateless organisation is IGO when the lexicon knows it as
    intergovernmental, NGO when it marks it so or does not know it (the lexicon lists the IGOs as a class)."""
    named = {a.id: a for a in actor_lexicon().named.values()}
    out = set()
    for a in actors:
        if a.country:
            out.add(a.country)
        elif a.kind is ActorKind.ORGANIZATION:
            known = named.get(a.id)
            out.add("IGO" if known is None or not known.ngo else "NGO")
    return out


# The GSR's few country codes in CAMEO's own spelling rather than ISO 3166 (its README: ISO alpha-3).
CAMEO_SPELLINGS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def gsr_codes(field: Any) -> set[str]:
    items = field if isinstance(field, list) else [field] if field else []
    codes = {str(a["code"])[:3] for a in items if isinstance(a, dict) and a.get("code")}
    return {CAMEO_SPELLINGS.get(c, c) for c in codes}


def plover(shared: Path, limit: int | None) -> dict[str, Any]:
    records = [
        r
        for r in json.loads((shared / "benchmarks/plover-gsr-cameo/PLOVER_GSR_CAMEO.json").read_text())
        if r.get("event") and r.get("text")
    ][:limit]
    scored = []
    for r in records:
        event, _ = code(r["text"])
        gold_type = PLOVER_NAMES.get(r["event"], r["event"])
        src, tgt = gsr_codes(r.get("source")), gsr_codes(r.get("target"))
        sys_type = event.type.value if event else "NONE"
        why = why_none(r["text"]) if event is None else ""
        s_src = actor_codes(event.actors) if event else set()
        # a joint act lists its parties as targets too ("X and Y agreed"); PLOVER codes them as sources only
        s_tgt = actor_codes(t for t in event.targets if t not in event.actors) if event else set()
        scored.append(
            {
                "text": r["text"],
                "group": gold_type,
                "gold": gold_type,
                "sys": sys_type,
                "src": src,
                "tgt": tgt,
                "s_src": s_src,
                "s_tgt": s_tgt,
                "why": why,
                # the word that made the main event, to read a wrong type by the lexicon entry behind it
                "trigger": event.trigger.text if event else "",
            }
        )
    first, second = halves(scored, lambda x: x["group"])
    dump("plover", first)
    return {
        "no_event_tune": why_counts(first),
        "no_event_held_out": why_counts(second),
        "confusion_held_out": dict(Counter(f"{r['gold']}>{r['sys']}" for r in second if r["gold"] != r["sys"])),
        "tune": plover_scores(first),
        "held_out": plover_scores(second),
        "all": plover_scores(scored),
        "confusion": confusion(scored, ("ASSAULT", "COERCE")),
    }


def plover_scores(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    pairs = [(r["gold"], r["sys"]) for r in rows]

    def code_f1(gold_key: str, sys_key: str) -> float:
        tp = sum(len(r[gold_key] & r[sys_key]) for r in rows)
        return prf(tp, sum(len(r[sys_key]) for r in rows), sum(len(r[gold_key]) for r in rows))[2]

    src_tp = sum(len(r["src"] & r["s_src"]) + len(r["tgt"] & r["s_tgt"]) for r in rows)
    src_sys = sum(len(r["s_src"]) + len(r["s_tgt"]) for r in rows)
    src_gold = sum(len(r["src"]) + len(r["tgt"]) for r in rows)
    return {
        "n": len(rows),
        "type_accuracy": round(sum(g == s for g, s in pairs) / len(rows), 4) if rows else None,
        "macro_f1": round(macro_f1(pairs), 4),
        "source_f1": round(code_f1("src", "s_src"), 4),
        "target_f1": round(code_f1("tgt", "s_tgt"), 4),
        "actor_f1": round(prf(src_tp, src_sys, src_gold)[2], 4),
        "dyad_exact": round(
            sum(r["gold"] == r["sys"] and r["src"] == r["s_src"] and r["tgt"] == r["s_tgt"] for r in rows) / len(rows),
            4,
        )
        if rows
        else None,
    }


def confusion(rows: Sequence[dict[str, Any]], labels: Sequence[str]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for label in labels:
        out[label] = dict(Counter(r["sys"] for r in rows if r["gold"] == label))
    return out


# ---- CASE 2021 --------------------------------------------------------------------------------


STRATEGIC = "Strategic developments"
BATTLES = "Battles"
PROTESTS = "Protests"
RIOTS = "Riots"
CIVILIANS = "Violence against civilians"
# Modes that say how people were harmed whatever the weapon (an abduction, a mob's violence) or that
# name a two-sided fight (ACLED's armed clash, heavy weapons or not): the snippet's means do not override them.
MEANS_BLIND_MODES = frozenset(
    {"abduction", "sexual violence", "force against protesters", "mob violence"}
    | {"clashes", "gunfire", "ambush", "offensive", "invasion"}
)
# ASSAULT modes whose cue words do not by themselves tell of violence in a snippet ("civilians",
# "protesters", "fighting" as a topic): the weapon fallback (`weapon_named`) skips them.
GENERIC_ASSAULT_MODES = frozenset(
    {
        "attack on civilians",
        "gunfire",
        "ambush",
        "arson",
        "looting",
        "invasion",
        "offensive",
        "clashes",
        "force against protesters",
        "mob violence",
        "assassination",
        "explosion",
    }
)
PROTEST_WORDS = frozenset(
    {
        "protest",
        "protests",
        "protesters",
        "protestors",
        "demonstrators",
        "demonstration",
        "demonstrations",
        "rally",
        "rallies",
        "sit-in",
        "march",
        "marchers",
        "strikers",
    }
)


def acled_type(event: Event | None, text: str = "", snippet: str | None = None) -> str:
    """Our type and mode to ACLED's event type (the package's table); the mode is read over `text` (the
    event's sentence or the whole snippet), a crowd's own violence over the whole `snippet`."""
    if event is None:
        return STRATEGIC
    mode = snippet_mode(event, text) or event.mode
    kinds = [a.kind.value for a in event.actors]
    kind = package_acled_type(event.type.value, mode, kinds, [a.kind.value for a in event.targets])[0]
    if event.type is EventType.ASSAULT and kind in (BATTLES, CIVILIANS) and mode not in MEANS_BLIND_MODES:
        # remote violence is told by its means, wherever the snippet names it ("... in a grenade attack")
        means = remote_means(snippet or text)
        if means is not None:
            return package_acled_type("ASSAULT", means)[0]
    if kind == PROTESTS and mode == "force against protesters":
        # force met by a violent crowd (stones, petrol bombs, clashes): ACLED codes the riot
        whole = snippet or text
        crowd = Event("c", EventType.PROTEST, Span(whole, 0, len(whole)), Span("", 0, 0), "protest")
        if snippet_mode(crowd, whole) == "riot":
            return RIOTS
    return kind


def remote_means(text: str) -> str | None:
    """The first remote means (an ASSAULT mode of the table's `remote_modes`) a snippet's words name."""
    remote = set(package_table()["remote_modes"])
    probe = Event("m", EventType.ASSAULT, Span(text, 0, len(text)), Span("", 0, 0), "attack")
    rules = [r for r in mode_rules().get(EventType.ASSAULT, []) if r.mode in remote]
    return snippet_mode(probe, text, rules)


def snippet_mode(event: Event, text: str, rules: Sequence[Any] | None = None) -> str | None:
    if event.type is EventType.PROTEST:
        text = without_topics(text)
    words = snippet_words(text)
    words = words | {w[:-1] for w in words if w.endswith("s")}  # "warplanes" meets the cue "warplane"
    words |= {stem for w in words for stem in verb_stems(w)}  # "abducting" meets the cue "abduct"
    for rule in mode_rules().get(event.type, []) if rules is None else rules:
        if any((c in words) if " " not in c else (c in text.lower()) for c in rule.cues):
            return rule.mode
    return None


def snippet_words(text: str) -> set[str]:
    """A snippet's lower-cased words, month names left out ("a March 2018 attack" names no march)."""
    months = set(package_table()["month_words"])
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]*", text) if w not in months}


def without_topics(text: str) -> str:
    """The snippet less the phrases naming what a protest is against ("against gun violence")."""
    lowered = text.lower()
    for phrase in package_table()["protest_topics"]:
        lowered = lowered.replace(phrase, " ")
    return lowered


def without_planned(text: str) -> str:
    """The snippet less protests told as planned, organised or awaited rather than held ("for organising
    a protest", "in anticipation of mass protests"): a reason word up to three words before a protest word."""
    reasons = "|".join(re.escape(w) for w in package_table()["protest_reasons"])
    protests = "|".join(re.escape(w) for w in sorted(PROTEST_WORDS))
    pattern = rf"\b(?:{reasons})\b(?:\W+\w+){{0,3}}?\W+(?:{protests})\b"
    return re.sub(pattern, " ", text, flags=re.IGNORECASE)


def verb_stems(word: str) -> set[str]:
    """Bare forms a snippet word may be an inflection of: abducting/abducted -> abduct, kidnapped ->
    kidnap, raped -> rape. Snippet words are read without a parse, so cues are met by these too."""
    out: set[str] = set()
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            base = word[: -len(suffix)]
            out |= {base, base + "e"}
            if len(base) > 3 and base[-1] == base[-2]:
                out.add(base[:-1])  # kidnapped
    return out


def code_snippet(text: str) -> str:
    """A CASE snippet's ACLED type: its first sentence's, unless that is a strategic development and a
    later sentence tells of violence or protest."""
    an, _, events = run_stages(text)
    first: str | None = None
    for sentence in an.sentences:
        event = main_of(an, sentence, events)
        if event is None:
            continue
        # a protest's violence may be told in a later sentence ("... the protesters then stoned police")
        kind = acled_type(event, text if event.type is EventType.PROTEST else sentence.text, text)
        if kind != STRATEGIC and (first is None or not held_ground(event, sentence.text)):
            return kind
        first = first or kind
    named = weapon_named(text)
    if named is not None:
        return named
    if PROTEST_WORDS & snippet_words(without_planned(text)):
        # a protest named beside a speech act ("protesters ... denouncing"): violent if its words say so
        riot = Event("p", EventType.PROTEST, Span(text, 0, len(text)), Span("", 0, 0), "protest")
        return acled_type(riot, text)
    if first is None and fight_named(text):
        means = remote_means(text)  # a fight by remote means ("killed in a blast") is remote violence
        return BATTLES if means is None else package_acled_type("ASSAULT", means)[0]
    return first or STRATEGIC


def held_ground(event: Event, text: str) -> bool:
    """Whether an event is ground held or taken with no fight told (COERCE occupation: "under their
    occupation", "established control"), not taken from an armed side ("after driving rebels from it"):
    after a strategic development it does not make a battle."""
    armed = set(package_table()["organised_kinds"]) & {t.kind.value for t in event.targets}
    mode = snippet_mode(event, text) or event.mode
    return event.type is EventType.COERCE and mode in set(package_table()["territory_modes"]) and not armed


def fight_named(text: str) -> bool:
    """Whether a snippet with no event names a fight by its words alone: ground taken ("took control of
    the area"), or fighting ("a shoot-out", "clashes") that cost lives ("four soldiers were injured")."""
    probe = Event("f", EventType.ASSAULT, Span(text, 0, len(text)), Span("", 0, 0), "attack")
    fights = set(package_table()["fight_modes"])
    mode = snippet_mode(probe, text, [r for r in mode_rules().get(EventType.ASSAULT, []) if r.mode in fights])
    if mode is None:
        return False
    casualties = set(package_table()["casualty_words"])
    return mode in package_table()["territory_modes"] or bool(casualties & snippet_words(text))


def weapon_named(text: str) -> str | None:
    """The ACLED type a snippet's words give by themselves when no event of it reads as violence: a
    weapon or act that is violence whatever the grammar ("a poisonous gas attack", "suicide bombers",
    "an IED", "gang rapes", "abducted"). Only modes that name the means; "civilians" alone does not."""
    words = set(re.findall(r"[a-z][a-z-]*", text.lower()))
    if words & set(package_table()["disrupted_cues"]):
        return None
    probe = Event("w", EventType.ASSAULT, Span(text, 0, len(text)), Span("", 0, 0), "attack")
    mode = snippet_mode(probe, text)
    if mode == "mob violence" and words & set(package_table()["casualty_words"]):
        return RIOTS  # a mob that killed or hurt ("murdered by vigilantes"), not a mob as a topic
    if mode is None or mode in GENERIC_ASSAULT_MODES:
        return None
    kind = package_acled_type("ASSAULT", mode)[0]
    return kind if kind != BATTLES else None


def gold_acled(subtype: str) -> str:
    return next((k for k, v in ACLED_TYPES.items() if subtype in v), "Strategic developments")


def case2021(shared: Path, limit: int | None) -> dict[str, Any]:
    lines = (shared / "benchmarks/case2021-task2-finegrained/test_set_final_release_with_labels.tsv").read_text()
    rows = [line.split("\t") for line in lines.splitlines()[1:] if line.count("\t") >= 2][:limit]
    scored = []
    texts = {}
    for row in rows:
        scored.append((row[2].strip(), gold_acled(row[2].strip()), code_snippet(row[1])))
        texts[id(scored[-1])] = row[1]
    seen = [r for r in scored if r[0] not in UNSEEN]
    unseen = [r for r in scored if r[0] in UNSEEN]
    cut = len(seen) // 2
    dump("case", [{"text": texts[id(r)], "subtype": r[0], "gold": r[1], "sys": r[2]} for r in seen[:cut]])

    def acc(part: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
        return {
            "n": len(part),
            "accuracy": round(sum(g == s for _, g, s in part) / len(part), 4) if part else None,
            "macro_f1": round(macro_f1([(g, s) for _, g, s in part]), 4),
        }

    return {"tune": acc(seen[:cut]), "held_out": acc(seen[cut:]), "seen": acc(seen), "unseen": acc(unseen)}


# ---- PETRARCH2 --------------------------------------------------------------------------------


def coded_events(
    text: str,
    actors: Callable[[Any], Sequence[Actor]] | None = None,
    table: TriggerTable | None = None,
    published: date = date(2000, 1, 1),
) -> list[Event]:
    """The main event of a record's first sentence that has one, then the other events the ledger records
    for that sentence (PETRARCH codes every event of it: "condemned an attack ... and promised aid";
    a paired code's act back: "met", "left for ... talks with")."""
    an, _, events = run_stages(text, actors, table, published)
    for sentence in an.sentences:
        event = main_of(an, sentence, events)
        if event is not None:
            here = [e for e in events if e.evidence.start == sentence.start and e is not event]
            return [event, *here]
    return []


def _record_day(digits: str) -> date:
    """A record's `date` (YYYYMMDD): its actors' dated codes read on that day."""
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return date(2000, 1, 1)


def cameo_to_plover(cameo: str) -> str | None:
    if cameo in NOT_CAMEO:
        return None
    found = plover_type(cameo)
    return found.value if found is not None else None


def petrarch(shared: Path, limit: int | None, user_verbs: bool = False) -> dict[str, Any]:
    base = shared / "benchmarks/petrarch2-unittest"
    dictionary = load_dictionary(base)  # the set's four PETRARCH files, read as `ingest --dictionary` reads them
    finder = dictionary_actors(dictionary.actors, dictionary.agents)
    table = dictionary.triggers(trigger_table()) if user_verbs else None
    tree = ET.parse(base / "PETR.UnitTest.records.xml")
    rows = []
    for sent in list(tree.getroot().iter("Sentence"))[:limit]:
        text_node = sent.find("Text")
        if text_node is None or not (text_node.text or "").strip():
            continue
        gold = set()
        gold_agents = set()
        skip = False
        for c in sent.iter("EventCoding"):
            ev = c.get("eventcode", "")
            if ev in NOT_CAMEO:
                skip = True
                continue
            p = cameo_to_plover(ev)
            if p is not None:
                src, tgt = c.get("sourcecode", ""), c.get("targetcode", "")
                gold.add((src[:3], tgt[:3], p))
                if src[3:6] or tgt[3:6]:
                    gold_agents.add((src[3:6], tgt[3:6], p))
        if skip and not gold:
            continue
        coded = coded_events(text_node.text or "", finder, table, _record_day(sent.get("date", "")))
        an_event = coded[0] if coded else None
        system, system_agents = set(), set()
        for an_event in coded:
            for s in an_event.actors or ():
                for t in an_event.targets or ():
                    if (s.start, s.id) == (t.start, t.id):
                        continue  # "X and Y renewed ties" (targets are the doers): each with the other
                    system.add(((s.country or "")[:3], (t.country or "")[:3], an_event.type.value))
                    if s.name[3:6] or t.name[3:6]:
                        system_agents.add((s.name[3:6], t.name[3:6], an_event.type.value))
        rows.append(
            {
                "text": text_node.text or "",
                "group": sent.get("category", ""),
                "gold": gold,
                "sys": system,
                "gold_agents": gold_agents,
                "sys_agents": system_agents,
                "sys_type": coded[0].type.value if coded else "NONE",
            }
        )
    first, second = halves(rows, lambda r: r["group"])
    dump("petrarch_user_verbs" if user_verbs else "petrarch", first)
    return {"tune": petr_scores(first), "held_out": petr_scores(second), "all": petr_scores(rows)}


def petr_scores(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    typed = [r for r in rows if r["gold"]]
    tp = sum(len(r["gold"] & r["sys"]) for r in rows)
    p, r_, f = prf(tp, sum(len(r["sys"]) for r in rows), sum(len(r["gold"]) for r in rows))
    agent_tp = sum(len(r["gold_agents"] & r["sys_agents"]) for r in rows)
    agents = prf(agent_tp, sum(len(r["sys_agents"]) for r in rows), sum(len(r["gold_agents"]) for r in rows))
    return {
        "n": len(rows),
        "type_accuracy": round(sum(r["sys_type"] in {g[2] for g in r["gold"]} for r in typed) / len(typed), 4)
        if typed
        else None,
        "dyad_precision": round(p, 4),
        "dyad_recall": round(r_, 4),
        "dyad_f1": round(f, 4),
        # agents (GOV, MIL, REB ...): triples of the agent codes and the type, where either side has one
        "agent_f1": round(agents[2], 4),
        "agent_precision": round(agents[0], 4),
        "agent_recall": round(agents[1], 4),
        "false_events": sum(1 for r in rows if not r["gold"] and r["sys_type"] != "NONE"),
        # per test category: gold triples found / gold triples, system triples (the README's phenomena)
        "by_category": {
            group: f"{sum(len(r['gold'] & r['sys']) for r in part)}/{sum(len(r['gold']) for r in part)}"
            f" sys {sum(len(r['sys']) for r in part)}"
            for group, part in sorted(_by_group(rows).items())
        },
    }


def _by_group(rows: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r["group"]].append(r)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sets", default="plover,case,petrarch,petrarch_user_verbs")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--dump", type=Path, default=None, help="folder for the tuning halves' rows (JSON lines)")
    args = parser.parse_args(argv)
    global DUMP_DIR
    DUMP_DIR = args.dump
    runners: dict[str, Callable[[Path, int | None], dict[str, Any]]] = {
        "plover": plover,
        "case": case2021,
        "petrarch": petrarch,
        "petrarch_user_verbs": lambda shared, limit: petrarch(shared, limit, user_verbs=True),
    }
    results = {name: runners[name](args.shared, args.limit) for name in args.sets.split(",")}
    json.dump(results, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
