"""The six sections of a single-report score (gold-format.md): places, dates, figures, events,
claims and sentence roles, for one gold file and one per-document export object."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from crisisledger.errors import GoldError
from crisisledger.evaluate.config import rules
from crisisledger.evaluate.matching import (
    Item,
    count_required,
    match_records,
    precision_recall,
    second_tellings,
)
from crisisledger.evaluate.text import (
    Span,
    contains_words,
    distance_km,
    evidence_text,
    is_short_name,
    locate,
    normalize,
    overlaps,
    place_key,
    record_span,
    share,
    shares_evidence,
)
from crisisledger.model import CRISIS_KINDS

Scores = dict[str, Any]


def _list(record: Mapping[str, Any], key: str) -> list[Any]:
    value = record.get(key)
    return value if isinstance(value, list) else []


def _as_dict(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _accepted(gold: Item, field: str, alternatives: str, value: Any) -> bool:
    """The gold's list of accepted values, or its own value alone."""
    accepted = gold.get(alternatives)
    if accepted is None:
        accepted = [gold[field]]
    return value in accepted


def _has_coordinates(place: Any) -> bool:
    return isinstance(place, Mapping) and place.get("lat") is not None and place.get("lon") is not None


class _Context:
    """What every section needs: the document text and the gold's places and actors by id."""

    def __init__(self, gold: Item, document: Item) -> None:
        self.gold = gold
        self.document = document
        self.text = str(_as_dict(document.get("document")).get("text") or "")
        self.places = {p["id"]: p for p in gold.get("places") or []}
        self.actors = {a["id"]: a for a in gold.get("actors") or []}

    def near(self, system_place: Any, gold_place: Item, extra: Iterable[str] = ()) -> bool:
        """Within tolerance of the gold place, one of its accept_ids, or one of `extra`."""
        if not _has_coordinates(system_place):
            return False
        candidates = [gold_place["id"], *(gold_place.get("accept_ids") or []), *extra]
        return any(
            distance_km(
                system_place["lat"], system_place["lon"], self.places[c]["lat"], self.places[c]["lon"]
            )
            <= self.places[c]["tolerance_km"]
            for c in candidates
            if c in self.places
        )


def actor_matches(system_actor: Any, gold_actor: Item) -> bool:
    """A short text or name holding a gold name or surface form as words, or the same country and kind."""
    actor = system_actor if isinstance(system_actor, Mapping) else {"text": system_actor}
    forms = [f for f in [gold_actor.get("name"), *(gold_actor.get("surface") or [])] if f]
    by_words = any(
        is_short_name(actor.get(field)) and contains_words(actor.get(field), form)
        for field in ("text", "name")
        for form in forms
    )
    country = gold_actor.get("country")
    return by_words or (
        bool(country) and actor.get("country") == country and actor.get("kind") == gold_actor.get("kind")
    )


def value_matches(system: Item, gold: Item) -> bool:
    """A gold value needs that exact value; a gold range takes any system value or range meeting it."""
    value = system.get("value")
    low: Any = value
    high: Any = value
    if not isinstance(value, int | float):
        low, high = system.get("value_min"), system.get("value_max")
        low, high = (high if low is None else low), (low if high is None else high)
        if low is None:
            return False
    if gold.get("value") is not None:
        return bool(low == high == gold["value"])
    return bool(low <= gold["value_max"] and high >= gold["value_min"])


def _ranges_meet(date: Mapping[str, Any], start: str, end: str) -> bool:
    """The system range [start, end or start] meets the gold's; a range without a start meets nothing."""
    own_start: Any = date.get("start")
    return bool(own_start) and (date.get("end") or own_start) >= start and own_start <= end


