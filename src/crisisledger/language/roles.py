"""Sentence roles: report, quote, background, commentary, boilerplate.

Rules, each explainable (cues are data in `lexicon/roles.yaml`):
- boilerplate: a byline or dateline line just under the title, or a sentence near the end holding a
  footer cue (contact, subscribe, copyright ...).
- quote: the sentence opens with a quotation mark, or direct speech fills most of it.
- commentary: no attribution governs the main clause, and the writer's evaluation carries it: an
  evaluative word with an argument verb (be, require, preclude ...) or a judgement modal, or a
  discourse opener ("Indeed,", "Rather,") with one, or several evaluative words.
- background: the main clause is anchored to a year before the year of publication.
- report: everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from crisisledger.lexicon.loader import load_lexicon, word_set
from crisisledger.model import Role

_IRREGULAR_SPEECH = frozenset({"said", "told", "wrote", "denied", "replied"})
_COPULAS = frozenset({"is", "are", "was", "were"})
_QUOTES_OPEN = ("“", '"', "‘", "'")
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_BYLINE = re.compile(r"^(?:By\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$")
_DATELINE = re.compile(r"^\W*\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}\W*$|^\W*[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}\W*$")


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the role rules read of one sentence; `tokens` is the spaCy span or None."""

    text: str
    index: int  # position among the document's sentences
    count: int  # number of sentences in the document
    line_alone: bool  # the sentence is a whole line of its own
    after_title: bool  # among the first lines under the title
    published: date
    tokens: Any = None


def role_of(facts: SentenceFacts) -> Role:
    text = facts.text.strip()
    if _is_boilerplate(facts, text):
        return Role.BOILERPLATE
    if _is_quote(text):
        return Role.QUOTE
    if _is_commentary(facts, text):
        return Role.COMMENTARY
    if _is_background(facts):
        return Role.BACKGROUND
    return Role.REPORT


def _is_boilerplate(facts: SentenceFacts, text: str) -> bool:
    if facts.after_title and facts.line_alone and (_BYLINE.match(text) or _DATELINE.match(text)):
        return True
    near_end = facts.index >= facts.count * 0.8 or facts.count - facts.index <= 3
    return near_end and len(text) < 200 and bool(_cue_pattern().search(text))


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    """Footer cues as whole words ("subscribe" but not "subscribers"); cues with punctuation as written."""
    parts = []
    for cue in sorted(word_set("roles", "boilerplate_cues"), key=len, reverse=True):
        escaped = re.escape(cue)
        parts.append(escaped if not cue[:1].isalnum() else rf"\b{escaped}" + (r"\b" if cue[-1:].isalnum() else ""))
    return re.compile("|".join(parts), re.IGNORECASE)


def _is_quote(text: str) -> bool:
    if text.startswith(_QUOTES_OPEN):
        return True
    quoted = sum(len(m.group(1)) for m in _QUOTED.finditer(text))
    return quoted > 0.6 * len(text)


def _lemmas(facts: SentenceFacts) -> list[str]:
    if facts.tokens is not None:
        return [t.lemma_.lower() for t in facts.tokens]
    return re.findall(r"[\w’']+", facts.text.lower())


def _common_lemmas(facts: SentenceFacts) -> set[str]:
    """Lemmas of the words that are not names (capitalised past the first word)."""
    if facts.tokens is None:
        return set()
    first = facts.tokens[0].i if len(facts.tokens) else 0
    return {t.lemma_.lower() for t in facts.tokens if t.i == first or not t.text[:1].isupper()}


def _root(facts: SentenceFacts) -> Any:
    if facts.tokens is None:
        return None
    return next((t for t in facts.tokens if t.dep_ == "ROOT"), None)


def _main_clause_attributed(facts: SentenceFacts, lemmas: list[str]) -> bool:
    verbs = word_set("roles", "attribution_verbs")
    root = _root(facts)
    if root is None:  # no parse: any inflected attribution verb
        forms = {f for v in verbs for f in (v, v + "s", v + "ed", v + "d")} | _IRREGULAR_SPEECH
        return any(word in forms for word in lemmas) or "according" in lemmas
    heads = {root, *[c for c in root.children if c.dep_ in ("conj", "advcl", "xcomp")]}
    if any(t.lemma_.lower() in verbs for t in heads):
        return True
    return any(t.lower_ == "according" for t in facts.tokens)


def _is_commentary(facts: SentenceFacts, text: str) -> bool:
    lemmas = _lemmas(facts)
    if len(lemmas) < 6 or _main_clause_attributed(facts, lemmas):
        return False
    evaluative = word_set("roles", "evaluative")
    # Capitalised words past the first are names ("the Socialist Party"), not the writer's judgement.
    tokens = re.findall(r"[\w’']+", text)
    words = {w.lower() for i, w in enumerate(tokens) if i == 0 or not w[0].isupper()}
    lowered = text.lower()
    n_eval = len(words & evaluative) + len((_common_lemmas(facts) - words) & evaluative)
    opener = any(lowered.startswith(o) for o in load_lexicon("roles")["discourse_openers"])
    root = _root(facts)
    arguments, modals = word_set("roles", "argument_verbs"), word_set("roles", "judgement_modals")
    if root is not None:
        argument = root.lemma_.lower() in arguments
        modal = any(c.dep_ == "aux" and c.lower_ in modals for c in root.children)
    else:  # no parse: any argument verb or modal among the words
        argument = bool(words & (arguments | _COPULAS))
        modal = bool(words & modals)
    contrast = bool(re.search(r"\bnot (?:only )?(?:on|aimed|about|to)\b.*\bbut\b|\bnot\b.*\brather\b", lowered))
    if n_eval >= 2 or (modal and argument):
        return True
    if n_eval >= 1 and (argument or modal or opener or contrast):
        return True
    return (opener or contrast) and (argument or modal)


def _is_background(facts: SentenceFacts) -> bool:
    """A year before the year of publication heads the main clause ("In 2020, ...", "began in 1988")."""
    if facts.tokens is None:
        return False
    root = _root(facts)
    for token in facts.tokens:
        if not _YEAR.fullmatch(token.text) or int(token.text) >= facts.published.year:
            continue
        head = token.head
        if (head.dep_ == "prep" and head.head == root) or token.head == root:
            return True
    return False
