"""Wire copy: the photo captions that ingested news sets between its paragraphs.

A caption ("FILE - The minister shakes hands with ..., March 3, 2015.") reports the scene of a picture
and closes with the day it was taken. A meeting a caption reports is dated by that closing date when
the caption's own wording leaves it undated. A line is a caption where it opens as one ("FILE -", "In
this photo") or, with no opening, closes as one: the day set off by a comma at its very end ("...
greets the prime minister in Tokyo, Oct. 26, 2016."), where prose would say "on Oct. 26, 2016".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.extraction import lexicon
from app.extraction.actors.words import CAPTION_OPENINGS
from app.extraction.frames import Frame
from app.extraction.temporal import DateMention

PICTURE_NOUNS = lexicon.words("wire_copy_cues", "words", cue="picture")
# "In this March 3, 2018, file photo, ...": the picture noun within the opening clause.
_PICTURE_OPENING = re.compile(
    r"In this\b[^\n]{0,60}?\b(?:" + "|".join(re.escape(w) for w in sorted(PICTURE_NOUNS)) + r")\b"
)

# ", Oct. 26, 2016." closing a line: the day a picture was taken (months from the temporal lexicon).
_CLOSING_DAY = re.compile(
    r", (?:"
    + "|".join(re.escape(m) for m in sorted(lexicon.words("temporal_months", "word"), key=len, reverse=True))
    + r")\.? \d{1,2}, \d{4}\.\s*$",
    re.IGNORECASE,
)


def dated_captions(text: str, frames: list[Frame], dates: list[DateMention]) -> list[Frame]:
    """`frames`, those in a caption marked so, and where a caption's meeting has no date of its own,
    dated by the date that closes the caption: wire captions end with the day the picture was taken
    ("..., in Paris, May 3, 2019.")."""
    for a, b in caption_spans(text):
        closing = [d for d in dates if a <= d.start and d.end <= b and not text[d.end : b].strip(" .")]
        for f in frames:
            if a <= f.trigger.start < b:
                f.caption = True
                if f.date is None and closing:
                    f.date = closing[-1]
    return frames


def caption_spans(text: str) -> Iterator[tuple[int, int]]:
    """The character spans of the lines that are photo captions."""
    start = 0
    for line in text.split("\n"):
        body = line.lstrip()
        if body.startswith(CAPTION_OPENINGS) or _PICTURE_OPENING.match(body) or _CLOSING_DAY.search(body):
            yield start, start + len(line)
        start += len(line) + 1
