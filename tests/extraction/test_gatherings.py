"""Which mentions are one gathering, and the trace that says why (gatherings.merge_decisions).
Sentences are our own."""

from __future__ import annotations

import datetime as dt
import logging
import math

import pytest

from app.extraction import dating
from app.extraction.coreference import Decision
from app.extraction.engine import Extractor, read, read_mentions
from app.extraction.frames import Frame
from app.extraction.gatherings import SEPARATE_MODEL, WINDOW, merge_decisions, weighed_joins
from app.extraction.learned import load
from app.extraction.parsed import ParsedText

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday


def _frames(extractor: Extractor, text: str) -> tuple[ParsedText, list[Frame]]:
    parsed = extractor.parse(text)
    return parsed, read_mentions(parsed, PUBLISHED).frames


def _decisions(extractor: Extractor, text: str) -> list[Decision]:
    return merge_decisions(*_frames(extractor, text))


def _mentions(extractor: Extractor, text: str) -> list[list[str]]:
    return [[m.text for m in e.mentions] for e in extractor.extract(text, PUBLISHED).events]


@pytest.mark.parametrize(
    ("text", "renaming"),
    [
        # apposition
        (
            "Finance ministers of the euro area met in Luxembourg on Monday. The meeting, a "
            "gathering that lasted six hours, ended without a deal.",
            "gathering",
        ),
        # predicate of a copula
        (
            "The regional forum opened in Accra on Tuesday. The forum was a gathering of trade "
            "officials from eleven countries.",
            "gathering",
        ),
        # apposition the parser hangs on the last noun of the mention's own phrase
        (
            "The chancellor will hold a summit with the Polish president, a summit that could take "
            "place in Gdansk before the vote.",
            "summit",
        ),
        (
            "On Monday the mayor held a meeting with the residents' association, a meeting that nobody "
            "from the council attended.",
            "meeting",
        ),
        # (or on the verb that holds the mention)
        (
            "On Tuesday ministers held a meeting with the striking doctors, a meeting that ended without "
            "agreement.",
            "meeting",
        ),
    ],
)
def test_an_indefinite_noun_that_renames_a_gathering_joins_it(
    extractor: Extractor, text: str, renaming: str
) -> None:
    (mentions,) = _mentions(extractor, text)
    assert renaming in mentions
    decision = [d for d in _decisions(extractor, text) if d.mention == renaming][-1]
    assert decision.rule == "predicate" and decision.joined == 0


@pytest.mark.parametrize(
    "text",
    [
        "Finance ministers of the euro area met in Luxembourg on Monday. A meeting of farm "
        "ministers also took place that week.",
        "The regional forum opened in Accra on Tuesday. Separately, a gathering of health "
        "officials discussed vaccines.",
    ],
)
def test_an_indefinite_noun_in_a_sentence_of_its_own_starts_a_gathering(
    extractor: Extractor, text: str
) -> None:
    assert len(_mentions(extractor, text)) == 2
    last = _decisions(extractor, text)[-1]
    assert last.joined is None
    assert last.candidates and "indefinite" in last.candidates[0][1].reasons


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Mayor Lena Ortiz met union leaders on Monday. That meeting produced no agreement.",
            "demonstrative",
        ),
        (
            "The envoys met in Doha on Sunday. This meeting was their first since the truce.",
            "demonstrative",
        ),
        ("Nurses and hospital managers held talks on Monday. The talks lasted four hours.", "definite"),
        ("The council convened a summit in Quito on Monday. The summit approved a budget.", "definite"),
    ],
)
def test_an_anaphoric_mention_joins_and_the_trace_names_why(
    extractor: Extractor, text: str, reason: str
) -> None:
    assert len(_mentions(extractor, text)) == 1
    last = _decisions(extractor, text)[-1]
    assert last.joined == 0
    ((index, link),) = last.candidates
    assert index == 0 and reason in link.reasons and link.score > 0


FILLER = (
    "Markets were calm. The currency rose. Exporters cheered. Analysts were cautious. Shipping rates "
    "fell. Farmers protested. Fuel prices rose. "
)


