"""GeoNames alias index (cities500 or a full dump) plus shipped country, admin-1 and named-area tables."""

from crisisledger.gazetteer.build import build_default_index, build_from_geonames_dump
from crisisledger.gazetteer.index import Candidate, Gazetteer, default_gazetteer, default_index_path

__all__ = [
    "Candidate",
    "Gazetteer",
    "build_default_index",
    "build_from_geonames_dump",
    "default_gazetteer",
    "default_index_path",
]
