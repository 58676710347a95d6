"""Every row of the frames tables (senses, meeting nouns and their modifiers) fires on its example.

"Fires": extracting the row's example, the stage that reads the table looked the row's word up in
the set or map made from that row, and found it. The lookups are watched by patching the classes of
those sets and maps (app/extraction/lexicon/wordsets.py), so a row fires only if the stage really
reaches it on that sentence: an example that misses the stage's lookup, or a row no stage reads,
fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest

from app.extraction.engine import Extractor
from app.extraction.lexicon import Row, path_of, table
from app.extraction.lexicon.wordsets import WordMap, WordSet
from app.extraction.triggers import find_triggers

Hit = tuple[str, str]  # (the row's key, "<table>:<key column>", the word looked up)

PUBLISHED = dt.date(2025, 3, 3)

# Rows kept by the pure move (issue 11) that no grammatical sentence of ours was seen to fire: the
# small model lemmatizes "slated" to "slat", "auspices" to "auspex", "mooted" to "moot", and tags "due"
# ADJ where the stage wants a verb; "could", "might", "would" and "possible" fire only where the parser
# makes them head the meeting's clause ("The minister will could a summit"). Candidates for removal,
# as a measured change. Strict: should one start firing, the mark must go.
UNREACHED = {
    ("senses:propose", "could"),
    ("senses:propose", "might"),
    ("senses:propose", "would"),
    ("senses:propose", "possible"),
    ("senses:schedule-date", "slate"),
    ("senses:schedule-date", "due"),
    ("senses:look-ahead", "slate"),
    ("senses:auspices", "auspices"),
    ("senses:propose", "mooted"),
}


def _hit_key(name: str, row: Row) -> Hit:
    if name == "senses":
        return f"senses:{row['sense']}", row["lemma"]
    if name == "meeting_noun_modifiers":
        return f"meeting_noun_modifiers:{row['lemma']}", row["modifier"]
    return name, row["lemma"]


def _rows() -> Iterator[object]:
    for name in ("senses", "meeting_nouns", "meeting_noun_modifiers"):
        for row in table(name).rows:
            hit = _hit_key(name, row)
            marks = [pytest.mark.xfail(strict=True, reason="never seen to fire")] if hit in UNREACHED else []
            yield pytest.param(name, row, id=f"{hit[0]}:{hit[1]}", marks=marks)


@pytest.fixture
def fired(monkeypatch: pytest.MonkeyPatch) -> set[Hit]:
    """The rows whose words the stages look up and find while the test runs."""
    hits: set[Hit] = set()

    def record(words: WordSet, found: Iterable[str]) -> None:
        hits.update((key, word) for word in found for key in words.origin[word])

    def contains(words: WordSet, word: object) -> bool:
        found = frozenset.__contains__(words, word)
        if found and isinstance(word, str):
            record(words, [word])
        return found

    def intersection(words: WordSet, other: frozenset[str]) -> frozenset[str]:
        common = frozenset.__and__(words, other)
        record(words, common)
        return common

    def get(words: WordMap, word: str, default: str | None = None) -> str | None:
        if dict.__contains__(words, word):
            hits.add((words.table_name, word))
        return dict.get(words, word, default)

    def map_contains(words: WordMap, word: object) -> bool:
        found = dict.__contains__(words, word)
        if found and isinstance(word, str):
            hits.add((words.table_name, word))
        return found

    monkeypatch.setattr(WordSet, "__contains__", contains, raising=False)
    monkeypatch.setattr(WordSet, "__and__", intersection, raising=False)
    monkeypatch.setattr(WordMap, "get", get, raising=False)
    monkeypatch.setattr(WordMap, "__contains__", map_contains, raising=False)
    return hits


@pytest.mark.parametrize(("name", "row"), list(_rows()))
def test_row_fires_on_its_example(extractor: Extractor, fired: set[Hit], name: str, row: Row) -> None:
    example = row["example"]
    assert example.strip(), f"{name}.tsv: a row without an example"
    extractor.extract(example, PUBLISHED)
    assert _hit_key(name, row) in fired, f"{name}.tsv row {dict(row)} does not fire on its example"
    if name != "senses":
        # a meeting noun's example names a meeting with it
        assert row["lemma"] in {t.lemma for t in find_triggers(extractor.parse(example))}


def test_a_row_no_stage_reaches_does_not_fire(extractor: Extractor, fired: set[Hit]) -> None:
    """The watch is not blind: a sentence without the word does not fire its row."""
    extractor.extract("The weather in Geneva was mild on Monday.", PUBLISHED)
    assert ("meeting_nouns", "summit") not in fired
    extractor.extract("The two leaders held a summit in Geneva on Monday.", PUBLISHED)
    assert ("meeting_nouns", "summit") in fired


def test_every_sense_is_described_in_the_table_s_header() -> None:
    header = [
        line for line in path_of("senses").read_text(encoding="utf-8").splitlines() if line.startswith("#   ")
    ]
    described = {line.split()[1] for line in header}
    assert described == {row["sense"] for row in table("senses").rows}