@pytest.mark.parametrize(
    "text",
    [
        "Olaf Scholz and Emmanuel Macron had a phone call in January. "
        + FILLER
        + "Aides still blame that tense phone call for the chill between Paris and Berlin.",
        "The envoys held a summit in Lima in May. "
        + FILLER
        + "Diplomats now describe that fractious summit as a turning point.",
    ],
)
def test_a_demonstrative_points_back_however_far_to_a_gathering_first_called_the_same(
    extractor: Extractor, text: str
) -> None:
    assert len(_mentions(extractor, text)) == 1
    assert _decisions(extractor, text)[-1].rule == "demonstrative-same-word"


@pytest.mark.parametrize(
    ("text", "conflict"),
    [
        (
            "The board held a meeting in Denver on March 4. The board held a meeting in Denver on March 11.",
            "date-conflict",
        ),
        (
            "The regional forum opened in Accra on Tuesday. Later, a meeting of health officials "
            "took place in Lagos.",
            "place-conflict",
        ),
        (
            "The ministers held a summit in Oslo on Friday. A meeting of their deputies took place "
            "in Bergen.",
            "place-conflict",
        ),
        (
            "Finance ministers met in Luxembourg on Monday. A gathering of farm ministers is "
            "planned for June.",
            "date-conflict",
        ),
    ],
)
def test_a_conflicting_mention_starts_a_gathering_and_the_trace_names_the_conflict(
    extractor: Extractor, text: str, conflict: str
) -> None:
    assert len(_mentions(extractor, text)) == 2
    last = _decisions(extractor, text)[-1]
    assert last.joined is None
    ((_, link),) = last.candidates
    assert conflict in link.reasons and link.score < 0


@pytest.mark.parametrize(
    "text",
    [
        "The AU summit opened in Addis Ababa on Sunday. Some said the AU summit in Kigali had gone better.",
        "Ministers met in Nairobi on Monday to discuss the drought. They also met in Kampala.",
    ],
)
def test_a_mention_pointing_back_in_another_town_is_another_gathering(
    extractor: Extractor, text: str
) -> None:
    assert len(_mentions(extractor, text)) == 2
    ((_, link),) = _decisions(extractor, text)[-1].candidates
    assert "place-conflict" in link.reasons


@pytest.mark.parametrize(
    "text",
    [
        "The leaders met in Anchorage on Friday. The summit in Alaska lasted three hours.",
        "The ministers met in Quito on Monday. The talks in Ecuador went on until late.",
    ],
)
def test_a_mention_pointing_back_in_a_state_or_country_that_may_hold_the_town_joins(
    extractor: Extractor, text: str
) -> None:
    assert len(_mentions(extractor, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The unions reached a deal on Thursday after talks with ministers. Negotiators had been meeting "
        "in London since the end of February.",
        "Lenders and the company agreed terms on Friday after talks in Madrid. The two sides have been "
        "meeting in Madrid since January 12.",
    ],
)
def test_a_meeting_gone_on_since_a_date_holds_a_later_day_of_it(extractor: Extractor, text: str) -> None:
    assert len(_mentions(extractor, text)) == 1


def test_a_date_since_which_no_meeting_has_gone_on_still_conflicts(extractor: Extractor) -> None:
    text = (
        "The board met in Denver on March 11. The chairman, in office since January 5, said the board "
        "had met in Denver on January 5."
    )
    assert len(_mentions(extractor, text)) == 2


