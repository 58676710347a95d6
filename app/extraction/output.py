"""Output: the response models (app.models.v1) from the gatherings and the date mentions.

An event per gathering, with its first mention as trigger, its date at day, month or year precision,
its place, a status settled against the publication date, and its parties, one per actor with the
most explicit role any mention gave it and a confidence (confidence.py).
"""

from __future__ import annotations

import datetime as dt

from app.extraction.actors.names import sole_full_names, spelled_as_in
from app.extraction.confidence import event_confidence, party_confidence
from app.extraction.exclusions import Exclusion
from app.extraction.gatherings import MAX_GATHERING_DAYS, Gathering, event_date_value
from app.extraction.parsed import ParsedText
from app.extraction.parties import PartyRole
from app.extraction.status import Status
from app.extraction.temporal import DateMention
from app.extraction.temporal.words import WORDS
from app.models import v1

# When mentions give one party several roles, the most explicit wins: being left out or staying
# away is said outright, taking part is often inferred.
ROLE_RANK = {"excluded": 0, "absent": 1, "organizer": 2, "participant": 3}


def _to_event(parsed: ParsedText, n: int, g: Gathering, published: dt.date | None) -> v1.Event:
    first = g.first.trigger
    date = g.date
    value = event_date_value(date.value) if date is not None else None
    if date is not None and g.date_ends:
        value = _first_day(parsed, g, value)
    place = g.place
    return v1.Event(
        id=f"e{n + 1}",
        type="meeting",
        trigger=v1.Span(text=first.text, start=first.start, end=first.end),
        mentions=[v1.Span(text=f.trigger.text, start=f.trigger.start, end=f.trigger.end) for f in g.frames],
        date=None
        if date is None
        else v1.EventDate(text=date.text, start=date.start, end=date.end, value=value),
        location=None
        if place is None
        else v1.Location(
            name=spelled_as_in(parsed.text, place.name),
            text=place.mention.text,
            start=place.mention.start,
            end=place.mention.end,
        ),
        status=_status(g, date, published),
        participants=_participants(g),
        evidence=[
            v1.Span(
                text=parsed.sentence_text(s), start=parsed.sentences[s].start, end=parsed.sentences[s].end
            )
            for s in sorted({f.sent for f in g.frames})
        ],
        confidence=event_confidence(
            len(g.frames),
            dated=date is not None,
            placed=place is not None,
            argued=any(f.parties for f in g.frames),
        ),
    )


def _first_day(parsed: ParsedText, g: Gathering, last_day: str | None) -> str | None:
    """The first day of a gathering dated by the day it ended, where a mention says how many days it
    ran: "wrapped up a three-day conference on Thursday" began on the Tuesday."""
    if last_day is None or len(last_day) != 10:
        return last_day
    for f in g.frames:
        days = _days_long(parsed, f.trigger.head)
        if days is not None and 1 < days <= MAX_GATHERING_DAYS:
            return (dt.date.fromisoformat(last_day) - dt.timedelta(days=days - 1)).isoformat()
    return last_day


def _days_long(parsed: ParsedText, head: int) -> int | None:
    """ "a three-day conference", "two days of talks": how many days the mention says it ran."""
    tok = parsed.tokens[head]
    spans = [c for c in parsed.children(head) if c.dep in {"compound", "amod"} and c.lemma.lower() == "day"]
    if tok.dep == "pobj" and parsed.tokens[tok.head].lower == "of":
        over = parsed.tokens[parsed.tokens[tok.head].head]
        spans += [over] if over.lemma.lower() == "day" else []
    for span in spans:
        for c in parsed.children(span.i):
            if c.dep == "nummod":
                number = int(c.text) if c.text.isdigit() else WORDS.number_words.get(c.lower)
                if number is not None:
                    return number
    return None


