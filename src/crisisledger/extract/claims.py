"""Claims: every act of speech in a report, with its speaker (after coreference, never a pronoun),
channel ("told Reuters"), and stance (assert, deny, accuse, request, praise, concede, threaten).

The frames come from `coding_attribution`, the same reading that gives events and figures their
certainty; direct speech running over several sentences stays with the speaker of the paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from crisisledger.extract.coding_attribution import find_frames
from crisisledger.language.nlp import AnalyzedDocument
from crisisledger.model import Actor, Claim

STAGE = "claims@1"


def extract_claims(analyzed: AnalyzedDocument, actors: Sequence[Actor]) -> tuple[Claim, ...]:
    if analyzed.doc is None:
        return ()
    frames = sorted(find_frames(analyzed, actors), key=lambda f: (f.sentence.start, f.trigger.start))
    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for f in frames:
        key = (f.sentence.start, f.trigger.start)
        if key in seen or not f.speaker:
            continue
        seen.add(key)
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                speaker=f.speaker,
                stance=f.stance,
                evidence=f.sentence.span,
                trigger=f.trigger,
                actor=f.actor.id if f.actor is not None else None,
                channel=f.channel,
            )
        )
    return tuple(claims)
