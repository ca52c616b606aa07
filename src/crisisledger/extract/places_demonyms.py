"""Adjectival country mentions ('Russian officials', 'a British firm') as country-level places.

The ledger reads such a demonym as an actor (the state or its people), so `extract_places` leaves it out
by default; geoparsing gold sets (GeoWebNews, LGL, TR-News) annotate it as a toponym of the country, and
`extract_places(..., demonyms=True)` adds it for them. Plural forms ('Americans') name people and stay out.
"""

from __future__ import annotations

import re

from crisisledger.gazetteer import Gazetteer
from crisisledger.model import Place, PlacePrecision

_DEMONYM = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\b")


def demonym_places(text: str, taken: list[tuple[int, int]], gazetteer: Gazetteer) -> list[Place]:
    """Country places for the singular demonyms of the text outside the `taken` spans."""
    places: list[Place] = []
    for m in _DEMONYM.finditer(text):
        for start, end in ((m.start(), m.end()), (m.start(), m.start() + len(m.group().split()[0]))):
            span = text[start:end]
            if any(s < end and start < e for s, e in taken):
                break
            iso3 = gazetteer.country_for_word(span)
            if not iso3 or _is_plural(span, gazetteer) or _names_a_country(span, gazetteer):
                continue
            country = gazetteer.country(iso3)
            if country is not None:
                places.append(
                    Place(
                        span,
                        start,
                        end,
                        country.name,
                        country.geonames_id,
                        country.lat,
                        country.lon,
                        country.country,
                        PlacePrecision.COUNTRY,
                    )
                )
                taken.append((start, end))
            break
    return places


def _is_plural(word: str, gazetteer: Gazetteer) -> bool:
    return word.endswith("s") and gazetteer.country_for_word(word[:-1]) is not None


def _names_a_country(word: str, gazetteer: Gazetteer) -> bool:
    return any(c.precision == PlacePrecision.COUNTRY for c in gazetteer.candidates(word))
