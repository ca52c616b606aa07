"""Readers: plain text, HTML, JSON Lines and folders of them, to `RawReport`s.

A reader never guesses silently: a file it cannot use raises an `InputError` naming why, and a
batch reader yields those errors beside the reports so the caller can skip and go on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from crisisledger.errors import (
    BinaryInputError,
    DecodeInputError,
    EmptyInputError,
    InputError,
    TooLargeError,
)
from crisisledger.intake.dates import find_dateline, parse_date

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class RawReport:
    """What intake found in one input, before normalisation."""

    text: str
    source: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Overrides:
    """CLI flags that replace what intake finds, for every input of a call."""

    published: date | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None

    def apply(self, report: RawReport) -> RawReport:
        return replace(
            report,
            published=self.published or report.published,
            outlet=self.outlet if self.outlet is not None else report.outlet,
            title=self.title or report.title,
            url=self.url or report.url,
        )


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise EmptyInputError(f"{source}: empty input")
    if b"\x00" in data[:8192]:
        raise BinaryInputError(f"{source}: binary data, not a text report")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            break
        return text
    raise DecodeInputError(f"{source}: not valid UTF-8 text")


_BYLINE = re.compile(r"^(?:By\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")


def read_text(text: str, source: str) -> RawReport:
    """Title: the first non-empty line; a short all-capitalised line after it is the byline."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise EmptyInputError(f"{source}: no text")
    title = lines[0] if len(lines[0]) <= 300 else None
    author = next((ln.removeprefix("By ").strip() for ln in lines[1:3] if _BYLINE.match(ln)), None)
    return RawReport(text=text, source=source, title=title, author=author, published=find_dateline(lines[:6]))


def read_html(html: str, source: str) -> RawReport:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        raise EmptyInputError(f"{source}: no article text found in the HTML")
    meta = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = (meta.get("text") or "").strip()
    if not body:
        raise EmptyInputError(f"{source}: no article text found in the HTML")
    title = meta.get("title")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return RawReport(
        text=text,
        source=source,
        title=title,
        author=meta.get("author"),
        published=parse_date(meta.get("date")),
        outlet=meta.get("sitename") or meta.get("hostname"),
        url=meta.get("url"),
    )


def read_jsonl_line(line: str, source: str) -> RawReport:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DecodeInputError(f"{source}: not valid JSON ({exc.msg})") from exc
    if not isinstance(item, dict) or not str(item.get("text") or "").strip():
        raise EmptyInputError(f"{source}: no `text` field")
    text = str(item["text"])
    base = read_text(text, source)
    return RawReport(
        text=text,
        source=source,
        title=item.get("title") or base.title,
        author=item.get("author") or base.author,
        published=parse_date(item.get("published")) or base.published,
        outlet=item.get("outlet"),
        url=item.get("url"),
    )


def kind_of(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    sniff = head.lstrip()[:200].lower()
    if sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, fmt: str = "auto") -> Iterator[RawReport | InputError]:
    """Every report in one file; errors are yielded, not raised, so a batch goes on."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes and fmt != "jsonl" and path.suffix.lower() not in JSONL_SUFFIXES:
            raise TooLargeError(f"{source}: {size} bytes is over the limit of {max_bytes}")
        data = path.read_bytes()
        kind = kind_of(path, data[:512]) if fmt == "auto" else fmt
        if kind == "jsonl":
            yield from _read_jsonl(decode(data, source), source, max_bytes)
            return
        text = decode(data, source)
        yield read_html(text, source) if kind == "html" else read_text(text, source)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"{source}: cannot read ({exc.strerror or exc})")


def _read_jsonl(text: str, source: str, max_bytes: int) -> Iterator[RawReport | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        if len(line) > max_bytes:
            yield TooLargeError(f"{where}: line over the limit of {max_bytes} bytes")
            continue
        try:
            yield read_jsonl_line(line, where)
        except InputError as exc:
            yield exc


def expand(paths: list[Path]) -> Iterator[Path | InputError]:
    """Files as given, folders recursively (sorted, hidden files skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        elif path.exists():
            yield path
        else:
            yield InputError(f"{path}: no such file or folder")