def score_places(ctx: _Context) -> Scores:
    """Each system place goes to a gold place by name, else by its span over a gold mention; a gold
    place is right when at least half of the places it received lie near it."""
    by_name: dict[str, str] = {}
    for place in ctx.places.values():
        for name in place["names"]:
            by_name.setdefault(place_key(name), place["id"])
    mentions = {
        pid: [span for name in place["names"] for span in locate(name, ctx.text, whole_words=True)]
        for pid, place in ctx.places.items()
    }
    received: dict[str, list[Item]] = {pid: [] for pid in ctx.places}
    for system in _list(ctx.document, "places"):
        target = by_name.get(place_key(system.get("text")))
        offsets = record_span(system)
        if target is None and offsets:
            target = next((pid for pid, spans in mentions.items() if _over_any(offsets, spans)), None)
        if target:
            received[target].append(system)

    def majority(places: list[Item], good: Callable[[Item], bool]) -> bool:
        return bool(places) and 2 * sum(map(good, places)) >= len(places)

    fixed = rules().fixed_km

    def within_fixed(system: Item, gold: Item) -> bool:
        return _has_coordinates(system) and (
            distance_km(system["lat"], system["lon"], gold["lat"], gold["lon"]) <= fixed
        )

    right = right_fixed = 0
    for pid, gold in ctx.places.items():
        right += majority(received[pid], lambda s: ctx.near(s, gold))  # noqa: B023  used at once
        right_fixed += majority(received[pid], lambda s: within_fixed(s, gold))  # noqa: B023
    total = len(ctx.places)
    return {"accuracy": share(right, total), "acc161": share(right_fixed, total), "n": total}


def _over_any(span: Span, spans: Iterable[Span]) -> bool:
    return any(overlaps(span, other) for other in spans)


def score_dates(ctx: _Context) -> Scores:
    """A gold date is right when an unused system time on its evidence has the same range and precision."""
    times = _list(ctx.document, "times")
    golds = ctx.gold.get("dates") or []
    used: set[int] = set()
    for gold in golds:
        where = locate(gold["evidence"], ctx.text)
        wanted = (gold["date_start"], gold.get("date_end") or gold["date_start"], gold["precision"])
        for index, time in enumerate(times):
            if index in used:
                continue
            offsets = record_span(time)
            if where and offsets:
                on_evidence = _over_any(offsets, where)
            else:  # no offsets: the time's text lies in the evidence
                own = normalize(time.get("text"))
                on_evidence = bool(own) and own in normalize(gold["evidence"])
            found = (
                time.get("date_start"),
                time.get("date_end") or time.get("date_start"),
                time.get("precision"),
            )
            if on_evidence and found == wanted:
                used.add(index)
                break
    return {"accuracy": share(len(used), len(golds)), "n": len(golds)}


def score_figures(ctx: _Context) -> Scores:
    synonyms = rules().figure_kind_synonyms

    def kind_ok(system: Item, gold: Item) -> bool:
        accepted = gold.get("accept_kinds")
        accepted = [gold["kind"]] if accepted is None else accepted
        kind = system.get("kind")
        return isinstance(kind, str) and synonyms.get(kind, kind) in {synonyms.get(k, k) for k in accepted}

    def rule(system: Item, gold: Item) -> bool:
        return (
            kind_ok(system, gold)
            and value_matches(system, gold)
            and _accepted(gold, "qualifier", "accept_qualifiers", system.get("qualifier"))
        )

    golds = ctx.gold.get("figures") or []
    figures = _list(ctx.document, "figures")
    matching = match_records(golds, figures, rule, ctx.text)
    idle = second_tellings(matching, figures, kind_ok, ctx.text)
    crisis = {i for i, f in enumerate(figures) if f.get("kind") in CRISIS_KINDS}
    out: Scores = precision_recall(
        len(crisis & matching.used),
        len(crisis) - len(crisis & idle),
        count_required([g for g, _ in matching.pairs]),
        count_required(golds),
    )
    out["system"], out["neutral"] = len(crisis), len(crisis & idle)
    dated = [(g, f) for g, f in matching.pairs if g.get("as_of")]
    placed = [(g, f) for g, f in matching.pairs if g.get("place") in ctx.places]
    out["as_of_accuracy"] = share(sum(f.get("as_of") == g["as_of"] for g, f in dated), len(dated))
    out["place_accuracy"] = share(
        sum(ctx.near(f.get("place"), ctx.places[g["place"]]) for g, f in placed), len(placed)
    )
    return out


