"""Calendar arithmetic for the temporal normalizer: periods, their TIMEX3-style labels, shifts and
the choice of year for a date whose text leaves the year out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Lean = Literal["past", "future", "nearest", "same_year"]  # which occurrence a yearless date means


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of calendar time and its normalized value."""

    label: str  # YYYY-MM-DD, YYYY-MM, YYYY-Www, YYYY, YYY, YYYY-Qn, ...
    first: dt.date
    last: dt.date


def day(d: dt.date) -> Period:
    return Period(d.isoformat(), d, d)


def month(year: int, month_no: int) -> Period:
    first = dt.date(year, month_no, 1)
    return Period(f"{year:04d}-{month_no:02d}", first, _month_end(year, month_no))


def week(d: dt.date) -> Period:
    """The ISO week that holds d."""
    iso = d.isocalendar()
    first = d - dt.timedelta(days=iso.weekday - 1)
    return Period(f"{iso.year:04d}-W{iso.week:02d}", first, first + dt.timedelta(days=6))


def weekend(d: dt.date) -> Period:
    """The weekend (Saturday and Sunday) of the ISO week that holds d."""
    wk = week(d)
    return Period(wk.label + "-WE", wk.first + dt.timedelta(days=5), wk.last)


def year(y: int) -> Period:
    return Period(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31))


def decade(first_year: int) -> Period:
    return Period(f"{first_year // 10:03d}", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))


def century(number: int) -> Period:
    """The `number`th century ("20th century" is 1900-1999, label "19")."""
    first_year = max((number - 1) * 100, 1)
    return Period(f"{number - 1:02d}", dt.date(first_year, 1, 1), dt.date((number - 1) * 100 + 99, 12, 31))


def quarter(y: int, q: int) -> Period:
    return Period(f"{y:04d}-Q{q}", dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q))


SEASON_CODES = ("SP", "SU", "FA", "WI")
# The months a season starts in, by index into SEASON_CODES; winter runs into the next year.
_SEASON_START_MONTH = (3, 6, 9, 12)


def season(y: int, index: int) -> Period:
    first = dt.date(y, _SEASON_START_MONTH[index], 1)
    last_month = first.month + 2
    last = _month_end(y + 1, last_month - 12) if last_month > 12 else _month_end(y, last_month)
    return Period(f"{y:04d}-{SEASON_CODES[index]}", first, last)


def season_of(d: dt.date) -> tuple[int, int]:
    """(year, season index) of the season that holds d; January and February close last year's winter."""
    if d.month <= 2:
        return d.year - 1, 3
    return d.year, (d.month - 3) // 3


def shift_month(y: int, month_no: int, by: int) -> tuple[int, int]:
    n = y * 12 + month_no - 1 + by
    return n // 12, n % 12 + 1


def _month_end(y: int, month_no: int) -> dt.date:
    ny, nm = shift_month(y, month_no, 1)
    return dt.date(ny, nm, 1) - dt.timedelta(days=1)


def direction_of(period: Period, published: dt.date) -> Literal["past", "future", "same"]:
    if period.last < published:
        return "past"
    if period.first > published:
        return "future"
    return "same"


def pick_cyclic(position: int, cycle: int, here: tuple[int, int], lean: Lean, strict: bool) -> int:
    """The year of the occurrence of `position` (month, quarter or season index within a year of
    `cycle` such) that the text means, seen from `here` = (year, index now)."""
    now_year, now_pos = here
    if lean == "same_year":
        return now_year
    candidates = [(y, y * cycle + position) for y in (now_year - 1, now_year, now_year + 1)]
    now = now_year * cycle + now_pos
    return _pick(candidates, now, lean, strict)


def pick_date_year(month_no: int, day_no: int, published: dt.date, lean: Lean, strict: bool) -> int | None:
    """The year in which `month_no`/`day_no` is the occurrence the text means (None: no such day)."""
    # Four years either way so that February 29 always has a candidate.
    years = range(published.year - 4, published.year + 5)
    candidates = [(y, _ordinal(y, month_no, day_no)) for y in years]
    valid = [(y, o) for y, o in candidates if o is not None]
    if not valid:
        return None
    if lean == "same_year":
        lean = "nearest"
    return _pick(valid, published.toordinal(), lean, strict)


def _ordinal(y: int, month_no: int, day_no: int) -> int | None:
    try:
        return dt.date(y, month_no, day_no).toordinal()
    except ValueError:
        return None


def _pick(candidates: Iterable[tuple[int, int | None]], now: int, lean: Lean, strict: bool) -> int:
    keyed = [(y, k) for y, k in candidates if k is not None]
    if lean == "past":
        before = [(y, k) for y, k in keyed if k < now or (k == now and not strict)]
        if before:
            return max(before, key=lambda c: c[1])[0]
    elif lean == "future":
        after = [(y, k) for y, k in keyed if k > now or (k == now and not strict)]
        if after:
            return min(after, key=lambda c: c[1])[0]
    # Nearest; on a tie the later one (a yearless date in news leans to what is coming).
    return min(keyed, key=lambda c: (abs(c[1] - now), -c[1]))[0]
