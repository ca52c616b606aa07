"""Publication dates: parsing a metadata value and finding a dateline near the top of a report."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# "28 September 2023", "September 28, 2023", "Sep. 28 2023", optionally inside a longer short line
_DATELINE = re.compile(
    rf"\b(\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)


def parse_date(value: object) -> date | None:
    """A date from ISO text (`2023-09-28`, `2023-09-28T10:00Z`, `2023-09`) or a `date`; None if not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO.match(value.strip())
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3] or 1))
        except ValueError:
            return None
    return _parse_written(value)


def _parse_written(value: str) -> date | None:
    cleaned = re.sub(r"[.,]", " ", value).split()
    for fmt in ("%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y"):
        try:
            return datetime.strptime(" ".join(cleaned), fmt).date()
        except ValueError:
            continue
    return None


def find_dateline(lines: list[str]) -> date | None:
    """The first short line near the top that holds a full date (a dateline), if any."""
    for line in lines:
        if len(line) > 80:
            continue
        match = _DATELINE.search(line)
        if match:
            found = parse_date(match.group(1))
            if found:
                return found
    return None
