"""The extractor's knowledge as data: the tables under `lexicon/<language>/`, read once per process.

Each table is a TSV file with a header row; lines starting with `#` are comments (where a table's
rows came from, and its license). Every table has an `example` column: a sentence of our own in
which the row fires, run by tests/extraction/test_lexicon.py through the stage that reads the table.
Stages ask for what they need by column values (`words("senses", "lemma", sense="meet")`), never
by position, so a column can be added without touching the code that reads the others.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_ROOT = Path(__file__).parent
LANGUAGE = "en"

Row = Mapping[str, str]


@dataclass(frozen=True)
class Table:
    name: str
    rows: tuple[Row, ...]

    def where(self, **criteria: str) -> tuple[Row, ...]:
        """The rows whose columns equal every one of `criteria`."""
        return tuple(row for row in self.rows if all(row[key] == value for key, value in criteria.items()))

    def column(self, name: str, **criteria: str) -> frozenset[str]:
        """The distinct values of one column over the rows matching `criteria`."""
        return frozenset(row[name] for row in self.where(**criteria))


def path_of(name: str, language: str = LANGUAGE) -> Path:
    return _ROOT / language / f"{name}.tsv"


@cache
def table(name: str, language: str = LANGUAGE) -> Table:
    """The table `name` of `language`, parsed once per process."""
    with path_of(name, language).open(encoding="utf-8", newline="") as lines:
        content = (line for line in lines if line.strip() and not line.startswith("#"))
        rows = tuple(csv.DictReader(content, delimiter="\t", quoting=csv.QUOTE_NONE))
    for number, row in enumerate(rows, start=1):
        if None in row or any(value is None for value in row.values()):
            raise ValueError(f"{path_of(name, language)}: row {number} has the wrong number of cells")
    return Table(name=name, rows=rows)


def words(name: str, column: str, language: str = LANGUAGE, **criteria: str) -> frozenset[str]:
    """Shorthand: the values of `column` in table `name` over the rows matching `criteria`."""
    return table(name, language).column(column, **criteria)


def tables(language: str = LANGUAGE) -> tuple[str, ...]:
    """The names of every table of `language`, for the test that runs each row's example."""
    return tuple(sorted(p.stem for p in (_ROOT / language).glob("*.tsv")))