def score_events(ctx: _Context) -> Scores:
    def type_ok(system: Item, gold: Item) -> bool:
        return _accepted(gold, "type", "accept_types", system.get("type"))

    def actors_of(gold: Item, field: str) -> list[Item]:
        return [ctx.actors[a] for a in gold.get(field) or [] if a in ctx.actors]

    def rule(system: Item, gold: Item) -> bool:
        if not type_ok(system, gold):
            return False
        wanted = actors_of(gold, "actor")
        if wanted and not any(actor_matches(a, g) for a in _list(system, "actors") for g in wanted):
            return False
        date, gold_date = _as_dict(system.get("date")), gold.get("date")
        if gold_date and date.get("start") and not _ranges_meet(date, gold_date["start"], gold_date["end"]):
            return False
        place = system.get("place")
        if gold.get("place") and _has_coordinates(place):  # no coordinates: the place may come from elsewhere
            return ctx.near(place, ctx.places[gold["place"]], gold.get("accept_places") or [])
        return True

    def attribution_ok(gold: Item, system: Item) -> bool:
        source = system.get("attributed_to")
        if isinstance(source, Mapping):
            source = source.get("name") or source.get("text")
        if not source:
            return system.get("certainty") == "asserted" and _accepted(
                gold, "certainty", "accept_certainty", "asserted"
            )
        return is_short_name(source) and contains_words(source, gold["attributed_to"], either_way=True)

    golds = ctx.gold.get("events") or []
    events = _list(ctx.document, "events")
    matching = match_records(golds, events, rule, ctx.text)
    idle = second_tellings(matching, events, type_ok, ctx.text)
    pairs = matching.pairs
    out: Scores = precision_recall(
        len(pairs), len(events) - len(idle), count_required([g for g, _ in pairs]), count_required(golds)
    )
    out["system"], out["neutral"] = len(events), len(idle)
    out["from_opinion"] = _from_opinion(ctx, events, matching.used)
    out["certainty_accuracy"] = share(
        sum(_accepted(g, "certainty", "accept_certainty", e.get("certainty")) for g, e in pairs), len(pairs)
    )
    attributed = [(g, e) for g, e in pairs if g.get("attributed_to")]
    out["attribution_accuracy"] = share(sum(attribution_ok(g, e) for g, e in attributed), len(attributed))
    placed = [(g, e) for g, e in pairs if g.get("place") in ctx.places]
    out["place_accuracy"] = share(
        sum(
            ctx.near(e.get("place"), ctx.places[g["place"]], g.get("accept_places") or []) for g, e in placed
        ),
        len(placed),
    )
    dated = [(g, e) for g, e in pairs if g.get("date")]
    out["date_accuracy"] = share(
        sum(_ranges_meet(_as_dict(e.get("date")), g["date"]["start"], g["date"]["end"]) for g, e in dated),
        len(dated),
    )
    targeted = [(actors_of(g, "target"), e) for g, e in pairs if g.get("target")]
    out["target_accuracy"] = share(
        sum(any(actor_matches(t, g) for t in _list(e, "targets") for g in wanted) for wanted, e in targeted),
        len(targeted),
    )
    return out


def _from_opinion(ctx: _Context, events: Sequence[Item], used: frozenset[int]) -> int:
    """Unmatched events whose sentence covers, or lies in, a commentary or boilerplate item."""
    opinion = list(ctx.gold.get("commentary") or []) + list(ctx.gold.get("boilerplate") or [])
    count = 0
    for index, event in enumerate(events):
        span = evidence_text(event, ctx.text)
        if index not in used and any(shares_evidence(o, span) or shares_evidence(span, o) for o in opinion):
            count += 1
    return count


