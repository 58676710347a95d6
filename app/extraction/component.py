"""The extractor as a spaCy component, for spaCy users: `nlp.add_pipe("meeting_events")`.

It runs the engine's stages after the parse (engine.extract_parsed) on the doc the pipeline made, and
puts each meeting's first mention in `doc.spans["meetings"]` (label "meeting") and the meetings
themselves, in the same order, in `doc._.meeting_events` (app.models.v1.Event: date, place,
status, parties); the date mentions go to `doc._.event_dates`. Relative dates ("on Wednesday") are
read against `doc._.published_at` if set, else the component's `published_at` setting, else not at
all. The pipeline must tag, parse, lemmatize and find entities (en_core_web_sm does).
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from app.extraction.engine import extract_parsed
from app.extraction.pipeline import to_parsed

NAME = "meeting_events"
SPANS_KEY = "meetings"

for _attribute in ("meeting_events", "event_dates", "published_at"):
    if not Doc.has_extension(_attribute):
        Doc.set_extension(_attribute, default=None)


class MeetingEvents:
    def __init__(self, spans_key: str, published_at: dt.date | None) -> None:
        self.spans_key = spans_key
        self.published_at = published_at

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published_at or self.published_at
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        extraction = extract_parsed(to_parsed(doc), published)
        spans = []
        for event in extraction.events:
            span = doc.char_span(
                event.trigger.start, event.trigger.end, label="meeting", alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.meeting_events = extraction.events
        doc._.event_dates = extraction.dates
        return doc


@Language.factory(
    NAME,
    default_config={"spans_key": SPANS_KEY, "published_at": None},
    requires=["token.tag", "token.pos", "token.dep", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc.spans", "doc._.meeting_events", "doc._.event_dates"],
)
def make_meeting_events(nlp: Language, name: str, spans_key: str, published_at: str | None) -> MeetingEvents:
    """`published_at`: an ISO date (YYYY-MM-DD) that relative dates are read against."""
    del nlp, name
    return MeetingEvents(spans_key, dt.date.fromisoformat(published_at) if published_at else None)
