"""The extraction engine: owns the spaCy pipeline, runs the stages, returns plain models.

Load it once per process; `extract` is safe to call from several threads: parses take turns, since
spaCy's memory zones must not overlap (and the work is CPU-bound under the GIL anyway), while the
stages after the parse run on plain data and need no lock.
No spaCy object leaves this module.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from app.extraction import deadline, events, temporal
from app.extraction.long_input import chunks
from app.extraction.parsed import ParsedText, join
from app.extraction.pipeline import load_pipeline, run_pipeline, to_parsed
from app.extraction.turns import Turns
from app.models.v1 import DateMention, Extraction, ModelInfo

StageObserver = Callable[[str, float], None]


def _no_observer(stage: str, seconds: float) -> None:
    del stage, seconds


class Extractor:
    def __init__(self, model: str) -> None:
        self._nlp = load_pipeline(model)
        self._parse_turns = Turns()
        meta = self._nlp.meta
        self.model_info = ModelInfo(name=model, version=str(meta.get("version", "unknown")))

    def parse(self, text: str) -> ParsedText:
        """The plain parse of `text` that every stage reads."""
        # memory_zone frees the strings this text adds to the vocabulary once we are done with it,
        # so a long-running server does not grow with every article it reads.
        pieces = chunks(text)  # one for a news article; see long_input.CHUNK_CHARS
        parts = []
        for n, (offset, chunk) in enumerate(pieces):
            with self._turn_to_parse(remaining=len(pieces) - n), self._nlp.memory_zone():
                parts.append((offset, to_parsed(run_pipeline(self._nlp, chunk))))
        return parts[0][1] if len(parts) == 1 else join(text, parts)

    @contextmanager
    def _turn_to_parse(self, remaining: int) -> Iterator[None]:
        """Wait for a turn at the parser, but no longer than the extraction's deadline allows."""
        budget = deadline.current()
        timeout = None if budget is None else budget.remaining()
        if not self._parse_turns.acquire(timeout=timeout, remaining=remaining):
            assert budget is not None
            raise deadline.DeadlineExceeded(budget.seconds, "waiting for its turn to parse")
        try:
            yield
        finally:
            self._parse_turns.release()

    def extract(
        self,
        text: str,
        published_at: dt.date | None,
        observe: StageObserver = _no_observer,
        max_events: int | None = None,
    ) -> Extraction:
        """Events and date mentions of `text`; `observe(stage, seconds)` hears each stage's cost.
        With `max_events`, the events past it are left out and the result says it is truncated."""
        started = time.perf_counter()
        parsed = self.parse(text)
        observe("parse", time.perf_counter() - started)

        deadline.check("after the parse")
        started = time.perf_counter()
        mentions = temporal.find_dates(parsed, published_at)
        observe("temporal", time.perf_counter() - started)

        deadline.check("after the dates")
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
        truncated = max_events is not None and len(found) > max_events
        return Extraction(events=found[:max_events], dates=dates, truncated=truncated)
