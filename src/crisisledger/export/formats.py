"""Export writers: the canonical JSON envelope, JSON Lines and ACLED-style CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, TextIO

from crisisledger.export.acled import acled_type
from crisisledger.export.canonical import FORMAT

# ACLED's columns where a field maps, then ours (cli.md).
CSV_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "fatalities",
    "document",
    "event",
    "type",
    "mode",
    "certainty",
    "cluster",
    "evidence",
)

ACLED_PRECISION = {"site": 1, "town": 1, "admin": 2, "area": 2, "country": 3, "region": 3}


def schema() -> dict[str, Any]:
    text = resources.files("crisisledger.export").joinpath("crisisledger.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def envelope(
    documents: Iterable[Mapping[str, Any]],
    clusters: Iterable[Mapping[str, Any]] = (),
    series: Iterable[Mapping[str, Any]] = (),
    revisions: Iterable[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "documents": list(documents),
        "clusters": list(clusters),
        "series": list(series),
        "revisions": list(revisions),
    }


def write_json(data: Mapping[str, Any], out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_jsonl(items: Iterable[Mapping[str, Any]], out: TextIO) -> None:
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False))
        out.write("\n")


def event_rows(records: Iterable[Mapping[str, Any]], clusters: Mapping[tuple[str, str], str]) -> Iterable[list[Any]]:
    for record in records:
        doc = record["document"]
        killed = {f["id"]: f for f in record.get("figures", []) if f["kind"] == "killed"}
        for e in record.get("events", []):
            place = e.get("place") or {}
            date = e.get("date") or {}
            kinds = [a["kind"] for a in e.get("actors", [])]
            etype, sub = acled_type(e["type"], e.get("mode"), kinds, [a["kind"] for a in e.get("targets", [])])
            deaths = [killed[i].get("value") or killed[i].get("value_min") for i in e.get("figures", []) if i in killed]
            yield [
                date.get("start"),
                etype,
                sub,
                "; ".join(a["name"] for a in e.get("actors", [])),
                "; ".join(a["name"] for a in e.get("targets", [])),
                place.get("country"),
                place.get("name") or place.get("text"),
                place.get("lat"),
                place.get("lon"),
                ACLED_PRECISION.get(place.get("precision") or ""),
                doc.get("outlet"),
                int(sum(d for d in deaths if d)) if deaths else 0,
                doc["id"],
                e["id"],
                e["type"],
                e.get("mode"),
                e["certainty"],
                clusters.get((doc["id"], e["id"])),
                e["evidence"]["text"],
            ]


def write_csv(records: Iterable[Mapping[str, Any]], out: TextIO, clusters: Mapping[tuple[str, str], str]) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in event_rows(records, clusters):
        writer.writerow(["" if v is None else v for v in row])


def to_csv_text(records: Iterable[Mapping[str, Any]]) -> str:
    buffer = io.StringIO()
    write_csv(records, buffer, {})
    return buffer.getvalue()
