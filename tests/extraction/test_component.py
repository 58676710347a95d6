"""The spaCy component: nlp.add_pipe("meeting_events") gives spaCy users what the service returns."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import spacy

from app.extraction import component
from app.extraction.engine import Extractor
from app.settings import get_settings

TEXT = (
    "The Dutch foreign minister will host talks with Belgium in The Hague on Thursday. "
    "Luxembourg was not invited. Ministers met in Brussels last week."
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    nlp = spacy.load(get_settings().spacy_model)
    nlp.add_pipe(component.NAME, config={"published_at": "2025-04-07"})
    return nlp


def test_the_component_finds_what_the_engine_finds(nlp: Any, extractor: Extractor) -> None:
    doc = nlp(TEXT)
    expected = extractor.extract(TEXT, dt.date(2025, 4, 7))
    assert doc._.meeting_events == expected.events
    assert doc._.event_dates == expected.dates
    assert [(s.text, s.label_) for s in doc.spans["meetings"]] == [
        (e.trigger.text, "meeting") for e in expected.events
    ]
    hosted = doc._.meeting_events[0]
    assert hosted.date is not None and hosted.date.value == "2025-04-10"
    assert {(p.name, p.role) for p in hosted.participants} >= {("Belgium", "participant")}


def test_a_doc_s_own_publication_date_wins(nlp: Any) -> None:
    doc = nlp.make_doc(TEXT)
    doc._.published_at = dt.date(2025, 6, 2)
    doc = nlp(doc)
    assert doc._.meeting_events[0].date.value == "2025-06-05"


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    nlp = spacy.load(get_settings().spacy_model)
    nlp.add_pipe("meeting_events", config={"spans_key": "gatherings"})
    doc = nlp("The two presidents met in Geneva on Thursday.")
    assert [s.text for s in doc.spans["gatherings"]] == ["met"]
    event = doc._.meeting_events[0]
    assert event.location is not None and event.location.name == "Geneva"
    assert event.date is None or event.date.value is None
