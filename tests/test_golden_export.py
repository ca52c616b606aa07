"""Golden test of the canonical export for one packaged sample report.

The expected file is the reviewed output of the whole flow. When an extractor improves on purpose,
regenerate it with `CRISISLEDGER_UPDATE_GOLDEN=1 pytest tests/test_golden_export.py`, read the diff
and commit it: the diff is the review of what changed for an analyst.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from crisisledger.export.formats import schema
from crisisledger.intake.readers import Overrides
from crisisledger.jobs.ingest import extract_record, iter_inputs
from crisisledger.model import Document

pytestmark = pytest.mark.integration

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "crisisledger" / "samples" / "ukraine-kharkiv-2024-05-26.txt"
GOLDEN = Path(__file__).parent / "data" / "golden" / "ukraine-kharkiv-2024-05-26.json"


def test_sample_export_matches_the_golden_file() -> None:
    (document,) = list(iter_inputs([SAMPLE], Overrides(outlet="crisisledger samples")))
    assert isinstance(document, Document)
    record = extract_record(document)
    jsonschema.Draft202012Validator(schema()["$defs"]["documentRecord"] | {"$defs": schema()["$defs"]}).validate(record)
    if os.environ.get("CRISISLEDGER_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(GOLDEN.read_text("utf-8"))
    assert record == expected
