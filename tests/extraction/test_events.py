"""Whole-text extraction: mentions merged into events with date, place, status and parties."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.engine import Extractor
from app.models.v1 import Event, Extraction, Span

PUBLISHED = dt.date(2025, 2, 18)  # a Tuesday

REPORT = (
    "On Tuesday, February 18, Finnish President Alexander Stubb told reporters that he will convene "
    "another meeting on the war in Ukraine. The new discussions are scheduled for Wednesday, his office "
    "added. They come after an emergency meeting held on Monday in Paris with Germany, Britain, Italy "
    "and Poland. Slovakia and Slovenia voiced dismay at not being included."
)


@pytest.fixture(scope="module")
def report(extractor: Extractor) -> Extraction:
    return extractor.extract(REPORT, PUBLISHED)


def _by_status(result: Extraction, status: str) -> Event:
    found = [e for e in result.events if e.status == status]
    assert len(found) == 1, [(e.trigger.text, e.status) for e in result.events]
    return found[0]


def _roles(event: Event) -> dict[str, str]:
    return {p.name: p.role for p in event.participants}


def _check_spans(text: str, spans: list[Span]) -> None:
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


def _check_event(text: str, event: Event) -> None:
    """The event is a valid model, survives a JSON round trip, and every offset indexes `text`."""
    assert Event.model_validate(event.model_dump(mode="json")) == event
    _check_spans(text, [event.trigger, *event.mentions, *event.evidence])
    _check_spans(text, [s for p in event.participants for s in p.mentions])
    if event.location is not None:
        _check_spans(text, [event.location])
    if event.date is not None:
        _check_spans(text, [event.date])
    assert event.trigger == event.mentions[0]


# -- the news report ------------------------------------------------------------------------------


def test_report_has_one_scheduled_and_one_past_meeting(report: Extraction) -> None:
    assert [(e.id, e.type, e.status) for e in report.events] == [
        ("e1", "meeting", "scheduled"),
        ("e2", "meeting", "occurred"),
    ]
    for event in report.events:
        _check_event(REPORT, event)
    assert Extraction.model_validate(report.model_dump(mode="json")) == report


def test_future_gathering_mentions_are_merged(report: Extraction) -> None:
    planned = _by_status(report, "scheduled")
    assert planned.trigger.text == "meeting"
    assert [m.text for m in planned.mentions] == ["meeting", "new discussions"]
    # Its evidence is the two sentences that speak of it.
    assert [e.text[:12] for e in planned.evidence] == ["On Tuesday, ", "The new disc"]


def test_president_organizes_the_future_gathering(report: Extraction) -> None:
    planned = _by_status(report, "scheduled")
    organizer = next(p for p in planned.participants if p.role == "organizer")
    assert (organizer.name, organizer.kind, organizer.id) == ("Alexander Stubb", "person", None)
    assert [s.text for s in organizer.mentions] == ["he"]


def test_future_gathering_is_dated_the_day_after_publication(report: Extraction) -> None:
    planned = _by_status(report, "scheduled")
    assert planned.date is not None
    assert planned.date.text == "Wednesday"
    assert planned.date.value == "2025-02-19"


def test_past_meeting_is_in_paris_the_day_before_publication(report: Extraction) -> None:
    past = _by_status(report, "occurred")
    assert past.trigger.text == "emergency meeting"
    assert [m.text for m in past.mentions] == ["emergency meeting"]
    assert past.location is not None
    assert (past.location.name, past.location.text) == ("Paris", "Paris")
    assert past.date is not None
    assert past.date.text == "Monday"
    assert past.date.value == "2025-02-17"
    assert "France" not in _roles(past)  # Paris is where, not who


def test_left_out_countries_are_excluded_from_the_paris_meeting(report: Extraction) -> None:
    past = _by_status(report, "occurred")
    planned = _by_status(report, "scheduled")
    roles = _roles(past)
    assert roles.get("Slovakia") == "excluded"
    assert roles.get("Slovenia") == "excluded"
    assert "Slovakia" not in _roles(planned) and "Slovenia" not in _roles(planned)


def test_countries_with_whom_the_paris_meeting_was_held_took_part(report: Extraction) -> None:
    roles = _roles(_by_status(report, "occurred"))
    for name in ("Germany", "United Kingdom", "Italy", "Poland"):
        assert roles.get(name) == "participant", name


def test_topic_of_the_future_gathering_is_no_place(report: Extraction) -> None:
    assert _by_status(report, "scheduled").location is None


def test_where_a_plan_is_announced_is_not_where_it_meets(extractor: Extractor) -> None:
    text = (
        "On Tuesday, Finnish President Alexander Stubb told reporters in Helsinki that he will convene "
        "another meeting on the war in Ukraine."
    )
    (event,) = extractor.extract(text, PUBLISHED).events
    assert event.status == "scheduled"
    assert event.location is None


# -- smaller texts --------------------------------------------------------------------------------


def test_text_without_meetings_has_no_events(extractor: Extractor) -> None:
    assert extractor.extract("The weather was mild and markets rose.", PUBLISHED).events == []


def test_definite_mention_joins_its_antecedent(extractor: Extractor) -> None:
    text = "Japan and South Korea met in Tokyo last week. The meeting produced a trade deal."
    (event,) = extractor.extract(text, PUBLISHED).events
    _check_event(text, event)
    assert [m.text for m in event.mentions] == ["met", "meeting"]
    assert event.status == "occurred"
    assert event.location is not None and event.location.name == "Tokyo"
    assert _roles(event) == {"Japan": "participant", "South Korea": "participant"}
    assert [p.id for p in event.participants] == ["JPN", "KOR"]


def test_past_and_future_meetings_stay_apart(extractor: Extractor) -> None:
    text = "The leaders met in Rome on Monday. They will meet again in Madrid next month."
    events = extractor.extract(text, PUBLISHED).events
    for event in events:
        _check_event(text, event)
    assert [(e.status, e.location.name if e.location else None) for e in events] == [
        ("occurred", "Rome"),
        ("scheduled", "Madrid"),
    ]
    assert events[0].date is not None and events[0].date.value == "2025-02-17"
    assert events[1].date is not None and events[1].date.value == "2025-03"


def test_status_without_publication_date_comes_from_tense(extractor: Extractor) -> None:
    text = "The two presidents will meet in Helsinki. Their ministers met in Oslo."
    events = extractor.extract(text, None).events
    assert [(e.status, e.location.name if e.location else None) for e in events] == [
        ("scheduled", "Helsinki"),
        ("occurred", "Oslo"),
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The board approved the plan at a meeting this week.", "occurred"),
        ("Macron told Scholz during their talks this week that he disagreed.", "occurred"),
        ("The ministers will meet later this week in Geneva.", "scheduled"),
        ("The ministers met earlier this month in Geneva.", "occurred"),
    ],
)
def test_a_date_that_holds_the_publication_day_leaves_the_status_to_the_tense(
    extractor: Extractor, text: str, status: str
) -> None:
    # (a week or a month around publication is on neither side of it: "2025-W08" is no later date)
    (event,) = extractor.extract(text, PUBLISHED).events
    assert event.status == status


@pytest.mark.parametrize(
    ("text", "first_day"),
    [
        ("Researchers on Thursday wrapped up a three-day conference in Harare.", "2024-03-12"),
        ("The delegates closed their five-day congress in Lyon on Friday.", "2024-03-04"),
        # the days it ran stand for it ("ended three days of talks"); a "by" of means is no end point
        ("Negotiators wrapped up three days of talks in Doha on Wednesday.", "2024-03-11"),
        ("The envoys ended two days of meetings in Cairo on Monday with no deal.", "2024-03-10"),
        ("Ministers closed a two-day forum in Oslo on Friday by adopting a declaration.", "2024-03-07"),
        ("Officials ended four days of bargaining in Quito on Sunday by signing an accord.", "2024-03-07"),
        # what followed it is dated by its end: "agreed on Friday after two days of talks"
        ("Lenders agreed on Wednesday to extend the loan after three days of talks in Athens.", "2024-03-11"),
        ("The unions signed the accord on Sunday, after two days of bargaining in Turin.", "2024-03-09"),
    ],
)
def test_a_gathering_dated_by_its_end_and_length_is_dated_by_its_first_day(
    extractor: Extractor, text: str, first_day: str
) -> None:
    (event,) = extractor.extract(text, dt.date(2024, 3, 14)).events
    assert event.date is not None and event.date.value == first_day


@pytest.mark.parametrize(
    "text",
    [
        "Researchers on Thursday wrapped up their conference in Harare.",  # no length: its last day
        "A three-day conference opened in Harare on Thursday.",  # its first day already
    ],
)
def test_without_both_the_end_and_the_length_the_date_stands(extractor: Extractor, text: str) -> None:
    (event,) = extractor.extract(text, dt.date(2024, 3, 16)).events
    assert event.date is not None and event.date.value == "2024-03-14"


@pytest.mark.parametrize(
    "text",
    [
        "Abe, Trump talk trade\nPrime Minister Shinzo Abe met Trump on Friday; Abe later called it useful.",
        "Kishida, Biden talk\nPrime Minister Fumio Kishida met Biden on Friday; Kishida called it useful.",
    ],
)
def test_a_surname_beside_the_full_name_in_one_event_is_one_party(extractor: Extractor, text: str) -> None:
    for event in extractor.extract(text, dt.date(2024, 3, 14)).events:
        names = [p.name for p in event.participants]
        assert not any(n != m and " " not in n and m.split()[-1] == n for n in names for m in names), names


def test_two_people_of_one_surname_stay_apart(extractor: Extractor) -> None:
    text = "Bill Clinton and Hillary Clinton met Clinton supporters in Little Rock on Monday."
    names = {p.name for e in extractor.extract(text, dt.date(2024, 3, 14)).events for p in e.participants}
    assert {"Bill Clinton", "Hillary Clinton"} <= names
