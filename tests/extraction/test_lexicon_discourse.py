"""Every row of discourse_cues.tsv fires on its example: the party it names is attached to the meeting
the sentence before mentions. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.engine import Extractor
from app.extraction.lexicon import Row, table

PUBLISHED = dt.date(2025, 3, 5)


@pytest.mark.parametrize(
    "row", [pytest.param(r, id=f"{r['cue']}:{r['lemma']}") for r in table("discourse_cues").rows]
)
def test_row_attaches_its_party(extractor: Extractor, row: Row) -> None:
    events = extractor.extract(row["example"], PUBLISHED).events
    assert len(events) == 1
    assert row["party"] in {p.name for p in events[0].participants}


def test_the_party_is_not_attached_without_the_cue(extractor: Extractor) -> None:
    events = extractor.extract(
        "Romania and Moldova held talks in Chisinau on Monday. Mirela Costa praised the weather.", PUBLISHED
    ).events
    assert "Mirela Costa" not in {p.name for p in events[0].participants}
