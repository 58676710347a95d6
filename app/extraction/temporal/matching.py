"""Finding date expressions among the tokens of a parse: which tokens form one, and what calendar
fields it names. Resolving those fields against a date is `resolution`'s job."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from dateutil import parser as date_parser

from app.extraction.parsed import ParsedText
from app.extraction.temporal.words import WORDS, Cue, TemporalWords

Kind = Literal[
    "calendar",  # any of year / month / day given ("June 1", "August 2026", "2014", "Jan. 10-12")
    "weekday",  # "Monday", "last Friday"
    "relative",  # unit shifted from the publication date ("next week", "yesterday", "this year")
    "ago",  # "three years ago"
    "text_offset",  # unit shifted from the last date in the text ("the next day")
    "decade",
    "century",
    "quarter",
    "season",
    "ordinal_day",  # "the 14th"
    "period_end",  # "the end of the year": this unit, or the last one if the text says it is over
    "ref",  # PRESENT_REF / PAST_REF
]


@dataclass(frozen=True, slots=True)
class Expr:
    kind: Kind
    start: int  # token indices; end exclusive
    end: int
    head: int  # the token whose clause decides tense
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0
    unit: str | None = None  # day, week, weekend, month, year, quarter
    shift: int = 0  # units away from the anchor (negative: before)
    index: int | None = None  # quarter 1-4, season index 0-3, decade/century number, ...
    cue: Cue = "none"  # "last", "next", "this" said in the expression
    year_shift: int | None = None  # "June next year": the year relative to publication
    end_year: int | None = None  # range ends ("October 26-28", "Feb 24 to Mar 1")
    end_month: int | None = None
    end_day: int | None = None
    ref: str | None = None  # PRESENT_REF / PAST_REF
    side: int = 0  # "earlier this week" -1, "later this month" +1: which part of a period now


EN_DASH, EM_DASH, RIGHT_QUOTE = "\u2013", "\u2014", "\u2019"
DASHES = frozenset({"-", EN_DASH, EM_DASH})
APOSTROPHES = frozenset({"'", RIGHT_QUOTE})
POSSESSIVES = frozenset({"'s", RIGHT_QUOTE + "s"})
RANGE_LINKS = DASHES | {"to", "through", "until", "till", "and"}
# The units an offset from a date in the text counts in ("the next day", "a year earlier").
OFFSET_UNITS = frozenset({"day", "week", "month", "year"})
# Entity labels under which a number is an amount or a time, not a year.
NOT_YEAR_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "TIME", "ORDINAL"})

_DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_ORDINAL_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|21[0-9]{2})$")
_DECADE = re.compile(r"^(1[0-9]{2}|20[0-9])0s$")
_SHORT_DECADE = re.compile(r"^([0-9])0s$")
_MID_YEAR = re.compile(r"^mid-(\d{4})$")
_SLASH_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
_QUARTER_CODE = re.compile(r"^q([1-4])$")


class Matcher:
    """Date expressions in one parse, tried at each token, longest first."""

    def __init__(self, parsed: ParsedText, lex: TemporalWords = WORDS) -> None:
        self.parsed = parsed
        self.lex = lex
        self.tokens = parsed.tokens
        self.low = [t.lower for t in parsed.tokens]
        self.n = len(parsed.tokens)
        self.opens = [
            w in lex.openers or w[:1].isdecimal() or w[:1] in APOSTROPHES or w.startswith("mid-")
            for w in self.low
        ]

    # --- small readers -------------------------------------------------------------------------
    def word(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < self.n and 0 <= j < self.n and self.tokens[i].sent == self.tokens[j].sent

    def month_at(self, i: int) -> int | None:
        if not 0 <= i < self.n:
            return None
        tok = self.tokens[i]
        m = self.lex.months.get(self.low[i].rstrip("."))
        if m is None or not tok.text[0].isupper():
            return None
        if tok.text.endswith(".") and len(tok.text) > 5:
            return None
        return m

    def day_at(self, i: int) -> int | None:
        if not 0 <= i < self.n:
            return None
        found = _DAY_NUMBER.match(self.low[i])
        if found is None:
            return None
        d = int(found.group(1))
        if not 1 <= d <= 31 or (self.word(i + 1) in {":", "."} and self.word(i + 2).isdecimal()):
            return None
        return d

    def year_at(self, i: int) -> int | None:
        if not 0 <= i < self.n:
            return None
        return int(self.low[i]) if _YEAR.match(self.low[i]) else None

    def weekday_at(self, i: int) -> int | None:
        if not 0 <= i < self.n:
            return None
        tok = self.tokens[i]
        wd = self.lex.weekdays.get(self.low[i])
        if wd is None or not tok.text[0].isupper():
            return None
        if self.word(i - 1) in self.lex.named_day_prefixes or self.word(i + 1) in self.lex.named_day_nouns:
            return None
        if tok.ent_type in {"ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT"}:
            return None
        return wd

    # --- the matchers --------------------------------------------------------------------------
    def match(self, i: int) -> Expr | None:
        """The longest date expression starting at token i."""
        if not self.opens[i]:
            return None
        found = [
            m
            for m in (
                self.calendar(i),
                self.weekday(i),
                self.relative(i),
                self.ago(i),
                self.text_offset(i),
                self.year_like(i),
                self.season(i),
                self.quarter(i),
                self.ordinal_day(i),
                self.ref(i),
                self.numeric(i),
                self.modified(i),
            )
            if m is not None and m.end > m.start
        ]
        best = max(found, key=lambda m: m.end) if found else None
        if best is not None and best.cue == "this" and best.day is None and self.word(best.end).isdigit():
            return None  # "in this Sept. 22, 2015 photo": the date is the day, matched from the month on
        return best

    def modified(self, i: int) -> Expr | None:
        """An expression behind "early", "late", "mid", "the end of": the value is the inner one's."""
        w = self.word(i)
        mid_year = _MID_YEAR.match(w)
        if mid_year:
            y = int(mid_year.group(1))
            return Expr("calendar", i, i + 1, i, year=y)
        if w.startswith("mid-") and self.lex.months.get(w[4:]) is not None:
            j = i + 1
            return self.calendar_after_month(i, i, self.lex.months[w[4:]], j, after_modifier=True)
        j = i
        if w in self.lex.edge_modifiers:
            j = i + 1
        elif w == "the" and self.lex.edge_sides.get(self.word(i + 1)) == 0:
            j = i + 2
        elif w in {"the", "an"} and self.word(i + 1) in self.lex.period_parts and self.word(i + 2) == "of":
            j = i + 3
        elif w in self.lex.period_parts and self.word(i + 1) == "of":
            j = i + 2
        else:
            return None
        unit_after = self.lex.units.get(self.word(j + 1))
        if j >= i + 2 and self.word(j) in {"the", "this"} and unit_after in {"year", "month"}:
            # "the end of the year"
            return Expr("period_end", i, j + 2, j + 1, unit=unit_after)
        if j >= i + 2 and self.word(j) in {"year", "month"}:
            return Expr("period_end", i, j + 1, j, unit=self.word(j))
        inner = self.calendar(j, after_modifier=True) or self.relative(j) or self.season(j, True)
        if inner is None:
            inner = self.year_like(j) or self.quarter(j)
        if inner is None or inner.kind in {"weekday", "ref"}:
            return None
        if self.lex.edge_sides.get(w, 0) != 0 and inner.cue != "this":
            return None  # "later next year" is fine but "earlier January" is not English
        return replace(inner, start=i, side=self.lex.edge_sides.get(w, 0))

    def calendar(self, i: int, after_modifier: bool = False) -> Expr | None:
        start = i
        cue: Cue = "none"
        if self.word(i) in self.lex.shift_cues and self.month_at(i + 1) is not None:
            cue = self.lex.shift_cues[self.word(i)][0]
            i += 1
        weekday = None
        if (
            cue == "none"
            and self.weekday_at(i) is not None
            and self.word(i + 1) == ","
            and (self.month_at(i + 2) is not None or self.day_at(i + 2) is not None)
        ):
            weekday = self.weekday_at(i)
            i += 2
        month_no = self.month_at(i)
        if month_no is not None:
            expr = self.calendar_after_month(start, i, month_no, i + 1, cue, weekday, after_modifier)
            return expr
        # "18 February 2025", "the 18th of February"
        j = i + 1 if self.word(i) == "the" and weekday is None else i
        d = self.day_at(j)
        if d is None:
            return None
        range_end = None
        if self.word(j + 1) in RANGE_LINKS and self.day_at(j + 2) is not None and self.month_at(j + 3):
            range_end, j = self.day_at(j + 2), j + 2  # "12 to 14 June"
        k = j + 2 if self.word(j + 1) == "of" else j + 1
        month_no = self.month_at(k)
        if month_no is None or (k == j + 1 and self.word(j + 1) == "of"):
            return None
        end = k + 1
        y = None
        if self.year_at(end) is not None:
            y = self.year_at(end)
            end += 1
        elif self.word(end) == "," and self.year_at(end + 1) is not None:
            y = self.year_at(end + 1)
            end += 2
        expr = Expr("calendar", start, end, k, year=y, month=month_no, day=d, weekday=weekday)
        if range_end is not None and range_end > d:
            expr = replace(expr, end_year=y, end_month=month_no, end_day=range_end)
        return expr

    def calendar_after_month(
        self,
        start: int,
        at: int,
        month_no: int,
        k: int,
        cue: Cue = "none",
        weekday: int | None = None,
        after_modifier: bool = False,
    ) -> Expr:
        """What follows a month name at `at`: a day, a range, a year, "last year" or nothing."""
        d = self.day_at(k)
        if (
            d is not None
            and cue == "none"
            and not (self.word(k + 1) in self.lex.units and self.word(k + 1) != "day")
        ):
            expr = Expr("calendar", start, k + 1, at, month=month_no, day=d, weekday=weekday)
            return self.year_and_range(expr, k + 1)
        if self.word(k) == "of" and self.year_at(k + 1) is not None:
            return Expr("calendar", start, k + 2, at, year=self.year_at(k + 1), month=month_no)
        if self.year_at(k) is not None:
            return Expr("calendar", start, k + 1, at, year=self.year_at(k), month=month_no)
        if self.word(k) in {"last", "next", "this"} and self.word(k + 1) == "year":
            shift = self.lex.shift_cues[self.word(k)][1]
            return Expr("calendar", start, k + 2, at, month=month_no, year_shift=shift)
        expr = Expr("calendar", start, k, at, month=month_no, cue=cue)
        if cue != "none" or after_modifier or self.bare_month_is_date(at):
            return expr
        return replace(expr, end=start)  # not a date: an empty match that `match` ignores

    def bare_month_is_date(self, i: int) -> bool:
        tok = self.tokens[i]
        if tok.tag == "MD" or tok.pos in {"VERB", "AUX"} or tok.ent_type in {"PERSON", "ORG"}:
            return False
        if self.low[i] == "may" and i + 1 < self.n and self.tokens[i + 1].pos in {"VERB", "AUX", "PRON"}:
            return False
        if i > 0 and (self.tokens[i - 1].tag == "MD" or self.tokens[i - 1].lemma in {"do", "not"}):
            return False  # "veterans will March on the capital": a verb, capitalized or not
        return self.word(i - 1) in self.lex.month_cues or tok.ent_type == "DATE"

    def year_and_range(self, expr: Expr, k: int) -> Expr:
        """Extend "October 26" with "-28", "to Mar 1" and ", 2021" where they follow."""
        if self.word(k) in RANGE_LINKS and self.same_sentence(k, k + 1):
            link_month = self.month_at(k + 1)
            if link_month is not None and self.day_at(k + 2) is not None:
                expr = replace(expr, end=k + 3, end_month=link_month, end_day=self.day_at(k + 2))
                k += 3
            elif (
                self.day_at(k + 1) is not None
                and self.month_at(k + 2) is None
                and (self.word(k) != "and" or self.tokens[k + 1].ent_type == "DATE")
            ):
                end_day = self.day_at(k + 1)
                if end_day is not None and expr.day is not None and end_day > expr.day:
                    expr = replace(expr, end=k + 2, end_month=expr.month, end_day=end_day)
                    k += 2
        y = None
        if self.word(k) == "," and self.year_at(k + 1) is not None:
            y, k = self.year_at(k + 1), k + 2
        elif self.year_at(k) is not None:
            y, k = self.year_at(k), k + 1
        if y is not None:
            expr = replace(expr, end=k, year=y, end_year=y if expr.end_day is not None else None)
        return expr

    def weekday(self, i: int) -> Expr | None:
        cue: Cue = "none"
        j = i
        if self.word(i) == "this" and self.word(i + 1) == "past":
            cue, j = "last", i + 2
        elif self.word(i) in self.lex.shift_cues:
            cue, j = self.lex.shift_cues[self.word(i)][0], i + 1
        wd = self.weekday_at(j)
        if wd is None:
            return None
        return Expr("weekday", i, j + 1, j, weekday=wd, cue=cue)

    def relative(self, i: int) -> Expr | None:
        w = self.word(i)
        if w in self.lex.relative_days:
            if w == "today" and self.generic_today(i):
                return Expr("ref", i, i + 1, i, ref="PRESENT_REF")
            return Expr("relative", i, i + 1, i, unit="day", shift=self.lex.relative_days[w])
        j = i + 1 if w == "the" and self.word(i + 1) in {"last", "past"} else i
        if self.word(j) not in self.lex.shift_cues or (j == i and self.word(i - 1) == "the"):
            return None  # "over the next week" is a stretch of time, "the last week" is read from "the"
        cue, shift = self.lex.shift_cues[self.word(j)]
        k = j + 1
        if self.word(k) in self.lex.year_kinds and self.word(k + 1) == "year":
            k += 1
        unit = self.lex.units.get(self.word(k))
        if unit is None or unit == "day" or (self.low[k].endswith("s") and unit != "weekend"):
            return None
        if self.word(k + 1) == "of":
            return None  # "the last week of January" is a part of January
        if j > i and unit != "week":
            return None  # "the past year", "the last month": durations more often than dates
        if cue == "last" and self.word(j) == "past" and j == i:
            return None  # "past year" without "the" is a duration too
        return Expr("relative", i, k + 1, k, unit=unit, shift=shift, cue=cue)

    def generic_today(self, i: int) -> bool:
        """ "Today" in the sense of "nowadays": in a comparison or a statement of what can be done."""
        sent_start = self.parsed.sentences[self.tokens[i].sent].start_token
        window = self.low[max(sent_start, i - 8) : i]
        if "than" in window:
            return True
        return self.word(i + 1) in POSSESSIVES and i + 2 < self.n and self.tokens[i + 2].pos == "NOUN"

    def ago(self, i: int) -> Expr | None:
        count = self.count_at(i)
        if count is None:
            return None
        if self.word(i + 1) in {"decade", "decades"} and self.word(i + 2) == "ago":
            return Expr("ago", i, i + 3, i + 2, unit="year", shift=-10 * count)  # "a decade ago"
        unit = self.lex.units.get(self.word(i + 1))
        if unit is None or unit in {"weekend", "quarter"} or self.word(i + 2) != "ago":
            return None
        return Expr("ago", i, i + 3, i + 2, unit=unit, shift=-count)

    def count_at(self, i: int) -> int | None:
        w = self.word(i)
        if w.isdecimal() and len(w) <= 3:
            return int(w)
        return self.lex.number_words.get(w)

    def text_offset(self, i: int) -> Expr | None:
        """ "The next day", "a year earlier", "two weeks later": counted from the last date in the text."""
        w, w1, w2 = self.word(i), self.word(i + 1), self.word(i + 2)
        unit = self.lex.units.get(w2)
        if w == "the" and w1 in self.lex.offset_order and unit in OFFSET_UNITS and not w2.endswith("s"):
            if unit != "day" and self.word(i - 1) in self.lex.duration_prepositions:
                return None  # "over the next week" is a stretch of time
            if self.lex.offset_order[w1] == 0 and self.compared(i + 3):
                return None  # "the same day as the vote" counts from an event, not a date
            return Expr("text_offset", i, i + 3, i + 2, unit=unit, shift=self.lex.offset_order[w1])
        if w == "that" and w in self.lex.offset_order:
            # "that day", "that same day": the demonstrative points back as "the same" does
            k = i + 2 if w1 == "same" else i + 1
            day = self.lex.units.get(self.word(k)) == "day" and not self.word(k).endswith("s")
            if day and not self.compared(k + 1):
                return Expr("text_offset", i, k + 1, k, unit="day", shift=self.lex.offset_order[w])
        if w == "the" and w1 == "day" and w2 in {"before", "after"} and not self.continues(i + 3):
            return Expr("text_offset", i, i + 3, i + 1, unit="day", shift=-1 if w2 == "before" else 1)
        count = self.count_at(i)
        unit = self.lex.units.get(w1)
        if count is None or unit not in OFFSET_UNITS or w2 not in self.lex.offset_sides:
            return None
        if w2 in {"before", "after"} and self.continues(i + 3):
            return None  # "two days before the vote" counts from an event, not a date
        return Expr("text_offset", i, i + 3, i + 1, unit=unit, shift=count * self.lex.offset_sides[w2])

    def compared(self, i: int) -> bool:
        """Whether token i makes the day before it part of a longer phrase: "the same day as the vote",
        "that day traders" (a verb after it is the clause's: "that same day signed a deal")."""
        if not self.same_sentence(i - 1, i):
            return False
        return self.tokens[i].pos in {"NOUN", "PROPN"} or self.word(i) in {"as", "that", "of"}

    def continues(self, i: int) -> bool:
        """Whether a noun phrase or clause goes on at token i ("the day before the vote")."""
        return i < self.n and self.tokens[i].pos not in {"PUNCT", "CCONJ"} and self.same_sentence(i - 1, i)

    def year_like(self, i: int) -> Expr | None:
        w = self.word(i)
        j = i + 1 if w == "the" else i
        wj = self.word(j)
        dec = _DECADE.match(wj)
        if dec:
            return Expr("decade", i, j + 1, j, index=int(dec.group(1)) * 10)
        if wj in APOSTROPHES and _SHORT_DECADE.match(self.word(j + 1)):
            digit = int(self.word(j + 1)[0])
            return Expr("decade", i, j + 2, j + 1, index=(1900 if digit >= 3 else 2000) + digit * 10)
        if self.word(j + 1) == "century":
            ordinal = _ORDINAL_NUMBER.match(wj)
            number = int(ordinal.group(1)) if ordinal else self.lex.ordinal_words.get(wj)
            if number is not None and wj not in {"final", "last"}:
                return Expr("century", i, j + 2, j + 1, index=number)
        if w == "the":
            return None
        y = self.year_at(i)
        if y is not None and self.is_year(i):
            return Expr("calendar", i, i + 1, i, year=y)
        # The second year of "2009-2010" or "1957-58": a date of its own.
        if (self.word(i - 1) in DASHES or self.word(i - 1) == "/") and self.year_at(i - 2) is not None:
            first = self.year_at(i - 2) or 0
            if re.match(r"^\d{2}$", w):
                y = first // 100 * 100 + int(w)
                y = y + 100 if y < first else y
                return Expr("calendar", i, i + 1, i, year=y)
        return None

    def is_year(self, i: int) -> bool:
        tok = self.tokens[i]
        before, after = self.word(i - 1), self.word(i + 1)
        if (
            before in self.lex.amount_before
            or after in self.lex.amount_after
            or tok.ent_type in NOT_YEAR_ENTS
        ):
            return False
        after_month_day = self.day_at(i - 2) is not None and self.month_at(i - 3) is not None
        if (before == "," or before in DASHES) and after_month_day:
            return False  # "June 1, 2021" is read with its month
        if after in {",", "."} and self.word(i + 2).isdecimal() and len(self.word(i + 2)) == 3:
            return False  # "2,000" split oddly
        if (
            i > 0
            and self.tokens[i - 1].tag in {"NNP", "NN"}
            and self.month_at(i - 1) is None
            and before not in self.lex.nouns_before_year
            and tok.ent_type != "DATE"
        ):
            return False  # "Vision 2030", "Windows 2000": names
        if tok.ent_type == "CARDINAL" and before not in self.lex.month_cues and before != "the":
            return False
        y = int(self.low[i])
        return 1900 <= y <= 2100 or tok.ent_type == "DATE" or before in self.lex.month_cues

    def season(self, i: int, after_modifier: bool = False) -> Expr | None:
        cue: Cue = "none"
        j = i
        if self.word(i) in self.lex.shift_cues:
            cue, j = self.lex.shift_cues[self.word(i)][0], i + 1
        elif self.word(i) == "the" and self.word(i - 1) in self.lex.season_prepositions:
            j = i + 1
        s = self.lex.seasons.get(self.word(j))
        if s is None or self.tokens[j].pos not in {"NOUN", "PROPN"}:
            return None
        k = j + 1
        y = None
        if self.word(k) == "of" and self.year_at(k + 1) is not None:
            y, k = self.year_at(k + 1), k + 2
        elif self.year_at(k) is not None:
            y, k = self.year_at(k), k + 1
        elif self.word(k) == "of":
            return None  # "the fall of the Berlin Wall"
        bare = cue == "none" and y is None and j == i and not after_modifier
        if bare and self.word(i - 1) not in {"in", "this"}:
            return None
        return Expr("season", i, k, j, year=y, index=s, cue=cue)

    def quarter(self, i: int) -> Expr | None:
        j = i + 1 if self.word(i) == "the" else i
        code = _QUARTER_CODE.match(self.word(j))
        if code:
            q, k = int(code.group(1)), j + 1
        else:
            ordinal = _ORDINAL_NUMBER.match(self.word(j))
            q_found = int(ordinal.group(1)) if ordinal else self.lex.ordinal_words.get(self.word(j))
            k = j + 2 if self.word(j + 1) == "-" else j + 1
            if q_found is None or not 1 <= q_found <= 4 or self.word(k) != "quarter":
                return None
            if self.word(j) == "last" and j == i:
                return None  # "last quarter" is the relative form
            q, k = q_found, k + 1
        expr = Expr("quarter", i, k, k - 1, index=q)
        if self.word(k) == "of" and self.year_at(k + 1) is not None:
            return replace(expr, end=k + 2, year=self.year_at(k + 1))
        if self.year_at(k) is not None:
            return replace(expr, end=k + 1, year=self.year_at(k))
        if self.word(k) == "of" and self.word(k + 1) in self.lex.shift_cues and self.word(k + 2) == "year":
            return replace(expr, end=k + 3, year_shift=self.lex.shift_cues[self.word(k + 1)][1])
        if self.word(k) in {"last", "next", "this"} and self.word(k + 1) == "year":
            return replace(expr, end=k + 2, year_shift=self.lex.shift_cues[self.word(k)][1])
        return expr

    def ordinal_day(self, i: int) -> Expr | None:
        if self.word(i) != "the" or self.word(i - 1) not in self.lex.day_of_month_prepositions:
            return None
        found = _ORDINAL_NUMBER.match(self.word(i + 1))
        if found is None or not 1 <= int(found.group(1)) <= 31:
            return None
        if i + 2 < self.n and self.tokens[i + 2].pos in {"NOUN", "PROPN", "ADJ", "NUM"}:
            return None
        return Expr("ordinal_day", i, i + 2, i + 1, day=int(found.group(1)))

    def ref(self, i: int) -> Expr | None:
        w = self.word(i)
        if w in self.lex.present_words:
            if self.word(i - 1) in {"until", "till", "by", "right", "just"} or self.word(i + 1) == "that":
                return None
            return Expr("ref", i, i + 1, i, ref="PRESENT_REF")
        if (self.word(i - 1), w, self.word(i + 1)) == ("in", "the", "past") and not self.continues(i + 2):
            return Expr("ref", i, i + 2, i + 1, ref="PAST_REF")
        if (w, self.word(i + 1), self.word(i + 2)) == ("at", "the", "time") and not self.continues(i + 3):
            return Expr("ref", i + 1, i + 3, i + 2, ref="PAST_REF")
        return None

    def numeric(self, i: int) -> Expr | None:
        """All-digit dates: ISO "2025-02-18" (split into five tokens) and US "12/05/2024"."""
        w = self.word(i)
        if _SLASH_DATE.match(w):
            try:
                parsed = date_parser.parse(w, dayfirst=False)
            except (ValueError, OverflowError):
                return None
            return Expr("calendar", i, i + 1, i, year=parsed.year, month=parsed.month, day=parsed.day)
        if self.year_at(i) is not None and self.word(i + 1) == "-" and self.word(i + 3) == "-":
            text = "".join(self.low[i : i + 5])
            try:
                iso = dt.date.fromisoformat(text)
            except ValueError:
                return None
            return Expr("calendar", i, i + 5, i, year=iso.year, month=iso.month, day=iso.day)
        return None
