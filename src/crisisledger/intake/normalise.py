"""Text normalisation, sentence repair and document ids (architecture.md, "Text, offsets and ids")."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# A blank line followed by a line that starts in lower case or with a digit, after a line whose last
# word is lower case or ends in a comma, is one sentence the page layout broke in two. A byline
# ("Jane Doe") before a dateline ("12 May 2024") ends in a capitalised word and stays apart.
_BREAK = re.compile(r"\n\n+(?=[a-z0-9(“\"‘'])")
_LAST_WORD = re.compile(r"(\S+)$")
# "the “Zanzegur\n\ncorridor.”": a quote left open before the break also marks a broken sentence.
_OPEN_QUOTE_BREAK = re.compile(r"([“\"][^”\"\n]*)\n\n+(?=[a-z])")


def base_text(raw: str) -> str:
    """NFC and line endings only: the text the document id hashes."""
    return unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")


def collapse(text: str) -> str:
    """Spaces and tabs collapsed, none at line ends, runs of blank lines kept as one blank line."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def _broken_here(text: str, at: int) -> bool:
    line = text[text.rfind("\n", 0, at) + 1 : at]
    last = _LAST_WORD.search(line)
    if not last or last.group(1)[-1] in '.!?:;"”’)]':
        return False
    return last.group(1)[0].islower() or last.group(1).endswith(",")


def rejoin_broken_sentences(text: str) -> str:
    text = _BREAK.sub(lambda m: " " if _broken_here(m.string, m.start()) else m.group(0), text)
    return _OPEN_QUOTE_BREAK.sub(lambda m: m.group(1) + " ", text)


def normalise(raw: str) -> str:
    """The text every offset refers to: NFC, `\\n` line ends, collapsed spaces, broken sentences rejoined."""
    return rejoin_broken_sentences(collapse(base_text(raw)))


def document_id(outlet: str | None, raw_text: str) -> str:
    key = (outlet or "").strip().casefold() + "\n" + base_text(raw_text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
