"""Whole-text behaviour that needs several sentences: which gathering a later mention names, and
how roles and places carry across sentences. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.engine import Extractor
from app.models.v1 import Event

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(text, PUBLISHED).events


def _roles(event: Event) -> dict[str, str]:
    return {p.name: p.role for p in event.participants}


def test_a_named_meeting_is_the_one_held_in_that_city(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Austrian Chancellor Karl Nehammer will host Czech Prime Minister Petr Fiala in Vienna on "
        "Friday for talks on energy. The two men last met in Prague in January. Slovakia was not "
        "invited to the Vienna meeting, diplomats said.",
    )
    vienna = [e for e in events if e.location and e.location.name == "Vienna"]
    assert len(vienna) == 1
    assert vienna[0].status == "scheduled"
    assert _roles(vienna[0]) == {
        "Karl Nehammer": "organizer",
        "Petr Fiala": "participant",
        "Slovakia": "excluded",
    }
    prague = [e for e in events if e.location and e.location.name == "Prague"]
    assert prague and "Slovakia" not in _roles(prague[0])


def test_a_topic_country_is_no_place(extractor: Extractor) -> None:
    (event,) = _events(extractor, "The ministers will hold talks on Venezuela in Lisbon on Friday.")
    assert event.location is not None and event.location.name == "Lisbon"


def test_speaking_by_phone_is_a_call(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Chancellor Olaf Scholz and President Joe Biden spoke by phone on Tuesday.")
    assert event.date is not None and event.date.value == "2024-03-12"
    assert set(_roles(event)) == {"Olaf Scholz", "Joe Biden"}


def test_not_attending_is_absence_not_exclusion(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Union leaders and managers held a new round of negotiations on Wednesday in Turin. "
        "The company's chief executive, Carlo Rossi, did not attend.",
    )
    assert len(events) == 1
    assert _roles(events[0]).get("Carlo Rossi") == "absent"


def test_a_reported_would_is_a_plan_not_a_proposal(extractor: Extractor) -> None:
    (event,) = _events(extractor, "The central bank's governor said the board would meet again in April.")
    assert event.status == "scheduled"
    assert event.date is not None and event.date.value == "2024-04"


def test_a_could_is_a_proposal(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Officials said the two leaders could meet in Geneva later this year.")
    assert event.status == "proposed"


def test_an_organization_named_before_a_conference_takes_part(extractor: Extractor) -> None:
    (event,) = _events(extractor, "The UN ocean conference in Lisbon ended on Sunday with a pledge.")
    assert _roles(event) == {"United Nations": "participant"}
    assert event.location is not None and event.location.name == "Lisbon"


def test_its_meeting_belongs_to_the_subject_organization(extractor: Extractor) -> None:
    (event,) = _events(extractor, "NATO has moved its next summit to July 9, officials said on Thursday.")
    assert _roles(event) == {"NATO": "participant"}
    assert event.date is not None and event.date.value == "2024-07-09"
    assert event.status == "scheduled"


def test_a_bare_attend_joins_the_gathering_just_named(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Regional ministers met in Nairobi on Monday. A delegation from Ethiopia was asked to attend.",
    )
    assert len(events) == 1
    assert "Ethiopia" in _roles(events[0])


def test_a_bare_attend_alone_is_no_event(extractor: Extractor) -> None:
    assert _events(extractor, "Students were asked to attend.") == []


def test_plural_officials_stand_for_their_organization(extractor: Extractor) -> None:
    (event,) = _events(
        extractor, "Airbus engineers met with European Union regulators in Cologne on Tuesday."
    )
    assert set(_roles(event)) == {"Airbus", "European Union"}


def test_who_hosted_whom_is_part_of_the_summit_just_reported(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Leaders of Japan and Australia held their annual summit in Tokyo on Monday. "
        "Japanese Prime Minister Fumio Kishida hosted Australian Prime Minister Anthony Albanese.",
    )
    assert len(events) == 1
    roles = _roles(events[0])
    assert roles["Fumio Kishida"] == "organizer"
    assert {"Japan", "Australia", "Anthony Albanese"} <= set(roles)


def test_who_travels_to_a_meeting_with_someone_is_its_other_side(extractor: Extractor) -> None:
    (event,) = _events(
        extractor, "President Lula arrived in Rome on Sunday ahead of Tuesday's summit with Pope Leo."
    )
    names = set(_roles(event))
    assert len(names) == 2 and "Lula" in names and any(n.endswith("Leo") for n in names)


def test_both_sessions_speaks_of_each_of_the_two(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "The minister will appear on Monday at a hearing of the finance committee. On Tuesday she "
        "will face a second hearing before the budget committee. Both sessions will take place in Ottawa.",
    )
    assert len(events) == 2
    assert [e.location.name if e.location else None for e in events] == ["Ottawa", "Ottawa"]


def test_a_meeting_on_the_sidelines_is_where_the_summit_is(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Leaders arrived at the G20 summit in Osaka on Friday. On the summit's sidelines, a bilateral "
        "meeting with Indian Prime Minister Narendra Modi was delayed by an hour.",
    )
    meeting = next(e for e in events if "bilateral" in e.trigger.text)
    assert meeting.location is not None and meeting.location.name == "Osaka"


def test_earlier_this_week_is_past_and_later_this_month_ahead(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Earlier this week the envoys held talks in Doha. Their ministers will meet later this month.",
    )
    assert [e.status for e in events] == ["occurred", "scheduled"]


def test_proposing_that_a_meeting_take_place_is_a_proposal(extractor: Extractor) -> None:
    (event,) = _events(extractor, "The president proposed that their next meeting take place in Riga.")
    assert event.status == "proposed"
    assert event.location is not None and event.location.name == "Riga"


def test_not_being_invited_says_nothing_of_the_summit_status(extractor: Extractor) -> None:
    (event,) = _events(extractor, "The general would not be invited to the summit next week.")
    assert event.status == "scheduled"


def test_a_city_naming_a_meeting_is_no_party(extractor: Extractor) -> None:
    (event,) = _events(extractor, "The panel's Nairobi meeting in May ended without a deal.")
    assert event.participants == []
    assert event.location is not None and event.location.name == "Nairobi"


def test_a_country_in_the_possessive_describes_the_person(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "The phone call later widened to include Spain's Pedro Sanchez, Norway's Jonas Gahr Store and "
        "Latvia's Evika Silina.",
    )
    assert set(_roles(event)) == {"Pedro Sanchez", "Jonas Gahr Store", "Evika Silina"}


def test_who_acted_during_the_visit_was_there(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "It recalled the premier's previous Kremlin visit in March, when President Vladimir Putin "
        "lectured him before the cameras.",
    )
    assert "Vladimir Putin" in _roles(event)


def test_they_joining_are_the_parties_named_before(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Nurses have been in talks with the ministry since Tuesday. Canada and Mexico dropped their "
        "objections so they could join.",
    )
    assert event.status == "occurred"
    assert {"Canada", "Mexico"} <= set(_roles(event))


def test_a_date_in_another_clause_does_not_date_the_meeting(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Talks began on Monday. The unions cancelled strikes planned for next week so they could join.",
    )
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.text == "Monday"


def test_national_delegations_stand_for_their_countries(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Armenian and Azerbaijani delegations met in Almaty on Monday.")
    assert _roles(event) == {"Armenia": "participant", "Azerbaijan": "participant"}


def test_a_nationality_on_a_named_person_is_no_party(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Russian Deputy Prime Minister Alexander Novak held talks in Baghdad.")
    assert set(_roles(event)) == {"Alexander Novak"}


def test_the_g7_goes_by_its_full_name(extractor: Extractor) -> None:
    # (organizations.tsv: the full name, as FORMAT.md names bodies, whichever form the text uses)
    (event,) = _events(extractor, "Group of Seven leaders wrapped up their summit in Apulia on Saturday.")
    assert "Group of Seven" in _roles(event)
    (event,) = _events(extractor, "G7 leaders wrapped up their summit in Apulia on Saturday.")
    assert "Group of Seven" in _roles(event)


def test_a_pope_keeps_his_style(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Pope Leo attended a session on artificial intelligence on Friday.")
    assert "Pope Leo" in _roles(event)


def test_it_is_the_nearest_subject_or_nothing(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Norway said the junta had ignored the plan it accepted at a special meeting in Oslo in April.",
    )
    assert "Norway" not in _roles(event)


def test_hosting_described_by_an_apposition_is_the_meeting(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Kenyan President William Ruto hosted the Ethiopian leader for two hours on Friday at State "
        "House in Nairobi, the first talks between the two countries' presidents this year.",
    )
    assert len(events) == 1
    assert _roles(events[0]).get("William Ruto") == "organizer"


def test_how_long_talks_ran_does_not_date_them(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "The annual session of the council opened in Geneva on March 4. Instead the talks ran until "
        "late on Saturday.",
    )
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value == "2024-03-04"


def test_a_titled_name_the_tagger_missed_is_a_person(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "President Ruto, accompanied by Foreign Minister Musalia Mudavadi, met Prime Minister Abiy "
        "Ahmed in Addis Ababa on Monday.",
    )
    assert set(_roles(event)) == {"Ruto", "Musalia Mudavadi", "Abiy Ahmed"}


def test_a_chain_of_titles_is_no_name(extractor: Extractor) -> None:
    (event,) = _events(extractor, "NATO Secretary General Mark Rutte met the ministers in Vilnius.")
    assert set(_roles(event)) == {"Mark Rutte"}


def test_an_organization_before_a_title_describes_the_person(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Premier Li Qiang met European Council President Antonio Costa and Commission President "
        "Ursula von der Leyen in Beijing.",
    )
    assert set(_roles(event)) == {"Li Qiang", "Antonio Costa", "Ursula von der Leyen"}


def test_what_a_meeting_turned_into_is_that_meeting(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "President William Ruto hosted the Ethiopian leader on Friday in Nairobi. A planned "
        "one-on-one turned into a four-way session: Foreign Minister Musalia Mudavadi sat with "
        "Ruto, while two advisers flanked Abiy Ahmed.",
    )
    assert len(events) == 1
    assert {"William Ruto", "Musalia Mudavadi", "Abiy Ahmed"} <= set(_roles(events[0]))


def test_standing_beside_someone_is_no_meeting_of_its_own(extractor: Extractor) -> None:
    assert _events(extractor, "Two bodyguards flanked Macron as he walked to the car.") == []


def test_a_clash_with_a_summit_says_nothing_of_its_status(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Ministers will attend a regional summit in Lima. The board meeting had been set for Sunday, "
        "clashing with the regional summit, which the bloc holds in the Peruvian capital on March 17.",
    )
    summits = [e for e in events if "summit" in e.trigger.text]
    assert len(summits) == 1
    assert summits[0].status == "scheduled"
    assert summits[0].date is not None and summits[0].date.value == "2024-03-17"


def test_an_envoy_due_to_travel_to_meet_is_the_one_meeting(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Envoy Tomas Lindqvist had been due to travel to Caracas this month to meet all sides, but "
        "called the trip off.",
    )
    assert "Tomas Lindqvist" in _roles(event)


def test_the_committee_is_the_organization_named_before(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "The minister wrote to the Teachers Union's pay committee on Friday. The committee said it had "
        "held a meeting on Thursday.",
    )
    meeting = next(e for e in events if e.trigger.text == "meeting")
    assert "Teachers Union" in _roles(meeting)


def test_the_panel_is_the_panel_named_before(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "The International Panel on Ocean Science met in Lisbon. Nothing was settled at the panel's "
        "Lisbon meeting.",
    )
    assert "International Panel on Ocean Science" in _roles(event)


def test_the_two_men_are_the_two_people_just_named(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "A bilateral meeting with Chancellor Friedrich Merz was pushed back after President Emmanuel "
        "Macron arrived late, and the two men did not sit down until the afternoon.",
    )
    assert _roles(event) == {"Friedrich Merz": "participant", "Emmanuel Macron": "participant"}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "Senators Ann Cole and Bob Diaz flew to Kyiv on Monday. Zelensky met the two senators at "
            "his office on Tuesday.",
            {"Ann Cole", "Bob Diaz", "Zelensky"},
        ),
        (
            "Ambassadors Tom Reed and Amy Fox arrived on Monday. The prime minister held talks with "
            "both envoys on Tuesday.",
            {"Tom Reed", "Amy Fox"},
        ),
    ],
)
def test_a_count_of_people_by_their_title_is_the_people_just_named(
    extractor: Extractor, text: str, named: set[str]
) -> None:
    (event,) = _events(extractor, text)
    assert set(_roles(event)) == named


def test_who_meets_the_three_is_not_one_of_them(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Maria Lopez and Pedro Alvarez were expelled. Kamala Harris sat down with the two lawmakers on "
        "Friday.",
    )
    assert set(_roles(event)) == {"Maria Lopez", "Pedro Alvarez", "Kamala Harris"}
    (event,) = _events(
        extractor, "Pedro Alvarez was expelled. Kamala Harris sat down with the two lawmakers on Friday."
    )
    assert set(_roles(event)) == {"Kamala Harris"}  # not two to be had, and Harris is not one of them


def test_people_sitting_down_alone_is_no_meeting(extractor: Extractor) -> None:
    assert _events(extractor, "The protesters sat down in the road.") == []


def test_sending_lawyers_to_hearings_is_taking_part(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Amazon and Apple sent their lawyers to congressional hearings last year.")
    assert set(_roles(event)) == {"Amazon", "Apple"}


def test_attending_in_someone_s_place_joins_the_summit(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "The bloc will hold its summit on June 3. A representative from Chile will be asked to attend "
        "in his place.",
    )
    assert len(events) == 1
    assert "Chile" in _roles(events[0])


def test_their_next_meeting_is_the_pair_just_named(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "President Lula da Silva met President Gabriel Boric in Santiago on Monday. Lula praised the "
        "talks and Boric thanked him. Officials said their next meeting would take place in Brasilia.",
    )
    nxt = next(e for e in events if e.trigger.text == "next meeting")
    assert set(_roles(nxt)) == {"Lula da Silva", "Gabriel Boric"}
    assert nxt.status == "scheduled"


def test_who_met_on_a_summit_s_sidelines_was_at_the_summit(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "African Union leaders opened a two-day summit in Addis Ababa on Sunday. On the summit's "
        "sidelines, Kenyan President William Ruto held a bilateral meeting with Nigerian President "
        "Bola Tinubu.",
    )
    summit = next(e for e in events if e.trigger.text.endswith("summit"))
    side = next(e for e in events if "bilateral" in e.trigger.text)
    assert {"William Ruto", "Bola Tinubu"} <= set(_roles(summit))
    assert set(_roles(side)) == {"William Ruto", "Bola Tinubu"}


def test_due_to_host_read_as_a_preposition_still_names_host_and_guest(extractor: Extractor) -> None:
    # The small model reads "due to" as a preposition and "host" as a noun here.
    events = _events(
        extractor,
        "Kenyan President William Ruto met Nigerian President Bola Tinubu on Sunday, and Tinubu is "
        "due to host Cyril Ramaphosa for a working lunch on Monday.",
    )
    lunch = next(e for e in events if e.trigger.text.endswith("lunch"))
    assert _roles(lunch) == {"Bola Tinubu": "organizer", "Cyril Ramaphosa": "participant"}


def test_who_convenes_another_meeting_convened_the_one_before(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Spanish Prime Minister Pedro Sanchez said on Wednesday he would convene another meeting on "
        "migration next week. An emergency meeting held in Madrid on Monday had ended without agreement.",
    )
    held = next(e for e in events if e.status == "occurred")
    assert _roles(held).get("Pedro Sanchez") == "organizer"


def test_the_next_session_is_held_by_the_body_that_held_the_last(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "The World Health Organization's governing assembly met in Geneva on Monday. Delegates will "
        "return to the question at the next session, due later this year.",
    )
    upcoming = next(e for e in events if "next" in e.trigger.text or e.status == "scheduled")
    assert "World Health Organization" in _roles(upcoming)


def test_a_when_clause_the_parser_hung_high_still_tells_who_was_at_the_visit(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Gulf capitals will be hoping that Monday's encounter goes better than Erdogan's previous Oval "
        "Office visit in February, when Biden and Vice President Kamala Harris berated him in front "
        "of the cameras.",
    )
    visit = next(e for e in events if "visit" in e.trigger.text)
    assert set(_roles(visit)) == {"Erdogan", "Biden", "Kamala Harris"}


def test_who_took_a_side_in_the_passage_on_a_held_meeting_was_there(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Trade ministers met in Santiago on Tuesday for talks on tariffs. The session ran late into "
        "the night. Peru and Colombia wanted a faster cut, while Mexico sided with Chile against it. "
        "The plan of the Finance Ministry was blocked.",
    )
    assert {"Peru", "Colombia", "Mexico", "Chile"} <= set(_roles(event))
    assert "Finance Ministry" not in _roles(event)


def test_positions_near_a_meeting_still_to_come_are_not_attendance(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Trade ministers will meet in Santiago next week. Peru and Colombia wanted a faster cut.",
    )
    assert not {"Peru", "Colombia"} & set(_roles(event))


def test_meeting_for_talks_is_one_gathering(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Kenyan President William Ruto and Nigerian President Bola Tinubu met in Abuja on Tuesday for "
        "talks on trade.",
    )
    assert set(_roles(event)) == {"William Ruto", "Bola Tinubu"}
    assert len(event.mentions) == 2


def test_a_side_taken_after_a_change_of_topic_is_no_attendance(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Leaders held a summit in Lima on Friday. Separately, Russia rejected a UN resolution on Syria.",
    )
    assert "Russia" not in _roles(event)


def test_the_two_executives_are_the_two_just_named(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Acme chief executive Jane Doe and Beta chief executive John Roe met in Zurich in February. "
        "The two executives will hold a second meeting in Milan on Monday.",
    )
    second = next(e for e in events if "second" in e.trigger.text)
    assert set(_roles(second)) == {"Jane Doe", "John Roe"}


@pytest.mark.parametrize(
    ("text", "trigger", "parties"),
    [
        (
            "Finance minister Lucia Ferraro phoned her Dutch counterpart Pieter Smit on Friday. The two "
            "held a longer meeting in Rome on Monday.",
            "longer meeting",
            {"Lucia Ferraro", "Pieter Smit"},
        ),
        (
            "Trade envoys Maria Lopez, Jonas Berg and Kenji Sato signed the memorandum in Oslo. The same "
            "three will hold talks in Tokyo next week.",
            "talks",
            {"Maria Lopez", "Jonas Berg", "Kenji Sato"},
        ),
        (
            "Mayor Ana Ruiz and Governor Tom Hale settled the budget dispute on Tuesday. Both will attend "
            "a summit in Denver in June.",
            "summit",
            {"Ana Ruiz", "Tom Hale"},
        ),
    ],
)
def test_a_count_word_alone_stands_for_the_parties_just_named(
    extractor: Extractor, text: str, trigger: str, parties: set[str]
) -> None:
    event = next(e for e in _events(extractor, text) if trigger in e.trigger.text)
    assert parties <= set(_roles(event))


def test_a_count_word_with_of_names_only_some(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Finance minister Lucia Ferraro and Pieter Smit signed the pact in Rome. Two of the ministers "
        "met in Oslo on Monday.",
    )
    met = next(e for e in events if e.trigger.text == "met")
    assert not {"Lucia Ferraro", "Pieter Smit"} & set(_roles(met))


def test_kept_out_of_something_that_is_no_meeting_is_no_exclusion(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "The federation will keep Chile out of its tournaments, its board decided after a meeting "
        "on Tuesday.",
    )
    assert "Chile" not in _roles(event)


def test_left_out_of_the_room_is_excluded(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "The union has proposed direct talks with Maersk, a format that would leave the IMF out of the room.",
    )
    assert _roles(event).get("International Monetary Fund") == "excluded"


def test_not_invited_right_after_a_meeting_is_out_of_that_meeting(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "On Monday the prime minister held a phone call with Spanish Prime Minister Pedro Sanchez. "
        "On Tuesday she hosted a meeting with party leaders in Lisbon. The Liberal Initiative party "
        "said it had not been invited.",
    )
    meeting = next(e for e in events if e.trigger.text == "meeting")
    call = next(e for e in events if "call" in e.trigger.text)
    assert _roles(meeting).get("Liberal Initiative party") == "excluded"
    assert "Liberal Initiative party" not in _roles(call)


def test_another_round_held_is_a_meeting_and_a_round_of_voting_is_not(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Negotiators from Chile and Peru opened trade talks in Lima on Monday and agreed to hold "
        "another round in Quito next week. The council elected a chair after a round of voting.",
    )
    assert [e.trigger.text for e in events] == ["trade talks", "round"]
    assert events[1].status == "scheduled"
    assert {"Chile", "Peru"} <= set(_roles(events[0]))


def test_who_clashed_at_the_opening_of_a_hearing_was_at_it(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Lawyers for Google and Microsoft clashed in court on Tuesday at the opening of a hearing on search.",
    )
    assert set(_roles(event)) == {"Google", "Microsoft"}


def test_meeting_someone_at_a_session_is_that_session(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "On Wednesday the head of the Central Bank of Chile met the Bank of Mexico's governor in Lima "
        "at a closed session convened by the Central Reserve Bank of Peru.",
    )
    assert [m.text for m in event.mentions][:2] == ["met", "closed session"]
    assert _roles(event).get("Central Reserve Bank of Peru") == "organizer"


def test_a_hearing_before_a_judge_names_the_judge(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Lawyers argued at a hearing before Justice Maria Ortiz on Tuesday.")
    assert "Maria Ortiz" in _roles(event)


def test_a_summit_that_opened_one_day_and_ended_the_next_is_one_dated_by_its_first(
    extractor: Extractor,
) -> None:
    (event,) = _events(
        extractor,
        "African leaders ended their annual summit in Addis Ababa on Sunday. The two-day summit, "
        "which opened on Saturday, was attended by more than 40 heads of state.",
    )
    assert event.date is not None and event.date.value == "2024-03-09"


def test_who_answered_questions_after_a_hearing_was_at_it(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Two water bosses were accused on Tuesday of neglect at a hearing held by a Commons committee. "
        "Richard Tolland of Avonmere Water answered questions for two hours.",
    )
    assert "Richard Tolland" in _roles(event)


def test_a_further_round_of_negotiations_is_a_new_gathering(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Technical talks between Kuwait and Iran planned for this month have been called off. In "
        "London, British and Gulf negotiators opened a further round of trade negotiations on Monday.",
    )
    assert len(events) == 2
    assert set(_roles(events[0])) == {"Kuwait", "Iran"}
    assert not {"Kuwait", "Iran"} & set(_roles(events[1]))


def test_that_meeting_is_the_one_just_spoken_of(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "The two chief executives held a first meeting in Zurich in March. A second round of talks "
        "was held in Milan on Monday, attended by advisers from HSBC and by lawyers for Barclays. "
        "Greenpeace complained that it had been shut out of that meeting.",
    )
    second = next(e for e in events if "talks" in e.trigger.text)
    first = next(e for e in events if "first" in e.trigger.text)
    assert _roles(second).get("Greenpeace") == "excluded"
    assert "Greenpeace" not in _roles(first)


def test_meeting_for_a_newly_named_session_is_a_new_gathering(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Ruto also floated a trilateral summit of Kenya, Uganda and Tanzania, which he suggested could "
        "take place in Kampala later this year. More concretely, ministers from both countries are due "
        "to meet in Nairobi next month for a joint commission session.",
    )
    assert len(events) == 2
    summit, session = events
    assert summit.location is not None and summit.location.name == "Kampala"
    assert session.location is not None and session.location.name == "Nairobi"


def test_how_long_a_held_hearing_runs_does_not_make_it_a_new_one(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Lawyers for Google and Microsoft clashed in court on Tuesday at the opening of a hearing. "
        "The hearing, before Justice Helena Marsh, is expected to run until Friday.",
    )
    assert len(events) == 1
    assert events[0].status == "occurred"
    assert {"Google", "Microsoft", "Helena Marsh"} <= set(_roles(events[0]))


def test_the_three_countries_are_the_three_just_named(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Britain, France and Germany had not been consulted. Senior officials from the three countries "
        "met Iranian deputy foreign minister Majid Takht-Ravanchi in Istanbul last Friday.",
    )
    assert set(_roles(event)) == {"United Kingdom", "France", "Germany", "Majid Takht-Ravanchi"}


def test_who_is_among_those_expected_at_a_summit_takes_part(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Leaders will gather in Nairobi on Saturday for a summit. Li Qiang, Narendra Modi and Keir "
        "Starmer are among those expected.",
    )
    assert {"Li Qiang", "Narendra Modi", "Keir Starmer"} <= set(_roles(event))


def test_a_summit_later_this_month_is_not_today_s_meeting(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "NATO defence ministers approved new targets at a meeting in Brussels on Thursday, clearing "
        "the way for alliance leaders to endorse them at their summit in The Hague later this month.",
    )
    assert len(events) == 2


def test_who_a_party_was_represented_by_was_at_the_meeting(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "On Wednesday, ministers from about 50 countries met at NATO headquarters. Hegseth did not "
        "attend, and the United States was represented by its ambassador to NATO, Matthew Whitaker.",
    )
    assert {"United States", "Matthew Whitaker"} <= set(_roles(event))


def test_a_meeting_scheduled_to_begin_on_a_day_is_dated_by_it(extractor: Extractor) -> None:
    (event,) = _events(extractor, "The bank's next policy meeting is scheduled to begin on July 29.")
    assert event.date is not None and event.date.value == "2024-07-29"


def test_meeting_in_a_session_is_that_session(extractor: Extractor) -> None:
    (event,) = _events(
        extractor, "The two delegations met in Istanbul on June 2, in a session that lasted an hour."
    )
    assert [m.text for m in event.mentions] == ["met", "session"]


def test_a_previous_meeting_with_its_own_date_is_another_meeting(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Union leaders met Health Secretary Ana Ruiz on Monday. A previous meeting between Ruiz and "
        "the union, scheduled for March 1, was cancelled by the department.",
    )
    assert [(e.status, e.date.value if e.date else None) for e in events] == [
        ("occurred", "2024-03-11"),
        ("cancelled", "2024-03-01"),
    ]


def test_a_round_wrapped_up_on_friday_that_opened_on_monday_is_one(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Negotiators from the European Union and India wrapped up a round of trade talks in Brussels on "
        "Wednesday, with both sides saying they had narrowed differences. The 13th round, which opened on "
        "Monday, made progress on tariffs.",
    )
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value == "2024-03-11"
    assert set(_roles(events[0])) == {"European Union", "India"}


def test_a_fourteenth_round_goes_on_with_the_same_sides_and_starts_when_it_starts(
    extractor: Extractor,
) -> None:
    events = _events(
        extractor,
        "Negotiators from the European Union and India wrapped up a round of trade talks in Brussels on "
        "Wednesday. Officials said a 14th round would be held in New Delhi starting on October 6.",
    )
    assert len(events) == 2
    assert events[1].date is not None and events[1].date.value == "2024-10-06"
    assert set(_roles(events[1])) == {"European Union", "India"}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Leaders met in Berlin on Sunday for a conference on Libya. Greece was not invited. The "
            "foreign minister flew to Athens for talks with Haftar on Monday. Qatar was also left off "
            "the list.",
            "Qatar",
        ),
        (
            "American and Russian envoys held talks in Riyadh on Tuesday. Ukraine was not invited. "
            "Zelensky postponed a visit to Saudi Arabia planned for Wednesday. France had no seat either.",
            "France",
        ),
        (
            "American and Russian envoys held talks in Riyadh on Tuesday. Ukraine was not invited. "
            "Zelensky postponed a visit to Saudi Arabia planned for Wednesday. France, Germany and "
            "Britain had no seat either.",
            "Germany",
        ),
    ],
)
def test_an_exclusion_that_adds_to_one_before_is_from_the_same_gathering(
    extractor: Extractor, text: str, party: str
) -> None:
    first = _events(extractor, text)[0]
    assert _roles(first).get(party) == "excluded"


def test_an_exclusion_with_nothing_added_goes_to_the_gathering_just_named(extractor: Extractor) -> None:
    text = (
        "Leaders met in Berlin on Sunday for a conference on Libya. Greece was not invited. The "
        "foreign minister flew to Athens for talks with Haftar on Monday. Qatar was left out of them."
    )
    first = _events(extractor, text)[0]
    assert "Qatar" not in _roles(first)


def test_a_known_body_the_tagger_calls_a_place_is_a_party_not_a_place(extractor: Extractor) -> None:
    # (the tagger calls "G7" a town in both; a body named before the meeting noun took part)
    for text in (
        "Macron left the G7 summit in Biarritz early on Sunday.",
        "Abe flew to the G7 summit in Charlevoix on Friday.",
    ):
        (event,) = _events(extractor, text)
        assert "Group of Seven" in _roles(event)
        assert event.location is not None and event.location.name != "G7"


@pytest.mark.parametrize(
    ("text", "party", "gathering"),
    [
        # a cue with no gathering near and none named is about the gathering the story told first
        (
            "Leaders of the Pacific Islands Forum met in Suva on Monday. The next day Fiji's prime "
            "minister had dinner with the Tongan king. Speeches ran long. Officials were tired. "
            "Palau and Nauru, which recognise Taiwan, received no invitation.",
            "Palau",
            "met",
        ),
        (
            "Foreign ministers of ASEAN gathered in Jakarta on Tuesday. On Wednesday, Indonesia's "
            "minister held a call with Wang Yi. Trade dominated. Security came up. Myanmar was left off "
            "the guest list.",
            "Myanmar",
            "gathered",
        ),
    ],
)
def test_a_cue_far_from_any_gathering_is_about_the_one_told_first(
    extractor: Extractor, text: str, party: str, gathering: str
) -> None:
    events = _events(extractor, text)
    excluded_from = [e.trigger.text for e in events if _roles(e).get(party) == "excluded"]
    assert excluded_from == [gathering]


TALKS_IN_ARICA = "Chile and Peru opened border talks in Arica on Tuesday. "


@pytest.mark.parametrize(
    ("follow_up", "took_part"),
    [
        # there (FrameNet Presence) ...
        ("Bolivia's foreign minister, Celinda Sosa, was also in the room.", True),
        ("Also present was Bolivia's foreign minister, Celinda Sosa.", True),
        # ... or joining those who met
        ("They were joined on Wednesday by Bolivia's foreign minister, Celinda Sosa.", True),
        ("Bolivia's foreign minister, Celinda Sosa, joined them for dinner.", True),
        # not there, elsewhere, or joining a body
        ("Bolivia's foreign minister, Celinda Sosa, was not in the room.", False),
        ("Bolivia's foreign minister, Celinda Sosa, was in La Paz.", False),
        ("Bolivia's foreign minister, Celinda Sosa, joined the Andean Community's legal committee.", False),
    ],
)
def test_who_a_later_sentence_puts_with_those_who_met_took_part(
    extractor: Extractor, follow_up: str, took_part: bool
) -> None:
    (event,) = _events(extractor, TALKS_IN_ARICA + follow_up)
    assert (_roles(event).get("Celinda Sosa") == "participant") is took_part


@pytest.mark.parametrize(
    ("text", "came_along", "attached"),
    [
        # who came along with someone no party to the gathering, in a sentence that does not mention
        # it, was not at it
        (
            "Mexico and Canada held talks in Ottawa on Monday. Claudia Ruiz, accompanied by her husband "
            "Pablo Ruiz, later spoke at a rally in Toronto.",
            {"Claudia Ruiz", "Pablo Ruiz"},
            False,
        ),
        (
            "Kenya and Uganda signed a rail deal at a summit in Nairobi on Friday. The singer Amani Otieno, "
            "escorted by her manager Joseph Kimani, later opened a trade fair outside the city.",
            {"Amani Otieno", "Joseph Kimani"},
            False,
        ),
        # with a party of it, or in the sentence that mentions it, they were
        (
            "Qatar's foreign minister Ali Thani met Iran's Hossein Amir in Doha on Monday. Thani was "
            "accompanied by his deputy, Khalid Mansour.",
            {"Khalid Mansour"},
            True,
        ),
        (
            "Ali Thani met Hossein Amir in Doha on Monday, accompanied by his deputy Khalid Mansour.",
            {"Khalid Mansour"},
            True,
        ),
    ],
)
def test_who_came_along_came_with_a_party(
    extractor: Extractor, text: str, came_along: set[str], attached: bool
) -> None:
    (event,) = extractor.extract(text, PUBLISHED).events
    names = {p.name for p in event.participants}
    assert (came_along <= names) is attached and (came_along & names == set()) is not attached


@pytest.mark.parametrize(
    ("text", "there", "not_there"),
    [
        (
            "Leaders of the Andean bloc met in Lima on Friday. President Carlos Vega stayed home and was "
            "represented by his foreign minister, Ana Soto.",
            {"Ana Soto"},
            {"Carlos Vega"},
        ),
        (
            "Gulf rulers held their annual summit in Doha on Tuesday. Oman was represented, as usual, "
            "by its deputy prime minister, Fahd bin Mahmoud.",
            {"Oman", "Fahd bin Mahmoud"},
            set(),
        ),
        (
            "Nordic ministers met in Oslo on Monday. Tomas Berg, the deputy minister, represented Sweden.",
            {"Tomas Berg", "Sweden"},
            set(),
        ),
        (
            "Port operators and the government held talks in Vancouver on Monday. Some 900 clerks "
            "represented by the Harbour Workers Union marched outside.",
            set(),
            {"Harbour Workers Union"},
        ),
    ],
)
def test_who_stood_for_a_party_was_there_and_a_person_stood_for_was_not(
    extractor: Extractor, text: str, there: set[str], not_there: set[str]
) -> None:
    (event,) = _events(extractor, text)
    attending = {n for n, r in _roles(event).items() if r in {"participant", "organizer"}}
    assert there <= attending
    assert not (not_there & attending)
