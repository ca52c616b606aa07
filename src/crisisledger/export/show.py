"""`crisisledger show`: a report in the terminal with its records' evidence highlighted."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ROLE_STYLE = {"commentary": "italic magenta", "boilerplate": "dim", "background": "cyan", "quote": "green"}


def render_document(record: Mapping[str, Any], console: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    doc = record["document"]
    console.print(f"[bold]{doc.get('title') or doc['id']}[/bold]")
    console.print(f"{doc['id']} · {doc.get('outlet') or 'no outlet'} · {doc['published']} · {doc.get('url') or ''}")
    text = Text(doc["text"])
    for s in record.get("sentences", []):
        style = ROLE_STYLE.get(s["role"])
        if style:
            text.stylize(style, s["start"], s["end"])
    for key, style in (("places", "bold blue"), ("times", "bold yellow")):
        for item in record.get(key, []):
            text.stylize(style, item["start"], item["end"])
    for f in record.get("figures", []):
        text.stylize("bold red", f["evidence"]["start"], f["evidence"]["start"] + 0)
    for e in record.get("events", []):
        text.stylize("underline", e["evidence"]["start"], e["evidence"]["end"])
    console.print(text)
    console.print(
        "[dim]underlined: event evidence · blue: places · yellow: dates · cyan: background · "
        "green: quotes · magenta: commentary · dim: boilerplate[/dim]"
    )
    for title, key, cols in (
        ("Events", "events", ("id", "type", "mode", "certainty", "attributed_to")),
        ("Figures", "figures", ("id", "kind", "value", "value_min", "value_max", "qualifier", "who", "as_of")),
        ("Claims", "claims", ("id", "speaker", "stance", "channel")),
    ):
        table = Table(title=title)
        for c in (*cols, "evidence"):
            table.add_column(c, overflow="fold")
        for item in record.get(key, []):
            table.add_row(*[_cell(item.get(c)) for c in cols], item["evidence"]["text"])
        console.print(table)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
