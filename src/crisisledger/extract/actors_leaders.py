"""Well-known political leaders (lexicon/actors_leaders.yaml): who a named official is and for which state.

A full name, a listed spelling or a listed short form ("Yeltsin") names one leader. A title with a
family name ("President Bush", "King Hussein") names everyone listed with that family name, narrowed to
those whose office the title names when some are; the state is known when they all share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crisisledger.lexicon.loader import load_lexicon
from crisisledger.model import ActorKind


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    country: str | None
    kind: ActorKind
    role: str
    years: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the lexicon says of a named person: the leader when one is meant, else only a shared state."""

    country: str | None
    kind: ActorKind | None
    leader: Leader | None = None


@dataclass(frozen=True, slots=True)
class LeaderIndex:
    by_form: dict[str, Leader]  # full name, spelling or short form (case-sensitive) -> leader
    by_surname: dict[str, tuple[Leader, ...]]  # family name -> everyone listed with it
    same_office: dict[str, str]  # a title's head word -> the head word of the office it names


@lru_cache(maxsize=1)
def leader_index() -> LeaderIndex:
    by_form: dict[str, Leader] = {}
    by_surname: dict[str, list[Leader]] = {}
    data = load_lexicon("actors_leaders")
    for entry in data["leaders"]:
        leader = Leader(
            str(entry["name"]),
            entry.get("country"),
            ActorKind(entry["kind"]),
            str(entry.get("role", "")),
            str(entry.get("years", "")),
        )
        for form in [leader.name, *entry.get("aliases", []), *entry.get("short", [])]:
            by_form.setdefault(str(form), leader)
        surname = str(entry["surname"]) if "surname" in entry else leader.name.split()[-1]
        if surname:
            by_surname.setdefault(surname, []).append(leader)
    same = {str(k).lower(): str(v).lower() for k, v in (data.get("same_office") or {}).items()}
    return LeaderIndex(by_form, {k: tuple(v) for k, v in by_surname.items()}, same)


def resolve(name: str, title: str | None = None, index: LeaderIndex | None = None) -> Resolution | None:
    """The leader a name refers to (a full name or listed form), or, for a family name after a title, the
    state all leaders of that name share; None when the lexicon cannot tell. A name not listed after a
    title is tried as a listed full name spelt a little differently ("President Francois Mitterand"), or
    as a family name one letter off when the title names the office those leaders held."""
    index = index or leader_index()
    if name in index.by_form:
        leader = index.by_form[name]
        return Resolution(leader.country, leader.kind, leader)
    if not title:
        return None
    if " " in name:  # a full name spelt a little differently ("Francois Mitterand", "Omar El Bashir")
        near = {index.by_form[f] for f in index.by_form if " " in f and _near(f, name)}
        if len(near) == 1:
            leader = near.pop()
            return Resolution(leader.country, leader.kind, leader)
        return None
    found = index.by_surname.get(name, ())
    guessed = not found  # a misspelt family name ("President Mitterand")
    if guessed:
        found = _misspelt(name, index)
    office = _office(title, index)
    same_office = tuple(f for f in found if office and _office(f.role, index) == office)
    found = same_office if guessed else (same_office or found)  # a guess must match the office too
    if not found or len({f.country for f in found}) != 1:
        return None
    kinds = {f.kind for f in found}
    return Resolution(found[0].country, kinds.pop() if len(kinds) == 1 else None, found[0] if len(found) == 1 else None)


def _misspelt(name: str, index: LeaderIndex) -> tuple[Leader, ...]:
    """Leaders whose family name is one letter away from a long name after a title ("President
    Mitterand", "President Habyariman"): news copy misspells foreign names."""
    if len(name) < 7 or " " in name:
        return ()
    near = [k for k in index.by_surname if abs(len(k) - len(name)) <= 1 and _one_edit(k, name)]
    return tuple(leader for k in near for leader in index.by_surname[k])


def _near(form: str, name: str) -> bool:
    """The same name but for case, hyphens and one letter ("Omar El Bashir" ~ "Omar el-Bashir")."""
    a, b = (re.sub(r"[\s-]+", " ", x.lower()) for x in (form, name))
    return len(b) >= 10 and (a == b or (abs(len(a) - len(b)) <= 1 and _one_edit(a, b)))


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one insertion, deletion or substitution apart."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def state_of_family(name: str, index: LeaderIndex | None = None) -> str | None:
    """The state every listed leader of a family name (or listed form) acts for ("Bush" -> USA), else None."""
    index = index or leader_index()
    if name in index.by_form:
        return index.by_form[name].country
    states = {f.country for f in index.by_surname.get(name, ())}
    return states.pop() if len(states) == 1 else None


def _office(title: str, index: LeaderIndex) -> str:
    """The head word of the office a title names ("former Prime Minister" -> "minister")."""
    words = title.lower().split(" of ")[0].split()
    return index.same_office.get(words[-1], words[-1]) if words else ""


@lru_cache(maxsize=1)
def form_pattern() -> re.Pattern[str]:
    """Every listed form as one whole-word, case-sensitive alternation (longest first)."""
    forms = sorted(leader_index().by_form, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
