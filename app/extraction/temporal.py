"""Temporal normalization: every date expression in a text, resolved against the publication date.

(Interface in place; the finder is being written.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from app.extraction.parsed import ParsedText

Anchor = Literal["publication", "text", "none"]
Direction = Literal["past", "future", "same", "absolute"]


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int  # character offsets into the text
    end: int
    token_start: int  # token indices, so later stages can attach the date syntactically
    token_end: int  # exclusive
    value: str | None  # YYYY-MM-DD, YYYY-MM, YYYY-Www, YYYY, PRESENT_REF; None when unresolved
    anchor: Anchor
    direction: Direction
    end_value: str | None = None  # the end of a range ("October 26-28")
    reason: str | None = None  # why value is None


def find_dates(parsed: ParsedText, published: dt.date | None) -> list[DateMention]:
    """Every date expression in `parsed`, in text order, with its normalized value."""
    return []