@pytest.mark.parametrize(
    ("text", "first", "before"),
    [
        ("Kallas and Sandu held their first talks since they met in Vilnius.", "talks", "met"),
        (
            "Finance ministers of Kenya and Ghana convened for the first session since they gathered "
            "in Nairobi.",
            "session",
            "gathered",
        ),
    ],
)
def test_a_meeting_something_is_reckoned_from_is_another_gathering(
    extractor: Extractor, text: str, first: str, before: str
) -> None:
    words = [" ".join(m) for m in _mentions(extractor, text)]
    assert any(first in w and before not in w for w in words)
    assert any(before in w and first not in w for w in words)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the date something is reckoned from
        ("The new premier chaired her first cabinet meeting since taking office on March 2.", "meeting"),
        ("Lawmakers held their first hearing since the recess began on July 26.", "hearing"),
        # the date of a clause of another time
        ("The union called a strike on Monday before the ministers held talks in Lagos.", "talks"),
        ("Police cleared the square on Friday after the premiers opened their summit.", "summit"),
    ],
)
def test_the_date_of_another_event_does_not_date_the_meeting(
    extractor: Extractor, text: str, mention: str
) -> None:
    _, frames = _frames(extractor, text)
    (frame,) = [f for f in frames if mention in f.trigger.text]
    assert frame.date is None


@pytest.mark.parametrize(
    ("text", "mention", "day"),
    [
        (
            "A protester was led out of the hall on Saturday as the premiers opened their annual summit.",
            "summit",
            "Saturday",
        ),
        (
            "Riot police sealed off the avenue on Tuesday while the two delegations held talks inside.",
            "talks",
            "Tuesday",
        ),
    ],
)
def test_a_meeting_told_in_a_clause_of_the_same_time_has_that_clause_s_date(
    extractor: Extractor, text: str, mention: str, day: str
) -> None:
    _, frames = _frames(extractor, text)
    (frame,) = [f for f in frames if mention in f.trigger.text]
    assert frame.date is not None and frame.date.text == day


def test_a_date_something_is_reckoned_from_is_no_guess_for_an_undated_meeting(extractor: Extractor) -> None:
    text = "Kallas and Sandu spoke by phone. It was their first call since Sandu took office in May."
    parsed = extractor.parse(text)
    dates, _, gatherings = read(parsed, PUBLISHED)
    assert [d.text for d in dates] == ["May"]
    assert not dating.candidates(parsed, gatherings, dates)


def test_each_decision_is_logged_at_debug_level(
    extractor: Extractor, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="app.extraction.gatherings"):
        extractor.extract("Mayor Lena Ortiz met union leaders on Monday. That meeting was short.", PUBLISHED)
    lines = [r.getMessage() for r in caplog.records if r.name == "app.extraction.gatherings"]
    assert len(lines) == 2
    assert "'meeting' (sentence 1) -> gathering 0 by demonstrative" in lines[1]
    assert "demonstrative" in lines[1].split(";", 1)[1]


def test_a_mention_is_weighed_against_a_bounded_window_of_gatherings(extractor: Extractor) -> None:
    cities = ["Lima", "Quito", "Bogota", "Caracas", "Santiago", "Montevideo", "Asuncion", "La Paz"]
    cities += ["Brasilia", "Panama City", "San Jose", "Managua"]
    text = " ".join(
        f"The trade ministers held a meeting in {city} on March {day}." for day, city in enumerate(cities, 1)
    )
    decisions = _decisions(extractor, text)
    assert len(decisions) == len(cities)
    assert all(d.joined is None for d in decisions)
    assert max(len(d.candidates) for d in decisions) == WINDOW


# The filler sentences put the first gathering out of reach of salience: a definite mention four
# sentences on points back to the story's gathering only if its parties do not say otherwise.
FAR = "held a meeting in {city} on Monday. Snow fell. Roads closed. Schools shut early."


@pytest.mark.parametrize(
    "text",
    [
        f"Rail unions and Network Rail {FAR.format(city='Leeds')} Spain and Morocco ended the talks "
        "without a deal.",
        f"Ontario and Quebec {FAR.format(city='Ottawa')} Chile and Peru concluded the negotiations "
        "without a statement.",
    ],
)
def test_a_distant_definite_mention_with_other_parties_starts_a_gathering(
    extractor: Extractor, text: str
) -> None:
    assert len(_mentions(extractor, text)) == 2
    last = _decisions(extractor, text)[-1]
    assert last.joined is None and last.rule == "topic-other-parties"
    assert "parties-disjoint" in last.candidates[0][1].reasons


