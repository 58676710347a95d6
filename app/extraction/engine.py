"""The extraction engine: owns the spaCy pipeline, runs the stages, returns plain models.

Load it once per process; `extract` is safe to call from several threads: parses take turns, since
spaCy's memory zones must not overlap (and the work is CPU-bound under the GIL anyway), while the
stages after the parse run on plain data and need no lock.
No spaCy object leaves this module.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import NamedTuple, ParamSpec, TypeVar

from app.extraction import deadline, temporal
from app.extraction.actors import ActorIndex, resolve_actors
from app.extraction.attendance import likely_attendees
from app.extraction.dating import likely_dates
from app.extraction.discourse import attach_follow_ups
from app.extraction.frames import Frame, find_frames
from app.extraction.gatherings import Gathering, find_gatherings
from app.extraction.long_input import CHUNK_CHARS, chunks
from app.extraction.output import to_extraction
from app.extraction.parsed import ParsedText, join
from app.extraction.pipeline import load_pipeline, run_pipeline, to_parsed
from app.extraction.reality import likely_gatherings
from app.extraction.temporal import DateMention
from app.extraction.triggers import find_triggers
from app.extraction.turns import Turns
from app.extraction.whereabouts import likely_places
from app.extraction.wire_copy import dated_captions
from app.models.v1 import Extraction, ModelInfo

StageObserver = Callable[[str, float], None]
# Texts spaCy parses together in extract_many: most of nlp.pipe's gain, while a batch holds the parser
# for about a second of news articles at a time.
PARSE_BATCH_SIZE = 16
_In = ParamSpec("_In")
_Out = TypeVar("_Out")


def _no_observer(stage: str, seconds: float) -> None:
    del stage, seconds


def _timed(
    observe: StageObserver, stage: str, run: Callable[_In, _Out], *args: _In.args, **kwargs: _In.kwargs
) -> _Out:
    """`run(*args, **kwargs)`, its time told to `observe` under the name `stage`; first, the
    extraction's deadline is checked (deadline.py)."""
    deadline.check(f"before {stage}")
    started = time.perf_counter()
    result = run(*args, **kwargs)
    observe(stage, time.perf_counter() - started)
    return result


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
        parsed = _timed(observe, "parse", self.parse, text)
        return _capped(extract_parsed(parsed, published_at, observe), max_events)

    def extract_many(
        self,
        articles: Iterable[tuple[str, dt.date | None]],
        observe: StageObserver = _no_observer,
        batch_size: int = PARSE_BATCH_SIZE,
        max_events: int | None = None,
    ) -> Iterator[Extraction]:
        """What `extract` gives for each (text, published_at), in order, lazily. spaCy parses the texts
        `batch_size` at a time (nlp.pipe, faster than one by one); each turn at the parser is one such
        group, so single requests get their turn between a batch's groups."""
        remaining = iter(articles)
        while group := list(itertools.islice(remaining, batch_size)):
            started = time.perf_counter()
            # A group asks for its turn as the chunks its texts would make (see parse).
            chunks_in_group = -(-sum(len(text) for text, _ in group) // CHUNK_CHARS)
            with self._turn_to_parse(remaining=chunks_in_group), self._nlp.memory_zone():
                parsed = [to_parsed(doc) for doc in self._nlp.pipe([text for text, _ in group])]
            parse_seconds = (time.perf_counter() - started) / len(group)
            for one, (_, published_at) in zip(parsed, group, strict=True):
                observe("parse", parse_seconds)
                yield _capped(extract_parsed(one, published_at, observe), max_events)


def _capped(extraction: Extraction, max_events: int | None) -> Extraction:
    """`extraction` with at most `max_events` events, saying so if some were left out."""
    if max_events is None or len(extraction.events) <= max_events:
        return extraction
    return extraction.model_copy(update={"events": extraction.events[:max_events], "truncated": True})


class Reading(NamedTuple):
    """What the stages before the learned weighing and the output read from a text."""

    dates: list[DateMention]
    actors: ActorIndex | None  # None when the text names no meeting
    gatherings: list[Gathering]


class Mentions(NamedTuple):
    """What the rule stages before the merge read from a text."""

    dates: list[DateMention]
    actors: ActorIndex | None  # None when the text names no meeting
    frames: list[Frame]


def extract_parsed(
    parsed: ParsedText, published_at: dt.date | None, observe: StageObserver = _no_observer
) -> Extraction:
    """The stages after the parse, in order: see `read`, then the learned weighings (learned/):
    attendance (which other actors of a gathering's sentences are likely to attend), whereabouts
    (where a gathering with no place of its own likely met), dating (when an undated one likely met)
    and reality (which gatherings name no meeting the text reports), then output (the response
    models)."""
    dates, actors, gatherings = read(parsed, published_at, observe)
    if actors is not None:
        gatherings = _timed(observe, "attendance", likely_attendees, parsed, gatherings, actors)
        gatherings = _timed(observe, "whereabouts", likely_places, parsed, gatherings, actors)
        gatherings = _timed(observe, "dating", likely_dates, parsed, gatherings, dates)
        gatherings = _timed(observe, "reality", likely_gatherings, parsed, gatherings)
    return _timed(observe, "output", to_extraction, parsed, gatherings, dates, published_at)


def read(parsed: ParsedText, published_at: dt.date | None, observe: StageObserver = _no_observer) -> Reading:
    """The rule stages, in order: temporal (date mentions), triggers (meeting mentions), actors (who
    is named), frames (each mention's parties, place, date, status), caption dates, gatherings
    (which mentions are one meeting), discourse (who later sentences say took part)."""
    dates, actors, frames = read_mentions(parsed, published_at, observe)
    if actors is None:
        return Reading(dates, None, [])
    gatherings = _timed(observe, "gatherings", find_gatherings, parsed, frames, actors)
    gatherings = _timed(observe, "discourse", attach_follow_ups, parsed, gatherings, actors)
    return Reading(dates, actors, gatherings)


def read_mentions(
    parsed: ParsedText, published_at: dt.date | None, observe: StageObserver = _no_observer
) -> Mentions:
    """The rule stages up to the gatherings: date mentions, meeting mentions, who is named (None when
    no meeting is), and each mention's frame with the dates captions give."""
    dates = _timed(observe, "temporal", temporal.find_dates, parsed, published_at)
    triggers = _timed(observe, "triggers", find_triggers, parsed)
    if not triggers:  # (a text that names no meeting needs no actors)
        return Mentions(dates, None, [])
    actors = _timed(observe, "actors", resolve_actors, parsed)
    frames = _timed(observe, "frames", find_frames, parsed, triggers, dates, actors)
    frames = _timed(observe, "caption dates", dated_captions, parsed.text, frames, dates)
    return Mentions(dates, actors, frames)
