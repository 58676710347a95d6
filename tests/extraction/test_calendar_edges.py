"""Publication dates at the ends of the calendar (year 1 and year 9999) with every kind of relative
phrase: each date either gets a value on the calendar or none with a reason; nothing raises."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.engine import Extractor

EDGE_DATES = [
    dt.date(1, 1, 1),
    dt.date(1, 1, 3),
    dt.date(1, 2, 28),
    dt.date(1, 12, 31),
    dt.date(2, 1, 1),
    dt.date(9998, 12, 31),
    dt.date(9999, 1, 1),
    dt.date(9999, 12, 27),
    dt.date(9999, 12, 30),
    dt.date(9999, 12, 31),
]
PHRASES = [
    "The summit is on Wednesday.",
    "The ministers met on Monday.",
    "Talks resume tomorrow.",
    "The envoys met yesterday.",
    "The council meets next week.",
    "The panel met last week.",
    "The committee will convene next month.",
    "The board met last month.",
    "A summit is planned for next year.",
    "The treaty talks began last year.",
    "The delegations will meet in two weeks.",
    "The leaders met three days ago.",
    "A hearing is set for December 31.",
    "A hearing was held on January 1.",
    "The forum takes place this weekend.",
    "A vote follows later this month.",
    "The alliance meets next quarter.",
    "The talks ran until the following day.",
    "The envoys will meet next spring.",
    "Negotiators met a decade ago.",
    "The summit opened on Friday and ended the next day.",
    "A meeting is scheduled for the week after next.",
]


def _on_calendar(value: str | None) -> bool:
    return value is None or value[:4].isdecimal() or value.endswith("_REF") or len(value) == 3


@pytest.mark.parametrize("published", EDGE_DATES, ids=str)
@pytest.mark.parametrize("text", PHRASES)
def test_an_edge_of_the_calendar_gives_values_or_reasons_never_an_error(
    extractor: Extractor, published: dt.date, text: str
) -> None:
    extraction = extractor.extract(text, published)
    for date in extraction.dates:
        assert _on_calendar(date.value), date
        assert date.value is not None or date.reason, date
    for event in extraction.events:
        assert event.date is None or _on_calendar(event.date.value)
