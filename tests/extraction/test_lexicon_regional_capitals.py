"""Every row of regional_capitals.tsv fires on its example: "the Scottish capital" is Edinburgh, not
the capital of the country the word belongs to. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction import location
from app.extraction.engine import Extractor
from app.extraction.lexicon import Row, table

PUBLISHED = dt.date(2025, 3, 5)


@pytest.mark.parametrize("row", [pytest.param(r, id=r["word"]) for r in table("regional_capitals").rows])
def test_row_gives_the_region_s_capital(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch, row: Row
) -> None:
    (event,) = extractor.extract(row["example"], PUBLISHED).events
    assert event.location is not None
    assert event.location.name == row["city"]
    without = {k: v for k, v in location.REGIONAL_CAPITALS.items() if k != row["word"].lower()}
    monkeypatch.setattr(location, "REGIONAL_CAPITALS", without)
    (event,) = extractor.extract(row["example"], PUBLISHED).events
    assert event.location is None or event.location.name != row["city"], f"{row}: holds without the row"