@pytest.mark.parametrize(
    "text",
    [
        f"Rail unions and Network Rail {FAR.format(city='Leeds')} Network Rail ended the talks "
        "without a deal.",
        f"Ontario and Quebec {FAR.format(city='Ottawa')} Quebec concluded the negotiations without "
        "a statement.",
    ],
)
def test_a_distant_definite_mention_with_a_shared_party_joins_the_story_gathering(
    extractor: Extractor, text: str
) -> None:
    assert len(_mentions(extractor, text)) == 1
    last = _decisions(extractor, text)[-1]
    assert last.joined == 0 and last.rule == "story-topic"
    assert "shared-parties" in last.candidates[0][1].reasons


@pytest.mark.parametrize(
    "text",
    [
        "The US and Russia held a summit in Anchorage on Friday. It was the first such meeting since 2021.",
        "Chile and Peru held talks in Lima on Monday. This was a meeting of old rivals, officials said.",
    ],
)
def test_the_predicate_of_a_pronoun_renames_the_gathering_just_mentioned(
    extractor: Extractor, text: str
) -> None:
    assert len(extractor.extract(text, dt.date(2025, 3, 3)).events) == 1


def test_a_pronoun_predicate_far_from_any_gathering_names_its_own(extractor: Extractor) -> None:
    text = (
        "Chile and Peru held talks in Lima on Monday. Markets rose on Tuesday. Prices fell on Wednesday. "
        "It was a summit of old rivals in Quito on Thursday."
    )
    assert len(extractor.extract(text, dt.date(2025, 3, 3)).events) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The founder appeared before Judge Ana Ortiz at a hearing in Manhattan on Thursday.",
        "The chief executive testified at a Senate hearing in Washington on Tuesday.",
    ],
)
def test_testifying_at_a_hearing_is_that_hearing(extractor: Extractor, text: str) -> None:
    assert len(extractor.extract(text, dt.date(2025, 3, 3)).events) == 1


def test_a_hearing_later_is_another_gathering(extractor: Extractor) -> None:
    text = "The founder testified on Tuesday. A second hearing is set for next month in Boston."
    assert len(extractor.extract(text, dt.date(2025, 3, 3)).events) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Geneva on Monday for two hours of talks.",
        "The envoys sat down in Doha on Friday for three days of negotiations.",
    ],
)
def test_meeting_for_hours_of_talks_is_those_talks(extractor: Extractor, text: str) -> None:
    assert len(extractor.extract(text, dt.date(2025, 3, 3)).events) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Macron and Scholz met in Paris on Monday. Macron also spoke by phone with Joe Biden on Monday.",
        "The two delegations held talks in Geneva on Tuesday. Lavrov later phoned Blinken on Tuesday.",
    ],
)
def test_a_call_is_not_the_meeting_in_person_told_beside_it(extractor: Extractor, text: str) -> None:
    assert len(extractor.extract(text, PUBLISHED).events) == 2


def test_the_call_named_again_is_the_same_call(extractor: Extractor) -> None:
    text = "Biden and Xi held a video call on Monday. The call lasted two hours."
    assert len(extractor.extract(text, PUBLISHED).events) == 1


