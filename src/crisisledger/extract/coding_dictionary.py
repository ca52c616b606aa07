"""An analyst's own coding dictionary in the PETRARCH/TABARI text format, read as a user lexicon.

Three files make such a dictionary:
- actors: `NAME [CODE]` lines (`+NAME` a synonym of the entry above, `_` joining words, a trailing `_`
  for whole words only, `[A/B]` an entry that stands for several actors at once);
- agents: `NAME {PLURALS} [~CODE]` lines (`!MACRO!` words expanded; `[CODE~]` an agent that stands in
  the country slot: "MSF Arnor" is an NGO, not Arnor);
- verbs: `&SYNSET` word lists, then `--- VERB [code] ---` blocks: verb forms (`{irregular forms}`,
  `_` joining a phrasal verb's words) and patterns `- words * words [code]`, `*` standing for the verb,
  `_` for adjacent words, `&SYNSET` for any of its words, `+ $ % ^` for actor slots (skipped).

The verb's code is the code of its longest pattern that matches the words around it, else the block's
own code. A code is taken as its author wrote it: CAMEO codes map to PLOVER types
(`cameo_plover.yaml`); a null code (`---`) or a number outside CAMEO's event roots (01x, 21x-22x WEIS,
345, 802, 9xx) means "no event"; a pattern whose code is no code at all (`+++`, `xxy`) is skipped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from crisisledger.errors import CrisisLedgerError
from crisisledger.extract.coding_lexicon import TriggerTable
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Actor, ActorKind, EventType

SLOTS = frozenset({"+", "$", "%", "^"})


@dataclass(frozen=True, slots=True)
class DatedCode:
    """`[HOBGOV 20121109-20130119]`, `[HOBCIV <20080120]`, `[HOB >950601]`: a code for some dates only."""

    codes: tuple[str, ...]
    start: date | None  # from this day on
    end: date | None  # up to this day


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str  # upper-case words, single spaces
    codes: tuple[str, ...]  # several for an entry that stands for several actors ("THE SHIRE")
    whole_word: bool  # else a stem: "ARGENTIN" matches "Argentina"
    dated: tuple[DatedCode, ...] = ()

    def codes_on(self, day: date | None) -> tuple[str, ...]:
        """The codes of the entry on a report's day: the first dated code whose dates hold it, else
        the plain code (none where the entry has only dated codes and none holds the day)."""
        if day is None:
            return self.codes or (self.dated[-1].codes if self.dated else ())
        for dated in self.dated:
            if (dated.start is None or dated.start <= day) and (dated.end is None or day <= dated.end):
                return dated.codes
        return self.codes


@dataclass(frozen=True, slots=True)
class AgentEntry:
    name: str
    code: str
    leading: bool = False  # `[NGO~]`: the agent stands before the country ("MSF Arnor" -> NGOARN)


@dataclass(frozen=True, slots=True)
class PatternWord:
    """One place of a pattern: any of its alternatives (a synset's members), each a word sequence."""

    alternatives: tuple[tuple[str, ...], ...]
    adjacent: bool  # joined by `_` to the place nearer the verb


SLOT_ROLES = {"$": "source", "+": "target"}


@dataclass(frozen=True, slots=True)
class Slot:
    """`$` (the source) or `+` (the target) in a pattern: after `index` of its side's words."""

    role: str  # "source" | "target"
    after_verb: bool
    index: int


@dataclass(frozen=True, slots=True)
class SlotAt:
    """A matched slot: the actor there is the first one from word `position` away from the verb."""

    role: str
    after_verb: bool
    position: int


@dataclass(frozen=True, slots=True)
class VerbPattern:
    before: tuple[PatternWord, ...]  # nearest the verb first
    after: tuple[PatternWord, ...]  # nearest the verb first
    code: str
    slots: tuple[Slot, ...] = ()

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(frozen=True, slots=True)
class CodedVerb:
    verb: str  # lower case, as written in the dictionary
    code: str  # the block's own code
    particles: tuple[str, ...] = ()  # "lash out", "break down": words right after the verb
    patterns: tuple[VerbPattern, ...] = ()

    def code_at(self, words: Sequence[tuple[str, str]], at: int) -> str:
        """The code of the verb at `at` among (text, lemma) lower-case words: its longest matching
        pattern's (the first listed on a tie), else the block's own."""
        best = self.pattern_at(words, at)
        return best.code if best is not None else self.code

    def pattern_at(self, words: Sequence[tuple[str, str]], at: int) -> VerbPattern | None:
        found = self.match_at(words, at)
        return found[0] if found is not None else None

    def match_at(self, words: Sequence[tuple[str, str]], at: int) -> tuple[VerbPattern, tuple[SlotAt, ...]] | None:
        """The longest matching pattern (the first listed on a tie) and where its actor slots fell."""
        start = at + 1 + len(self.particles)
        best: tuple[VerbPattern, tuple[SlotAt, ...]] | None = None
        for pattern in self.patterns:
            if not pattern.code.startswith("---") and readable_code(pattern.code) is None:
                continue  # a code that is no code at all ("+++", "xxy") says nothing: the pattern is skipped
            if best is not None and pattern.size <= best[0].size:
                continue
            slots = _match(pattern, words, at, start)
            if slots is not None:
                best = (pattern, slots)
        return best

    def fits(self, words: Sequence[tuple[str, str]], at: int) -> bool:
        """Whether a phrasal verb's particles follow it."""
        tail = words[at + 1 : at + 1 + len(self.particles)]
        found = len(tail) == len(self.particles)
        return found and all(_word_is(p, w) for p, w in zip(self.particles, tail, strict=True))


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    verbs: dict[str, tuple[CodedVerb, ...]]  # lower-case verb form -> entries, phrasal ones first

    def entry(self, words: Sequence[tuple[str, str]], at: int) -> CodedVerb | None:
        """The dictionary's entry for the verb at `at` (its form as written, else its lemma)."""
        text, lemma = words[at]
        for key in (text, lemma):
            for cand in self.verbs.get(key, ()):
                if cand.fits(words, at):
                    return cand
        return None


# ---- codes ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _cameo_table() -> tuple[dict[str, str], dict[str, str]]:
    raw = yaml.safe_load(Path(__file__).with_name("cameo_plover.yaml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in raw["roots"].items()}, {str(k): str(v) for k, v in raw["exceptions"].items()}


def readable_code(code: str) -> str | None:
    """The digits of a dictionary code ("075A" -> "075", "023?" -> "023"); None for a code that is no
    number at all ("---", "+++", "xxy")."""
    found = re.match(r"\s*(\d{3,4})", code)
    return found.group(1) if found else None


def plover_type(cameo: str) -> EventType | None:
    """The PLOVER type of a CAMEO code (`cameo_plover.yaml`); None outside CAMEO's event roots."""
    digits = readable_code(cameo)
    if digits is None:
        return None
    roots, exceptions = _cameo_table()
    for prefix in sorted(exceptions, key=len, reverse=True):
        if digits.startswith(prefix):
            return EventType(exceptions[prefix])
    root = roots.get(digits[:2])
    return EventType(root) if root is not None else None


# ---- readers ----------------------------------------------------------------------------------------


def _lines(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].rstrip()
        if line.strip().startswith("<!--") or line.strip().startswith("<"):
            continue
        out.append(line)
    return out


def read_actors(path: Path) -> list[ActorEntry]:
    """Entries of a PETRARCH actor dictionary, longest names first. A code may stand on the lines after
    its names; date-restricted codes (`[X <date]`) give way to a plain one, else the last stands."""
    entries: list[tuple[list[str], list[str]]] = []
    for raw in _lines(path):
        line = raw.strip()
        if not line:
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        name = re.sub(r"\[[^\]]*\]", "", line).strip()
        if name.startswith("+") and entries:
            entries[-1][0].append(name[1:].strip())
        elif name:
            entries.append(([name], []))
        if codes and entries:
            entries[-1][1].extend(c.strip() for c in codes)
    out: list[ActorEntry] = []
    for names, codes in entries:
        plain = [c for c in codes if " " not in c and not re.search(r"\d", c)]
        parts = _code_parts(plain[-1]) if plain else ()
        dated = tuple(d for d in (_dated(c) for c in codes if c not in plain) if d is not None)
        if not parts and not dated:
            continue
        for name in names:
            words = " ".join(name.rstrip("_").replace("_", " ").split()).upper()
            if words:
                out.append(ActorEntry(words, parts, name.endswith("_"), dated))
    return sorted(out, key=lambda e: -len(e.name))


def _code_parts(code: str) -> tuple[str, ...]:
    """`ELR/GAL` -> (ELR, GAL); a null code (`---`) -> ()."""
    parts = tuple(p.strip().upper() for p in code.strip().lstrip("~").split("/") if p.strip())
    return () if not parts or parts[0].startswith(("---", "+++", "###")) else parts


def _dated(code: str) -> DatedCode | None:
    found = re.fullmatch(r"\s*(\S+)\s*([<>])\s*(\d{6,8})\s*", code)
    if found is not None:
        day = _day(found.group(3))
        start, end = (None, day) if found.group(2) == "<" else (day, None)
        return DatedCode(_code_parts(found.group(1)), start, end)
    found = re.fullmatch(r"\s*(\S+)\s+(\d{6,8})\s*-\s*(\d{6,8})\s*", code)
    if found is not None:
        return DatedCode(_code_parts(found.group(1)), _day(found.group(2)), _day(found.group(3)))
    return None


def _day(digits: str) -> date | None:
    """`20080120` or `950601` (a year of the 1900s)."""
    text = digits if len(digits) == 8 else "19" + digits
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def read_agents(path: Path) -> list[AgentEntry]:
    """Entries of a PETRARCH agent dictionary, longest first: `NAME {PLURALS} [~CODE]`, a plain plural
    in `S` where `{}` gives none, `!MACRO!` words expanded."""
    text = path.read_text(encoding="utf-8", errors="replace")
    macros = {
        m.group(1): [w.strip() for w in m.group(2).split(",")] for m in re.finditer(r"^!(\w+)!\s*=\s*(.+)$", text, re.M)
    }
    out: set[AgentEntry] = set()
    for line in _lines(path):
        line = line.strip()
        code = re.search(r"\[\s*(~?)(\w+)(~?)\s*\]", line)
        if not line or line.startswith("!") or code is None or not (code.group(1) or code.group(3)):
            continue
        head = re.split(r"[\[{]", line)[0].strip()
        plurals = re.findall(r"\{([^}]*)\}", line)
        given = [p.strip() for p in plurals[0].replace(",", " ").split()] if plurals else [head + "S"]
        forms = [head, *given]  # `{}`: no plural
        leading = bool(code.group(3)) and not code.group(1)
        for form in forms:
            for name in _expand_macros(form, macros):
                words = " ".join(name.replace("_", " ").split()).upper()
                if words:
                    out.add(AgentEntry(words, code.group(2)[:3].upper(), leading))
    return sorted(out, key=lambda a: (-len(a.name), a.name))


def _expand_macros(form: str, macros: dict[str, list[str]]) -> list[str]:
    found = re.search(r"!(\w+)!", form)
    if found is None:
        return [form]
    return [
        x for w in macros.get(found.group(1), []) for x in _expand_macros(form.replace(found.group(0), w, 1), macros)
    ]


def read_verbs(path: Path) -> VerbDictionary:
    """A PETRARCH verb dictionary: its synsets, verb blocks, verb forms and patterns."""
    lines = _lines(path)
    synsets = _synsets(lines)
    verbs: dict[str, list[CodedVerb]] = {}
    block_code = ""
    block_verbs: list[tuple[str, tuple[str, ...], str, list[str]]] = []  # verb, particles, code, forms
    patterns: list[VerbPattern] = []
    in_synset = False

    def close() -> None:
        for verb, particles, code, forms in block_verbs:
            entry = CodedVerb(verb, code, particles, tuple(patterns))
            for form in {verb, *forms}:
                verbs.setdefault(form, []).append(entry)

    for raw in lines:
        line = raw.strip()
        head = re.match(r"^---\s+(.+?)\s+\[([^\]]*)\]", line)
        in_synset = line.startswith("&") or (in_synset and line.startswith("+"))
        if head:
            close()
            block_code, block_verbs, patterns = head.group(2).strip(), [], []
        elif in_synset:
            continue
        elif line.startswith("-") and block_verbs:
            pattern = _pattern(line[1:], synsets)
            if pattern is not None:
                patterns.append(pattern)
        elif line and not line.startswith("-") and block_code:
            block_verbs.extend(_verb_forms(line, block_code))
    close()
    ordered = {k: tuple(sorted(v, key=lambda e: -len(e.particles))) for k, v in verbs.items()}
    return VerbDictionary(ordered)


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    """`&NAME` followed by `+MEMBER` lines (members may name other synsets)."""
    out: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line = raw.strip()
        if line.startswith("&"):
            current = line.split()[0][1:].rstrip("_").upper()
            out[current] = []
        elif line.startswith("+") and current is not None:
            out[current].append(line[1:].strip())
        elif line:
            current = None
    return out


def _verb_forms(line: str, block_code: str) -> list[tuple[str, tuple[str, ...], str, list[str]]]:
    """`BREAK {BROKE BROKEN}`, `+BREAK_DOWN {+BROKE_DOWN}`, `DOWNPLAY [014]`: (verb, particles, code,
    other forms); `WIRE_+TAP` marks the verb among the words with `+` (the words before it are dropped)."""
    own = re.search(r"\[([^\]]*)\]", line)
    code = own.group(1).strip() if own else block_code
    head = re.split(r"[\[{]", line)[0].strip().lstrip("+")
    braces = re.findall(r"\{([^}]*)\}", line)
    forms = [f.lstrip("+") for f in braces[0].split()] if braces else []
    verb, particles = _verb_words(head)
    if not verb:
        return []
    other = [_verb_words(f)[0] for f in forms]
    return [(verb, particles, code, [o for o in other if o])]


def _verb_words(form: str) -> tuple[str, tuple[str, ...]]:
    words = [w for w in re.split(r"[_\s]+", form.strip()) if w]
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    if not words:
        return "", ()
    return words[at].lstrip("+").lower(), tuple(w.lower() for w in words[at + 1 :])


def _pattern(text: str, synsets: dict[str, list[str]]) -> VerbPattern | None:
    """`SAID WOULD * NOT` -> before (would, said), after (not); `_` joins a word to its neighbour."""
    found = re.search(r"\[([^\]]*)\]", text)
    if found is None or "*" not in text:
        return None
    body = text[: found.start()].replace("_", " _ ")
    tokens = body.split()
    star = tokens.index("*")
    before, before_slots = _places(list(reversed(tokens[:star])), synsets, False)
    after, after_slots = _places(tokens[star + 1 :], synsets, True)
    return VerbPattern(tuple(before), tuple(after), found.group(1).strip(), (*before_slots, *after_slots))


def _places(tokens: list[str], synsets: dict[str, list[str]], after_verb: bool) -> tuple[list[PatternWord], list[Slot]]:
    """Pattern words outward from the verb (`_` between two makes the outer one adjacent), and the
    actor slots among them."""
    out: list[PatternWord] = []
    slots: list[Slot] = []
    joined = False
    for tok in tokens:
        if tok == "_":
            joined = True
            continue
        if tok in SLOTS:
            if tok in SLOT_ROLES:
                slots.append(Slot(SLOT_ROLES[tok], after_verb, len(out)))
            joined = False
            continue
        out.append(PatternWord(_alternatives(tok, synsets), joined))
        joined = False
    return out, slots


def _alternatives(word: str, synsets: dict[str, list[str]], depth: int = 0) -> tuple[tuple[str, ...], ...]:
    if not word.startswith("&") or depth > 4:
        return ((word.lower(),),)
    out: list[tuple[str, ...]] = []
    for member in synsets.get(word[1:].rstrip("_").upper(), []):
        parts = [p for p in re.split(r"[_\s]+", member) if p]
        if len(parts) == 1 and parts[0].startswith("&"):
            out.extend(_alternatives(parts[0], synsets, depth + 1))
        elif parts:
            out.append(tuple(p.lower() for p in parts))
    return tuple(out)


# ---- matching -----------------------------------------------------------------------------------------


def _word_is(pattern_word: str, word: tuple[str, str]) -> bool:
    text, lemma = word
    return pattern_word in (text, lemma) or (len(pattern_word) >= 6 and text.startswith(pattern_word))


def _match(pattern: VerbPattern, words: Sequence[tuple[str, str]], at: int, start: int) -> tuple[SlotAt, ...] | None:
    """None where the pattern does not match; else where its slots fell (word positions)."""
    after = [start]
    for place in pattern.after:
        found = _find_after(place, words, after[-1])
        if found is None:
            return None
        after.append(found)
    before = [at - 1]
    for place in pattern.before:
        found = _find_before(place, words, before[-1])
        if found is None:
            return None
        before.append(found)
    return tuple(
        SlotAt(slot.role, slot.after_verb, (after if slot.after_verb else before)[slot.index]) for slot in pattern.slots
    )


def _find_after(place: PatternWord, words: Sequence[tuple[str, str]], pos: int) -> int | None:
    """The position after the first match of a place at or after `pos` (only at `pos` if adjacent)."""
    last = pos if place.adjacent else len(words) - 1
    for j in range(pos, last + 1):
        for alt in place.alternatives:
            if j + len(alt) <= len(words) and all(_word_is(a, words[j + k]) for k, a in enumerate(alt)):
                return j + len(alt)
    return None


def _find_before(place: PatternWord, words: Sequence[tuple[str, str]], pos: int) -> int | None:
    """The position before the nearest match of a place ending at or before `pos`."""
    first = pos if place.adjacent else 0
    for j in range(pos, first - 1, -1):
        for alt in place.alternatives:
            lo = j - len(alt) + 1
            if lo >= 0 and all(_word_is(a, words[lo + k]) for k, a in enumerate(alt)):
                return lo - 1
    return None


# ---- actors ---------------------------------------------------------------------------------------------


def agent_of(text: str, start: int, end: int, agents: Sequence[AgentEntry]) -> AgentEntry | None:
    """The agent word of an actor mention: right after it ("Arnor security officials", "Gondor's
    government"), before it with "of" or "in" ("the ambassadors of Arnor", "activists in Arnor"), or,
    for a leading agent, right before it ("MSF Arnor")."""
    after = re.sub(r"^('S)?\s+", "", text[end : end + 40].upper())
    before = text[max(0, start - 40) : start].upper()
    for agent in sorted(agents, key=lambda a: not a.leading):  # "MSF Arnor diplomat": the NGO
        words = r"\s+".join(re.escape(w) for w in agent.name.split())
        if agent.leading:
            if re.search(rf"(?<![A-Z]){words}\s+$", before):
                return agent
            continue
        if re.match(rf"(?:[A-Z-]+\s+){{0,2}}{words}(?![A-Z])", after) or re.search(
            rf"(?<![A-Z]){words}\s+(?:OF|IN)\s+(?:THE\s+)?$", before
        ):
            return agent
    return None


def dictionary_actors(
    entries: Sequence[ActorEntry], agents: Sequence[AgentEntry] = ()
) -> Callable[[AnalyzedDocument], list[Actor]]:
    """An actor finder from a user's dictionary: each match one actor per code of its entry, the code
    (with an agent word beside it: GOV, MIL ...) in its name, the country its first three letters."""

    def find(analyzed: AnalyzedDocument) -> list[Actor]:
        text = analyzed.text
        upper = text.upper()
        day = analyzed.document.published if analyzed.document is not None else None
        found: list[Actor] = []
        taken: list[tuple[int, int]] = []
        for entry in entries:
            pattern = r"\s+".join(re.escape(w) for w in entry.name.split())
            tail = r"(?![A-Z])" if entry.whole_word else r"[A-Z]*"
            for m in re.finditer(rf"(?<![A-Z]){pattern}{tail}", upper):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                for code in entry.codes_on(day):
                    found.append(_actor(text, m.start(), m.end(), code, agents))
        return sorted(found, key=lambda a: a.start)

    return find


def _actor(text: str, start: int, end: int, code: str, agents: Sequence[AgentEntry]) -> Actor:
    agent = agent_of(text, start, end, agents) if len(code) <= 3 else None
    if agent is not None and agent.leading:
        full = agent.code + code
    else:
        full = code + (agent.code if agent is not None else "")
    return Actor(f"user.{code.lower()}", text[start:end], start, end, full, full[:3], ActorKind.STATE)


# ---- discards -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Discards:
    """Phrases that put text out of scope: a story-level one (`+TYPHOON`) the whole report, a
    sentence-level one (`BASEBALL`) its sentence."""

    story: tuple[str, ...] = ()
    sentence: tuple[str, ...] = ()

    def story_discarded(self, text: str) -> bool:
        return any(_says(text, phrase) for phrase in self.story)

    def sentence_discarded(self, text: str) -> bool:
        return any(_says(text, phrase) for phrase in self.sentence)


def _says(text: str, phrase: str) -> bool:
    words = r"\s+".join(re.escape(w) for w in phrase.split())
    return re.search(rf"(?<![A-Za-z0-9]){words}(?![A-Za-z0-9])", text, re.IGNORECASE) is not None


def read_discards(path: Path) -> Discards:
    """A PETRARCH discards file: one phrase a line, `+` before a story-level one, `#` comments."""
    story: list[str] = []
    sentence: list[str] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = " ".join(raw.split("#")[0].replace("_", " ").split())
        if line.startswith("+") and line[1:].strip():
            story.append(line[1:].strip())
        elif line and not line.startswith("<"):
            sentence.append(line)
    return Discards(tuple(story), tuple(sentence))


# ---- the user lexicon --------------------------------------------------------------------------------


def with_user_dictionary(table: TriggerTable, verbs: VerbDictionary, discards: Discards | None = None) -> TriggerTable:
    """The trigger table with a user's verb dictionary: its verbs are coded by their patterns and codes
    (taken as written: no modality turns them), and no longer by the built-in lexicon; with its
    discards, the reports and sentences they name make no events."""
    own = {lemma: cands for lemma, cands in table.verbs.items() if lemma not in verbs.verbs}
    return TriggerTable(
        own,
        table.nouns,
        table.passive,
        table.light_verbs,
        table.target_preps,
        table.civilian_targets,
        coded=verbs,
        discards=discards,
    )


# ---- a dictionary folder, as the ledger uses it -------------------------------------------------------

DICTIONARY_PARTS = ("verbs", "actors", "agents", "discards")


class DictionaryError(CrisisLedgerError):
    code = "DICTIONARY"


@dataclass(frozen=True, slots=True)
class UserDictionary:
    """A PETRARCH-format coding dictionary from one folder: any of its four files, named by part
    (`*verbs*.txt`, `*actors*.txt`, `*agents*.txt`, `*discards*.txt`)."""

    folder: Path
    verbs: VerbDictionary | None
    actors: tuple[ActorEntry, ...]
    agents: tuple[AgentEntry, ...]
    discards: Discards | None
    digest: str  # of the files' bytes: which dictionary coded a ledger's records

    @property
    def stage(self) -> str:
        return f"dictionary@{self.digest}"

    def triggers(self, table: TriggerTable) -> TriggerTable:
        return with_user_dictionary(table, self.verbs, self.discards) if self.verbs is not None else table

    def summary(self) -> str:
        verbs = self.verbs.verbs if self.verbs is not None else {}
        patterns = sum(len(e.patterns) for entries in verbs.values() for e in entries)
        return (
            f"{self.folder}: {len(verbs)} verb forms, {patterns} patterns, {len(self.actors)} actor names, "
            f"{len(self.agents)} agent words, discards {'yes' if self.discards is not None else 'no'}"
        )


def load_dictionary(folder: Path) -> UserDictionary:
    """Read a coding dictionary folder; a folder with none of the four files is an error."""
    if not folder.is_dir():
        raise DictionaryError(f"coding dictionary {folder}: not a folder")
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.txt")):
        for part in DICTIONARY_PARTS:
            if part in path.name.lower():
                if part in found:
                    raise DictionaryError(
                        f"coding dictionary {folder}: two {part} files ({found[part].name}, {path.name})"
                    )
                found[part] = path
    if not found:
        raise DictionaryError(
            f"coding dictionary {folder}: no *verbs*.txt, *actors*.txt, *agents*.txt or *discards*.txt"
        )
    digest = hashlib.sha256(b"".join(found[p].read_bytes() for p in DICTIONARY_PARTS if p in found)).hexdigest()
    return UserDictionary(
        folder=folder,
        verbs=read_verbs(found["verbs"]) if "verbs" in found else None,
        actors=tuple(read_actors(found["actors"])) if "actors" in found else (),
        agents=tuple(read_agents(found["agents"])) if "agents" in found else (),
        discards=read_discards(found["discards"]) if "discards" in found else None,
        digest=digest[:12],
    )


def with_dictionary_actors(analyzed: AnalyzedDocument, own: Sequence[Actor], user: UserDictionary) -> list[Actor]:
    """The user's actors first (their dictionary wins where both name the same words), then ours
    that no user actor overlaps. A user code names its actor (`ARNGOV`); its first three letters are
    the country only where they can be an ISO 3166 alpha-3 code."""
    if not user.actors:
        return list(own)
    users = [_ledger_actor(a) for a in dictionary_actors(user.actors, user.agents)(analyzed)]
    kept = [a for a in own if not any(u.start < a.end and a.start < u.end for u in users)]
    return sorted([*users, *kept], key=lambda a: (a.start, a.end))


def _ledger_actor(actor: Actor) -> Actor:
    slug = re.sub(r"[^a-z0-9_-]+", "-", actor.name.lower()).strip("-") or "actor"
    country = actor.name[:3] if re.fullmatch(r"[A-Z]{3}", actor.name[:3]) else None
    return Actor(f"user.{slug}", actor.text, actor.start, actor.end, actor.name, country, actor.kind, actor.role)
