"""Bounded cost per text: long whitespace-free runs, sentences without an end, long texts in chunks,
turns at the parser, and the deadline that stops an extraction."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

import pytest
import spacy

from app.extraction import deadline
from app.extraction.engine import Extractor
from app.extraction.long_input import CHUNK_CHARS, MAX_RUN_CHARS, MAX_SENTENCE_TOKENS, chunks
from app.extraction.parsed import ParsedText
from app.extraction.pipeline import load_pipeline, run_pipeline
from app.extraction.turns import Turns
from app.settings import get_settings

PROSE = (
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss fishing rights.\n"
    "A second round of talks is planned for March, officials said.\n"
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_pipeline(get_settings().spacy_model)


def _consistent(parsed: ParsedText) -> None:
    for n, tok in enumerate(parsed.tokens):
        assert tok.i == n and parsed.text[tok.start : tok.end] == tok.text
        sentence = parsed.sentences[tok.sent]
        assert sentence.start_token <= tok.i < sentence.end_token
        assert parsed.tokens[tok.head].sent == tok.sent
    for entity in parsed.entities:
        assert parsed.text[entity.start : entity.end] == entity.text


def test_a_long_run_without_whitespace_becomes_tokens_of_bounded_length(nlp: Any) -> None:
    text = "Leaders met. " + "\N{GRINNING FACE}" * 60_000 + " Then x" + "y" * 250 + "  ended.\n"
    doc = nlp.make_doc(text)

    assert doc.text == text
    assert max(len(t.text) for t in doc) == MAX_RUN_CHARS
    assert len(doc) < 700  # not one token per emoji


def test_text_without_long_runs_is_tokenized_exactly_as_spacy_does(nlp: Any) -> None:
    plain = spacy.blank("en").tokenizer
    rng = random.Random(7)
    pieces = ["talks", " ", "  ", "\n", "\N{GRINNING FACE}", ".", "-", "U.S.", "'s", "(", "x" * 60]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        doc = nlp.make_doc(text)
        assert doc.text == text
        if all(len(word) <= MAX_RUN_CHARS for word in text.split()):
            assert [t.text for t in doc] == [t.text for t in plain(text)]


def test_a_stretch_without_sentence_ends_is_cut_into_bounded_sentences(nlp: Any) -> None:
    doc = run_pipeline(nlp, "meeting " * 2_000)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS


def test_prose_keeps_the_parse_spacy_gives_it(nlp: Any) -> None:
    own = spacy.load(get_settings().spacy_model)
    text = PROSE * 3
    assert [(t.dep_, t.head.i, t.is_sent_start) for t in run_pipeline(nlp, text)] == [
        (t.dep_, t.head.i, t.is_sent_start) for t in own(text)
    ]


def test_chunks_cover_the_text_and_are_cut_between_paragraphs() -> None:
    text = PROSE * 300
    pieces = chunks(text)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= CHUNK_CHARS and piece.endswith("\n") for _, piece in pieces)
    assert chunks(PROSE) == [(0, PROSE)]
    assert "".join(p for _, p in chunks("x" * 25_000)) == "x" * 25_000


@pytest.mark.parametrize(
    "text",
    [
        PROSE * 300,
        "meeting " * 12_500,
        "The summit was held in Paris. " * 3_000,
        "\N{GRINNING FACE}" * 30_000,
    ],
    ids=["paragraphs", "trigger word", "one-line prose", "emoji"],
)
def test_a_long_text_parsed_in_chunks_is_one_consistent_parse(extractor: Extractor, text: str) -> None:
    parsed = extractor.parse(text)
    assert parsed.text == text
    _consistent(parsed)


def test_a_long_text_is_parsed_as_its_chunks_are_alone(extractor: Extractor) -> None:
    text = PROSE * 300
    whole = extractor.parse(text)
    offset, chunk = chunks(text)[1]
    alone = extractor.parse(chunk)
    inside = [t for t in whole.tokens if offset <= t.start < offset + len(chunk)]
    assert [(t.text, t.start - offset, t.dep, t.ent_type) for t in inside] == [
        (t.text, t.start, t.dep, t.ent_type) for t in alone.tokens
    ]


def test_turns_go_first_come_first_served_among_equals() -> None:
    turns = Turns()
    order: list[str] = []
    assert turns.acquire()
    waiting = threading.Thread(target=lambda: (turns.acquire(), order.append("waiting"), turns.release()))
    waiting.start()
    time.sleep(0.2)  # the other thread queues meanwhile
    turns.release()
    assert turns.acquire(timeout=5)  # queues behind the waiting one
    order.append("releaser")
    turns.release()
    waiting.join(timeout=5)
    assert order == ["waiting", "releaser"]


def test_a_turn_not_given_in_time_is_refused_and_leaves_the_queue() -> None:
    turns = Turns()
    assert turns.acquire()
    assert not turns.acquire(timeout=0.05)
    turns.release()
    assert turns.acquire(timeout=1)


def test_past_its_deadline_an_extraction_stops_with_a_typed_error(extractor: Extractor) -> None:
    with deadline.within(deadline.Deadline(0.0)), pytest.raises(deadline.DeadlineExceeded) as stopped:
        extractor.extract(PROSE * 100, None)
    assert stopped.value.seconds == 0.0
    assert "0 s budget" in str(stopped.value)


def test_a_deadline_cut_short_from_another_thread_stops_the_work_at_the_next_check(
    extractor: Extractor,
) -> None:
    budget = deadline.Deadline(3600)
    threading.Timer(0.3, lambda: budget.cut_to(time.monotonic())).start()
    with deadline.within(budget), pytest.raises(deadline.DeadlineExceeded):
        extractor.extract("meeting " * 12_500, None)


def test_without_a_deadline_checks_do_nothing() -> None:
    assert deadline.current() is None
    deadline.check()


def test_a_turn_goes_to_the_waiter_with_the_least_left_to_parse() -> None:
    turns = Turns()
    order: list[str] = []
    assert turns.acquire()

    def wait(name: str, remaining: int) -> threading.Thread:
        def run() -> None:
            turns.acquire(remaining=remaining)
            order.append(name)
            turns.release()

        thread = threading.Thread(target=run)
        thread.start()
        time.sleep(0.1)  # so that arrivals are in this order
        return thread

    waiters = [wait("long, just come", 10), wait("long, half done", 5), wait("short", 1)]
    turns.release()
    for thread in waiters:
        thread.join(timeout=5)
    assert order == ["short", "long, half done", "long, just come"]


def test_waiting_for_a_turn_counts_against_the_deadline(extractor: Extractor) -> None:
    turns = extractor._parse_turns  # held by someone else's long parse, as it were
    assert turns.acquire()
    try:
        with deadline.within(deadline.Deadline(0.2)), pytest.raises(deadline.DeadlineExceeded) as stopped:
            extractor.extract(PROSE, None)
    finally:
        turns.release()
    assert stopped.value.where == "waiting for its turn to parse"
