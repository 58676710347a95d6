"""Every row of venues.tsv fires on its example: the meeting's place is the city of the venue named,
and is not that city once the row is taken out of the table location.py reads, so the row itself is
what decides it. Then the mechanism in other wordings, and where it must not fire. Sentences are
our own."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction import location
from app.extraction.engine import Extractor
from app.extraction.lexicon import Row, table

PUBLISHED = dt.date(2025, 3, 5)


def _places(extractor: Extractor, text: str) -> list[str | None]:
    return [e.location.name if e.location else None for e in extractor.extract(text, PUBLISHED).events]


@pytest.mark.parametrize("row", table("venues").rows, ids=lambda r: r["form"])
def test_row_gives_the_city_of_its_venue(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch, row: Row
) -> None:
    assert _places(extractor, row["example"]) == [row["city"]]
    others = [r for r in table("venues").rows if r["form"] != row["form"]]
    monkeypatch.setattr(location, "VENUES", location.Venues.of(others))
    assert _places(extractor, row["example"]) != [row["city"]], f"{row}: holds without the row"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # the venue is the place phrase's object
        ("The prime minister met Netanyahu inside the Knesset on Monday.", "Jerusalem"),
        ("Defence ministers held two days of talks at NATO's headquarters this week.", "Brussels"),
        # a venue noun on the venue's name
        ("Both delegations held talks at the Knesset building on Monday.", "Jerusalem"),
        ("The finance ministers met in the Itamaraty palace on Thursday.", "Brasília"),
        # the venue's name on the meeting noun
        ("Trump and Abe wrapped up their Mar-a-Lago summit on Sunday.", "Palm Beach"),
        ("The Sunnylands summit between the two presidents ended on Saturday.", "Rancho Mirage"),
        # the venue's name, which the tagger may take for a place of its own
        ("The two presidents met on Friday in the Great Hall of the People.", "Beijing"),
        ("Judges of both courts met at the Peace Palace on Wednesday.", "The Hague"),
    ],
)
def test_a_meeting_at_a_known_venue_is_in_its_city(extractor: Extractor, text: str, city: str) -> None:
    assert _places(extractor, text) == [city]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a city named beside the venue, or another place phrase, keeps its city
        ("The ministers met at the Elysee Palace in Lyon on Tuesday.", "Lyon"),
        ("A day after a vote at the Knesset, the two ministers met in Tel Aviv.", "Tel Aviv"),
        # the venue only modifies what the phrase is about: a topic, no place
        ("The two leaders held talks on the Knesset vote on Monday.", None),
        # a venue on another noun than the meeting's
        ("The Knesset vote came after the two ministers met on Monday.", None),
    ],
)
def test_a_venue_gives_way_or_places_nothing(extractor: Extractor, text: str, city: str | None) -> None:
    assert _places(extractor, text) == [city]


def test_a_venue_acting_is_no_meeting_place(extractor: Extractor) -> None:
    assert _places(extractor, "The Knesset passed a law on Monday.") == []


def test_a_table_without_rows_finds_no_venue() -> None:
    assert location.Venues.of([]).find("The ministers met at NATO headquarters.") is None
    assert location.VENUES.find("The ministers met at NATO's Headquarters.") == (21, 40, "Brussels")
