"""Sets and maps of words read from the tables, as the stages use them: `lemma in WORDS`.

A `WordSet` is a frozenset (membership costs what it always did) that remembers which table rows
each word came from, so that tests/extraction/test_lexicon_frames.py can see which row a lookup
fired. Stages ask by sense: `senses("host")`, `senses("attend", "schedule")` (the union).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from app.extraction.lexicon import Row, table

# word -> the rows it came from, each named "<table>:<key>" ("senses:host")
Origin = Mapping[str, tuple[str, ...]]


class WordSet(frozenset[str]):
    __slots__ = ("origin",)
    origin: Origin

    def __new__(cls, words: Iterable[tuple[str, str]]) -> WordSet:
        """`words`: (word, row key) pairs."""
        pairs = list(words)
        made = super().__new__(cls, (word for word, _ in pairs))
        origin: dict[str, tuple[str, ...]] = {}
        for word, key in pairs:
            origin[word] = (*origin.get(word, ()), key)
        made.origin = origin
        return made

    def __or__(self, other: object) -> WordSet:
        """The union keeps where each word came from (plain words are `code`'s)."""
        if not isinstance(other, frozenset | set):
            return NotImplemented
        theirs = other.origin if isinstance(other, WordSet) else {w: ("code",) for w in other}
        return WordSet(
            [(w, key) for w, keys in self.origin.items() for key in keys]
            + [(w, key) for w, keys in theirs.items() for key in keys]
        )

    __ror__ = __or__


def _key(table_name: str, row: Row, by: str) -> str:
    return f"{table_name}:{row[by]}"


@cache
def senses(*names: str) -> WordSet:
    """The lemmas of senses.tsv whose `sense` is one of `names`."""
    wanted = set(names)
    unknown = wanted - {row["sense"] for row in table("senses").rows}
    if unknown:
        raise KeyError(f"senses.tsv has no sense {sorted(unknown)}")
    rows = table("senses").rows
    return WordSet((row["lemma"], _key("senses", row, "sense")) for row in rows if row["sense"] in wanted)


class WordMap(dict[str, str]):
    """One column of a table by another, {row[key]: row[value]}, that knows its table."""

    __slots__ = ("table_name",)
    table_name: str


@cache
def keyed(table_name: str, key: str, value: str) -> WordMap:
    """One column of a table by another: {row[key]: row[value]}."""
    made = WordMap((row[key], row[value]) for row in table(table_name).rows)
    made.table_name = table_name
    return made


@cache
def grouped(table_name: str, key: str, value: str) -> dict[str, WordSet]:
    """The values of one column grouped by another: {row[key]: WordSet of row[value]}."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in table(table_name).rows:
        out.setdefault(row[key], []).append((row[value], f"{table_name}:{row[key]}"))
    return {k: WordSet(pairs) for k, pairs in out.items()}
