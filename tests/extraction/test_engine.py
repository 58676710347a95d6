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
    assert heard == ["parse", "temporal", "events"]


def test_extract_many_gives_what_extract_gives_in_order_across_parse_groups(extractor: Extractor) -> None:
    articles = [
        ("The prime ministers met in Warsaw on Monday.", dt.date(2024, 6, 5)),
        ("Talks between the unions and the rail company collapsed.", None),
        ("A summit with Kenya is planned for next month.", dt.date(2024, 1, 20)),
        ("The weather was mild.", None),
        ("Officials will hold a call on Friday.", dt.date(2024, 9, 2)),
    ]
    stages: list[str] = []

    many = list(
        extractor.extract_many(iter(articles), observe=lambda stage, _: stages.append(stage), batch_size=2)
    )

    assert many == [extractor.extract(text, published_at) for text, published_at in articles]
    assert stages == ["parse", "temporal", "events"] * len(articles)
