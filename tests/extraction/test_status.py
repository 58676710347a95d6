"""Status of a meeting mention: occurred, scheduled, proposed or cancelled."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.extraction.parsed import ParsedText
from app.extraction.status import mention_status
from app.extraction.triggers import find_triggers

Parse = Callable[[str], ParsedText]


def _status(parse: Parse, text: str, trigger: str) -> str | None:
    parsed = parse(text)
    found = [t for t in find_triggers(parsed) if t.text == trigger]
    assert len(found) == 1, [t.text for t in find_triggers(parsed)]
    return mention_status(parsed, found[0])


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # occurred: past tense
        ("The two leaders met in Geneva last week.", "met", "occurred"),
        ("The foreign ministers held talks on Monday.", "talks", "occurred"),
        ("The meeting ended without agreement.", "meeting", "occurred"),
        # scheduled: future tense, plans and timetables
        ("The two presidents will meet in Helsinki next month.", "meet", "scheduled"),
        ("The summit is scheduled for March 3.", "summit", "scheduled"),
        ("A meeting between the two sides is scheduled for Friday.", "meeting", "scheduled"),
        ("The leaders are expected to meet in Rome.", "meet", "scheduled"),
        ("The foreign minister is due to hold talks in Ankara.", "talks", "scheduled"),
        ("Turkey will convene a meeting on the crisis next month.", "meeting", "scheduled"),
        # proposed: suggestions, ideas and possibilities
        ("France proposed a summit on the crisis.", "summit", "proposed"),
        ("The chancellor floated the idea of talks with Moscow.", "talks", "proposed"),
        ("Spain suggested a meeting of the ministers.", "meeting", "proposed"),
        ("The two sides could meet next week.", "meet", "proposed"),
        # a meeting only possible (FrameNet Possibility) is proposed, not held
        ("Speculation about a summit between the two leaders grew on Monday.", "summit", "proposed"),
        (
            "The possibility of a meeting between the two presidents was raised on Friday.",
            "meeting",
            "proposed",
        ),
        # what is done during a meeting carries its tense, whatever the verb ("ask" may also invite)
        ("The envoy will ask Lavrov during the talks to release the prisoners.", "talks", "scheduled"),
        ("The premier will urge Xi during the summit to lift the tariffs.", "summit", "scheduled"),
        ("Rubio pressed Lavrov throughout the talks to free the journalist.", "talks", "occurred"),
        ("Kerry asked Sharif during a meeting to act.", "meeting", "occurred"),
        ("The ministers will sign the accord at the summit in Lima.", "summit", "scheduled"),
        # cancelled
        ("The prime minister cancelled the visit to Washington.", "visit", "cancelled"),
        ("The prime minister cancelled his visit to Washington.", "visit", "cancelled"),
        ("Officials called off the meeting at the last minute.", "meeting", "cancelled"),
    ],
)
def test_mention_status(parse: Parse, text: str, trigger: str, status: str) -> None:
    assert _status(parse, text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "proposed"),
    [
        # a side ready or willing to meet proposes it (FrameNet Willingness) ...
        ("The union said it was ready for talks with the ministry.", "talks", True),
        ("The premier is willing to meet the opposition leader in Dhaka.", "meet", True),
        # ... but not one said not to be: the copula carries the negation
        ("The premier was not willing to meet the opposition leader in Dhaka.", "meet", False),
    ],
)
def test_willingness_to_meet_proposes_it(parse: Parse, text: str, trigger: str, proposed: bool) -> None:
    assert (_status(parse, text, trigger) == "proposed") is proposed


def test_calling_for_talks_is_a_proposal(parse: Parse) -> None:
    assert _status(parse, "The United Nations called for talks between the two sides.", "talks") == "proposed"


def test_a_verb_of_saying_does_not_set_the_status(parse: Parse) -> None:
    # "said" is past, but what was said is about a meeting still to come.
    assert _status(parse, "The minister said the summit will take place in June.", "summit") == "scheduled"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The meeting was called off.", "meeting"),
        ("The planned summit was cancelled on Sunday.", "planned summit"),
    ],
)
def test_passive_cancellation(parse: Parse, text: str, trigger: str) -> None:
    assert _status(parse, text, trigger) == "cancelled"


@pytest.mark.parametrize(
    "text",
    [
        "Modi cancelled the summit in March, then revived it after a phone call with Sharif.",
        "The minister cancelled the talks in April and rescheduled them for June.",
    ],
)
def test_a_cancellation_undone_is_no_cancellation(parse: Parse, text: str) -> None:
    trigger = "summit" if "summit" in text else "talks"
    assert _status(parse, text, trigger) != "cancelled"


def test_a_cancellation_stands_alone(parse: Parse) -> None:
    assert _status(parse, "Modi cancelled the summit in March and blamed Sharif.", "summit") == "cancelled"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ukraine did not receive an invitation to the two-day gathering.", "gathering"),
        ("Morocco got no invitation to the summit in Madrid.", "summit"),
    ],
)
def test_an_invitation_withheld_proposes_no_meeting(parse: Parse, text: str, trigger: str) -> None:
    # the invitation's mood is not the meeting's: it may have been held without them
    assert _status(parse, text, trigger) != "proposed"


def test_an_invitation_made_still_proposes_the_meeting(parse: Parse) -> None:
    assert _status(parse, "Spain extended an invitation to talks in Madrid.", "talks") == "proposed"


@pytest.mark.parametrize(
    ("text", "trigger", "proposed"),
    [
        # a suggestion of what happened proposes no meeting told inside it
        (
            "The senator suggested she had softened her stance after meeting with the farmers' union on "
            "Monday.",
            "meeting",
            False,
        ),
        ("Ruto suggested he dropped the tax after talks with opposition leaders last week.", "talks", False),
        # a suggestion of what should happen does
        ("The envoy proposed that the two sides meet in Geneva next month.", "meet", True),
        ("Macron suggested they hold talks in Paris in June.", "talks", True),
    ],
)
def test_a_suggestion_of_a_past_proposes_nothing(
    parse: Parse, text: str, trigger: str, proposed: bool
) -> None:
    assert (_status(parse, text, trigger) == "proposed") is proposed
