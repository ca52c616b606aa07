"""Name keys for the alias index: casefolded, diacritics stripped, punctuation folded, article variants."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"[’‘'`ʼʻʿʾ′]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,()\[\]]+")
_LEADING_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ud|the) ")
_PARTICLE = re.compile(r"\b(de|la|le|du|di|da|van|mc|mac) (?=[a-z])")
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe"})


@lru_cache(maxsize=1 << 16)  # the extractor keys the same names many times per report
def normalize(name: str) -> str:
    """The lookup key of a name: 'Ḩalab' -> 'halab', "Côte d'Ivoire" -> 'cote divoire', 'U.S.' -> 'us'."""
    # casefold again after NFKD: compatibility forms decompose to capitals ('𝛢' -> 'Α')
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD)).casefold()
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = _APOSTROPHES.sub("", stripped.translate(_FOLD))
    return _SEPARATORS.sub(" ", stripped).strip()


def variants(name: str) -> set[str]:
    """Keys under which a gazetteer name is indexed: the key itself and the key without an Arabic article."""
    key = normalize(name)
    keys = {key} if key else set()
    bare = _LEADING_ARTICLE.sub("", key)
    if bare and bare != key and len(bare) > 3:
        keys.add(bare)
    joined = joined_particles(key)
    if joined != key:
        keys.add(joined)
    return keys


def joined_particles(key: str) -> str:
    """'de soto parish' -> 'desoto parish': names with a particle are written both ways ('La Salle', 'LaSalle')."""
    return _PARTICLE.sub(r"\1", key)


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (English news never writes the others)."""
    return any(c.isalpha() for c in name) and all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name
    )


def looks_like_code(name: str) -> bool:
    """Three- and four-letter upper-case alternate names are mostly airport codes."""
    return 2 <= len(name) <= 4 and name.isupper() and name.isalpha()
