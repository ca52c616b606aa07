"""Loading the packaged lexicon data files (YAML), cached per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from crisisledger.errors import LexiconError


@cache
def load_lexicon(name: str) -> Any:
    """The parsed content of `lexicon/<name>.yaml` shipped in the package."""
    resource = resources.files("crisisledger.lexicon").joinpath(f"{name}.yaml")
    try:
        return yaml.safe_load(resource.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"lexicon/{name}.yaml: {exc}") from exc


def word_set(name: str, key: str) -> frozenset[str]:
    """One list of a lexicon file as a set of lower-cased entries."""
    values = load_lexicon(name).get(key) or []
    return frozenset(str(v).lower() for v in values)
