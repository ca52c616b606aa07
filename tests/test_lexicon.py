"""The coding lexicons: shipped files pass their checks, and the checks catch what they promise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from crisisledger.extract.coding_lexicon import actor_lexicon, slug, speech_table, trigger_table
from crisisledger.lexicon.check import check_lexicons
from crisisledger.model import ActorKind, EventType, Stance

LEXICON_DIR = Path(__file__).parents[1] / "src" / "crisisledger" / "lexicon"


def test_shipped_lexicons_are_clean() -> None:
    assert check_lexicons() == []


def test_every_un_member_has_a_state_entry() -> None:
    lex = actor_lexicon()
    codes = {s.iso3 for s in lex.state_names.values()}
    assert len(codes) >= 193
    assert lex.demonyms["Azeri"].iso3 == "AZE"
    assert lex.state_names["Russia"].iso3 == "RUS"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "actors_groups.yaml",
            "actors:\n  - {id: x.a, name: A, kind: warlord, country: ZZZ, surfaces: [A]}\n",
            ["unknown actor kind 'warlord'", "unknown ISO 3166-1 alpha-3 code 'ZZZ'"],
        ),
        (
            "actors_groups.yaml",
            "actors:\n  - {id: x.a, name: A, kind: media, country: null, surfaces: [A]}\n"
            "  - {id: x.a, name: B, kind: media, country: null, surfaces: [B]}\n",
            ["duplicate actor id 'x.a'"],
        ),
        ("actors_groups.yaml", "actors:\n  - {id: x.a, name: A, kind: media, surfaces: [A]}\n", ["without `country`"]),
        (
            "actors_states.yaml",
            "states:\n  - {iso3: ARM, name: Armenia}\n  - {iso3: ARM, name: Armenia}\n",
            ["duplicate state ARM"],
        ),
        (
            "triggers.yaml",
            "light_verbs: []\ntarget_preps: [on]\ncivilian_targets: []\ntypes:\n  FIGHT: {mode: x}\n",
            ["not a string", "unknown event type 'FIGHT'"],
        ),
        ("speech.yaml", "verbs:\n  say: shout\n", ["unknown stance 'shout'"]),
        ("modes.yaml", "modes:\n  ASSAULT:\n    - {mode: x}\n", ["needs `mode` and `cues`"]),
    ],
)
def test_check_reports_file_line_and_problem(tmp_path: Path, name: str, text: str, expected: list[str]) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    problems = check_lexicons([path])
    for fragment in expected:
        assert any(fragment in p and p.startswith(f"{path}:") for p in problems), problems
    assert all(p.split(":")[1].isdigit() for p in problems)


def test_broken_yaml_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "speech.yaml"
    path.write_text("verbs: [unclosed\n", encoding="utf-8")
    assert len(check_lexicons([path])) == 1


def test_tables_compile_to_the_vocabulary() -> None:
    triggers = trigger_table()
    assert triggers.verbs["shell"][0].type is EventType.ASSAULT
    calls = {c.type: c.requires for c in triggers.verbs["call"]}
    assert calls[EventType.REQUEST] >= {"on", "for"}  # "call on", "call for" (a demand)
    assert calls[EventType.MOBILIZE] == {"up"}  # "call up reservists"
    assert "on" in triggers.target_preps  # not the YAML boolean True
    assert speech_table().verbs["deny"] is Stance.DENY
    assert actor_lexicon().offices["Prime Minister"] is ActorKind.GOVERNMENT


def test_slug() -> None:
    assert slug("Nikol Pashinyan") == "nikol-pashinyan"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slug("  ") == "unknown"


def test_ngos_are_marked_and_igos_are_not() -> None:
    named = actor_lexicon().named
    assert named["Amnesty International"].ngo and named["Human Rights Watch"].ngo
    assert not named["UNESCO"].ngo and not named["OAU"].ngo
    assert named["LTTE"].country == "LKA"


def test_a_ceasefire_agreed_or_taking_effect_reads_as_agree_and_called_off_strikes_as_concessions() -> None:
    verbs = trigger_table().verbs

    def reading(lemma: str, word: str) -> EventType | None:
        return next((t.type for t in verbs[lemma] if word in t.requires), None)

    assert reading("announce", "ceasefire") is EventType.AGREE
    assert reading("take", "ceasefire") is EventType.AGREE
    assert reading("call", "off") is EventType.CONCEDE
    assert reading("suspend", "offensive") is EventType.RETREAT
    assert reading("suspend", "strike") is EventType.CONCEDE
    assert trigger_table().nouns["ceasefire"].type is EventType.RETREAT  # declared alone: CAMEO 0871


def repeated_keys(text: str) -> list[str]:
    """Keys given twice in one mapping of a YAML text (YAML keeps only the last, silently)."""
    found: list[str] = []

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: Loader, node: yaml.MappingNode) -> Any:
        keys = [loader.construct_object(k) for k, _ in node.value]
        found.extend(f"{k!r} at line {node.start_mark.line + 1}" for k in sorted(set(keys)) if keys.count(k) > 1)
        return yaml.SafeLoader.construct_mapping(loader, node)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(text, Loader=Loader)
    return found


@pytest.mark.parametrize("name", ["triggers.yaml", "modes.yaml", "speech.yaml"])
def test_coding_lexicons_give_no_key_twice(name: str) -> None:
    # "find: [guilty]" beside an older "find: [fault]" would drop one of them without a word
    assert repeated_keys((LEXICON_DIR / name).read_text(encoding="utf-8")) == []


def test_repeated_keys_are_caught() -> None:
    text = "types:\n  ACCUSE:\n    verbs_with: {find: [fault], find: [guilty]}\n"
    assert repeated_keys(text) == ["'find' at line 3"]


def test_no_plain_verb_or_noun_stands_under_two_types() -> None:
    # the table keeps the first type a noun or plain verb is listed under; a second listing would be dead
    data = yaml.safe_load((LEXICON_DIR / "triggers.yaml").read_text(encoding="utf-8"))
    owners: dict[str, list[str]] = {}
    for etype, entry in data["types"].items():
        for word in entry.get("verbs", []):
            owners.setdefault(f"verb {word}", []).append(etype)
        for word in entry.get("nouns", []):
            owners.setdefault(f"noun {word}", []).append(etype)
    assert {w: ts for w, ts in owners.items() if len(ts) > 1} == {}
