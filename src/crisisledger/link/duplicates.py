"""Near-duplicate reports: word shingles, MinHash bands to find candidates, Jaccard to decide.

Who is the duplicate of whom is a function of the set of similar reports, never of ingest order: an older
version of the same outlet's (or URL's) article is `superseded` by the newest one; otherwise a report whose
text another outlet ran before this outlet's first version is a `copy` of the earliest such report. Ties on the
date go by document id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from crisisledger.link.rules import Rules, rules

_WORD = re.compile(r"\w+")
_PRIME = (1 << 61) - 1


@dataclass(frozen=True, slots=True)
class Fingerprint:
    document: str
    outlet: str  # casefolded, stripped; "" when unknown
    url: str
    published: str
    shingles: frozenset[int]
    words: str = ""  # the normalised words, space-separated, to see whether a text credits another outlet

    @property
    def order(self) -> tuple[str, str]:
        return (self.published, self.document)

    def names(self, other: Fingerprint) -> bool:
        """This text names the other report's outlet (a credit line or a dateline of a wire copy)."""
        outlet = " ".join(normalised_words(other.outlet))
        return bool(outlet) and f" {outlet} " in f" {self.words} "


def normalised_words(text: str) -> list[str]:
    """Casefolded words without accents, so typography and case changes do not count as edits."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WORD.findall(text)


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big") % _PRIME


def shingles(text: str, r: Rules | None = None) -> frozenset[int]:
    k = (r or rules()).shingle_words
    words = normalised_words(text)
    if len(words) < k:
        return frozenset({_hash(" ".join(words))}) if words else frozenset()
    return frozenset(_hash(" ".join(words[i : i + k])) for i in range(len(words) - k + 1))


@lru_cache(maxsize=4)
def _permutations(n: int) -> tuple[tuple[int, int], ...]:
    out = []
    for i in range(n):
        seed = hashlib.sha256(f"crisisledger-minhash-{i}".encode()).digest()
        out.append((int.from_bytes(seed[:8], "big") % (_PRIME - 1) + 1, int.from_bytes(seed[8:16], "big") % _PRIME))
    return tuple(out)


def band_hashes(items: frozenset[int], r: Rules | None = None) -> list[tuple[int, str]]:
    """(band, hash) pairs of the MinHash signature: reports sharing one are candidates."""
    r = r or rules()
    if not items:
        return []
    signature = [min((a * x + b) % _PRIME for x in items) for a, b in _permutations(r.bands * r.rows)]
    out = []
    for band in range(r.bands):
        part = ",".join(str(v) for v in signature[band * r.rows : (band + 1) * r.rows])
        out.append((band, hashlib.blake2b(part.encode(), digest_size=8).hexdigest()))
    return out


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def fingerprint(record: Mapping[str, Any], r: Rules | None = None) -> Fingerprint:
    doc = record["document"]
    return Fingerprint(
        document=doc["id"],
        outlet=(doc.get("outlet") or "").strip().casefold(),
        url=(doc.get("url") or "").strip(),
        published=str(doc.get("published") or ""),
        shingles=shingles(doc.get("text") or "", r),
        words=" ".join(normalised_words(doc.get("text") or "")),
    )


def same_source(a: Fingerprint, b: Fingerprint) -> bool:
    return bool(a.url and a.url == b.url) or bool(a.outlet and a.outlet == b.outlet)


def similar(a: Fingerprint, b: Fingerprint, r: Rules | None = None) -> bool:
    r = r or rules()
    threshold = r.same_outlet_jaccard if same_source(a, b) else r.other_outlet_jaccard
    return a.document != b.document and jaccard(a.shingles, b.shingles) >= threshold


def ran_first(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether `a` ran the shared text before `b`: by date; on one day, the text that credits the other's
    outlet is the copy; else by document id."""
    if a.published != b.published:
        return a.published < b.published
    a_credits, b_credits = a.names(b), b.names(a)
    if a_credits != b_credits:
        return b_credits
    return a.document < b.document


def duplicate_of(doc: Fingerprint, neighbours: Iterable[Fingerprint]) -> tuple[str, str] | None:
    """(document, kind) that `doc` duplicates among its similar `neighbours`, or None when it is original."""
    near = list(neighbours)
    newer = [n for n in near if same_source(doc, n) and n.order > doc.order]
    if newer:
        return (max(newer, key=lambda n: n.order).document, "superseded")
    # The outlet's own first version of the text decides: another outlet must have run it before that.
    first_own = min([doc, *(n for n in near if same_source(doc, n))], key=lambda n: n.order)
    earlier = [n for n in near if not same_source(doc, n) and ran_first(n, first_own)]
    if earlier:
        return (min(earlier, key=lambda n: n.order).document, "copy")
    return None


def assign(fingerprints: Sequence[Fingerprint], r: Rules | None = None) -> dict[str, tuple[str, str] | None]:
    """Every report's duplicate link by pairwise comparison (the reference the incremental path must match)."""
    out = {}
    for f in fingerprints:
        out[f.document] = duplicate_of(f, [g for g in fingerprints if similar(f, g, r)])
    return out
