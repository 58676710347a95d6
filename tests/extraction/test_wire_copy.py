"""Photo captions of wire copy: a meeting a caption reports takes the date the caption closes with.
Every row of wire_copy_cues.tsv marks its example as a caption. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.engine import Extractor, read, read_mentions
from app.extraction.lexicon import Row, table
from app.extraction.wire_copy import caption_spans

PUBLISHED = dt.date(2025, 3, 5)
BEFORE, AFTER = "Officials spoke about trade on Tuesday.\n", "\nThe talks covered tariffs."


def _dates(extractor: Extractor, text: str) -> list[str | None]:
    return [e.date.value if e.date else None for e in extractor.extract(text, PUBLISHED).events]


@pytest.mark.parametrize(
    "row", [pytest.param(r, id=f"{r['cue']}:{r['words']}") for r in table("wire_copy_cues").rows]
)
def test_row_marks_its_example_as_a_caption(extractor: Extractor, row: Row) -> None:
    text = BEFORE + row["example"] + AFTER
    assert list(caption_spans(text)) == [(len(BEFORE), len(BEFORE) + len(row["example"]))]
    assert _dates(extractor, text) == [row["date"]]


@pytest.mark.parametrize(
    ("caption", "date"),
    [
        (
            "FILE - Chancellor Karl Berg attends the Alpine Economic Forum on rebuilding the tourism "
            "trade in the mountain valleys at the Kongresshaus in Davos, Switzerland, Jan. 18, 2023.",
            "2023-01-18",
        ),
        (
            "In this photo released by the palace, King Felipe walks with President Emmanuel Macron upon his "
            "arrival to their meeting in Madrid, Nov. 3, 2021.",
            "2021-11-03",
        ),
    ],
)
def test_a_caption_meeting_takes_the_date_the_caption_closes_with(
    extractor: Extractor, caption: str, date: str
) -> None:
    assert _dates(extractor, BEFORE + caption + AFTER) == [date]


@pytest.mark.parametrize(
    ("sentence", "closing"),
    [
        (
            "Chancellor Karl Berg attends the Alpine Economic Forum on rebuilding the tourism trade in the "
            "mountain valleys at the Kongresshaus in Davos, Switzerland, Jan. 18, 2023. Officials expect "
            "record crowds.",
            "2023-01-18",
        ),
        (
            "King Felipe walks with President Emmanuel Macron upon his arrival to their meeting in Madrid, "
            "Nov. 3, 2021. The visit was his first.",
            "2021-11-03",
        ),
    ],
)
def test_the_same_words_outside_a_caption_take_no_closing_date(
    extractor: Extractor, sentence: str, closing: str
) -> None:
    # (the meeting may still be dated from the sentences around it: dating.py)
    (date,) = _dates(extractor, BEFORE + sentence + AFTER)
    assert date != closing


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        # no opening: the day set off by a comma at the very end of the line
        (
            "Finance Minister Ana Ruiz, left, greets her Chilean counterpart before talks in Lima, "
            "Sept. 4, 2019.",
            True,
        ),
        (
            "The two presidents shake hands after a meeting at the Kremlin in Moscow, March 11, 2016.",
            True,
        ),
        # prose says "on" the day, or goes on after it
        ("The treaty was signed at a ceremony in Lima on Sept. 4, 2019.", False),
        ("The presidents met in Moscow, March 11, 2016, and agreed to meet again.", False),
    ],
)
def test_a_line_closing_with_a_day_set_off_by_a_comma_is_a_caption(line: str, caption: bool) -> None:
    text = BEFORE + line + AFTER
    spans = [(len(BEFORE), len(BEFORE) + len(line))] if caption else []
    assert list(caption_spans(text)) == spans


def test_a_caption_that_closes_without_a_date_dates_nothing(extractor: Extractor) -> None:
    caption = (
        "FILE - King Felipe walks with President Emmanuel Macron upon his arrival to their meeting in Madrid."
    )
    parsed = extractor.parse(BEFORE + caption + AFTER)
    _, _, gatherings = read(parsed, PUBLISHED)
    assert [g.date for g in gatherings] == [None]  # (the learned dating.py may still date it later)


def test_a_line_that_only_mentions_a_file_is_no_caption() -> None:
    text = "The FILE - a dossier of 40 pages - was sent to Lima on May 2, 2019.\nIn this case the court met."
    assert list(caption_spans(text)) == []


@pytest.mark.parametrize(
    "caption",
    [
        "FILE - Head of Iran's Atomic Energy Organization Reza Kazemi speaks at a session in Tehran, 2015.",
        "FILE - Head of the IMF Kristalina Georgieva attends talks in Kyiv, 2023.",
        "FILE - Police chiefs meet at the summit venue in Ankara, May 16, 2017.",
    ],
)
def test_a_caption_mark_is_no_part_of_the_name_after_it(extractor: Extractor, caption: str) -> None:
    events = extractor.extract(BEFORE + caption + AFTER, PUBLISHED).events
    names = {p.name for e in events for p in e.participants}
    assert not any(n.upper().startswith(("FILE", "PHOTO", "HEAD", "POLICE")) for n in names), names


def test_the_caption_stage_marks_the_mentions_a_caption_holds(extractor: Extractor) -> None:
    caption = "Port chiefs from Antwerp and Rotterdam pose after their talks in Rotterdam, June 9, 2020."
    frames = read_mentions(extractor.parse(BEFORE + caption + AFTER), PUBLISHED).frames
    assert [(f.trigger.text, f.caption) for f in frames] == [("talks", True), ("talks", False)]