def _status(g: Gathering, date: DateMention | None, published: dt.date | None) -> Status:
    status = g.status
    if status in {"cancelled", "proposed"}:
        return status
    if date is not None and date.direction in {"past", "future"} and len(date.value or "") < 10:
        # "later this month": the month is now, the direction says which side of now.
        return "occurred" if date.direction == "past" else "scheduled"
    if (
        date is not None
        and date.first_day is not None
        and date.last_day is not None
        and published is not None
    ):
        # (by the days the value covers: "2024-W19" or "2024-05" holding the publication day says nothing)
        if date.last_day < published:
            return "occurred"
        if date.first_day > published:
            return "scheduled"
    return status or "occurred"


def _participants(g: Gathering) -> list[v1.Participant]:
    roles: dict[str, tuple[str, PartyRole | Exclusion, list[v1.Span]]] = {}
    spans_seen: set[tuple[str, int, int]] = set()  # (name, start, end): a set, not a scan of the list
    found_by: dict[str, list[PartyRole | Exclusion]] = {}  # the entries of each name
    entries: list[tuple[str, PartyRole | Exclusion]] = [(p.role, p) for f in g.frames for p in f.parties]
    entries += [(e.role, e) for e in g.exclusions]
    entries += [(p.role, p) for p in g.inherited]
    entries += [
        ("participant", p)
        for side in g.sidelines
        for f in side.frames
        for p in f.parties
        if p.role in {"organizer", "participant"}
    ]
    for role, entry in entries:
        actor = entry.mention.actor
        if actor is None:
            continue
        span = v1.Span(text=entry.mention.text, start=entry.mention.start, end=entry.mention.end)
        found_by.setdefault(actor.name, []).append(entry)
        held = roles.get(actor.name)
        seen = (actor.name, span.start, span.end) in spans_seen
        spans_seen.add((actor.name, span.start, span.end))
        if held is None:
            roles[actor.name] = (role, entry, [span])
            continue
        best = role if _outranks(role, held[0]) else held[0]
        if not seen:
            held[2].append(span)
        roles[actor.name] = (best, held[1], held[2])
    _surnames_into_full_names(roles)
    out = []
    for name, (role, entry, spans) in roles.items():
        actor = entry.mention.actor
        assert actor is not None
        confidence = party_confidence(role, found_by[name])
        out.append(
            v1.Participant(
                name=name, role=role, kind=actor.kind, id=actor.id, mentions=spans, confidence=confidence
            )
        )
    return out


def _surnames_into_full_names(roles: dict[str, tuple[str, PartyRole | Exclusion, list[v1.Span]]]) -> None:
    """ "Obama" beside "Barack Obama" in one event is the same person (the actor stage missed the
    link, as it does when the surname comes first, in a headline or a caption): one party, with
    both names' mentions and the more explicit role."""
    people = {
        name
        for name, (_, entry, _) in roles.items()
        if entry.mention.actor and entry.mention.actor.kind == "person"
    }
    full = sole_full_names(people)  # (two people of that name: left apart)
    for short in [n for n in people if n in full]:
        role, _, spans = roles.pop(short)
        held = roles[full[short]]
        best = role if _outranks(role, held[0]) else held[0]
        roles[full[short]] = (best, held[1], held[2] + [s for s in spans if s not in held[2]])


def _outranks(new: str, old: str) -> bool:
    return ROLE_RANK[new] < ROLE_RANK[old]


def to_extraction(
    parsed: ParsedText, gatherings: list[Gathering], dates: list[DateMention], published: dt.date | None
) -> v1.Extraction:
    """The response's events (one per gathering, in order of first mention) and date mentions."""
    return v1.Extraction(
        events=[_to_event(parsed, n, g, published) for n, g in enumerate(gatherings)],
        dates=[
            v1.DateMention(
                text=m.text,
                start=m.start,
                end=m.end,
                value=m.value,
                end_value=m.end_value,
                anchor=m.anchor,
                direction=m.direction,
                reason=m.reason,
            )
            for m in dates
        ],
    )
