"""Confidence: how much evidence the text gives for an event, and for a party's role in it.

Scores in [0, 1] from what the stages found; they rank, they are not calibrated probabilities. Each
piece of evidence that could confirm the reading by itself counts as an independent chance of it
(a noisy-OR), so agreeing evidence raises a score with diminishing returns and never reaches 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.extraction.exclusions import Exclusion
from app.extraction.parties import PartyRole

MOST_CONFIDENT = 0.99

# Chance that one piece of evidence alone makes the event real.
EVENT_TRIGGER = 0.5  # a meeting word or verb
EVENT_FURTHER_MENTION = 0.3  # each further mention merged into the same gathering
EVENT_DATE = 0.6  # the text says when: few dated meetings are spurious
EVENT_PLACE = 0.2  # the text says where
EVENT_PARTIES = 0.3  # the syntax around a mention names who meets

# Chance that one mention alone gives a party its role right.
PARTY_BY_SYNTAX = 0.75  # an argument of the meeting word or verb ("talks with X", "X met Y")
PARTY_BY_CUE_NAMING_MEETING = 0.75  # "X was not invited to the summit"
PARTY_BY_CUE_NEARBY = 0.45  # "X was not included": tied to a meeting by proximity only
# Other mentions put the party on the other side (attending or not): the role kept is the most
# explicit one, yet in doubt. Organizer and participant agree: both attend.
PARTY_ROLE_DISPUTED = 0.7
ATTENDING = frozenset({"organizer", "participant"})


def event_confidence(mentions: int, *, dated: bool, placed: bool, argued: bool) -> float:
    """An event from `mentions` merged mentions; `argued`: a mention's syntax names parties."""
    evidence = [EVENT_TRIGGER] + [EVENT_FURTHER_MENTION] * (mentions - 1)
    evidence += [chance for chance, present in ((EVENT_DATE, dated), (EVENT_PLACE, placed)) if present]
    evidence += [EVENT_PARTIES] if argued else []
    return noisy_or(evidence)


def party_confidence(role: str, found_by: Sequence[PartyRole | Exclusion]) -> float:
    """A party's `role` in an event, given every mention that gave it a role there (`found_by`)."""
    attends = role in ATTENDING
    # One mention found by several frames counts once, by its strongest reading.
    chances: dict[int, float] = {}
    for found in found_by:
        if (found.role in ATTENDING) == attends:
            start = found.mention.start
            chances[start] = max(chances.get(start, 0.0), _party_chance(found))
    score = noisy_or(chances.values())
    if any((found.role in ATTENDING) != attends for found in found_by):
        score = round(score * PARTY_ROLE_DISPUTED, 2)
    return score


def noisy_or(chances: Iterable[float]) -> float:
    """The chance that at least one of independent pieces of evidence holds, to two decimals; short
    of 1, since no amount of text makes a reading certain."""
    doubt = 1.0
    for chance in chances:
        doubt *= 1.0 - chance
    return min(round(1.0 - doubt, 2), MOST_CONFIDENT)


def _party_chance(found: PartyRole | Exclusion) -> float:
    if isinstance(found, PartyRole):
        return PARTY_BY_SYNTAX
    return PARTY_BY_CUE_NAMING_MEETING if found.target is not None else PARTY_BY_CUE_NEARBY
