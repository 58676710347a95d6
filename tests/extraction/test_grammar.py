"""Clause tense from the dependency parse, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.extraction.grammar import clause_tense, controlled_subjects, governing_verb
from app.extraction.parsed import ParsedText

Parse = Callable[[str], ParsedText]


def _index(parsed: ParsedText, word: str) -> int:
    return next(t.i for t in parsed.tokens if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word", "tense"),
    [
        ("The ministers met on Monday.", "Monday", "past"),
        ("The ministers will meet on Monday.", "Monday", "future"),
        ("The ministers won't meet on Monday.", "Monday", "future"),
        ("The ministers are going to meet on Monday.", "Monday", "future"),
        ("The talks are scheduled for Wednesday.", "Wednesday", "future"),
        ("The leaders are to chair a call on Sunday.", "Sunday", "future"),
        ("The envoy is due to arrive on Friday.", "Friday", "future"),
        ("The bank plans to cut rates in June.", "June", "future"),
        ("The agency said it would publish the data on Tuesday.", "Tuesday", "future"),
        ("The session was scheduled to close on Friday.", "Friday", "past"),
        # a plan of the past with "due": its copula's tense
        ("The gavel fell long after the talks had been due to end on Friday.", "Friday", "past"),
        ("Ministers were due to sign the accord on Tuesday.", "Tuesday", "past"),
        ("The company agreed to sell its stake in October.", "October", "past"),
        ("An emergency meeting held on Monday ended without a deal.", "Monday", "past"),
        ("The union has called a strike since Tuesday.", "Tuesday", "past"),
        ("The summit opens on Saturday.", "Saturday", "present"),
        ("The committee had met twice before Friday.", "Friday", "past"),
    ],
)
def test_clause_tense(parse: Parse, sentence: str, word: str, tense: str) -> None:
    parsed = parse(sentence)
    assert clause_tense(parsed, _index(parsed, word)) == tense


def test_governing_verb(parse: Parse) -> None:
    parsed = parse("The ministers will meet in Brussels on Monday.")
    verb = governing_verb(parsed, _index(parsed, "Monday"))
    assert verb is not None and verb.text == "meet"


def test_no_verb(parse: Parse) -> None:
    parsed = parse("Monday, June 2.")
    assert clause_tense(parsed, 0) == "unknown"


@pytest.mark.parametrize(
    ("sentence", "verb", "subjects"),
    [
        ("The delegates met in Oslo.", "met", ["delegates"]),
        ("The delegates are due to gather in Oslo.", "gather", ["delegates"]),
        ("The board is expected to be able to convene soon.", "convene", ["board"]),
        ("The mediator asked the two teams to reconvene on Friday.", "reconvene", ["teams"]),
        ("To reconvene would be hard.", "reconvene", []),
        # a relative pronoun stands for the noun its clause hangs on
        ("The tribunal, which heard the appeal, ruled on Friday.", "heard", ["tribunal"]),
    ],
)
def test_controlled_subjects(parse: Parse, sentence: str, verb: str, subjects: list[str]) -> None:
    parsed = parse(sentence)
    found = controlled_subjects(parsed, parsed.tokens[_index(parsed, verb)])
    assert [t.text for t in found] == subjects
