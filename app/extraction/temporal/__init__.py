"""Temporal normalization: every date expression in a text, with its value resolved against the
publication date (pure: text and anchor date in, date mentions out).

`matching` finds the expressions and the calendar fields they name, `resolution` decides which
occurrence each means, `calendar` does the arithmetic on periods and renders their TIMEX3 values.
"""

from app.extraction.temporal.resolution import (
    NO_PUBLICATION,
    NO_TEXT_ANCHOR,
    Anchor,
    DateMention,
    Direction,
    find_dates,
)

__all__ = ["NO_PUBLICATION", "NO_TEXT_ANCHOR", "Anchor", "DateMention", "Direction", "find_dates"]
