"""Pydantic models of the v1 API: what a client sends and what the service promises to return."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0.0"

EventType = Literal["meeting"]
Status = Literal["occurred", "scheduled", "proposed", "cancelled"]
Role = Literal["organizer", "participant", "excluded", "absent"]
PartyKind = Literal["country", "person", "organization", "group"]
Anchor = Literal["publication", "text", "none"]
Direction = Literal["past", "future", "same", "absolute"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExtractRequest(_Model):
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
    text: str = Field(description="The words as they stand in the text.")
    start: int = Field(ge=0, description="Offset of the first character (Python string index).")
    end: int = Field(ge=0, description="Offset one past the last character.")


class EventDate(Span):
    value: str | None = Field(
        description="ISO value at its real precision: YYYY-MM-DD, YYYY-MM or YYYY; null if unresolved."
    )


class Location(Span):
    name: str = Field(description="Common English name of the place.")


class Participant(_Model):
    name: str = Field(description="Canonical name: a country's common English name, a person's full name.")
    role: Role = Field(description="organizer, participant, excluded (left out by others) or absent.")
    kind: PartyKind = Field(description="country, person, organization or group.")
    id: str | None = Field(default=None, description="Standard id where one exists (ISO 3166-1 alpha-3).")
    mentions: list[Span] = Field(description="Every place in the text that names this party for this event.")


class Event(_Model):
    id: str = Field(description="Identifier of the event within this response (e1, e2, ...).")
    type: EventType = Field(description="Kind of event; 'meeting' covers summits, talks, calls, hearings.")
    trigger: Span = Field(description="The words naming the gathering at its first mention.")
    mentions: list[Span] = Field(description="Every trigger found for this same gathering.")
    date: EventDate | None = Field(description="When it happens or happened, if the text says.")
    location: Location | None = Field(description="Where, if the text says.")
    status: Status = Field(description="occurred, scheduled, proposed or cancelled.")
    participants: list[Participant] = Field(description="Parties with their roles.")
    evidence: list[Span] = Field(description="The sentences this event was read from.")


class DateMention(Span):
    value: str | None = Field(
        description="Normalized value (YYYY-MM-DD, YYYY-MM, YYYY-Www, YYYY, PRESENT_REF) or null."
    )
    end_value: str | None = Field(default=None, description="For a range, the value of its end.")
    anchor: Anchor = Field(description="What a relative date was resolved against.")
    direction: Direction = Field(description="How it was resolved: past, future, same, absolute.")
    reason: str | None = Field(default=None, description="Why value is null, when it is.")


class ModelInfo(_Model):
    name: str = Field(description="spaCy package used.")
    version: str = Field(description="Its version.")


class Extraction(_Model):
    """What the engine returns for one text."""

    events: list[Event]
    dates: list[DateMention]


class ExtractResponse(_Model):
    schema_version: str = Field(description="Version of the response JSON Schema this body conforms to.")
    id: str | None = Field(default=None, description="The request's id, echoed.")
    model: ModelInfo
    events: list[Event] = Field(description="Events found, in order of first mention.")
    dates: list[DateMention] = Field(description="Every date expression found, in text order.")
