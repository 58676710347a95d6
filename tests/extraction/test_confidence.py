"""Confidence scores: more and more explicit evidence scores higher, never certainty."""

from __future__ import annotations

from app.extraction.actors import Actor, ActorMention
from app.extraction.confidence import (
    EVENT_TRIGGER,
    MOST_CONFIDENT,
    PARTY_BY_CUE_NAMING_MEETING,
    PARTY_BY_SYNTAX,
    event_confidence,
    noisy_or,
    party_confidence,
)
from app.extraction.exclusions import Exclusion
from app.extraction.parties import PartyRole
from app.models.v1 import Role

ROMANIA = Actor(name="Romania", kind="country", id="ROU")


def _mention(start: int) -> ActorMention:
    return ActorMention(ROMANIA, start, start + 1, start=start * 10, end=start * 10 + 7, text="Romania")


def _by_syntax(start: int, role: Role = "participant") -> PartyRole:
    return PartyRole(_mention(start), role)


def _by_cue(start: int, *, names_meeting: bool) -> Exclusion:
    target = 3 if names_meeting else None
    return Exclusion(_mention(start), "excluded", target, sent=1, tense="past")


def test_noisy_or_combines_independent_evidence() -> None:
    assert noisy_or([]) == 0.0
    assert noisy_or([0.5]) == 0.5
    assert noisy_or([0.5, 0.5]) == 0.75
    assert noisy_or([0.9] * 10) == MOST_CONFIDENT


def test_a_bare_mention_is_a_coin_toss_and_each_fact_adds() -> None:
    bare = event_confidence(1, dated=False, placed=False, argued=False)
    dated = event_confidence(1, dated=True, placed=False, argued=False)
    full = event_confidence(1, dated=True, placed=True, argued=True)
    repeated = event_confidence(3, dated=True, placed=True, argued=True)

    assert bare == EVENT_TRIGGER
    assert bare < dated < full < repeated <= MOST_CONFIDENT


def test_many_mentions_never_make_an_event_certain() -> None:
    assert event_confidence(60, dated=True, placed=True, argued=True) == MOST_CONFIDENT


def test_syntax_or_a_cue_naming_the_meeting_beats_a_cue_nearby() -> None:
    syntax = party_confidence("participant", [_by_syntax(1)])
    named = party_confidence("excluded", [_by_cue(1, names_meeting=True)])
    nearby = party_confidence("excluded", [_by_cue(1, names_meeting=False)])

    assert syntax == PARTY_BY_SYNTAX and named == PARTY_BY_CUE_NAMING_MEETING
    assert nearby < named


def test_agreeing_mentions_raise_a_role_and_one_mention_counts_once() -> None:
    once = party_confidence("participant", [_by_syntax(1)])
    found_twice = party_confidence("participant", [_by_syntax(1), _by_syntax(1)])
    two_mentions = party_confidence("participant", [_by_syntax(1), _by_syntax(5)])

    assert found_twice == once < two_mentions


def test_organizer_and_participant_agree_but_attending_and_left_out_dispute() -> None:
    organizer = party_confidence("organizer", [_by_syntax(1, "organizer"), _by_syntax(1)])
    disputed = party_confidence("excluded", [_by_cue(1, names_meeting=True), _by_syntax(4)])

    assert organizer == PARTY_BY_SYNTAX
    assert disputed < PARTY_BY_CUE_NAMING_MEETING
