"""`crisisledger.evaluate` against the reference scorers of ../shared/tools: every figure within 0.01
on synthetic exports derived from the shared gold files, plus gold checks, text rules and tables."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

import eval_fixtures as fx
from crisisledger.errors import GoldError
from crisisledger.evaluate import (
    below_floors,
    flatten,
    load_gold,
    map_series_documents,
    pick_document,
    render_tables,
    score_series,
    score_single,
    series_documents,
)
from crisisledger.evaluate.text import covers, enclosing_sentence, locate, normalize

DATA = Path(__file__).parent / "data" / "eval"
MINI_GOLD = DATA / "mini" / "gold" / "flood.gold.json"
MINI_EXPORT = DATA / "mini" / "flood.export.json"
SEED_GOLD = fx.SHARED / "gold" / "wsws-2023-09-28-karabakh.gold.json"
SEED_TEXT = fx.SHARED / "seed" / "wsws-2023-09-28-karabakh.txt"
SERIES_GOLD = fx.SHARED / "gold" / "series" / "turkey-syria-earthquake-2023" / "series.gold.json"
TOLERANCE = 0.01


def disagreements(reference: dict[str, Any], ours: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    theirs, mine = flatten(reference), flatten(ours)
    assert theirs.keys() == mine.keys()
    return {
        key: (theirs[key], mine[key])
        for key in theirs
        if (theirs[key] is None) != (mine[key] is None)
        or (theirs[key] is not None and abs(theirs[key] - mine[key]) > TOLERANCE)
    }


def needs_shared() -> None:
    if not (SEED_GOLD.exists() and SERIES_GOLD.exists() and (fx.TOOLS / "score.py").exists()):
        pytest.skip("../shared (gold files and reference scorers) is not present")


@pytest.fixture(scope="module")
def seed() -> tuple[dict[str, Any], dict[str, Any]]:
    """The seed gold and an export object that gets all of it right."""
    needs_shared()
    gold = json.loads(SEED_GOLD.read_text("utf-8"))
    return gold, fx.single_export(gold, SEED_TEXT.read_text("utf-8"))


@pytest.fixture(scope="module")
def series_case() -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    needs_shared()
    gold = json.loads(SERIES_GOLD.read_text("utf-8"))
    export, ids = fx.series_export(gold, SERIES_GOLD.parent)
    return gold, export, ids


def reference_single(gold: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    score = fx.reference("score")
    result: dict[str, Any] = score.rounded(score.score(gold, doc))
    return result


def reference_series(gold: dict[str, Any], export: dict[str, Any]) -> dict[str, Any]:
    scorer = fx.reference("score_series")
    result: dict[str, Any] = fx.reference("score").rounded(
        scorer.score_all(gold, str(SERIES_GOLD.parent), export)
    )
    return result


# ---------------------------------------------------------------- single-report golds

SINGLE_VARIANTS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "right": lambda d: d,
    "mistakes every 3rd": fx.spoil_single,
    "mistakes every 2nd": lambda d: fx.spoil_single(d, every=2),
    "mistakes, no offsets": lambda d: fx.without_offsets(fx.spoil_single(d)),
    "right, no offsets": fx.without_offsets,
    "empty": lambda d: {"document": d["document"]},
    "records reversed": lambda d: {k: v[::-1] if isinstance(v, list) else v for k, v in d.items()},
}


@pytest.mark.parametrize("variant", list(SINGLE_VARIANTS))
def test_single_scores_agree_with_reference(
    seed: tuple[dict[str, Any], dict[str, Any]], variant: str
) -> None:
    gold, right = seed
    doc = SINGLE_VARIANTS[variant](copy.deepcopy(right))
    assert disagreements(reference_single(gold, doc), score_single(gold, doc)) == {}


def test_right_export_scores_full_marks(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, right = seed
    scores = score_single(gold, right)
    for name in (
        "figures.f1",
        "events.f1",
        "claims.f1",
        "dates.accuracy",
        "places.accuracy",
        "roles.accuracy",
    ):
        assert flatten(scores)[name] == 1.0, name


def test_mistakes_lower_the_scores(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, right = seed
    scores = flatten(score_single(gold, fx.spoil_single(right)))
    assert scores["events.f1"] < 1 and scores["events.neutral"] > 0 and scores["events.from_opinion"] >= 1
    assert scores["claims.neutral"] > 0 and scores["figures.recall"] < 1 and scores["roles.accuracy"] < 1


def test_shared_example_export_agrees(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, _ = seed
    example = json.loads((fx.SHARED / "design" / "examples" / "export-example.json").read_text("utf-8"))
    doc = pick_document(example["documents"], gold)  # the only document
    assert disagreements(reference_single(gold, dict(doc)), score_single(gold, doc)) == {}


def test_pick_document_by_title_then_text(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, right = seed
    other = {"document": {"id": "x", "title": "Another story", "text": "Nothing to see."}}
    untitled = copy.deepcopy(right)
    untitled["document"]["title"] = None
    assert pick_document([other, right], gold) is right
    assert pick_document([other, untitled], gold) is untitled  # its text holds the first event's evidence
    assert pick_document([other], gold) is other
    with pytest.raises(GoldError, match="matches the gold title"):
        pick_document([other, copy.deepcopy(other)], gold)


# random perturbations of a fixture export: both scorers must still agree
SECTIONS = ("sentences", "times", "places", "figures", "events", "claims")
TOKENS: dict[str, list[str | None]] = {
    "type": ["ASSAULT", "COERCE", "PROTEST", "DISPLACEMENT", "AID", "ACCUSE", "CONCEDE", "RETREAT"],
    "certainty": ["asserted", "reported", "alleged", "denied", "unconfirmed"],
    "kind": ["killed", "displaced", "refugees", "injured", "other", "population"],
    "qualifier": ["exact", "approximate", "at_least", "more_than"],
    "stance": ["assert", "deny", "accuse", "request", "praise"],
    "role": ["report", "quote", "background", "commentary", "boilerplate"],
    "precision": ["day", "month", "year"],
    "speaker": ["Aliyev", "officials", "a spokesman", None, "the United Nations refugee agency spokesperson"],
    "attributed_to": [None, "officials", "Armenia", "the government of Armenia"],
}
op = st.tuples(
    st.sampled_from(["drop", "copy", "swap", "token", "value", "shift", "unspan", "place", "date", "span"]),
    st.sampled_from(SECTIONS),
    st.integers(0, 200),
    st.integers(-400, 400),
)


def perturb(doc: dict[str, Any], ops: list[tuple[str, str, int, int]]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    text = doc["document"]["text"]
    for action, section, index, number in ops:
        records = doc[section]
        if not records:
            continue
        i = index % len(records)
        record = records[i]
        if action == "drop":
            del records[i]
        elif action == "copy":
            records.insert(number % (len(records) + 1), copy.deepcopy(record))
        elif action == "swap":
            j = number % len(records)
            records[i], records[j] = records[j], records[i]
        elif action == "token":
            field = [f for f in TOKENS if f in record] or ["role"]
            choices = TOKENS[field[number % len(field)]]
            record[field[number % len(field)]] = choices[index % len(choices)]
        elif action == "value" and "value" in record:
            record["value"] = None if number % 7 == 0 else (record["value"] or 0) + number % 3
            if record["value"] is None:
                record["value_min"], record["value_max"] = abs(number) * 100, abs(number) * 100 + index * 50
        elif action in ("shift", "unspan", "span"):
            target = record.get("evidence") if isinstance(record.get("evidence"), dict) else record
            if action == "unspan":
                target.pop("start", None)
                target.pop("end", None)
            elif action == "span":
                start = index * 37 % max(1, len(text))
                target.update(start=start, end=start + abs(number) * 3 + 1)
                target["text"] = text[target["start"] : target["end"]]
            elif isinstance(target.get("start"), int):
                target["start"] += number // 40
                target["end"] += number // 50
        elif action == "place":
            key = "place" if section in ("figures", "events") else None
            spot = None if number % 5 == 0 else {"lat": 39.0 + number / 200, "lon": 46.0 + index / 100}
            if key:
                record[key] = spot
            elif section == "places" and spot:
                record.update(spot)
        elif action == "date" and section == "events":
            day = 10 + index % 20
            record["date"] = (
                None if number % 6 == 0 else {"start": f"2023-09-{day:02d}", "end": f"2023-09-{day:02d}"}
            )
    return doc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(op, min_size=1, max_size=12), spoiled=st.booleans())
def test_random_perturbations_agree(
    seed: tuple[dict[str, Any], dict[str, Any]], ops: Any, spoiled: bool
) -> None:
    gold, right = seed
    doc = perturb(fx.spoil_single(right) if spoiled else right, ops)
    assert disagreements(reference_single(gold, doc), score_single(gold, doc)) == {}


def test_mini_gold_scores_as_worked_out_by_hand() -> None:
    """Needs nothing from ../shared: an invented report scored by hand."""
    gold = load_gold(MINI_GOLD)
    export = json.loads(MINI_EXPORT.read_text("utf-8"))
    scores = score_single(gold.data, pick_document(export["documents"], gold.data))
    assert scores == yaml.safe_load((DATA / "mini" / "expected.yaml").read_text("utf-8"))
    assert gold.report_path == (DATA / "mini" / "seed" / "flood.txt").resolve()


def test_mini_gold_agrees_with_reference() -> None:
    needs_shared()
    gold = json.loads(MINI_GOLD.read_text("utf-8"))
    doc = json.loads(MINI_EXPORT.read_text("utf-8"))["documents"][0]
    assert disagreements(reference_single(gold, doc), score_single(gold, doc)) == {}


# ---------------------------------------------------------------- series golds


def no_members(gold: dict[str, Any]) -> dict[str, Any]:
    gold = copy.deepcopy(gold)
    for cluster in gold.get("clusters", []):
        cluster.pop("members", None)
    return gold


SERIES_VARIANTS: dict[str, Callable[..., tuple[dict[str, Any], dict[str, Any]]]] = {
    "right": lambda g, e, ids: (g, e),
    "mistakes": lambda g, e, ids: (g, fx.spoil_series(e, ids)),
    "no clusters or series": lambda g, e, ids: (g, dict(e, clusters=[], series=[])),
    "documents only": lambda g, e, ids: (
        g,
        {"documents": [{"document": d["document"]} for d in e["documents"]]},
    ),
    "gold without members": lambda g, e, ids: (no_members(g), fx.spoil_series(e, ids)),
    "gold without clusters": lambda g, e, ids: ({k: v for k, v in g.items() if k != "clusters"}, e),
    "all optional": lambda g, e, ids: ({**g, "series": [dict(s, required=False) for s in g["series"]]}, e),
}


@pytest.mark.parametrize("variant", list(SERIES_VARIANTS))
def test_series_scores_agree_with_reference(series_case: Any, variant: str) -> None:
    gold, export, ids = series_case
    gold, export = SERIES_VARIANTS[variant](copy.deepcopy(gold), copy.deepcopy(export), ids)
    assert disagreements(reference_series(gold, export), score_series(gold, export, ids)) == {}


def test_series_right_and_spoiled_values(series_case: Any) -> None:
    gold, export, ids = series_case
    right = score_series(gold, export, ids)
    assert right["series"]["recovered"] == right["series"]["required"] == 3
    assert right["clusters"]["f1"] == 1.0 and right["copies"]["double_counted"] == 0
    spoiled = score_series(gold, fx.spoil_series(export, ids), ids)
    assert spoiled["clusters"]["precision"] < 1 and spoiled["copies"]["double_counted"] > 0
    assert spoiled["flags"]["found"] < spoiled["flags"]["n"]
    empty = score_series({k: v for k, v in gold.items() if k != "clusters"}, export, ids)
    assert empty["clusters"] == {
        "precision": None,
        "recall": None,
        "f1": None,
        "n": 0,
        "sources_correct": None,
    }


series_op = st.tuples(
    st.sampled_from(
        [
            "move",
            "drop_member",
            "sources",
            "drop_point",
            "point_value",
            "counted",
            "flag",
            "dup",
            "event_type",
            "event_date",
            "latest",
            "reverse",
        ]
    ),
    st.integers(0, 100),
    st.integers(0, 100),
)


def perturb_series(export: dict[str, Any], ops: list[tuple[str, int, int]]) -> dict[str, Any]:
    export = copy.deepcopy(export)
    clusters, series, docs = export["clusters"], export["series"], export["documents"]
    for action, a, b in ops:
        if action in ("move", "drop_member", "sources") and clusters:
            cl = clusters[a % len(clusters)]
            if action == "sources":
                cl["sources"] = b % 4
            elif cl["members"]:
                member = cl["members"].pop(b % len(cl["members"]))
                if action == "move":
                    clusters[b % len(clusters)]["members"].append(member)
        elif action in ("drop_point", "point_value", "counted", "latest", "reverse", "flag") and series:
            s = series[a % len(series)]
            if action == "latest":
                s["latest"]["value"] = s["points"][b % len(s["points"])]["value"] if s["points"] else None
            elif action == "reverse":
                s["points"].reverse()
            elif action == "flag":
                s["flags"] = [dict(f, kind=["revision", "stale", "contradiction"][b % 3]) for f in s["flags"]]
            elif s["points"]:
                p = s["points"][b % len(s["points"])]
                if action == "drop_point":
                    s["points"].remove(p)
                elif action == "point_value":
                    p["value"], p["value_min"] = None, p["value"]
                else:
                    p["counted"] = not p.get("counted", True)
        elif action == "dup":
            d, other = docs[a % len(docs)], docs[b % len(docs)]
            d["document"]["duplicate_of"] = {"document": other["document"]["id"], "kind": "copy"}
        elif action in ("event_type", "event_date"):
            events = docs[a % len(docs)]["events"]
            if events:
                e = events[b % len(events)]
                if action == "event_type":
                    e["type"] = ["INCIDENT", "AID", "ASSAULT"][b % 3]
                else:
                    e["date"] = {"start": f"2023-02-{1 + b % 12:02d}", "end": f"2023-02-{1 + b % 12:02d}"}
                    e["place"] = None if b % 2 else {"lat": 36.0 + b / 50, "lon": 37.0}
    return export


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(series_op, min_size=1, max_size=10), members=st.booleans())
def test_random_series_perturbations_agree(series_case: Any, ops: Any, members: bool) -> None:
    gold, export, ids = series_case
    gold = gold if members else no_members(gold)
    changed = perturb_series(export, ops)
    assert disagreements(reference_series(gold, changed), score_series(gold, changed, ids)) == {}


def test_series_documents_and_id_mapping(series_case: Any) -> None:
    gold_data, export, ids = series_case
    gold = load_gold(SERIES_GOLD)
    listed = series_documents(gold)
    assert [d.id for d in listed] == [d["id"] for d in gold_data["documents"]]
    assert all(d.path.is_absolute() and d.path.exists() for d in listed)
    assert map_series_documents(gold, export) == ids  # by document id
    renamed = copy.deepcopy(export)
    for doc in renamed["documents"]:
        doc["document"]["id"] = "x" + doc["document"]["id"][1:]
        doc["document"]["text"] = doc["document"]["text"].replace("\n", " ")
    assert map_series_documents(gold, renamed) == {k: "x" + v[1:] for k, v in ids.items()}  # by text


# ---------------------------------------------------------------- gold files


MINI_SERIES = {
    "format": "crisisledger-series-gold/1",
    "documents": [{"file": "v1-2024-03-02.txt"}, {"id": "obs", "file": "../obs.txt"}],
    "series": [
        {
            "id": "s",
            "kind": "killed",
            "points": [{"doc": "v1", "as_of": "2024-03-01", "value": 3}],
            "latest": 3,
        }
    ],
    "clusters": [
        {
            "id": "c",
            "type": "INCIDENT",
            "date": "2024-03-01",
            "docs": ["v1"],
            "members": [{"doc": "v1", "evidence": "x"}],
            "independent_sources": 1,
            "near": [1, 2],
        }
    ],
    "near_duplicates": [["v1", "obs"]],
}


def _set(data: Any, path: str, value: Any, delete: bool) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data[int(part)] if isinstance(data, list) else data[part]
    key: Any = int(last) if isinstance(data, list) else last
    if delete:
        del data[key]
    else:
        data[key] = value


@pytest.mark.parametrize(
    "case", yaml.safe_load((DATA / "gold_errors.yaml").read_text("utf-8")), ids=lambda c: c["name"]
)
def test_broken_golds_are_refused_clearly(tmp_path: Path, case: dict[str, Any]) -> None:
    data = (
        json.loads(MINI_GOLD.read_text("utf-8")) if case["base"] == "single" else copy.deepcopy(MINI_SERIES)
    )
    _set(data, case["path"], case.get("value"), case.get("delete", False))
    path = tmp_path / "broken.gold.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    assert case["expect"] in str(caught.value)
    assert str(path) in str(caught.value)


def test_unreadable_golds(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "missing.gold.json")
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    with pytest.raises(GoldError, match="not a JSON file"):
        load_gold(tmp_path / "bad.json")
    (tmp_path / "list.json").write_text("[]", "utf-8")
    with pytest.raises(GoldError, match="one JSON object"):
        load_gold(tmp_path / "list.json")


def test_series_gold_loads_with_short_ids(tmp_path: Path) -> None:
    path = tmp_path / "set" / "series.gold.json"
    path.parent.mkdir()
    path.write_text(json.dumps(MINI_SERIES), "utf-8")
    gold = load_gold(path)
    assert gold.kind == "series"
    docs = series_documents(gold)
    assert [(d.id, d.path) for d in docs] == [
        ("v1", path.parent / "v1-2024-03-02.txt"),
        ("obs", tmp_path / "obs.txt"),
    ]


def test_shared_golds_load(shared: Path) -> None:
    assert load_gold(SEED_GOLD).kind == "single"
    assert load_gold(SERIES_GOLD).kind == "series"


# ---------------------------------------------------------------- text rules, tables, floors


@pytest.mark.parametrize(
    ("gold", "system", "text", "expected"),
    [
        ("the army attacked", "Yesterday The  army attacked the town.", "", True),
        ("the army\u2019s attack", "the army's attack began", "", True),
        ("the army attacked the town at dawn", "the army attacked the town", "", True),  # 26 of 34: >= 60%
        ("the army attacked the town at dawn", "the army attacked", "", False),
        ("it rained.", "it rained. " * 40, "Before. It rained. After.", False),  # far beyond a sentence
        ("", "anything", "", False),
    ],
)
def test_covers(gold: str, system: str, text: str, expected: bool) -> None:
    assert covers(gold, system, text) is expected


def test_locate_and_sentence() -> None:
    text = "First line. The \u201cgreen\u201d   zone held.\nNext line."
    assert locate('the "green" zone', text) == [(12, 30)]
    assert locate("line", text, whole_words=True) == [(6, 10), (42, 46)]
    assert enclosing_sentence("green", text) == " The \u201cgreen\u201d   zone held."
    assert normalize("  A\u2019s \n B ") == "a's b"


def test_render_tables_and_floors() -> None:
    gold = load_gold(MINI_GOLD)
    export = json.loads(MINI_EXPORT.read_text("utf-8"))
    result: dict[str, Any] = {
        "gold": str(MINI_GOLD),
        "document": "0123456789abcdef",
        "scores": score_single(gold.data, export["documents"][0]),
    }
    out = io.StringIO()
    render_tables(result, Console(file=out, width=100, color_system=None))
    shown = out.getvalue()
    for word in ("places", "events", "roles", "from_opinion", "n/a", "0.333", "0.500"):
        assert word in shown
    floors = {"events.f1": 0.5, "claims": {"f1": 0.9}, "events.target_accuracy": 0.5, "events.nothing": 1}
    assert below_floors(result["scores"], floors) == [
        "events.f1 0.400 < 0.5",
        "events.nothing: no such score (floor 1)",
    ]
