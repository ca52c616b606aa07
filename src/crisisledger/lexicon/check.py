"""`crisisledger lexicon check`: schema checks of the coding lexicons, as `FILE:LINE: message` lines.

Checks: the YAML parses; every word is a string (YAML 1.1 reads a bare `on` or `no` as a boolean);
required keys; known enum values (actor kinds, event types, stances); ISO 3166-1 alpha-3 codes;
duplicate ids, codes and surfaces; a verb under two event types; leaders' years ("1991-1999", "2019-")
and family names (part of the name or a spelling), and a form naming two leaders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from crisisledger.model import ActorKind, EventType, Stance

CHECKED = ("actors", "actors_states", "actors_groups", "actors_leaders", "triggers", "modes", "speech")
EXTRA_ISO3 = frozenset({"XKX"})  # Kosovo: user-assigned, in wide use
KINDS = frozenset(k.value for k in ActorKind)
TYPES = frozenset(t.value for t in EventType)
STANCES = frozenset(s.value for s in Stance)


class _Node:
    """A parsed YAML value that remembers its line (1-based)."""

    def __init__(self, value: Any, line: int) -> None:
        self.value = value
        self.line = line


def check_lexicons(paths: Sequence[Path] | None = None) -> list[str]:
    """Problems found in the given lexicon files (default: those shipped), as `FILE:LINE: message`."""
    targets = list(paths) if paths is not None else [_packaged(name) for name in CHECKED]
    problems: list[str] = []
    for path in targets:
        problems.extend(_check_file(Path(path)))
    return problems


def _packaged(name: str) -> Path:
    return Path(str(resources.files("crisisledger.lexicon").joinpath(f"{name}.yaml")))


def _check_file(path: Path) -> list[str]:
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [f"{path}:{getattr(getattr(exc, 'problem_mark', None), 'line', -1) + 1}: {exc}".replace("\n", " ")]
    if root is None:
        return [f"{path}:1: empty file"]
    tree = _convert(root)
    out = [f"{path}:{line}: {msg}" for line, msg in _non_strings(tree)]
    checker = _CHECKERS.get(path.stem.split(".")[0])
    if checker is None and path.stem.startswith("actors_"):
        checker = _check_groups if "groups" in path.stem else _check_states
    if checker is not None:
        out.extend(f"{path}:{line}: {msg}" for line, msg in checker(tree))
    return out


def _convert(node: yaml.Node) -> _Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _Node({_scalar(k): _convert(v) for k, v in node.value}, line)
    if isinstance(node, yaml.SequenceNode):
        return _Node([_convert(v) for v in node.value], line)
    return _Node(_scalar(node), line)


def _scalar(node: yaml.Node) -> Any:
    loader = yaml.SafeLoader("")
    return loader.construct_object(node, deep=True)


def _non_strings(node: _Node, in_list: bool = False) -> Iterator[tuple[int, str]]:
    if isinstance(node.value, dict):
        for key, child in node.value.items():
            if not isinstance(key, str):
                yield node.line, f"key {key!r} is not a string (quote it)"
            yield from _non_strings(child)
    elif isinstance(node.value, list):
        for child in node.value:
            yield from _non_strings(child, in_list=True)
    elif in_list and not isinstance(node.value, str):
        yield node.line, f"list entry {node.value!r} is not a string (quote it)"


def _get(node: _Node, key: str) -> _Node | None:
    return node.value.get(key) if isinstance(node.value, dict) else None


def _items(node: _Node | None) -> list[_Node]:
    return node.value if node is not None and isinstance(node.value, list) else []


def _strings(node: _Node | None) -> list[tuple[str, int]]:
    return [(str(n.value), n.line) for n in _items(node)]


def _valid_iso3(code: Any) -> bool:
    if code in EXTRA_ISO3:
        return True
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return isinstance(code, str) and len(code) == 3 and code.isupper()
    return isinstance(code, str) and pycountry.countries.get(alpha_3=code) is not None


def _check_states(tree: _Node) -> Iterator[tuple[int, str]]:
    seen: dict[str, int] = {}
    for entry in _items(_get(tree, "states")):
        for key in ("iso3", "name"):
            if _get(entry, key) is None:
                yield entry.line, f"state without `{key}`"
        code_node = _get(entry, "iso3")
        code = code_node.value if code_node else None
        if code is not None and not _valid_iso3(code):
            yield entry.line, f"unknown ISO 3166-1 alpha-3 code {code!r}"
        if isinstance(code, str) and code in seen:
            yield entry.line, f"duplicate state {code} (first on line {seen[code]})"
        if isinstance(code, str):
            seen.setdefault(code, entry.line)


def _check_groups(tree: _Node) -> Iterator[tuple[int, str]]:
    ids: dict[str, int] = {}
    surfaces: dict[str, int] = {}
    for entry in _items(_get(tree, "actors")):
        for key in ("id", "name", "kind", "country", "surfaces"):
            if not isinstance(entry.value, dict) or key not in entry.value:
                yield entry.line, f"actor without `{key}`"
        kind, country, ident = _get(entry, "kind"), _get(entry, "country"), _get(entry, "id")
        if kind is not None and kind.value not in KINDS:
            yield kind.line, f"unknown actor kind {kind.value!r} (one of {', '.join(sorted(KINDS))})"
        if country is not None and country.value is not None and not _valid_iso3(country.value):
            yield country.line, f"unknown ISO 3166-1 alpha-3 code {country.value!r}"
        if ident is not None:
            if ident.value in ids:
                yield ident.line, f"duplicate actor id {ident.value!r} (first on line {ids[ident.value]})"
            ids.setdefault(ident.value, ident.line)
        for surface, line in _strings(_get(entry, "surfaces")):
            if surface in surfaces:
                yield line, f"surface {surface!r} already names another actor (line {surfaces[surface]})"
            surfaces.setdefault(surface, line)


_YEARS = re.compile(r"^\d{4}(?:-(?:\d{4})?)?(?:, \d{4}(?:-(?:\d{4})?)?)*$")


def _check_leaders(tree: _Node) -> Iterator[tuple[int, str]]:
    forms: dict[str, int] = {}
    for entry in _items(_get(tree, "leaders")):
        for key in ("name", "country", "kind", "role"):
            if not isinstance(entry.value, dict) or key not in entry.value:
                yield entry.line, f"leader without `{key}`"
        kind, country, years, name = (_get(entry, k) for k in ("kind", "country", "years", "name"))
        if kind is not None and kind.value not in KINDS:
            yield kind.line, f"unknown actor kind {kind.value!r} (one of {', '.join(sorted(KINDS))})"
        if country is not None and country.value is not None and not _valid_iso3(country.value):
            yield country.line, f"unknown ISO 3166-1 alpha-3 code {country.value!r}"
        if years is not None and not _YEARS.match(str(years.value)):
            yield years.line, f"years {years.value!r} not like '1991-1999', '2019-' or '1993, 1996-2003'"
        spellings = [str(name.value)] if name is not None else []
        spellings += [s for s, _ in _strings(_get(entry, "aliases"))]
        surname = _get(entry, "surname")
        if surname is not None and surname.value and not any(str(surname.value) in s for s in spellings):
            yield surname.line, f"family name {surname.value!r} is in neither the name nor a spelling"
        listed = [(str(name.value), name.line)] if name is not None else []
        for form, line in listed + _strings(_get(entry, "aliases")) + _strings(_get(entry, "short")):
            if form in forms and forms[form] != entry.line:
                yield line, f"{form!r} already names another leader (line {forms[form]})"
            forms.setdefault(form, entry.line)


def _check_actors(tree: _Node) -> Iterator[tuple[int, str]]:
    for key in ("institutions", "generic_words", "offices", "pronouns"):
        if _get(tree, key) is None:
            yield tree.line, f"missing section `{key}`"
    facets = set()
    for inst in _items(_get(tree, "institutions")):
        for key in ("facet", "kind", "name", "nouns", "generic"):
            if _get(inst, key) is None:
                yield inst.line, f"institution without `{key}`"
        kind = _get(inst, "kind")
        if kind is not None and kind.value not in KINDS:
            yield kind.line, f"unknown actor kind {kind.value!r}"
        role, facet = _get(inst, "role"), _get(inst, "facet")
        facets.add((role or facet or _Node(None, 0)).value)
    words = _get(tree, "generic_words")
    for facet, node in words.value.items() if words is not None and isinstance(words.value, dict) else []:
        if facet not in facets:
            yield node.line, f"generic words for unknown facet {facet!r} (one of {sorted(map(str, facets))})"
    offices = _get(tree, "offices")
    for kind, node in offices.value.items() if offices is not None and isinstance(offices.value, dict) else []:
        if kind not in KINDS:
            yield node.line, f"offices under unknown actor kind {kind!r}"


def _check_triggers(tree: _Node) -> Iterator[tuple[int, str]]:
    plain: dict[str, tuple[str, int]] = {}
    types = _get(tree, "types")
    for name, entry in types.value.items() if types is not None and isinstance(types.value, dict) else []:
        if name not in TYPES:
            yield entry.line, f"unknown event type {name!r}"
        if _get(entry, "mode") is None:
            yield entry.line, f"{name}: no default `mode`"
        for verb, line in _strings(_get(entry, "verbs")):
            if verb in plain and plain[verb][0] != name:
                yield line, f"verb {verb!r} under {name} and {plain[verb][0]} (line {plain[verb][1]})"
            plain.setdefault(verb, (name, line))
    for key in ("light_verbs", "target_preps", "civilian_targets"):
        if _get(tree, key) is None:
            yield tree.line, f"missing list `{key}`"


def _check_modes(tree: _Node) -> Iterator[tuple[int, str]]:
    modes = _get(tree, "modes")
    for name, rules in modes.value.items() if modes is not None and isinstance(modes.value, dict) else []:
        if name not in TYPES:
            yield rules.line, f"unknown event type {name!r}"
        for rule in _items(rules):
            if _get(rule, "mode") is None or _get(rule, "cues") is None:
                yield rule.line, "a mode rule needs `mode` and `cues`"


def _check_speech(tree: _Node) -> Iterator[tuple[int, str]]:
    verbs = _get(tree, "verbs")
    for verb, node in verbs.value.items() if verbs is not None and isinstance(verbs.value, dict) else []:
        if node.value not in STANCES:
            yield node.line, f"verb {verb!r}: unknown stance {node.value!r} (one of {', '.join(sorted(STANCES))})"
    cues = _get(tree, "stance_cues")
    for stance, node in cues.value.items() if cues is not None and isinstance(cues.value, dict) else []:
        if stance not in STANCES:
            yield node.line, f"unknown stance {stance!r}"
    with_ = _get(tree, "verbs_with")
    for verb, node in with_.value.items() if with_ is not None and isinstance(with_.value, dict) else []:
        stance = _get(node, "stance")
        if stance is None or stance.value not in STANCES:
            yield node.line, f"verb {verb!r}: needs a known `stance`"


_CHECKERS: dict[str, Callable[[_Node], Iterator[tuple[int, str]]]] = {
    "actors": _check_actors,
    "actors_states": _check_states,
    "actors_groups": _check_groups,
    "actors_leaders": _check_leaders,
    "triggers": _check_triggers,
    "modes": _check_modes,
    "speech": _check_speech,
}
