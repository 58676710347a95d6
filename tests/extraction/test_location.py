"""Location of a meeting mention: "in Paris", "at the White House", "the Istanbul meeting"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.extraction.actors import resolve_actors
from app.extraction.engine import Extractor
from app.extraction.location import Place, mention_place
from app.extraction.parsed import ParsedText
from app.extraction.triggers import find_triggers

Parse = Callable[[str], ParsedText]


def _place(parse: Parse, text: str) -> Place | None:
    parsed = parse(text)
    triggers = find_triggers(parsed)
    assert len(triggers) == 1, [t.text for t in triggers]
    place = mention_place(parsed, triggers[0], resolve_actors(parsed))
    if place is not None:
        m = place.mention
        assert text[m.start : m.end] == m.text
    return place


def _event_place(extractor: Extractor, text: str, index: int | None = None) -> str | None:
    """Where the text's meeting is, by name: its only event's, or that of the event at `index`."""
    events = extractor.extract(text, dt.date(2025, 3, 3)).events
    if index is None:
        (event,) = events
    else:
        event = events[index]
    return event.location.name if event.location is not None else None


@pytest.mark.parametrize(
    ("text", "name", "words"),
    [
        ("The leaders met in Paris.", "Paris", "Paris"),
        ("The two leaders met in Geneva last week.", "Geneva", "Geneva"),
        ("The leaders held talks in London on Thursday.", "London", "London"),
        ("The two presidents will meet in Helsinki next month.", "Helsinki", "Helsinki"),
        ("The summit will be held in Brussels next month.", "Brussels", "Brussels"),
        ("The talks took place at the White House.", "Washington", "White House"),
        ("The Istanbul meeting ended without agreement.", "Istanbul", "Istanbul"),
        ("Officials said the summit in Madrid was postponed.", "Madrid", "Madrid"),
        ("The prime minister cancelled the visit to Washington.", "Washington", "Washington"),
        # a facility gives way to the city named with it
        ("The leaders met at the Elysee Palace in Paris.", "Paris", "Paris"),
        ("The two leaders met at Camp David.", "Camp David", "Camp David"),
        # a place in a clause on the meeting, however deep
        (
            "A planned round of technical talks, which had been due to take place in Tehran, was dropped.",
            "Tehran",
            "Tehran",
        ),
        (
            "They attended a joint summit of ECOWAS and the AU, which was hosted by Ghana in Accra.",
            "Accra",
            "Accra",
        ),
        # a clause of its happening (senses.tsv "happen"), not of its ending
        (
            "The meeting, which opened on Saturday in Nairobi, was the first of its kind.",
            "Nairobi",
            "Nairobi",
        ),
        ("The talks, which resumed on Monday in Doha, were brief.", "Doha", "Doha"),
        # a copula's predicate: "due in X for a summit"
        ("Heads of government are due in Lisbon on Thursday for an emergency summit.", "Lisbon", "Lisbon"),
        ("The foreign minister is due in Ankara on Friday for discussions.", "Ankara", "Ankara"),
        # and the holding it hands on to
        ("The group's next regular summit is due to be held in Ghana next year.", "Ghana", "Ghana"),
        (
            "The federation's next ordinary congress is due to be held in Bahrain in 2027.",
            "Bahrain",
            "Bahrain",
        ),
    ],
)
def test_meeting_place(parse: Parse, text: str, name: str, words: str) -> None:
    place = _place(parse, text)
    assert place is not None
    assert (place.name, place.mention.text) == (name, words)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting ended without agreement.",
        "The leaders discussed the war in Ukraine at the summit.",
        "Speaking in London, the minister said the summit would be a success.",
        "The summit, which ended in disarray, was the last of its kind.",
    ],
)
def test_no_place(parse: Parse, text: str) -> None:
    assert _place(parse, text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Geneva hosted the talks on Monday.", "Geneva"),
        ("The negotiations were hosted by Istanbul on Friday.", "Istanbul"),
    ],
)
def test_a_town_that_hosts_a_meeting_is_where_it_is_held(extractor: Extractor, text: str, place: str) -> None:
    assert _event_place(extractor, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Qatar hosted the talks on Monday.", "Qatar"),
        ("Brazil will host the next summit of the bloc in 2026.", "Brazil"),
        ("The next summit will be hosted by Norway in June.", "Norway"),
        # a town named with it wins, even where the parser hangs it on the host
        ("The forum will be hosted by the United Arab Emirates in Abu Dhabi next year.", "Abu Dhabi"),
        ("Qatar hosted the talks in Doha on Monday.", "Doha"),
    ],
)
def test_a_country_that_hosts_a_meeting_is_its_host_and_where_it_is_held(
    extractor: Extractor, text: str, place: str
) -> None:
    """FORMAT.md: the city, or the country where no city is named; the host is also a party."""
    (event,) = extractor.extract(text, dt.date(2025, 3, 3)).events
    assert event.location is not None and event.location.name == place
    assert any(p.role == "organizer" for p in event.participants)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The two sides met on Monday in Geneva's old town.", "Geneva"),
        ("The ministers held talks in Mumbai's business district on Friday.", "Mumbai"),
    ],
)
def test_a_settlement_of_a_city_in_the_possessive_is_in_that_city(
    extractor: Extractor, text: str, place: str
) -> None:
    assert _event_place(extractor, text) == place


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the sides of "X-Y talks" say who met, not where
        ("Delegates gathered for the EU-Japan summit in Osaka.", "Osaka"),
        ("The Armenia-Azerbaijan talks in Almaty went on past midnight.", "Almaty"),
    ],
)
def test_the_sides_of_a_pair_are_no_place(parse: Parse, text: str, name: str) -> None:
    place = _place(parse, text)
    assert place is not None and place.name == name


@pytest.mark.parametrize(
    "text",
    [
        "The India-Pakistan summit was called off.",
        "Officials said the France-Germany meeting ended early.",
    ],
)
def test_a_pair_alone_names_no_place(parse: Parse, text: str) -> None:
    assert _place(parse, text) is None


def test_a_hyphenated_venue_is_still_a_place(parse: Parse) -> None:
    place = _place(parse, "The Mar-a-Lago summit ended on Friday.")
    assert place is not None and place.name == "Palm Beach"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a venue's city as the article spells it, not as the venue table does ("Brasília")
        (
            "Envoys gathered at the Planalto Palace on Thursday. Aides in Brasilia said talks would go on.",
            "Brasilia",
        ),
        # a dateline in capitals as the story spells the town
        (
            "CADIZ, Spain — Dockers held a session with employers on Monday. The mayor of Cádiz welcomed it.",
            "Cádiz",
        ),
    ],
)
def test_a_place_is_spelled_as_the_article_spells_it(extractor: Extractor, text: str, place: str) -> None:
    assert _event_place(extractor, text, 0) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # no entity at all
        ("The minister will travel to Timika next week to meet the elders.", "Timika"),
        ("The governors met in Bamenda on Tuesday.", "Bamenda"),
        # a person, or a date, to the tagger; or only the name's last word
        ("The ministers met in Montevideo on Friday.", "Montevideo"),
        ("The two presidents held talks in Santo Domingo on Friday.", "Santo Domingo"),
    ],
)
def test_a_city_the_tagger_misses_is_a_place_by_the_gazetteer(
    extractor: Extractor, text: str, place: str
) -> None:
    """A town GeoNames knows (cities.tsv), as the object of a place preposition."""
    assert _event_place(extractor, text, 0) == place


@pytest.mark.parametrize(
    "text",
    [
        "The ministers will meet in March to settle the budget.",  # March, Cambridgeshire
        "Reed met Jackson at the club on Monday.",  # Jackson, Mississippi, is no place as a party
    ],
)
def test_a_city_name_that_is_a_month_or_a_party_is_no_place(extractor: Extractor, text: str) -> None:
    assert _event_place(extractor, text, 0) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "DHAKA — Opposition leaders walked out of parliament on Sunday. Later that week the two parties"
            " held talks in the capital with a U.N. envoy.",
            "Dhaka",
        ),
        (
            "LIMA, Peru — Miners blocked a highway near Arequipa on Monday. By Thursday their leaders were"
            " negotiating with ministers in the capital.",
            "Lima",
        ),
    ],
)
def test_the_capital_alone_is_the_capital_the_story_was_filed_from(
    extractor: Extractor, text: str, place: str
) -> None:
    assert _event_place(extractor, text, -1) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "PORTO ALEGRE, Brazil — The governor flew to Brasilia on Monday to ask for federal aid. On"
            " Wednesday he sat down with flood victims' leaders in this city.",
            "Porto Alegre",
        ),
        (
            "MARSEILLE, France — The transport minister spent Monday in Paris with the ferry companies. On"
            " Tuesday she held talks with the dockers' union in this city.",
            "Marseille",
        ),
    ],
)
def test_this_city_is_the_city_the_story_was_filed_from(extractor: Extractor, text: str, place: str) -> None:
    assert _event_place(extractor, text, -1) == place


def test_the_capital_alone_with_no_dateline_is_no_place(extractor: Extractor) -> None:
    text = (
        "Miners blocked a highway on Monday. By Thursday their leaders were negotiating with ministers"
        " in the capital."
    )
    assert extractor.extract(text, dt.date(2025, 3, 3)).events[-1].location is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("President Lula will visit Beijing next month.", "Beijing"),
        ("Chancellor Olaf Scholz visited Kenya on Thursday.", "Kenya"),
    ],
)
def test_the_place_a_visit_verb_takes_is_where_the_visit_is(
    extractor: Extractor, text: str, place: str
) -> None:
    """A capital stands for its country as a party, and is still the place visited."""
    assert _event_place(extractor, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The envoys met at a military base near Bamenda on Monday.", "Bamenda"),
        ("The ministers met on Monday at a hotel outside Timika.", "Timika"),
    ],
)
def test_a_venue_defers_to_a_town_the_gazetteer_knows_near_it(
    extractor: Extractor, text: str, place: str
) -> None:
    assert _event_place(extractor, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "The leader of Hamas met the Egyptian minister in Cairo on Monday.",  # also a German town's name
        "Ministers from Hamas and Fatah met in Cairo on Monday.",
    ],
)
def test_a_party_named_like_a_town_is_read_as_a_town_only_where_something_is(
    extractor: Extractor, text: str
) -> None:
    (event,) = extractor.extract(text, dt.date(2025, 3, 3)).events
    assert "Hamas" in {p.name for p in event.participants}
    assert event.location is not None and event.location.name == "Cairo"
