"""Claims: speaker after coreference, channel, stance, and quotes that run over sentences."""

from __future__ import annotations

from datetime import date

import pytest

from crisisledger.model import Stance


def claims_of(text: str) -> list[tuple[str, Stance, str | None, str]]:
    from crisisledger.extract.actors import extract_actors
    from crisisledger.extract.claims import extract_claims
    from crisisledger.intake.normalise import normalise
    from crisisledger.language.analyze import analyze
    from crisisledger.model import Document

    an = analyze(Document(id="t", text=normalise(text), published=date(2024, 1, 1)))
    return [(c.speaker, c.stance, c.channel, c.evidence.text) for c in extract_claims(an, extract_actors(an, (), None))]


@pytest.mark.integration
def test_speaker_channel_and_pronoun() -> None:
    found = claims_of("Ukrainian Defence Minister Olena Marchuk spoke in Kyiv. She told the BBC that the line held.")
    assert ("Olena Marchuk", Stance.ASSERT, "BBC", "She told the BBC that the line held.") in found


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Malian officials denied that troops fired on the crowd.", Stance.DENY),
        ("Somali officials accused al-Shabaab of the attack.", Stance.ACCUSE),
        ("UNICEF urged both sides to open the roads.", Stance.REQUEST),
        ("Malian officials admitted that the strike was a mistake.", Stance.CONCEDE),
        ("The Houthis threatened to strike more ships.", Stance.THREATEN),
        ("Chadian President Idriss Kaba praised the soldiers.", Stance.PRAISE),
    ],
)
def test_stances(text: str, stance: Stance) -> None:
    assert stance in {c[1] for c in claims_of(text)}


@pytest.mark.integration
def test_direct_speech_over_sentences_keeps_its_speaker() -> None:
    text = 'Amina Yusuf, a nurse, spoke to reporters. "We ran at night," she said. "Nobody helped us. We had no water."'
    found = claims_of(text)
    speakers = {c[0] for c in found if "Nobody helped" in c[3] or "We ran" in c[3]}
    assert speakers == {"Amina Yusuf"}
    assert all(c[0].lower() not in ("she", "he", "they") for c in found)
