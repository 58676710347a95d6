"""The extraction engine: owns the spaCy pipeline, runs the stages, returns plain models.

Load it once per process; `extract` is safe to call from several threads: parses take turns, since
spaCy's memory zones must not overlap (and the work is CPU-bound under the GIL anyway), while the
stages after the parse run on plain data and need no lock.
No spaCy object leaves this module.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from collections.abc import Callable, Iterable, Iterator

from app.extraction import events, temporal
from app.extraction.parsed import ParsedText
from app.extraction.pipeline import load_pipeline, to_parsed
from app.models.v1 import DateMention, Extraction, ModelInfo

StageObserver = Callable[[str, float], None]
# Texts spaCy parses together in extract_many: most of nlp.pipe's gain, while a batch holds the parser
# for about a second of news articles at a time.
PARSE_BATCH_SIZE = 16


def _no_observer(stage: str, seconds: float) -> None:
    del stage, seconds


class Extractor:
    def __init__(self, model: str) -> None:
        self._nlp = load_pipeline(model)
        self._parse_turn = threading.Lock()
        meta = self._nlp.meta
        self.model_info = ModelInfo(name=model, version=str(meta.get("version", "unknown")))

    def parse(self, text: str) -> ParsedText:
        """The plain parse of `text` that every stage reads."""
        # memory_zone frees the strings this text adds to the vocabulary once we are done with it,
        # so a long-running server does not grow with every article it reads.
        with self._parse_turn, self._nlp.memory_zone():
            return to_parsed(self._nlp(text))

    def extract(
        self, text: str, published_at: dt.date | None, observe: StageObserver = _no_observer
    ) -> Extraction:
        """Events and date mentions of `text`; `observe(stage, seconds)` hears each stage's cost."""
        started = time.perf_counter()
        parsed = self.parse(text)
        observe("parse", time.perf_counter() - started)
        return self.extract_parsed(parsed, published_at, observe)

    def extract_many(
        self,
        articles: Iterable[tuple[str, dt.date | None]],
        observe: StageObserver = _no_observer,
        batch_size: int = PARSE_BATCH_SIZE,
    ) -> Iterator[Extraction]:
        """What `extract` gives for each (text, published_at), in order, lazily. spaCy parses the texts
        `batch_size` at a time (nlp.pipe, faster than one by one); each turn at the parser is one such
        group, so single requests get their turn between a batch's groups."""
        remaining = iter(articles)
        while group := list(itertools.islice(remaining, batch_size)):
            started = time.perf_counter()
            with self._parse_turn, self._nlp.memory_zone():
                parsed = [to_parsed(doc) for doc in self._nlp.pipe([text for text, _ in group])]
            parse_seconds = (time.perf_counter() - started) / len(group)
            for one, (_, published_at) in zip(parsed, group, strict=True):
                observe("parse", parse_seconds)
                yield self.extract_parsed(one, published_at, observe)

    def extract_parsed(
        self, parsed: ParsedText, published_at: dt.date | None, observe: StageObserver = _no_observer
    ) -> Extraction:
        """The stages after the parse, for one text (`extract` and `extract_many` share them)."""
        started = time.perf_counter()
        mentions = temporal.find_dates(parsed, published_at)
        observe("temporal", time.perf_counter() - started)

        started = time.perf_counter()
        found = events.find_events(parsed, mentions, published_at)
        observe("events", time.perf_counter() - started)

        dates = [
            DateMention(
                text=m.text,
                start=m.start,
                end=m.end,
                value=m.value,
                end_value=m.end_value,
                anchor=m.anchor,
                direction=m.direction,
                reason=m.reason,
            )
            for m in mentions
        ]
        return Extraction(events=found, dates=dates)
