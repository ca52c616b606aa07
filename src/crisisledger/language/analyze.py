"""The language stage: a `Document` to an `AnalyzedDocument` (sentences with roles, entities, parse)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from crisisledger.language.nlp import AnalyzedDocument, Entity, parse
from crisisledger.language.roles import SentenceFacts, role_of
from crisisledger.model import Document, Role, Sentence

HEADER_LINES = 4  # lines under the title where a byline or dateline may stand


def analyze(document: Document, doc: Any = None) -> AnalyzedDocument:
    """Parse (unless a parsed `doc` is given) and give every sentence its role."""
    doc = doc if doc is not None else parse(document.text)
    text = document.text
    spans = [_trim(text, s.start_char, s.end_char) for s in doc.sents]
    spans = _merge_fragments(text, [(a, b) for a, b in spans if b > a])
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    sentences: list[Sentence] = []
    for index, (start, end) in enumerate(spans):
        line_no = _line_of(line_starts, start)
        line_alone = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
        facts = SentenceFacts(
            text=text[start:end],
            index=index,
            count=len(spans),
            line_alone=line_alone,
            after_title=0 < _nonblank_line_rank(text, line_starts, line_no) <= HEADER_LINES,
            published=document.published,
            tokens=doc.char_span(start, end, alignment_mode="expand"),
        )
        paragraph = text.count("\n\n", 0, start)
        role = role_of(facts)
        if role is Role.REPORT and _inside_open_quote(text, sentences, start, paragraph):
            role = Role.QUOTE
        sentences.append(Sentence(text[start:end], start, end, role, paragraph))
    sentences = _footer_paragraphs(sentences)
    entities = tuple(Entity(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents)
    return AnalyzedDocument(document=document, sentences=tuple(sentences), entities=entities, doc=doc)


FOOTER_CHARS = 300  # a closing paragraph this short that holds boilerplate is boilerplate throughout


def _footer_paragraphs(sentences: list[Sentence]) -> list[Sentence]:
    """A short closing paragraph with one boilerplate sentence ("To contact us / visit: ...") is all footer."""
    if not sentences:
        return sentences
    out = list(sentences)
    for paragraph in sorted({s.paragraph for s in sentences}, reverse=True)[:2]:
        members = [i for i, s in enumerate(out) if s.paragraph == paragraph]
        size = sum(len(out[i].text) for i in members)
        if size <= FOOTER_CHARS and any(out[i].role is Role.BOILERPLATE for i in members):
            for i in members:
                out[i] = replace(out[i], role=Role.BOILERPLATE)
    return out


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A piece with no letter or digit (a closing quote split off) belongs to the sentence before it."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not any(c.isalnum() for c in text[start:end]) and "\n" not in text[merged[-1][1] : start]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


_OPENING = '“"'
_CLOSING = '”"'


def _inside_open_quote(text: str, before: list[Sentence], start: int, paragraph: int) -> bool:
    """Direct speech that runs over several sentences: a quote opened earlier in the paragraph is still open."""
    first = next((s.start for s in before if s.paragraph == paragraph), start)
    stretch = text[first:start]
    curly_open = stretch.count("“") - stretch.count("”")
    straight_open = stretch.count('"') % 2
    return curly_open > 0 or straight_open == 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_of(line_starts: list[int], offset: int) -> int:
    lo, hi = 0, len(line_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _nonblank_line_rank(text: str, line_starts: list[int], line_no: int) -> int:
    """0 for the first non-empty line (the title), 1 for the next, ..."""
    rank = -1
    for i in range(line_no + 1):
        end = line_starts[i + 1] - 1 if i + 1 < len(line_starts) else len(text)
        if text[line_starts[i] : end].strip():
            rank += 1
    return rank
