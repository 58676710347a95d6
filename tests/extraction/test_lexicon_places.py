"""Every row of place_nouns.tsv fires on its example: the meeting's place is the settlement the
description names. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.engine import Extractor
from app.extraction.lexicon import Row, table

PUBLISHED = dt.date(2025, 3, 5)


@pytest.mark.parametrize("row", [pytest.param(r, id=r["lemma"]) for r in table("place_nouns").rows])
def test_row_gives_the_settlement_it_describes(extractor: Extractor, row: Row) -> None:
    (event,) = extractor.extract(row["example"], PUBLISHED).events
    assert event.location is not None
    assert event.location.name == row["place"]
