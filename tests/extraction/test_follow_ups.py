"""The discourse stage: parties that sentences after a meeting's mention say took part in it.
Sentences are our own."""

from __future__ import annotations

import datetime as dt

from app.extraction.engine import Extractor
from app.models.v1 import Event

PUBLISHED = dt.date(2025, 6, 12)  # a Thursday


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(text, PUBLISHED).events


def _names(event: Event) -> set[str]:
    return {p.name for p in event.participants}


def test_who_led_a_delegation_took_part(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Negotiators from Serbia and Kosovo met in Brussels on Tuesday. The Serbian delegation was led "
        "by Dragan Petrovic.",
    )
    assert "Dragan Petrovic" in _names(event)
    (event,) = _events(
        extractor,
        "Greece and Turkey resumed exploratory talks in Athens on Monday.\n\nNikos Dendias headed the "
        "Greek team, officials said.",
    )
    assert "Nikos Dendias" in _names(event)


def test_who_came_along_took_part(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Japan and South Korea held a summit in Seoul on Monday. Prime Minister Kenji Sato was "
        "accompanied by Foreign Minister Aiko Mori.",
    )
    assert {"Kenji Sato", "Aiko Mori"} <= _names(event)


def test_those_listed_after_an_opening_participle_took_part(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Leaders of Kenya and Uganda met in Kampala on Saturday. Also attending were Rwandan President "
        "Paul Kagame and Samia Suluhu Hassan.",
    )
    assert "Paul Kagame" in _names(event)
    (event,) = _events(
        extractor, "Kenya and Uganda held talks in Kampala on Saturday. Attending the talks was Ali Farah."
    )
    assert "Ali Farah" in _names(event)


def test_who_sent_an_envoy_took_part_but_not_who_sent_a_letter(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Ministers of Norway and Chile held talks in Oslo on Tuesday. Peru sent its trade minister, and "
        "Russia sent a letter of protest.",
    )
    assert "Peru" in _names(event)
    assert "Russia" not in _names(event)


def test_who_travels_to_the_meeting_s_place_takes_part(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "The climate conference opens in Bonn on Monday. Laura Fischer will travel to Bonn on Sunday, "
        "while Martin Kraus will fly to Rome.",
    )
    assert "Laura Fischer" in _names(event)
    assert "Martin Kraus" not in _names(event)


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
