"""Places a meeting's sentence gives through a description of a settlement. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from app.extraction.engine import Extractor

PUBLISHED = dt.date(2025, 6, 12)


def _place(extractor: Extractor, text: str) -> str | None:
    (event,) = extractor.extract(text, PUBLISHED).events
    return event.location.name if event.location else None


def test_a_described_settlement_is_the_place_not_its_description(extractor: Extractor) -> None:
    assert _place(extractor, "Ministers met in the Black Sea port city of Odesa on Monday.") == "Odesa"
    assert _place(extractor, "The talks were held in the Swiss city of Geneva on Friday.") == "Geneva"


def test_a_description_of_no_place_gives_none(extractor: Extractor) -> None:
    # ("the city of the future" names no city)
    assert _place(extractor, "The mayors met on Monday to discuss the city of the future.") is None


def test_a_town_and_its_region_stays_the_town(extractor: Extractor) -> None:
    assert _place(extractor, "The leaders met in Bled, Slovenia, on Monday.") == "Bled"


def test_a_country_s_capital_is_its_capital_city(extractor: Extractor) -> None:
    assert _place(extractor, "The envoys held talks in the Kenyan capital on Monday.") == "Nairobi"
    assert _place(extractor, "The two leaders met at a hotel in the Austrian capital on Friday.") == "Vienna"
    # a region's word gives the region's capital, not its country's
    assert _place(extractor, "Ministers met union leaders in the Scottish capital on Monday.") == "Edinburgh"


def test_a_capital_of_no_country_gives_none(extractor: Extractor) -> None:
    assert _place(extractor, "The ministers met on Monday to discuss venture capital.") is None


def test_a_venue_is_in_the_city_named_after_it_or_the_dateline_s(extractor: Extractor) -> None:
    text = "The two ministers held talks at the Department of Energy in Washington on Friday."
    assert _place(extractor, text) == "Washington"
    text = "OSLO — The envoys met at the Holmenkollen Park Hotel on Friday."
    assert _place(extractor, text) == "Oslo"


def test_a_country_s_parliament_or_cabinet_sits_in_its_capital(extractor: Extractor) -> None:
    assert _place(extractor, "Portugal's cabinet met on Thursday to approve the budget.") == "Lisbon"
    assert _place(extractor, "The Kenyan parliament held a special session on Tuesday.") == "Nairobi"


def test_a_body_of_no_named_country_or_that_does_not_sit_places_nothing(extractor: Extractor) -> None:
    assert _place(extractor, "The cabinet met on Thursday to approve the budget.") is None
    assert _place(extractor, "Portugal's government held talks with the unions on Thursday.") is None


def test_a_named_venue_is_in_the_city_named_after_it_past_a_date(extractor: Extractor) -> None:
    # (the small model tags "Restaurant" here as a town: the venue word says it is none)
    text = (
        "Senator Ann Cole, right, accompanied by Rev. Tom Ward, waves as she arrives for a breakfast "
        "meeting at Maria's Restaurant, Feb. 10, 2016, in the Harlem neighborhood of New York."
    )
    assert _place(extractor, text) == "New York"
    text = (
        "Mayor Tom Ward arrives for a breakfast meeting at Sylvia's Restaurant, Feb. 10, 2016, in the "
        "Harlem neighborhood of New York."
    )
    assert _place(extractor, text) == "New York"


def test_a_town_is_named_without_its_region_s_postal_abbreviation(extractor: Extractor) -> None:
    text = "Neo-Nazis were filmed during a conference on Saturday in Washington, D.C, the group said."
    assert _place(extractor, text) == "Washington"
    text = "Protesters shouted during a meeting on Saturday in Washington, D.C, the senator said."
    assert _place(extractor, text) == "Washington"
    # a region written out stays beside the town
    assert _place(extractor, "The leaders met in Bled, Slovenia, on Monday.") == "Bled"


def _places(extractor: Extractor, text: str) -> list[str | None]:
    return [e.location.name if e.location else None for e in extractor.extract(text, PUBLISHED).events]


def test_a_gathering_s_name_is_no_place_it_met_in(extractor: Extractor) -> None:
    # (the tagger calls "the East Asia Summit" a location and "COP27" a town)
    assert _places(extractor, "Leaders gathered for the East Asia Summit on Thursday.") == [None]
    assert _places(extractor, "Obama will attend the East Asia Summit next week, aides said.") == [None]
    assert None in _places(extractor, "Delegates met at COP27 on Monday to discuss finance.")
    assert "COP27" not in _places(extractor, "Delegates met at COP27 on Monday to discuss finance.")


def test_a_place_beside_a_gathering_s_name_stays_its_place(extractor: Extractor) -> None:
    assert _places(extractor, "The Istanbul meeting of the two delegations ended on Monday.") == ["Istanbul"]
    assert _places(extractor, "He made a previous Oval Office visit in March.") == ["Washington"]
    assert _places(extractor, "Leaders gathered for the East Asia Summit in Vientiane on Thursday.") == [
        "Vientiane"
    ]
