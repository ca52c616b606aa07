"""A user's PETRARCH-format coding dictionary: readers, pattern matching, codes, and the coder using it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisledger.extract.coding_dictionary import (
    agent_of,
    dictionary_actors,
    plover_type,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
    readable_code,
    with_user_dictionary,
)
from crisisledger.model import EventType

DATA = Path(__file__).parent / "data" / "coding_dictionary"


def words(text: str) -> list[tuple[str, str]]:
    """(text, lemma) pairs where the lemma is the word itself: enough for patterns written in full."""
    return [(w.lower(), w.lower()) for w in text.split()]


@pytest.mark.parametrize(
    ("sentence", "verb", "code"),
    [
        ("Arnor will restore relations with Gondor", "restore", "064"),
        ("Arnor will not restore relations with Gondor", "restore", "112"),
        ("Arnor did restore economic ties with Gondor", "restore", "061"),
        ("Arnor did n't restore ties with Gondor", "restore", "---"),  # a synset member of two words
        ("Arnor will restore the full ties", "restore", "---"),  # `_`: adjacent words
        ("Arnor will restore full embassy staff", "restore", "064"),  # `[+++]` is no code: skipped
        ("Arnor will restore the very full ties", "restore", "064"),  # not adjacent: no match
        ("Arnor broke the treaty", "broke", "161"),
        ("Arnor broke down the treaty", "broke", "161"),
        ("Arnor said it was pleased", "said", "041"),
        ("Arnor said so", "said", "---"),
        ("Arnor left for Gondor", "left", "032:033"),
    ],
)
def test_verb_code_from_patterns(sentence: str, verb: str, code: str) -> None:
    dictionary = read_verbs(DATA / "verbs.txt")
    ws = words(sentence)
    at = [w for w, _ in ws].index(verb)
    entry = dictionary.entry(ws, at)
    assert entry is not None
    assert entry.code_at(ws, at) == code


def test_verb_forms_and_phrasal_verbs() -> None:
    dictionary = read_verbs(DATA / "verbs.txt")
    assert {"restore", "left", "break", "broke", "broken", "said"} <= set(dictionary.verbs)
    ws = words("talks broke down again")
    entry = dictionary.entry(ws, 1)
    assert entry is not None and entry.particles == ("down",)
    assert dictionary.entry(words("Arnor restored nothing"), 1) is None  # no lemma given: no entry


def test_synset_lines_are_not_verb_forms() -> None:
    dictionary = read_verbs(DATA / "verbs.txt")
    assert "military" not in dictionary.verbs and "did" not in dictionary.verbs


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("064", EventType.COOPERATE),
        ("0641", EventType.COOPERATE),
        ("023?", EventType.REQUEST),
        ("075A", EventType.AID),
        ("0813", EventType.RETREAT),
        ("163", EventType.COERCE),
        ("190", EventType.ASSAULT),
        ("191", EventType.COERCE),
        ("010", None),  # a public statement: no event
        ("345", None),
        ("912", None),
        ("---", None),
        ("+++", None),
        ("xxy", None),
    ],
)
def test_plover_type_of_codes(code: str, expected: EventType | None) -> None:
    assert plover_type(code) is expected


def test_readable_code() -> None:
    assert readable_code("075A") == "075"
    assert readable_code("---") is None


def test_actor_dictionary() -> None:
    entries = {e.name: e for e in read_actors(DATA / "actors.txt")}
    assert entries["NORTHLAND"].codes == ("NRL",) and entries["NORTHLAND"].whole_word
    assert entries["NORTHLANDERS"].codes == ("NRL",)  # a `+` synonym of the entry above
    assert entries["SOUTH ISLES"].codes == ("SIS", "SIN")  # one entry, two actors
    assert entries["OLDCOAST"].codes == ("OCT",)  # the plain code, not the date-restricted one


def test_agent_dictionary() -> None:
    agents = read_agents(DATA / "agents.txt")
    names = {(a.name, a.code, a.leading) for a in agents}
    assert ("GOVERNMENT", "GOV", False) in names and ("GOVERNMENTS", "GOV", False) in names
    assert ("POLICE", "COP", False) in names and ("POLICES", "COP", False) not in names  # `{}`: no plural
    assert ("SECURITY MEN", "MIL", False) in names  # a macro expanded
    assert ("AID AGENCY", "NGO", True) in names
    text = "An aid agency Northland team met Northland police and the government of Northland."
    first = text.index("Northland")
    assert agent_of(text, first, first + 9, agents).code == "NGO"  # type: ignore[union-attr]
    second = text.index("Northland police")
    assert agent_of(text, second, second + 9, agents).code == "COP"  # type: ignore[union-attr]
    third = text.rindex("Northland")
    assert agent_of(text, third, third + 9, agents).code == "GOV"  # type: ignore[union-attr]


class _Doc:
    def __init__(self, published: date) -> None:
        self.published = published


class _Text:
    def __init__(self, text: str, published: date = date(2020, 1, 1)) -> None:
        self.text = text
        self.document = _Doc(published)


def test_dictionary_actors_one_actor_per_code() -> None:
    find = dictionary_actors(read_actors(DATA / "actors.txt"), read_agents(DATA / "agents.txt"))
    found = find(_Text("The South Isles government and Northlanders met."))  # type: ignore[arg-type]
    assert [(a.text, a.name, a.country) for a in found] == [
        ("South Isles", "SISGOV", "SIS"),
        ("South Isles", "SINGOV", "SIN"),
        ("Northlanders", "NRL", "NRL"),
    ]


@pytest.mark.parametrize(
    ("day", "names"),
    [
        (date(1994, 1, 1), ["RVWCIV", "HLS"]),  # before a date (`950601`: 1995-06-01)
        (date(2012, 12, 1), ["RVWGOV"]),  # within a range; the entry with dated codes only: none
        (date(2010, 1, 1), ["RVW"]),  # no dated code holds the day: the plain code
    ],
)
def test_dated_actor_codes_follow_the_reports_day(day: date, names: list[str]) -> None:
    find = dictionary_actors(read_actors(DATA / "actors.txt"))
    found = find(_Text("Riverwarden met Hillsman.", day))  # type: ignore[arg-type]
    assert [a.name for a in found] == names


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ABC _*&+-$%^[]{}#:0123456789\n", max_size=40), max_size=12))
def test_verb_reader_survives_messy_text(lines: list[str]) -> None:
    path = DATA.parent / "_messy_verbs.tmp"
    try:
        path.write_text("--- ABC [010] ---\nABC\n" + "\n".join(lines), encoding="utf-8")
        dictionary = read_verbs(path)
        for entries in dictionary.verbs.values():
            for entry in entries:
                entry.code_at(words("x abc y"), 1)
    finally:
        path.unlink(missing_ok=True)


@pytest.mark.integration
def test_coder_reads_the_users_dictionary() -> None:
    from crisisledger.extract.coding_lexicon import trigger_table
    from crisisledger.extract.events import extract_events
    from crisisledger.language.analyze import analyze
    from crisisledger.model import Document

    find = dictionary_actors(read_actors(DATA / "actors.txt"), read_agents(DATA / "agents.txt"))
    table = with_user_dictionary(trigger_table(), read_verbs(DATA / "verbs.txt"), read_discards(DATA / "discards.txt"))

    def coded(text: str) -> list[tuple[str, list[str], list[str]]]:
        an = analyze(Document(id="t", text=text, published=date(2020, 1, 1)))
        events, _ = extract_events(an, find(an), (), (), (), table=table)
        return [(e.type.value, [a.name for a in e.actors], [a.name for a in e.targets]) for e in events]

    # the author's code stands: "is about to" does not turn it into an intent
    assert ("COOPERATE", ["NRL"], ["OCT"]) in coded("Northland is about to restore relations with Oldcoast.")
    # a pattern with a null code: no event at all from that verb
    assert not [e for e in coded("Northland will restore the full embassy staff.") if e[0] == "COOPERATE"]
    # a paired code: the act runs both ways
    # a pattern that marks both slots gives the frame: the receiver is the target
    assert ("AID", ["OCT"], ["NRL"]) in coded("Northland has received money from Oldcoast.")
    # a story the discards put out of scope makes no event
    assert coded("Northland is about to restore relations with Oldcoast after the typhoon.") == []
    both = coded("Northland left for Oldcoast for talks.")
    assert ("AGREE", ["NRL"], ["OCT"]) in both and ("AGREE", ["OCT"], ["NRL"]) in both


@pytest.mark.integration
def test_conjoined_doers_and_targets() -> None:
    from crisisledger.extract.coding_lexicon import trigger_table
    from crisisledger.extract.events import extract_events
    from crisisledger.language.analyze import analyze
    from crisisledger.model import Document

    find = dictionary_actors(read_actors(DATA / "actors.txt"))
    table = with_user_dictionary(trigger_table(), read_verbs(DATA / "verbs.txt"))
    text = "Northland, the South Isles and Oldcoast broke the treaty with Northlanders."
    an = analyze(Document(id="t", text=text, published=date(2020, 1, 1)))
    events, _ = extract_events(an, find(an), (), (), (), table=table)
    doers = {a.name for e in events for a in e.actors if e.type is EventType.SANCTION}
    assert doers == {"NRL", "SIS", "SIN", "OCT"}


def test_pattern_slots_say_where_source_and_target_stand() -> None:
    dictionary = read_verbs(DATA / "verbs.txt")
    ws = words("Arnor has received money from Gondor today")
    ws[2] = ("received", "receive")  # the tagger's lemma
    entry = dictionary.entry(ws, 2)
    assert entry is not None
    found = entry.match_at(ws, 2)
    assert found is not None
    pattern, slots = found
    assert pattern.code == "071"
    by_role = {s.role: (s.after_verb, s.position) for s in slots}
    assert by_role == {"target": (False, 1), "source": (True, 5)}  # "+" before the verb, "$" after "from"
    assert entry.match_at(ws[:4], 2) is None  # no "from": the pattern does not match


def test_discards_put_stories_and_sentences_out_of_scope() -> None:
    discards = read_discards(DATA / "discards.txt")
    assert discards.story == ("FOOTBALL LEAGUE", "TYPHOON")
    assert discards.sentence == ("YEARS LATER",)
    assert discards.story_discarded("A typhoon hit the coast.")
    assert not discards.story_discarded("The typhoonish weather.")
    assert discards.sentence_discarded("Two years  later they met.")
