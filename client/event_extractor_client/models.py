"""The API's models, for clients. Do not edit: `python -m app.schemas --write` writes this file from the
service's models by way of the committed JSON Schemas schemas/extract-request/1.0.0.json,
schemas/extract-response/1.2.0.json, schemas/batch-request/1.0.0.json and
schemas/batch-response/1.2.0.json."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Model(BaseModel):
    # Unknown properties are kept, untyped: answers of a later minor version still read, and
    # model_dump(mode="json", exclude_unset=True) gives back what the service sent, to the byte's meaning.
    model_config = ConfigDict(extra="allow", frozen=True, use_attribute_docstrings=True)


class FieldError(_Model):
    """One field of a request that is not valid, and why."""

    field: str
    """Dotted path of the offending field, e.g. 'published_at'."""
    message: str
    """What is wrong with it."""
    type: str
    """Machine-readable kind of error (pydantic's error type)."""


class ErrorDetail(_Model):
    """What went wrong, as every error body of the API gives it under `error`."""

    code: str
    """Stable error code, e.g. invalid_request, payload_too_large."""
    message: str
    """What went wrong and how to fix it."""
    fields: list[FieldError] = []
    """Per-field errors, if any."""


class DateMention(_Model):
    """A date expression in the text with its normalized value."""

    text: str
    """The words as they stand in the text."""
    start: int
    """Offset of the first character (Python string index)."""
    end: int
    """Offset one past the last character."""
    value: str | None
    """Normalized value (YYYY-MM-DD, YYYY-MM, YYYY-Www, YYYY, PRESENT_REF) or null."""
    end_value: str | None = None
    """For a range, the value of its end."""
    anchor: Literal["publication", "text", "none"]
    """What a relative date was resolved against."""
    direction: Literal["past", "future", "same", "absolute"]
    """How it was resolved: past, future, same, absolute."""
    reason: str | None = None
    """Why value is null, when it is."""


class EventDate(_Model):
    """The date of an event, at the precision the text gives."""

    text: str
    """The words as they stand in the text."""
    start: int
    """Offset of the first character (Python string index)."""
    end: int
    """Offset one past the last character."""
    value: str | None
    """ISO value at its real precision: YYYY-MM-DD, YYYY-MM or YYYY; null if unresolved."""


class Location(_Model):
    """Where an event takes place."""

    text: str
    """The words as they stand in the text."""
    start: int
    """Offset of the first character (Python string index)."""
    end: int
    """Offset one past the last character."""
    name: str
    """Common English name of the place."""


class Span(_Model):
    """A stretch of the submitted text: text == submitted[start:end]."""

    text: str
    """The words as they stand in the text."""
    start: int
    """Offset of the first character (Python string index)."""
    end: int
    """Offset one past the last character."""


class Participant(_Model):
    """A party to an event and its role in it."""

    name: str
    """Canonical name: a country's common English name, a person's full name."""
    role: Literal["organizer", "participant", "excluded", "absent"]
    """organizer, participant, excluded (left out by others) or absent."""
    kind: Literal["country", "person", "organization", "group"]
    """country, person, organization or group."""
    id: str | None = None
    """Standard id where one exists (ISO 3166-1 alpha-3)."""
    mentions: list[Span]
    """Every place in the text that names this party for this event."""
    confidence: float | None = None
    """
    How firmly the text gives this party this role in this event, from 0 to 1: higher when the meeting's own
    words name it (talks with X, X was not invited to the summit) or several mentions agree, lower when only
    nearness ties it to the meeting or mentions disagree. It ranks; it is not a calibrated probability.
    """


class Event(_Model):
    """One gathering the text reports, however many times it mentions it."""

    id: str
    """Identifier of the event within this response (e1, e2, ...)."""
    type: Literal["meeting"]
    """Kind of event; 'meeting' covers summits, talks, calls, hearings."""
    trigger: Span
    """The words naming the gathering at its first mention."""
    mentions: list[Span]
    """Every trigger found for this same gathering."""
    date: EventDate | None
    """When it happens or happened, if the text says."""
    location: Location | None
    """Where, if the text says."""
    status: Literal["occurred", "scheduled", "proposed", "cancelled"]
    """occurred, scheduled, proposed or cancelled."""
    participants: list[Participant]
    """Parties with their roles."""
    evidence: list[Span]
    """The sentences this event was read from."""
    confidence: float | None = None
    """
    How firmly the text attests this gathering, from 0 to 1: higher with more mentions of it, a date, a place
    and parties named around it. It ranks; it is not a calibrated probability.
    """


class ModelInfo(_Model):
    """The NLP model that produced a response."""

    name: str
    """spaCy package used."""
    version: str
    """Its version."""


class ExtractResponse(_Model):
    """The meetings and dates found in one article."""

    schema_version: str
    """Version of the response JSON Schema this body conforms to (see GET /v1/schemas)."""
    id: str | None = None
    """The request's id, echoed."""
    model: ModelInfo
    """The NLP model that read the text."""
    events: list[Event]
    """Events found, in order of first mention."""
    dates: list[DateMention]
    """Every date expression found, in text order."""
    truncated: bool = False
    """
    True when the text reports more events than the service returns per article (EXTRACTOR_MAX_EVENTS):
    `events` then holds the first ones, in order of first mention.
    """


class BatchItem(_Model):
    """The answer for one article of a batch: what POST /v1/extract would have answered for it."""

    index: int
    """Position of the article in the request's `articles`."""
    result: ExtractResponse | None = None
    """The article's extract response; null if it has an error."""
    error: ErrorDetail | None = None
    """Why this article has no result (the error body of POST /v1/extract)."""


class ExtractRequest(_Model):
    """One article to read."""

    text: str
    """The article body, plain text. Offsets in the response index this string."""
    published_at: dt.date | None = None
    """Publication date (YYYY-MM-DD); relative dates such as 'Wednesday' resolve against it."""
    id: str | None = None
    """Caller's document id, echoed in the response."""


class BatchRequest(_Model):
    """Several articles read in one request; each is answered in its place, a bad one with an error."""

    articles: list[ExtractRequest]
    """
    The articles, each what POST /v1/extract takes; at most EXTRACTOR_MAX_BATCH_ARTICLES (64 by default). An
    article that is not valid gets an error in its place; the others are read.
    """


class BatchResponse(_Model):
    """
    One item per article, in the order of the request. As application/x-ndjson (when the request's Accept
    header asks for it), the items are streamed instead, one JSON object per line.
    """

    schema_version: str
    """
    Version of the batch response JSON Schema; the items' results follow the same version of the
    extract-response schema.
    """
    model: ModelInfo
    """The NLP model that read the texts."""
    items: list[BatchItem]
    """One per article, in the order of the request."""
