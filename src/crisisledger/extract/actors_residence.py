"""Groups named by where they live or come from (`residence` in lexicon/actors.yaml).

"residents of Gaza", "refugees from Syria", "villagers in northern Iraq": the people belong to the state
written after them, or to the state of a known place after "of" or "from". "ethnic Albanians", "Kurds":
a people, not a state; they take the state where the sentence places them (actors._home_states).
"Iraqi Kurds": the demonym before gives the state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from crisisledger.extract.coding_lexicon import ActorLexicon
from crisisledger.lexicon.loader import load_lexicon
from crisisledger.model import Place


@dataclass(frozen=True, slots=True)
class ResidenceLexicon:
    preps: frozenset[str]  # "of", "from", "in": a place after a people word is where they live or come from
    compass: frozenset[str]  # "south", "occupied": may stand between the preposition and the place
    ethnic_markers: frozenset[str]  # "ethnic": the demonym after it names a people, not a state
    ethnic_groups: frozenset[str]  # "Kurds", "Tamil": peoples that are not (only) a state's
    not_residents: frozenset[str]  # "refugees", "settlers": in a place without belonging to it
    home_states: dict[str, str]  # a people living (almost) only in one state -> its ISO3 ("Ibo" -> NGA)


@lru_cache(maxsize=1)
def residence_lexicon() -> ResidenceLexicon:
    data = load_lexicon("actors").get("residence") or {}

    def words(key: str, lower: bool = True) -> frozenset[str]:
        return frozenset(str(w).lower() if lower else str(w) for w in data.get(key) or [])

    return ResidenceLexicon(
        words("residence_preps"),
        words("compass_words"),
        words("ethnic_markers"),
        words("ethnic_groups", lower=False),
        words("not_residents"),
        {str(p): str(iso3) for iso3, peoples in (data.get("peoples_of_states") or {}).items() for p in peoples},
    )


def state_written_at(text: str, at: int, lex: ActorLexicon, places: Sequence[Place]) -> str | None:
    """ISO3 of the state whose name, or of the known place whose mention, starts at `at`, after an optional
    "the" and compass word ("the occupied West Bank", "south Serbia")."""
    res = residence_lexicon()
    m = re.match(r"(?:the\s+)?(?:([\w-]+)\s+)?", text[at : at + 40])
    starts = [at]
    if m is not None and m.group(1) and m.group(1).lower() in res.compass:
        starts.append(at + m.end())
    if m is not None and text[at : at + 4].lower() == "the ":
        starts.append(at + 4)
    for start in starts:
        for place in places:
            if place.start == start and place.country:
                return place.country
        name = _state_names(tuple(lex.state_names)).match(text, start)
        if name is not None:
            return lex.state_names[name.group()].iso3
    return None


def residence_after(text: str, end: int, lex: ActorLexicon, places: Sequence[Place], group: str = "") -> str | None:
    """The state a group lives in or comes from, written right after it ("residents of Gaza"); for people
    who are only staying somewhere (`not_residents`: "refugees in Hungary"), only where they come from."""
    res = residence_lexicon()
    m = re.match(r"\s+([a-z]+)\s+", text[end : end + 20])
    if m is None or m.group(1) not in res.preps:
        return None
    if group.lower() in res.not_residents and m.group(1) != "from":
        return None
    # a place below the state says whose people they are only with "of" or "from": people "in" a region
    # may be of another state than the one the gazetteer gives it (a disputed or occupied territory)
    places = places if m.group(1) in ("of", "from") else ()
    return state_written_at(text, end + m.end(), lex, places)


def ethnic_before(text: str, start: int) -> bool:
    """Whether an ethnic marker stands right before `start` ("ethnic Albanians")."""
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1].lower() in residence_lexicon().ethnic_markers


def ethnic_group_after(text: str, end: int) -> re.Match[str] | None:
    """A people's name right after a demonym ("Iraqi Kurds", "Turkish Kurd refugees"), else None."""
    groups = residence_lexicon().ethnic_groups
    m = re.match(r"[ ]+([A-Z][\w-]*)\b", text[end : end + 40])
    return m if m is not None and m.group(1) in groups else None


@lru_cache(maxsize=2)
def _state_names(names: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{body})(?![\w-])")


@lru_cache(maxsize=1)
def ethnic_pattern() -> re.Pattern[str]:
    """Every listed people's name as a whole word (case-sensitive)."""
    body = "|".join(re.escape(g) for g in sorted(residence_lexicon().ethnic_groups, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
