"""The engine as a whole: one pipeline shared by many threads."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from app.extraction.engine import Extractor

TEXTS = [
    "The two foreign ministers met in Vienna on Thursday and agreed to hold further talks.",
    "Protesters were not invited to the summit, which Norway hosted in Oslo last week.",
    "The board will convene an extraordinary session on March 3 to vote on the merger.",
    "Chile and Peru held talks on fishing rights, officials said on Monday.",
]


def test_concurrent_extractions_match_sequential_ones(extractor: Extractor) -> None:
    published = dt.date(2024, 5, 10)
    expected = [extractor.extract(t, published) for t in TEXTS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda t: extractor.extract(t, published), TEXTS * 6))
    assert results == expected * 6


def test_stage_observer_hears_every_stage(extractor: Extractor) -> None:
    heard: list[str] = []
    extractor.extract(TEXTS[0], None, lambda stage, seconds: heard.append(stage) if seconds >= 0 else None)
    assert heard == [
        "parse",
        "temporal",
        "triggers",
        "actors",
        "frames",
        "caption dates",
        "gatherings",
        "discourse",
        "attendance",
        "whereabouts",
        "dating",
        "reality",
        "output",
    ]


def test_a_text_without_meetings_skips_the_stages_that_read_meetings(extractor: Extractor) -> None:
    heard: list[str] = []
    result = extractor.extract("Markets rose on Friday.", None, lambda stage, seconds: heard.append(stage))
    assert heard == ["parse", "temporal", "triggers", "output"]
    assert result.events == [] and [d.text for d in result.dates] == ["Friday"]


def test_extract_many_gives_what_extract_gives_in_order_across_parse_groups(extractor: Extractor) -> None:
    articles = [
        ("The prime ministers met in Warsaw on Monday.", dt.date(2024, 6, 5)),
        ("Talks between the unions and the rail company collapsed.", None),
        ("A summit with Kenya is planned for next month.", dt.date(2024, 1, 20)),
        ("The weather was mild.", None),
        ("Officials will hold a call on Friday.", dt.date(2024, 9, 2)),
    ]
    many_stages: list[str] = []
    one_stages: list[str] = []

    many = list(
        extractor.extract_many(
            iter(articles), observe=lambda stage, _: many_stages.append(stage), batch_size=2
        )
    )
    one = [extractor.extract(t, d, lambda stage, _: one_stages.append(stage)) for t, d in articles]

    assert many == one
    assert many_stages == one_stages, "each article's stages are heard, its parse first"