@pytest.mark.parametrize(
    "text",
    [
        (
            "Leaders of the Group of Seven gathered at a resort in Bavaria, with Chancellor Olaf Scholz "
            "as host. Canada's Justin Trudeau met Japan's Fumio Kishida on Monday."
        ),
        (
            "Crown Prince Mohammed bin Salman hosted Gulf leaders at a summit in Riyadh. King Abdullah "
            "of Jordan met Emir Tamim of Qatar on Friday."
        ),
    ],
)
def test_a_verb_with_a_day_and_parties_of_its_own_is_a_meeting_of_its_own(
    extractor: Extractor, text: str
) -> None:
    assert len(_mentions(extractor, text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # the same day as the gathering, a verb with a party it has not named: a meeting beside it
        (
            "Leaders of the Group of Seven met in Hiroshima on Sunday with Fumio Kishida as host. On "
            "Sunday, Joe Biden also sat down with Anthony Albanese."
        ),
        (
            "European finance ministers gathered in Brussels on Tuesday for a summit with Christine "
            "Lagarde. On Tuesday evening Bruno Le Maire received Christian Lindner at the embassy."
        ),
    ],
)
def test_a_verb_the_same_day_with_a_party_of_its_own_is_a_meeting_beside_it(
    extractor: Extractor, text: str
) -> None:
    assert len(_mentions(extractor, text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # "own", "separate", "separately", "alone": a gathering of its own beside the one told
        "The leaders met in Geneva on Monday. Olaf Scholz held his own meeting with Erdogan on Monday.",
        "Leaders of the Group of Seven met in Rome on Monday. Olaf Scholz met Erdogan separately on Monday.",
        "The envoys met in Vatican City on Friday. Pope Francis received Erdogan alone on Friday.",
        "The leaders met in Madrid on Monday. Pedro Sanchez held a separate call with Erdogan on Monday.",
    ],
)
def test_a_gathering_said_to_be_apart_is_one_of_its_own(extractor: Extractor, text: str) -> None:
    assert len(_mentions(extractor, text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # "on their own" says who met, not that the meeting is another one
        "The ministers of Chad and Niger met on their own in Niamey on Monday. The meeting ran six hours.",
        # the party it names is the gathering's own: the same meeting told again
        (
            "Olaf Scholz and Recep Tayyip Erdogan met in Berlin on Monday. Scholz received Erdogan "
            "at the chancellery on Monday."
        ),
    ],
)
def test_a_gathering_told_again_with_no_mark_of_its_own_stays_one(extractor: Extractor, text: str) -> None:
    assert len(_mentions(extractor, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the same parties again: the same talks
        (
            "The two presidents, Joe Biden and Xi Jinping, held talks in Woodside. Biden met Xi on "
            "Wednesday for four hours."
        ),
        # a gathering told with no party takes them from the mention after it
        (
            "A visit to Yangon was called off. The envoy, Erywan Yusof, had hoped to meet Aung San Suu "
            "Kyi on Tuesday."
        ),
    ],
)
def test_a_verb_with_a_day_and_no_new_party_joins_the_gathering_just_told(
    extractor: Extractor, text: str
) -> None:
    assert len(_mentions(extractor, text)) == 1


def test_a_meeting_of_its_own_told_right_after_a_gathering_was_held_where_it_was(
    extractor: Extractor,
) -> None:
    text = (
        "Leaders of the Group of Seven gathered at a resort in Elmau, with Chancellor Olaf Scholz as "
        "host. Canada's Justin Trudeau met Japan's Fumio Kishida on Monday."
    )
    events = extractor.extract(text, PUBLISHED).events
    assert [e.location.name if e.location else None for e in events] == ["Elmau", "Elmau"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "now", "currently" name no day: the day the clause gives dates the meeting
        ("The court said its bench, currently two judges short, would meet on Monday.", "2024-05-06"),
        ("The envoys, now back in Geneva, will hold talks with the mediator on Friday.", "2024-05-03"),
    ],
)
def test_the_present_dates_no_meeting(extractor: Extractor, text: str, value: str) -> None:
    (event,) = extractor.extract(text, dt.date(2024, 5, 1)).events
    assert event.date is not None and event.date.value == value


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        (
            "Leaders of the G20 gathered in Rio de Janeiro on Monday for a two-day summit. Chinese "
            "President Xi Jinping met U.S. President Joe Biden on the sidelines of the summit.",
            "met",
        ),
        (
            "The Commonwealth summit opened in Apia on Friday. Narendra Modi met Anthony Albanese on "
            "the sidelines of the summit.",
            "met",
        ),
    ],
)
def test_a_meeting_on_a_gatherings_sidelines_is_one_of_its_own(
    extractor: Extractor, text: str, aside: str
) -> None:
    words = [" ".join(m) for m in _mentions(extractor, text)]
    assert any(aside in w and "summit" not in w for w in words)
    assert any("summit" in w and aside not in w for w in words)


