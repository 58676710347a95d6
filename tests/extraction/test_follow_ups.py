"""The discourse stage: parties that sentences after a meeting's mention say took part in it.
Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.engine import Extractor
from app.models.v1 import Event

PUBLISHED = dt.date(2025, 6, 12)  # a Thursday


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(text, PUBLISHED).events


def _names(event: Event) -> set[str]:
    return {p.name for p in event.participants}


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        (
            "Negotiators from Serbia and Kosovo met in Brussels on Tuesday. The Serbian delegation was led "
            "by Dragan Petrovic.",
            "Dragan Petrovic",
        ),
        (
            "Greece and Turkey resumed exploratory talks in Athens on Monday.\n\nNikos Dendias headed the "
            "Greek team, officials said.",
            "Nikos Dendias",
        ),
        # a side, a mission or a contingent led is a delegation too
        (
            "Dockworkers and port operators held talks in Antwerp on Tuesday. The operators' side was headed "
            "by Jan Peeters.",
            "Jan Peeters",
        ),
        (
            "West African envoys held talks with the junta in Niamey on Monday. Their mission was led by "
            "Musa Adeyemi, a former foreign minister.",
            "Musa Adeyemi",
        ),
    ],
)
def test_who_led_a_delegation_took_part(extractor: Extractor, text: str, leader: str) -> None:
    (event,) = _events(extractor, text)
    assert leader in _names(event)


def test_who_came_along_took_part(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Japan and South Korea held a summit in Seoul on Monday. Prime Minister Kenji Sato was "
        "accompanied by Foreign Minister Aiko Mori.",
    )
    assert {"Kenji Sato", "Aiko Mori"} <= _names(event)


def test_a_party_named_nearby_without_a_cue_is_not_attached(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Negotiators from Serbia and Kosovo met in Brussels on Tuesday. Dragan Petrovic criticized the "
        "delegation's tone from Belgrade.",
    )
    assert "Dragan Petrovic" not in _names(event)


def test_a_comma_set_topic_shift_ends_the_passage(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Negotiators from Serbia and Kosovo met in Brussels on Tuesday. Separately, a trade delegation "
        "was led by Ivana Kovac.",
    )
    assert "Ivana Kovac" not in _names(event)


def test_a_later_gathering_takes_over_the_passage(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Negotiators from Serbia and Kosovo met in Brussels on Tuesday. Albania and North Macedonia "
        "will hold a separate summit in Tirana next month. Its delegation will be led by Edi Dervishi.",
    )
    brussels = next(e for e in events if e.location and e.location.name == "Brussels")
    assert "Edi Dervishi" not in _names(brussels)
