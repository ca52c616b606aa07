"""The codebook's table of modes, generated from the lexicon so the two cannot drift.

`python -m crisisledger.lexicon.codebook docs/codebook.md` rewrites the table between its markers;
a test fails when the file and the lexicon disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from crisisledger.lexicon.loader import load_lexicon

START, END = "<!-- modes:start (generated from lexicon/modes.yaml and triggers.yaml) -->", "<!-- modes:end -->"
EXAMPLES = 4  # cue words shown per mode


def modes_table() -> str:
    """One row per (type, mode): the words that select it, or the type's default."""
    rows = ["| type | mode | selected by (examples) |", "| --- | --- | --- |"]
    defaults: dict[str, str] = {}
    triggers = load_lexicon("triggers")
    for kind, entry in (triggers.get("types") or {}).items():
        if isinstance(entry, dict) and entry.get("mode"):
            defaults[str(kind)] = str(entry["mode"])
    seen: set[tuple[str, str]] = set()
    for kind, rules in load_lexicon("modes")["modes"].items():
        for rule in rules:
            key = (str(kind), str(rule["mode"]))
            if key in seen:
                continue
            seen.add(key)
            cues = ", ".join(str(c) for c in rule.get("cues", [])[:EXAMPLES])
            rows.append(f"| `{kind}` | {rule['mode']} | {cues} |")
    text = (Path(__file__).parent / "triggers.yaml").read_text("utf-8")
    for mode in sorted(set(re.findall(r"^\s+mode: ([a-z][a-z -]*)$", text, re.M)) - {m for _, m in seen}):
        kind = next((k for k, m in defaults.items() if m == mode), "")
        rows.append(f"| {f'`{kind}`' if kind else 'any'} | {mode} | the type's default trigger words |")
    return "\n".join(rows)


def rewrite(path: Path) -> bool:
    """Put the current table between the markers; True when the file changed."""
    text = path.read_text("utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}\n{modes_table()}\n{END}{tail}"
    if new != text:
        path.write_text(new, "utf-8")
    return new != text


if __name__ == "__main__":
    sys.exit(1 if rewrite(Path(sys.argv[1])) else 0)