def test_a_sidelines_meeting_told_on_in_the_same_words_stays_one(extractor: Extractor) -> None:
    text = (
        "The Commonwealth summit opened in Apia on Friday. On the summit's sidelines, a bilateral "
        "meeting with Anthony Albanese was delayed, and the two men did not sit down until the evening."
    )
    words = [" ".join(m) for m in _mentions(extractor, text)]
    assert any("meeting" in w and "sit" in w for w in words)


@pytest.mark.parametrize(
    ("text", "host", "body"),
    [
        # the summit told after the meeting held on its sidelines is a gathering of its own, and its
        # body is no party to the meeting beside it
        (
            "Scholz held talks with Sunak on the sidelines of the G20 summit in Rio on Monday.",
            "G20 summit",
            "Group of 20",
        ),
        (
            "Macron sat down with Erdogan on the NATO summit's sidelines in Vilnius on Tuesday.",
            "NATO summit",
            "NATO",
        ),
    ],
)
def test_the_summit_a_meeting_is_held_beside_is_not_that_meeting(
    extractor: Extractor, text: str, host: str, body: str
) -> None:
    events = extractor.extract(text, PUBLISHED).events
    assert [e.trigger.text for e in events if e.trigger.text == host] == [host]
    beside = [e for e in events if e.trigger.text != host]
    assert len(beside) == 1 and body not in {p.name for p in beside[0].participants}


# A mention the rules join by salience alone that tells a meeting of its own: a date, a place and
# parties the gathering just told did not have.
OWN_MEETINGS_AFTER = [
    "Finance ministers of the euro zone discussed the Greek debt at a meeting. The ministers backed "
    "a new loan. In March, Greek Prime Minister Alexis Tsipras met German Chancellor Angela Merkel in "
    "Berlin.",
    "Shareholders approved the merger at the company's annual meeting. Investors backed the deal by a "
    "wide margin. Last month the chairman met regulators from the competition authority in Brussels.",
    "The two presidents held a summit. They signed a trade pact. Last year the Brazilian foreign "
    "minister visited the Chilean foreign minister in Santiago.",
]


@pytest.mark.parametrize("text", OWN_MEETINGS_AFTER)
def test_the_separate_model_weighs_a_salient_join_a_gathering_of_its_own(
    extractor: Extractor, text: str
) -> None:
    parsed, frames = _frames(extractor, text)
    by_rules = merge_decisions(parsed, frames)
    assert [d.joined for d in by_rules] == [None, 0] and by_rules[1].rule == "salient"
    weighed = merge_decisions(parsed, frames, load(SEPARATE_MODEL))
    assert [d.joined for d in weighed] == [None, None] and weighed[1].rule == "salient, weighed new"
    assert [frames[1].trigger.text] in _mentions(extractor, text)  # an event of its own


@pytest.mark.parametrize(
    "text",
    [
        # the grammar says they are one: what the meeting was for, a demonstrative
        "The foreign ministers met in Oslo on Monday for talks on fishing rights.",
        "Nurses' unions met the health minister on Tuesday. Nobody briefed reporters on that meeting "
        "in March.",
        # a photo caption retells the meeting the story tells
        "The two leaders held talks in Rome.\nFILE - Italian Prime Minister Giorgia Meloni meets "
        "Japanese Prime Minister Fumio Kishida in Tokyo, March 21, 2023.",
    ],
)
def test_the_separate_model_does_not_weigh_what_the_grammar_or_a_caption_joins(
    extractor: Extractor, text: str
) -> None:
    parsed, frames = _frames(extractor, text)
    assert [f for f, _ in weighed_joins(parsed, frames)] == []


def test_weighed_joins_describe_the_join_they_weigh(extractor: Extractor) -> None:
    parsed, frames = _frames(extractor, OWN_MEETINGS_AFTER[0])
    ((frame, features),) = weighed_joins(parsed, frames)
    assert frame.trigger.text == "met"
    assert features["rule:salient"] == features["dated"] == 1.0
    assert features["parties_log"] == math.log1p(2) and features["gathering_parties_log"] == 0.0
    assert "trigger:definite" not in features and features["sentences_since_last_log"] == math.log1p(2)
