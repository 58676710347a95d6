"""Events: meeting mentions merged into one event per gathering, with date, place, status, parties.

(Interface in place; the stages are being written.)
"""

from __future__ import annotations

from app.extraction.parsed import ParsedText
from app.extraction.temporal import DateMention
from app.models.v1 import Event


def find_events(parsed: ParsedText, dates: list[DateMention]) -> list[Event]:
    """One `Event` per gathering the text reports, in order of first mention."""
    return []
