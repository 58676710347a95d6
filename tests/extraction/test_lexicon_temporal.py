"""Every row of the temporal tables (app/extraction/lexicon/en/temporal_*.tsv) on its own example.

Each row's `example` runs through the real spaCy pipeline and `find_dates` with the publication date
2025-02-18: the example's `date` words must get the row's `value` ("-": no date may touch them). Then
the same example runs once more with that one row left out of the tables: the outcome must change,
which shows the row is what decided it, except for the rows listed in SAME_WITHOUT_THE_ROW, where
spaCy's entity labels already decide the same thing (kept as a measured list, so that a change in
either shows here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.extraction import lexicon
from app.extraction.lexicon import Row
from app.extraction.parsed import ParsedText
from app.extraction.temporal import DateMention, find_dates
from app.extraction.temporal.words import TABLES, load

Parse = Callable[[str], ParsedText]

PUBLISHED = dt.date(2025, 2, 18)
_NOT_KEYS = ("example", "date", "value")


def _row_id(name: str, row: Row) -> str:
    return ":".join([name, *(cell for key, cell in row.items() if key not in _NOT_KEYS)])


# Rows no example can show firing with today's tokenizer and model (kept: the behaviour is unchanged;
# strict, so a row that starts firing shows here).
CANNOT_FIRE = {
    "temporal_numbers:twenty-first:21:ordinal": "the tokenizer splits 'twenty-first' at its hyphen",
    "temporal_amounts:before:no.": "the tokenizer splits 'No.' from the number after it",
    "temporal_verbs:slate:plan": "en_core_web_sm lemmatizes 'slated' as 'slat'",
}

ROWS = [(name, row) for name in TABLES for row in lexicon.table(name).rows]
IDS = [_row_id(name, row) for name, row in ROWS]
CASES = [
    pytest.param(name, row, id=row_id, marks=[pytest.mark.xfail(strict=True, reason=CANNOT_FIRE[row_id])])
    if row_id in CANNOT_FIRE
    else pytest.param(name, row, id=row_id)
    for (name, row), row_id in zip(ROWS, IDS, strict=True)
]

_MONTH_CUES_BESIDE_DATE_TAGS = """
    after around as before beginning between by coming during early end for from in into last late mid
    mid- middle next of on past since start this through throughout till to until within
"""
# Rows whose example gets the same outcome without them, measured. The small model tags a month after
# any of these cues DATE in every natural sentence we tried (the cue decides only where it does not);
# it tags "1990 percent" PERCENT and "fiscal 2024", "Season 2023" DATE; and a season word before a
# year is matched with the year as a season ("Summer 2028") before the year alone is tried.
SAME_WITHOUT_THE_ROW = {
    "temporal_amounts:after:%",
    "temporal_amounts:after:percent",
    *(f"temporal_month_cues:{word}" for word in _MONTH_CUES_BESIDE_DATE_TAGS.split()),
    *(
        f"temporal_year_words:{word}:before_year"
        for word in ("autumn", "fall", "fiscal", "season", "spring", "summer", "winter")
    ),
}


def _outcome(mentions: list[DateMention], example: str, date: str) -> str:
    """The value the words `date` of `example` got: "-" if no date touches them, else the value of
    the mention that spans exactly them (or a note of the mentions that touch them otherwise)."""
    start = example.index(date)
    end = start + len(date)
    touching = [m for m in mentions if m.start < end and start < m.end]
    if not touching:
        return "-"
    exact = [m for m in touching if (m.start, m.end) == (start, end)]
    if not exact:
        return "other span: " + " | ".join(m.text for m in touching)
    return str(exact[0].value)


def _words_of(name: str, row: Row) -> list[str]:
    key = "lemma" if "lemma" in row else "words" if "words" in row else "word"
    return row[key].split()


@pytest.mark.parametrize(("name", "row"), CASES)
def test_the_row_fires_on_its_example(parse: Parse, name: str, row: Row) -> None:
    row_id = _row_id(name, row)
    parsed = parse(row["example"])
    seen = {t.lower.rstrip(".") for t in parsed.tokens} | {t.lower for t in parsed.tokens}
    seen |= {t.lemma.lower() for t in parsed.tokens}
    assert all(word in seen for word in _words_of(name, row)), f"{row_id}: the example lacks the row's word"
    assert _outcome(find_dates(parsed, PUBLISHED), row["example"], row["date"]) == row["value"]

    without = load(lambda table: [r for r in lexicon.table(table).rows if r is not row])
    alone = _outcome(find_dates(parsed, PUBLISHED, lex=without), row["example"], row["date"])
    if row_id in SAME_WITHOUT_THE_ROW:
        assert alone == row["value"], f"{row_id} now decides its example: take it off SAME_WITHOUT_THE_ROW"
    else:
        assert alone != row["value"], f"{row_id}: the example comes out the same without the row"


def test_the_measured_lists_name_real_rows() -> None:
    assert set(CANNOT_FIRE) | SAME_WITHOUT_THE_ROW <= set(IDS)
    assert not set(CANNOT_FIRE) & SAME_WITHOUT_THE_ROW


def test_every_temporal_table_is_read() -> None:
    assert {name for name in lexicon.tables() if name.startswith("temporal_")} == set(TABLES)
    assert len(IDS) == len(set(IDS)), "two rows of one table say the same thing"
