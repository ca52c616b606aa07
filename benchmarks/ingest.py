"""Ingest throughput on one process: words per second for language + extract (+ store).

usage: python benchmarks/ingest.py [FILE ...] [--repeat N]
Default input: the seed report in ../shared/seed/. Model loading is excluded (measured apart), so the
figure is the steady-state rate of one core. Prints a small table; nothing is timed inside pytest.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from crisisledger.intake.readers import Overrides
from crisisledger.jobs.ingest import extract_record, iter_inputs
from crisisledger.ledger.sql import open_store

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, default=[ROOT.parent / "shared" / "seed"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--published", default="2023-09-28")
    args = parser.parse_args()
    from crisisledger.intake.dates import parse_date

    docs = [
        d
        for d in iter_inputs(args.files, Overrides(published=parse_date(args.published)))
        if not isinstance(d, Exception)
    ]
    words = sum(len(d.text.split()) for d in docs)
    t0 = time.perf_counter()
    extract_record(docs[0])  # loads spaCy and the gazetteer
    warm = time.perf_counter() - t0

    from crisisledger.language.nlp import parse

    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for d in docs:
            parse(d.text)
    spacy_only = (time.perf_counter() - t0) / args.repeat

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as work:
        for i in range(args.repeat):
            store = open_store(Path(work) / f"{i}.db")
            for d in docs:
                store.add(extract_record(d))
            store.close()
    full = (time.perf_counter() - t0) / args.repeat
    print(f"documents {len(docs)}, words {words}, repeats {args.repeat}")
    print(f"first document incl. model and gazetteer load: {warm:.2f} s")
    print(f"spaCy pipeline alone:        {words / spacy_only:,.0f} words/s ({spacy_only * 1000:.0f} ms per pass)")
    print(f"full ingest (extract+store): {words / full:,.0f} words/s ({full * 1000:.0f} ms per pass)")
    print(f"extract overhead over spaCy: {full / spacy_only - 1:.0%}")


if __name__ == "__main__":
    main()