def score_claims(ctx: _Context) -> Scores:
    def stance_ok(system: Item, gold: Item) -> bool:
        return _accepted(gold, "stance", "accept_stances", system.get("stance"))

    def rule(system: Item, gold: Item) -> bool:
        speaker = system.get("speaker")
        return (
            is_short_name(speaker)
            and contains_words(speaker, gold["speaker"], either_way=True)
            and stance_ok(system, gold)
        )

    golds = ctx.gold.get("claims") or []
    claims = _list(ctx.document, "claims")
    matching = match_records(golds, claims, rule, ctx.text)
    idle = second_tellings(matching, claims, stance_ok, ctx.text)
    out: Scores = precision_recall(
        len(matching.pairs),
        len(claims) - len(idle),
        count_required([g for g, _ in matching.pairs]),
        count_required(golds),
    )
    out["system"], out["neutral"] = len(claims), len(idle)
    return out


def report_items(gold: Item) -> list[str]:
    """The main evidence of required events and claims, each distinct (normalised) string once."""
    distinct: dict[str, str] = {}
    for item in [*(gold.get("events") or []), *(gold.get("claims") or [])]:
        if item.get("required", True):
            distinct.setdefault(normalize(item["evidence"]), item["evidence"])
    return list(distinct.values())


def score_roles(ctx: _Context) -> Scores:
    sentences = _list(ctx.document, "sentences")
    with_offsets = any(record_span(s) for s in sentences)

    def right(item: str, roles: frozenset[str]) -> bool:
        where = locate(item, ctx.text)
        if where and with_offsets:
            over = [s for s in sentences if (o := record_span(s)) and _over_any(o, where)]
        else:
            over = [s for s in sentences if shares_evidence(item, s.get("text"))][:1]
        if not over:  # boilerplate that intake removed from the text is recognised boilerplate
            return roles == {"boilerplate"} and bool(ctx.text) and not where
        return all(s.get("role") in roles for s in over)

    def judge(items: Iterable[str], roles: Iterable[str]) -> list[bool]:
        return [right(item, frozenset(roles)) for item in items]

    commentary = judge(ctx.gold.get("commentary") or [], ["commentary"])
    boilerplate = judge(ctx.gold.get("boilerplate") or [], ["boilerplate"])
    report = judge(report_items(ctx.gold), rules().report_roles)
    total = len(commentary) + len(boilerplate) + len(report)
    return {
        "accuracy": share(sum(commentary) + sum(boilerplate) + sum(report), total),
        "commentary": share(sum(commentary), len(commentary)),
        "boilerplate": share(sum(boilerplate), len(boilerplate)),
        "report": share(sum(report), len(report)),
        "n": total,
    }


SECTIONS: tuple[tuple[str, Callable[[_Context], Scores]], ...] = (
    ("places", score_places),
    ("dates", score_dates),
    ("figures", score_figures),
    ("events", score_events),
    ("claims", score_claims),
    ("roles", score_roles),
)


def rounded(value: Any, places: int = 4) -> Any:
    """Floats rounded throughout nested dicts and lists; everything else as it is."""
    if isinstance(value, Mapping):
        return {k: rounded(v, places) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v, places) for v in value]
    return round(value, places) if isinstance(value, float) else value


def score_single(gold: Mapping[str, Any], document: Mapping[str, Any]) -> dict[str, Any]:
    """The "scores" object of gold-format.md, numbers rounded to 4 places."""
    ctx = _Context(gold, document)
    return {name: rounded(section(ctx)) for name, section in SECTIONS}


def pick_document(documents: Sequence[Mapping[str, Any]], gold: Mapping[str, Any]) -> Mapping[str, Any]:
    """The export document titled like the gold, else whose text holds the title or the first event's
    evidence, else the only one."""
    meta = [_as_dict(d.get("document")) for d in documents]
    gold_doc = _as_dict(gold.get("document"))
    title = normalize(gold_doc.get("title"))
    for document, info in zip(documents, meta, strict=True):
        if title and normalize(info.get("title")) == title:
            return document
    first_event = (gold.get("events") or [{}])[0].get("evidence")
    probes = [normalize(x) for x in (gold_doc.get("title"), first_event) if x]
    for document, info in zip(documents, meta, strict=True):
        text = normalize(info.get("text"))
        if any(probe in text for probe in probes):
            return document
    if len(documents) == 1:
        return documents[0]
    raise GoldError(
        f"no document of the export ({len(documents)}) matches the gold title {gold_doc.get('title')!r}"
    )
