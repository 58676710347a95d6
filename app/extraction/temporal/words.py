"""The words the temporal normalizer knows, read from the lexicon's `temporal_*` tables into the maps
and sets the matcher and the resolver look words up in.

One table per kind of knowledge (month names, number words, relative cues, verbs that decide a
date's direction, ...); a `role`, `place` or `sense` column splits a table into the sets the code asks
for. To add a word, add a row to its table with an example sentence of your own, the words of it the
row acts on and the value they get with publication date 2025-02-18 (`-`: not a date);
tests/extraction/test_lexicon_temporal.py checks the example gives that value and would not without
the row. `load` takes where the rows come from, so that test can leave one row out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from app.extraction import lexicon
from app.extraction.lexicon import Row
from app.extraction.temporal.calendar import SEASON_CODES

Cue = Literal["last", "next", "this", "none"]
Pointing = Literal["past", "future"]  # the way a cue word points a date

# A shift cue's count names the cue: "last week" -1, "this week" 0, "next week" +1.
_CUE_OF_SHIFT: dict[int, Cue] = {-1: "last", 0: "this", 1: "next"}

Rows = Callable[[str], Sequence[Row]]

TABLES = (
    "temporal_months",
    "temporal_weekdays",
    "temporal_named_days",
    "temporal_numbers",
    "temporal_units",
    "temporal_seasons",
    "temporal_relative",
    "temporal_modifiers",
    "temporal_month_cues",
    "temporal_prepositions",
    "temporal_amounts",
    "temporal_year_words",
    "temporal_direction_cues",
    "temporal_noun_modifiers",
    "temporal_verbs",
)


@dataclass(frozen=True, slots=True)
class TemporalWords:
    # --- naming calendar fields -------------------------------------------------------------
    months: Mapping[str, int]  # "sept" -> 9
    weekdays: Mapping[str, int]  # Monday = 0
    seasons: Mapping[str, int]  # index into calendar.SEASON_CODES
    units: Mapping[str, str]  # "weeks" -> week
    number_words: Mapping[str, int]  # "three" -> 3
    ordinal_words: Mapping[str, int]  # "third" -> 3
    # --- relative expressions --------------------------------------------------------------
    relative_days: Mapping[str, int]  # "yesterday" -> -1
    shift_cues: Mapping[str, tuple[Cue, int]]  # "last" -> ("last", -1)
    offset_order: Mapping[str, int]  # "the following day" +1
    offset_sides: Mapping[str, int]  # "a year earlier" -1
    present_words: frozenset[str]  # PRESENT_REF
    edge_modifiers: frozenset[str]  # "early March"
    edge_sides: Mapping[str, int]  # "earlier this week" -1, "early March" 0
    period_parts: frozenset[str]  # "the end of March"
    # --- deciding whether words are a date ---------------------------------------------------
    month_cues: frozenset[str]
    named_day_prefixes: frozenset[str]  # "Black Friday"
    named_day_nouns: frozenset[str]  # "Sunday Times"
    amount_before: frozenset[str]  # "about 2000"
    amount_after: frozenset[str]  # "2000 troops"
    nouns_before_year: frozenset[str]  # "fiscal 2024"
    year_kinds: frozenset[str]  # "next fiscal year"
    duration_prepositions: frozenset[str]  # "over the next week"
    season_prepositions: frozenset[str]  # "in the spring"
    day_of_month_prepositions: frozenset[str]  # "on the 14th"
    # --- deciding which occurrence a date means ---------------------------------------------
    cue_words: Mapping[str, Pointing]  # "since Monday"
    cue_pairs: Mapping[tuple[str, str], Pointing]  # "ahead of Monday's"
    noun_modifiers: Mapping[str, Pointing]  # "the previous visit in May"
    reporting_verbs: frozenset[str]
    rescheduling_verbs: frozenset[str]
    plan_participles: frozenset[str]
    proposing_verbs: frozenset[str]
    summoning_verbs: frozenset[str]
    # Words that can open an expression (besides digits and apostrophes): the matcher skips the rest.
    openers: frozenset[str]


def _from_lexicon(name: str) -> Sequence[Row]:
    return lexicon.table(name).rows


def load(rows: Rows = _from_lexicon) -> TemporalWords:
    """The temporal words from the tables, as `rows` gives them (by default, the lexicon's)."""

    def column(name: str, key: str, **criteria: str) -> frozenset[str]:
        return lexicon.Table(name, tuple(rows(name))).column(key, **criteria)

    def numbers(name: str, key: str, value: str, **criteria: str) -> dict[str, int]:
        return {r[key]: int(r[value]) for r in lexicon.Table(name, tuple(rows(name))).where(**criteria)}

    def directions(name: str, key: str) -> dict[str, Pointing]:
        return {r[key]: _direction(r["direction"]) for r in rows(name)}

    months = numbers("temporal_months", "word", "month")
    weekdays = {word: iso - 1 for word, iso in numbers("temporal_weekdays", "word", "weekday").items()}
    seasons = {r["word"]: SEASON_CODES.index(r["season"]) for r in rows("temporal_seasons")}
    units = {r["word"]: r["unit"] for r in rows("temporal_units")}
    number_words = numbers("temporal_numbers", "word", "number", kind="cardinal")
    ordinal_words = numbers("temporal_numbers", "word", "number", kind="ordinal")
    relative_days = numbers("temporal_relative", "word", "shift", role="day")
    shift_cues = {
        word: (_cue_of_shift(shift), shift)
        for word, shift in numbers("temporal_relative", "word", "shift", role="shift").items()
    }
    offset_order = numbers("temporal_relative", "word", "shift", role="order")
    present_words = column("temporal_relative", "word", role="present")
    edge_sides = numbers("temporal_modifiers", "word", "side", role="edge")
    period_parts = column("temporal_modifiers", "word", role="part")
    cues = directions("temporal_direction_cues", "words")
    return TemporalWords(
        months=months,
        weekdays=weekdays,
        seasons=seasons,
        units=units,
        number_words=number_words,
        ordinal_words=ordinal_words,
        relative_days=relative_days,
        shift_cues=shift_cues,
        offset_order=offset_order,
        offset_sides=numbers("temporal_relative", "word", "shift", role="side"),
        present_words=present_words,
        edge_modifiers=frozenset(edge_sides),
        edge_sides=edge_sides,
        period_parts=period_parts,
        month_cues=column("temporal_month_cues", "word"),
        named_day_prefixes=column("temporal_named_days", "word", place="before"),
        named_day_nouns=column("temporal_named_days", "word", place="after"),
        amount_before=column("temporal_amounts", "word", place="before"),
        amount_after=column("temporal_amounts", "word", place="after"),
        nouns_before_year=column("temporal_year_words", "word", role="before_year"),
        year_kinds=column("temporal_year_words", "word", role="year_kind"),
        duration_prepositions=column("temporal_prepositions", "word", role="stretch"),
        season_prepositions=column("temporal_prepositions", "word", role="season"),
        day_of_month_prepositions=column("temporal_prepositions", "word", role="day_of_month"),
        cue_words={words: d for words, d in cues.items() if " " not in words},
        cue_pairs={_pair(words): d for words, d in cues.items() if " " in words},
        noun_modifiers=directions("temporal_noun_modifiers", "word"),
        reporting_verbs=column("temporal_verbs", "lemma", sense="report"),
        rescheduling_verbs=column("temporal_verbs", "lemma", sense="reschedule"),
        plan_participles=column("temporal_verbs", "lemma", sense="plan"),
        proposing_verbs=column("temporal_verbs", "lemma", sense="propose"),
        summoning_verbs=column("temporal_verbs", "lemma", sense="summon"),
        openers=frozenset(
            {"the", "a", "an", "at"}
            | months.keys()
            | {m + "." for m in months}
            | weekdays.keys()
            | number_words.keys()
            | ordinal_words.keys()
            | units.keys()
            | seasons.keys()
            | relative_days.keys()
            | shift_cues.keys()
            | offset_order.keys()  # "that day"
            | present_words
            | edge_sides.keys()
            | period_parts
            | {"q1", "q2", "q3", "q4"}
        ),
    )


def _cue_of_shift(shift: int) -> Cue:
    if shift not in _CUE_OF_SHIFT:
        raise ValueError(f"a shift cue counts -1, 0 or 1 units, not {shift}")
    return _CUE_OF_SHIFT[shift]


def _direction(value: str) -> Pointing:
    if value not in ("past", "future"):
        raise ValueError(f"a temporal cue's direction is 'past' or 'future', not {value!r}")
    return "past" if value == "past" else "future"


def _pair(words: str) -> tuple[str, str]:
    first, _, second = words.partition(" ")
    if not second or " " in second:
        raise ValueError(f"a temporal cue is one word or two, not {words!r}")
    return first, second


WORDS = load()
