"""Meeting triggers: the nouns and verbs that name a gathering, and look-alikes that do not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.extraction.parsed import ParsedText
from app.extraction.triggers import Trigger, find_triggers

Parse = Callable[[str], ParsedText]


def _triggers(parse: Parse, text: str) -> list[Trigger]:
    parsed = parse(text)
    found = find_triggers(parsed)
    for t in found:
        # Offsets index the text and the token span covers the same words.
        assert text[t.start : t.end] == t.text
        assert parsed.span_text(t.start_token, t.end_token) == t.text
        assert t.start_token <= t.head < t.end_token
    return found


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("European leaders gathered for a summit in Geneva on Thursday.", "summit", "noun"),
        ("Negotiators from both sides resumed talks on Friday.", "talks", "noun"),
        ("The two foreign ministers held talks in Cairo.", "talks", "noun"),
        ("The president had a phone call with the German chancellor.", "phone call", "noun"),
        ("Emmanuel Macron met Olaf Scholz in Berlin on Monday.", "met", "verb"),
        ("The Senate committee will hold a hearing on the nomination next week.", "hearing", "noun"),
        ("The prime minister hosted a working lunch for the visiting delegation.", "working lunch", "noun"),
        ("Officials will meet in Vienna to discuss the nuclear deal.", "meet", "verb"),
        ("The ministers convened an emergency meeting after the attack.", "emergency meeting", "noun"),
        ("The two presidents held a phone conversation on Friday.", "phone conversation", "noun"),
        ("The king granted an audience with the envoy on Monday.", "audience", "noun"),
        ("The party convention opens in Chicago next week.", "party convention", "noun"),
        ("The chancellor and the president spoke by phone on Tuesday.", "spoke", "verb"),
        ("Regional leaders will gather in Lima next month.", "gather", "verb"),
        (
            "Viklund expected the question to be settled before the federation's annual congress, "
            "which Finland's association will host in Tampere in May.",
            "congress",
            "noun",
        ),
    ],
)
def test_meeting_words_are_triggers(parse: Parse, text: str, expected: str, kind: str) -> None:
    found = _triggers(parse, text)
    assert [t.text for t in found] == [expected]
    assert found[0].kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "The minister gave a press conference on Monday.",
        "He talks a lot about football with his friends.",
        "The company failed to meet the deadline again.",
        "The pope called for calm after the riots.",
        "The parties agreed on a negotiation framework last year.",
        "Congress passed the spending bill on Thursday.",
        "She gave a talk on climate policy at the university.",
        "He sat in the audience during the speech.",
        "There was a lively conversation about prices on the bus.",
        "Investigators gathered evidence for months.",
        "Without credible negotiations, the strike will go ahead.",
        "The envoys hold regular discussions on trade.",
        "The new chair has promised shorter and more focused summits.",
        "The council elected a chair after a round of voting.",
    ],
)
def test_look_alikes_are_not_triggers(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


def test_several_triggers_in_text_order(parse: Parse) -> None:
    text = "After the summit, the two leaders held a phone call and agreed to meet again in May."
    found = _triggers(parse, text)
    assert [t.text for t in found] == ["summit", "phone call", "meet"]
    assert [t.start for t in found] == sorted(t.start for t in found)


def test_definite_novel_and_back_markers(parse: Parse) -> None:
    text = (
        "The summit ended without a deal. Another meeting is planned for June. "
        "Diplomats compared it with the previous talks."
    )
    summit, meeting, talks = _triggers(parse, text)
    assert summit.text == "summit" and summit.definite and not summit.novel
    assert meeting.text == "meeting" and meeting.novel and not meeting.definite
    assert talks.text == "previous talks"
    assert talks.back and not talks.novel


@pytest.mark.parametrize(
    ("text", "is_meeting"),
    [
        ("Premier Li Qiang hosted European Council President Antonio Costa in Beijing.", True),
        ("Kenya hosted the Ethiopian delegation for two days.", True),
        ("France hosted the Olympics in 2024.", False),
        ("Qatar hosted the World Cup.", False),
    ],
)
def test_hosting_a_party_is_a_meeting_hosting_an_event_is_not(
    parse: Parse, text: str, is_meeting: bool
) -> None:
    assert bool(_triggers(parse, text)) is is_meeting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # contacting (FrameNet Contacting): the verb with a party as its object
        ("Erdogan telephoned his Russian counterpart late on Tuesday.", "telephoned"),
        ("The chancellor phoned Emmanuel Macron before the vote.", "phoned"),
        ("On Friday the prime minister called Joe Biden to discuss the strikes.", "called"),
        # a call taken part in, or with a party, needs no "phone"
        ("The two presidents held a call on Wednesday.", "call"),
        ("Biden was on a call with Zelensky for an hour.", "call"),
        ("The minister had a call with Antony Blinken on Friday.", "call"),
        ("The president had dinner with Xi Jinping at Mar-a-Lago.", "dinner"),
        # discussion with a party, or between parties named together
        ("The envoy negotiated with the Taliban in Doha last week.", "negotiated"),
        ("Shinzo Abe and Narendra Modi discussed trade in Tokyo.", "discussed"),
        # a pair of parties, also of the word the verb completes
        ("The two sides have been negotiating since June over the price.", "negotiating"),
        ("Both governments will resume negotiating a border treaty in September.", "negotiating"),
        # the party on the topic, where the parser hangs it
        ("The premier discussed the proposal with Angela Merkel in Berlin.", "discussed"),
        ("Ruto had discussed the initiative with Joe Biden at the White House.", "discussed"),
        # sides or bodies brought together
        ("President William Ruto brought the two sides together in Nairobi on Monday.", "brought"),
        ("Qatar has brought the warring parties' boards together in Doha twice.", "brought"),
        # the rest of FrameNet's Discussion verbs: bargaining, parleying, chatting with a party
        ("Ford bargained with the United Auto Workers until dawn.", "bargained"),
        ("Santos parleyed with Rodrigo Londono in Havana.", "parleyed"),
        ("Biden chatted briefly with Xi Jinping in Bali.", "chatted"),
        # hearings
        ("The general testified before the Senate Armed Services Committee.", "testified"),
        ("The banker appeared before a parliamentary panel on Monday.", "appeared"),
        # named conferences met as an occasion, and numbered editions of a series
        ("Ministers gathered at the Munich Security Conference on Saturday.", "Munich Security Conference"),
        ("Xi spoke during the World Economic Forum in Davos.", "World Economic Forum"),
        ("Delegates arrived in Dubai for COP28 on Thursday.", "COP28"),
        # a named conference that opens or ends as the subject
        ("The Munich Security Conference opens on Friday.", "Munich Security Conference"),
        ("The World Economic Forum wrapped up in Davos on Friday.", "World Economic Forum"),
    ],
)
def test_contacting_discussion_hearing_and_named_conferences(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The president called him a liar in a speech.",
        "The union called off the strike after a week.",
        "The party issued a call for calm.",
        "She answered a call from her mother.",
        "The president had dinner with his family.",
        "Analysts discussed the plan at length.",
        "Analysts discussed the merger with reporters on Monday.",
        "Analysts and investors discussed the plan on Monday.",
        "Britain and France had not been consulted on the plan.",
        "Traders have been negotiating prices since June.",
        "The merger brings the two sides together.",
        "Shoppers bargained over the price of rugs.",
        "Fans chatted outside the stadium before kickoff.",
        "The moon appeared before dawn.",
        "The Conference Board said consumer confidence fell.",
        "Congress passed the bill on Monday.",
        # the one-word name of a legislature that opens: its term, no occasion named
        "Congress opened with a new majority.",
        # a named body that does something other than take place
        "The Munich Security Conference published its annual report on Monday.",
    ],
)
def test_look_alikes_of_contacting_discussion_and_conferences(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


def test_testifying_that_is_a_report_not_a_hearing(parse: Parse) -> None:
    found = _triggers(parse, "The witness testified that the banker had lied.")
    assert [t.text for t in found] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Pope received the Argentine president at the Vatican.", "received"),
        ("Netanyahu received opposition leaders Yair Lapid and Benny Gantz at his home.", "received"),
        ("The ministers conferred by video link on Friday.", "conferred"),
        ("The two presidents spoke by telephone late on Sunday.", "spoke"),
        # seeing a named person, a meal with a party, time spent with one
        ("Herzog saw Benjamin Netanyahu at the hospital on Sunday.", "saw"),
        ("The envoy will see Foreign Minister Sergei Lavrov in Moscow.", "see"),
        ("Trump dined with Shinzo Abe at his resort on Saturday.", "dined"),
        ("The senator lunched with the prime minister in Berlin on Friday.", "lunched"),
        ("Witkoff spent three hours with Vladimir Putin in Moscow.", "spent"),
        ("The queen spent the afternoon with the French president.", "spent"),
        # a handshake with a party, as a caption reports a meeting
        ("FILE - Joe Biden shakes hands with Volodymyr Groysman in Washington, June 15, 2016.", "shakes"),
        ("The chancellor shook hands with Emmanuel Macron at the Elysee on Monday.", "shook"),
        # a meal with a party (on the noun or on the verb that has it), people named by office
        ("The president had lunch with Shinzo Abe on Monday.", "lunch"),
        ("The president hosted a lunch with Security Council ambassadors on Monday.", "lunch"),
        ("The queen had dinner with the visiting envoys at Windsor on Tuesday.", "dinner"),
        ("Santos paid a private call on Fidel Castro on Sunday.", "private call"),
        ("The envoy made a call on Emmanuel Macron at the Elysee on Monday.", "call"),
        # a visit "on" a party, people getting together
        ("Three ministers called on Malcolm Turnbull in his office on Thursday.", "called"),
        ("The envoy called on Emmanuel Macron at the Elysee on Monday.", "called"),
        ("The two leaders will get together in New York next week.", "get"),
        ("Union and company negotiators came together in Detroit on Sunday.", "came"),
    ],
)
def test_receiving_a_guest_and_talking_over_a_medium(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Viktor Orban arrived in the capital on Monday. The president was ready to receive Orban "
            "at the palace.",
            "receive",
        ),
        ("Pedro Sanchez arrived in the capital on Monday. The king is due to see Sanchez on Tuesday.", "see"),
    ],
)
def test_a_guest_named_in_full_elsewhere_is_a_person_where_the_tagger_misses_it(
    parse: Parse, text: str, expected: str
) -> None:
    # (the small model tags the bare surname ORG in the second sentence)
    assert [t.text for t in _triggers(parse, text)] == [expected]


def test_a_surname_no_one_in_the_text_bears_is_no_guest(parse: Parse) -> None:
    assert _triggers(parse, "The president was ready to receive Orban at the palace.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry received a letter from the embassy.",
        "The candidate received 40 percent of the vote.",
        "The analysts talked on the radio about the deal.",
        "Washington sees Vladimir Putin as a threat to Europe.",
        "Many voters want to see Hillary Clinton in prison.",
        "Analysts saw a rise in prices on Monday.",
        "The company spent billions with its contractors last year.",
        "The minister dined at the embassy on Friday.",
        "The United Nations called on Iran to release the prisoners.",
        "The candidate shook hands with supporters outside the hall.",
        "The president had lunch on Monday before flying home.",
        "The investors made a call on the company's shares.",
        "The minister had dinner with reporters on Monday.",
        # a surname that is a meeting word: "Sessions" of "Jeff Sessions"
        "Jeff Sessions will lead the department. Sessions also backed the bill.",
        "Kate Talks, the new chair, spoke first. Talks said the plan was sound.",
        "The senator called on Joe Biden for restraint.",
        "Protesters came together outside parliament on Sunday.",
        "The donors got together a fund of ten million dollars.",
    ],
)
def test_receiving_a_thing_or_talking_to_an_audience_is_no_meeting(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the medium of a meeting verb is the verb's mention, not a second one
        ("The board, meeting by conference call on Friday, rejected the offer.", ["meeting"]),
        ("The council met by videoconference on Tuesday.", ["met"]),
        ("The envoys conferred over a videoconference for an hour.", ["conferred"]),
        # a meeting noun modifying another is one mention with it
        ("The two leaders held a conference call on Monday.", ["conference call"]),
        ("The leaders held a summit meeting in Oslo.", ["summit meeting"]),
        # ... but a medium noun that no meeting verb governs is a mention of its own
        ("The board approved the offer by videoconference after the talks.", ["videoconference", "talks"]),
    ],
)
def test_one_mention_for_a_meeting_and_its_medium(parse: Parse, text: str, expected: list[str]) -> None:
    assert [t.text for t in _triggers(parse, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The negotiators will reconvene in Vienna next week.", ["reconvene"]),
        ("The delegates assembled in the main hall on Monday.", ["assembled"]),
        ("The foreign ministers gathered in Brussels on Monday.", ["gathered"]),
        ("Bishops from five continents opened a synod in Rome.", ["synod"]),
        ("The academy hosted a symposium on water rights in Lima.", ["symposium"]),
        ("World leaders flew to New York for UNGA 79.", ["UNGA 79"]),
    ],
)
def test_coming_together_and_more_conference_words(parse: Parse, text: str, expected: list[str]) -> None:
    assert [t.text for t in _triggers(parse, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The workers assembled the cars in Ohio.",
        "A crowd assembled outside the embassy.",
        "Supporters of the president gather during a rally in Istanbul.",
        "Thousands of protesters gathered in the square on Sunday.",
    ],
)
def test_assembling_a_thing_or_a_crowd_gathering_is_no_meeting(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who gathers or sits is the subject of the word the verb completes
        ("Union delegates are due to gather in Leeds on Sunday.", ["gather"]),
        ("The finance ministers plan to assemble in Oslo next week.", ["assemble"]),
        ("The appeals court is scheduled to sit on Monday to weigh the motion.", ["sit"]),
        ("The two negotiating teams are expected to sit down in Rabat on Tuesday.", ["sit"]),
        # a verb with no noun sense that the tagger took for a noun (noun-tagged-verb)
        ("The court is due to reconvene in Dublin on Thursday.", ["reconvene"]),
        ("The board next convenes in Zurich in June.", ["convenes"]),
    ],
)
def test_gathering_told_through_the_word_it_completes(parse: Parse, text: str, expected: list[str]) -> None:
    assert [t.text for t in _triggers(parse, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Supporters are expected to gather outside the court on Monday.",
        "Organizers urged the protesters to gather peacefully in the square.",
    ],
)
def test_a_crowd_due_to_gather_is_no_meeting(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A second round, scheduled for the end of July, was cancelled.", ["second round"]),
        ("The mediators postponed the third round until after the holidays.", ["third round"]),
        # organized, broken up, or with a party: a round is held (hold-round, senses.tsv)
        ("Norway has offered to organise a fourth round in Oslo in the spring.", ["fourth round"]),
        ("The seventh round broke up in Nairobi on Sunday without an accord.", ["seventh round"]),
        ("The ministry has proposed another round with the teachers' unions on March 3.", ["round"]),
    ],
)
def test_a_round_scheduled_or_called_off_is_a_meeting(parse: Parse, text: str, expected: list[str]) -> None:
    assert [t.text for t in _triggers(parse, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The runoff, a second round scheduled for May 7, will decide the presidency.",
        "A second round of voting is scheduled for May.",
    ],
)
def test_a_round_of_something_else_is_no_meeting(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


def test_a_long_run_of_meeting_nouns_is_read_in_one_walk(parse: Parse) -> None:
    # Each noun modifies the next ("meeting meeting meeting ..."); asking of each whether a meeting
    # noun stands above it once re-asked it of every noun above, twice per step: 2^n work.
    found = _triggers(parse, "meeting " * 120)
    assert 0 < len(found) <= 120


@pytest.mark.parametrize(
    "text",
    [
        # a meeting noun that says what a body is: in apposition to its name, or its predicate
        "The ministers arrived in Lima for APEC, a forum of 21 Pacific economies.",
        "Diplomats said the Shanghai Cooperation Organisation is a forum for security cooperation.",
    ],
)
def test_a_meeting_noun_that_describes_a_body_is_no_gathering(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gathering renamed in apposition, and a body's meeting in a relative, are still meetings
        ("The summit, a gathering of 40 leaders, opened in Prague.", ["summit", "gathering"]),
        ("Eyes turn to the Bank of Japan, whose policy meeting starts on Tuesday.", ["policy meeting"]),
    ],
)
def test_meeting_nouns_beside_a_name_that_stay_meetings(parse: Parse, text: str, expected: list[str]) -> None:
    assert [t.text for t in _triggers(parse, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hearing or a negotiation measured by the time spent in it (noun or gerund)
        ("The minister endured six hours of testimony before the committee.", "testimony"),
        ("Mark Zuckerberg faced almost five hours of questioning from senators.", "questioning"),
        ("Unite and the employers emerged from three days of hard bargaining.", "hard bargaining"),
    ],
)
def test_a_meeting_measured_by_the_time_spent_in_it(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "His testimony contradicted the account of the aide.",
        "Collective bargaining is a right the union will defend.",
        "The questioning of witnesses is the court's to decide.",
    ],
)
def test_the_same_nouns_unmeasured_are_no_meeting(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hosting as a light verb, and gathering others (FrameNet Come_together, causative)
        ("Lula played host to Emmanuel Macron at the Alvorada palace.", "played"),
        ("Modi will play host to Vladimir Putin next month.", "play"),
        ("The UN envoy brought Olaf Scholz and Emmanuel Macron together in Geneva.", "brought"),
        ("Erdogan brings Zelensky and Putin together in Istanbul on Friday.", "brings"),
        ("Starmer gathered European leaders at Lancaster House on Sunday.", "gathered"),
        ("The chancellor assembled the premiers of the German states in Berlin.", "assembled"),
    ],
)
def test_playing_host_and_bringing_parties_together(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Qatar played host to the World Cup in 2022.",
        "The festival brought music fans together.",
        "The merger brings Fiat and Peugeot together under one roof.",
        "The war brought the two leaders closer together.",
        "The crisis has drawn the two presidents closer together.",
        # what a summit just named did
        "The summit, which brought together the leaders of Rwanda and Burundi, opened.",
        "The minister pulled the report together overnight.",
        "Police gathered evidence at the scene for a week.",
    ],
)
def test_hosting_an_event_and_bringing_things_together_are_no_meetings(parse: Parse, text: str) -> None:
    assert [t.text for t in _triggers(parse, text) if t.kind == "verb"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # agreeing or deciding over a medium is a call (FrameNet Make_agreement_on_action, Deciding)
        ("Lula agreed with Gustavo Petro by phone on Monday to cut tariffs.", "agreed"),
        ("The Nordic premiers decided by video link on Friday to pool their orders.", "decided"),
    ],
)
def test_agreeing_over_a_medium_is_a_call(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The ministers agreed on Monday to delay the vote.",
        "Voters decided by a wide margin to reject the plan.",
    ],
)
def test_agreeing_with_no_medium_is_no_call(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # brought before a hearing body, or testifying said with a light verb
        ("The chief executive was called before the Senate committee on Monday.", "called"),
        ("The regulator's head was summoned before the parliamentary panel.", "summoned"),
        ("The governor gave evidence to the Treasury committee on Tuesday.", "gave"),
        ("The director will give testimony before the House panel next week.", "give"),
    ],
)
def test_summoned_before_a_hearing_body_or_giving_evidence(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The invasion gave birth to a new militia.",
        "She called before the vote to ask for support.",
        "The witness gave evidence that the banker had lied.",
    ],
)
def test_calling_and_giving_that_are_no_hearing(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after talks are named, a bare round is one of theirs
        ("The talks opened in Geneva. The rebels were invited to a second round in March.", "second round"),
        ("Officials held negotiations in Oslo. Turkey skipped an earlier round in Rome.", "earlier round"),
        # a round "between" named parties is one they negotiate, talks named before or not
        ("A sixth round between Iran and the United States was set for June 15 in Muscat.", "sixth round"),
        ("The first round between Serbia and Kosovo opened in Brussels on Monday.", "first round"),
    ],
)
def test_a_round_after_talks_is_one_of_theirs(parse: Parse, text: str, expected: str) -> None:
    assert expected in [t.text for t in _triggers(parse, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Macron won the second round of the election in May.",
        "Talks on pay resumed. Djokovic reached the second round in Melbourne.",
        "Contract talks stalled. The champion lost in the first round in Paris.",
        "The second round in France is on Sunday.",
        "Talks with investors went well. The startup announced a seed round on Monday.",
        "A round between the two rates was expected by analysts.",
    ],
)
def test_rounds_of_other_things_are_no_meeting(parse: Parse, text: str) -> None:
    assert not any("round" in t.text for t in _triggers(parse, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the negotiating table is the talks; sitting down together is meeting
        ("The two sides will return to the negotiating table in Geneva next week.", "negotiating table"),
        ("Ford and the union went back to the bargaining table on Monday.", "bargaining table"),
        ("Biden and Yoon will sit down together in Hiroshima on Saturday.", "sit"),
    ],
)
def test_the_negotiating_table_and_sitting_down_together(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    ["The family sat together at the kitchen table.", "She left the report on the table."],
)
def test_other_tables_and_sitting_are_no_meeting(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "own"),
    [
        # several parties sitting down on a day, at a place or again: a gathering of its own
        ("The Spanish and Moroccan delegations will sit down in Rabat on Monday.", ["sit"]),
        ("Union and management negotiators will sit down again next week.", ["sit"]),
        # with none of that, at most the attendance of a gathering just mentioned
        ("Officials sat down for lunch.", []),
        ("The protesters sat down in the road.", []),
        ("The two men did not sit down.", []),
    ],
)
def test_sides_sitting_down(parse: Parse, text: str, own: list[str]) -> None:
    assert [t.text for t in _triggers(parse, text) if not t.anaphoric] == own


@pytest.mark.parametrize(
    "text",
    [
        # on a call medium with a party
        "Trump got on the phone with Erdogan on Wednesday.",
        "Macron was on the telephone with Zelensky for an hour.",
    ],
)
def test_on_the_phone_with_a_party_is_a_call(parse: Parse, text: str) -> None:
    assert [t.text for t in _triggers(parse, text)] in (["phone"], ["telephone"])


@pytest.mark.parametrize(
    "text",
    ["She spent the evening on the phone with her mother.", "The interview aired on the phone network."],
)
def test_on_the_phone_with_no_party_is_no_call(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The banking committee questioned Christine Lagarde for three hours on Tuesday.", "questioned"),
        ("Mark Zuckerberg was grilled by a Senate panel about data privacy.", "grilled"),
        ("Lawmakers quizzed Sundar Pichai over the search business.", "quizzed"),
    ],
)
def test_a_hearing_body_questioning_a_party_is_a_hearing(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Detectives questioned Jamie Dimon's driver after the crash.",
        "Lawmakers questioned the wisdom of the budget.",
        "Senators questioned whether the merger was legal.",
        "Reporters grilled Sundar Pichai outside the building.",
    ],
)
def test_questioning_by_no_hearing_body_or_of_no_party_is_no_hearing(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 30 players sat across from Commissioner Cathy Engelbert on Saturday.", "sat"),
        ("Union leaders sat opposite the transport minister for three hours on Monday.", "sat"),
        ("The two sides first sat across the table on Friday in the Speaker's chamber.", "sat"),
    ],
)
def test_sitting_face_to_face_with_a_party_is_a_meeting(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


def test_sitting_across_from_a_thing_is_no_meeting(parse: Parse) -> None:
    assert _triggers(parse, "The students sat across from the library.") == []
    assert _triggers(parse, "She sat opposite the window all afternoon.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name after a title, which the tagger leaves untagged, is a party
        ("On Tuesday the envoy called on President Ruto at State House.", "called"),
        ("The minister paid a call on King Harald at the palace on Monday.", "call"),
        # an office the titles table describes people by ("the emir")
        ("The senator called on the emir of Kuwait on Sunday.", "called"),
        ("The minister phoned the sheikh on Monday.", "phoned"),
        # a visit said where it happened, with its purpose or circumstance
        ("The new envoy called on Premier Ruto at his residence to present her credentials.", "called"),
        ("The rebel leader called on the governor at Raj Bhavan on Friday, carrying a list.", "called"),
        ("The Dutch premier was received at the president's country estate on Sunday.", "received"),
        # summoning parties
        ("The labour minister summoned the two sides to her office on Monday.", "summoned"),
        ("The president summoned his ministers to the palace on Sunday night.", "summoned"),
        # visiting a person
        ("Joe Biden visited Emmanuel Macron in Paris on Friday.", "visited"),
        ("The chancellor visited her Polish counterpart in Warsaw on Monday.", "visited"),
        # hosting someone named before
        ("Macron hosted him at the Elysee Palace on Tuesday.", "hosted"),
        # people named by what they do for a party (hosted-person)
        ("The premier hosted the chief executives at his residence on Monday.", "hosted"),
        ("The IOC will host officials from both Koreas in Lausanne next week.", "host"),
        ("The king hosted her at the palace on Friday.", "hosted"),
        # a court's or a parliament's sitting
        ("The court will hold a sitting on Wednesday to rule on the appeal.", "sitting"),
        ("Opposition deputies walked out of the sitting on Monday.", "sitting"),
        ("The council will sit again on Friday.", "sit"),
        ("The court sits again on Monday to hear the defence.", "sits"),
        # a legislature by name
        ("The Dáil is due to sit on Wednesday to elect a taoiseach.", "sit"),
        ("The Bundestag sits again on Thursday.", "sits"),
        # parties talking together for a span of time
        ("The two leaders talked for 11 minutes on Monday.", "talked"),
        ("Biden and Xi spoke for two hours at the resort.", "spoke"),
    ],
)
def test_summoning_visiting_hosting_sittings_and_long_talks(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "talk", "beside"),
    [
        ("Blinken spoke with Wang Yi on the sidelines of the forum on Friday.", ["spoke"], ["forum"]),
        ("Modi and Sharif talked briefly on the margins of the summit.", ["talked"], ["summit"]),
        # no party to talk with: the gathering alone
        ("The minister spoke to reporters on the sidelines of the forum.", [], ["forum"]),
    ],
)
def test_parties_talking_beside_a_gathering_met_there(
    parse: Parse, text: str, talk: list[str], beside: list[str]
) -> None:
    found = [t.text for t in _triggers(parse, text)]
    assert found == sorted(talk + beside, key=text.index)


@pytest.mark.parametrize(
    "text",
    [
        "The minister summoned the courage to speak.",
        "The court summoned the documents on Friday.",
        "The tourists visited Paris and Rome last week.",
        "The chairman visited the factory in Ohio on Monday.",
        "She called on President Ruto to resign.",
        "The opposition said the answers raised doubts and called on the premier to publish the files.",
        "The parcel was received at the office on Friday.",
        "Sitting ministers may not hold shares.",
        "The court sits in The Hague.",
        "The committee sat in silence.",
        "He spoke for an hour at the rally.",
        "Analysts talked for days about the merger.",
    ],
)
def test_look_alikes_of_summoning_visiting_and_talking(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # briefing a party (FrameNet Telling)
        ("The minister will brief Chancellor Olaf Scholz on Tuesday.", "brief"),
        ("Jayasuriya briefed the party leaders on Monday.", "briefed"),
        # a body that sits, told or addressed (tell-body), or taking up a matter (take-up)
        ("The envoy told the Security Council on Tuesday that the ceasefire was holding.", "told"),
        ("Prime Minister Carney addressed parliament in Ottawa on Monday.", "addressed"),
        ("The appeals court is due to take up the case on Monday.", "take"),
        ("The Security Council took up the Haitian crisis again on Thursday.", "took"),
        # parties seeing each other
        ("The two presidents will see each other in San Francisco next week.", "see"),
        ("Ruto and Museveni last saw one another in Kampala in May.", "saw"),
        # a body that sits, briefed
        ("The regulator will brief the finance committee on Thursday.", "brief"),
        ("Last week the chief executive briefed the supervisory board in Munich.", "briefed"),
        # a hearing body hearing a case or a party
        ("The court is due to hear the appeal on Monday.", "hear"),
        ("The judges heard arguments in Edinburgh on Tuesday.", "heard"),
        # a judge named by title
        ("Justice Morland heard arguments in Perth on Tuesday.", "heard"),
        ("Judge Alvarez will hear the appeal in Madrid next month.", "hear"),
        # a hearing body by a relative pronoun, and a case heard in the passive
        ("The Ohio Supreme Court, which heard arguments in March, upheld the ban.", "heard"),
        ("The tribunal, which heard the claim behind closed doors, cleared the player.", "heard"),
        ("The union's claim was heard in Leeds on Thursday by three judges.", "heard"),
        ("The order stands until the appeal is heard in full next month.", "heard"),
        # seeing and receiving a person
        ("The chancellor saw him in the Oval Office on Friday.", "saw"),
        ("The envoy was received by Pope Francis at the Vatican on Monday.", "received"),
        ("The foreign minister was received by King Abdullah in Amman on Sunday.", "received"),
        # a host the tagger leaves no person, by a name it takes for nothing else
        ("Albares was received by Tebboune in the Algerian capital on Monday.", "received"),
        ("The Spanish envoy was received by Tebboune in the Algerian capital.", "received"),
        # a party named by the surname of someone named in full, which the tagger takes alone for
        # something else (a title, a place)
        (
            "Prime Minister Malcolm Turnbull flew back to Canberra on Sunday. On Thursday, Finance Minister "
            "Mathias Cormann called on Turnbull in his office.",
            "called",
        ),
        (
            "Kenya's president, William Ruto, returned on Monday. The envoy called on Ruto at State House on "
            "Tuesday.",
            "called",
        ),
        # people brought together met, whatever brought them
        (
            "A French initiative brought Emmanuel Macron and Olaf Scholz together at Versailles in July.",
            "brought",
        ),
        ("The Qatari effort brought the two foreign ministers together in Doha on Tuesday.", "brought"),
        # a meal shared
        ("The two sides signed the deal over dinner in Frankfurt on Friday.", "dinner"),
        ("The rivals patched things up over lunch on Monday.", "lunch"),
        ("The leaders dined together in Turin on Sunday.", "dined"),
        ("The three chief executives lunched together in Tokyo on Tuesday.", "lunched"),
    ],
)
def test_briefing_hearing_receiving_and_meals(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The finance minister briefed reporters on Monday.",
        "The finance minister told reporters the economy was slowing.",
        "She addressed the committee's concerns in a letter.",
        "Rebels in the north took up arms in 2012.",
        "The spokesman briefed the press after the vote.",
        "Investors heard the news on Monday.",
        "Judge Alvarez heard the news on Monday.",
        "The plan was received by critics with scorn.",
        "The bill was received by the Senate on Monday.",
        "The report was received by Brussels with relief.",
        "He saw the film twice last week.",
        "The family dined at home on Sunday.",
    ],
)
def test_look_alikes_of_briefing_hearing_receiving_and_meals(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The queen had tea with the prime minister on Monday.", "tea"),
        ("The two ministers had coffee with the envoy in Vienna.", "coffee"),
        ("The envoys held a farewell dinner in Brussels on Tuesday.", "farewell dinner"),
        ("The two chancellors held a private lunch at the embassy.", "private lunch"),
        ("The banker appeared before the chamber on Monday.", "appeared"),
        ("The minister testified before the upper chamber for two hours.", "testified"),
    ],
)
def test_a_meal_or_a_chamber_with_the_parties_it_needs(parse: Parse, text: str, expected: str) -> None:
    assert [t.text for t in _triggers(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "She made tea for the guests.",
        "The chef hosted a cooking class at lunch.",
        "Coffee prices rose on Monday.",
        "The chamber approved the bill.",
        "The General Assembly passed the resolution on Friday.",
    ],
)
def test_a_meal_or_a_chamber_alone_is_no_meeting(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meal held as an occasion (FrameNet Social_event): hosted, given, attended, for its guests
        ("The governor threw a dinner for the visiting mayors on Friday.", "dinner"),
        ("Trade envoys attended a lunch given by the Korean ambassador in Seoul.", "lunch"),
        ("A breakfast hosted by the chancellor opened the second day.", "breakfast"),
        ("The emir laid on a dinner for Kenya's president at his palace.", "dinner"),
        # unions hosted or received, as a government meets them
        ("The labour minister will host the unions again at the ministry on Friday.", "host"),
        ("The premier received the teachers' unions at his office on Monday.", "received"),
        # guests hosted or received at a meal
        ("The governor hosted the visiting mayors at a dinner on Friday.", "dinner"),
        ("The king will receive the envoys at a banquet in Riyadh.", "banquet"),
        ("Macron will host him for lunch at the Elysee on Thursday.", "lunch"),
        # an exchange held as an occasion, or placed
        ("Delegations from both navies held an annual dialogue in Manila last week.", "dialogue"),
        ("Ministers from the region will attend a security dialogue hosted by Oman.", "security dialogue"),
        # a negotiation measured by its rounds
        ("Nurses and the health board start a fourth round of bargaining on Monday.", "bargaining"),
        ("The carmakers and the union ended another round of negotiating without a deal.", "negotiating"),
        # a guest received at a seat of power, the host unnamed
        ("Canada's prime minister was received at the Élysée on Wednesday.", "received"),
        ("The rebel envoy hopes to be received at the presidential palace next week.", "received"),
        # a named person's visit to a country or its capital
        ("Prime Minister Kishida will visit Canberra in the autumn.", "visit"),
        ("The emir invited Joe Biden to visit Doha before the year is out.", "visit"),
        # a body's name as one sitting of it: on its margins, an edition of it
        ("The two ministers talked on the margins of the U.N. General Assembly.", "U.N. General Assembly"),
        ("The bloc closed its annual General Assembly in Lima on Friday.", "annual General Assembly"),
        ("A deal was struck before last year's World Health Assembly.", "World Health Assembly"),
        # hours spent together by several parties
        ("The two premiers spent four hours together at a lakeside lodge on Sunday.", "spent"),
        ("Kenyatta and Odinga spent 20 minutes together before the cameras came in.", "spent"),
    ],
)
def test_occasions_rounds_and_receptions(parse: Parse, text: str, expected: str) -> None:
    assert expected in [t.text for t in _triggers(parse, text)]


@pytest.mark.parametrize(
    "text",
    [
        "She had dinner with her sister and skipped lunch.",
        "The chef cooked a dinner of lamb and rice for the evening.",
        "Only a frank dialogue with voters can rebuild trust, he said.",
        "The parcel was received at the presidential palace on Monday.",
        "Her complaint was received at the ministry with silence.",
        "The two strikers spent the whole season together at the club.",
        "Thousands of tourists visit Kenya every winter.",
        "The archbishop hopes to visit Ur on his tour.",
        "The partners spent millions together on the new plant.",
    ],
)
def test_meals_eaten_dialogue_as_process_and_things_received_are_no_meeting(parse: Parse, text: str) -> None:
    assert _triggers(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphenated meeting noun, which the tokenizer splits
        ("The premier had his own sit-down with President Xi Jinping on Monday.", ["own sit-down"]),
        ("A planned sit-down with Chancellor Olaf Scholz was called off.", ["planned sit-down"]),
        ("The party leaders held a get-together in Dublin on Monday.", ["get-together"]),
        # not where it qualifies another noun
        ("Dockers began a sit-down strike on Monday.", []),
        ("Workers staged a sit-down protest outside the plant.", []),
    ],
)
def test_hyphenated_meeting_nouns(parse: Parse, text: str, expected: list[str]) -> None:
    assert [t.text for t in _triggers(parse, text) if not t.anaphoric] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoy was received by President Ruto at State House on Monday and then held talks with "
            "the foreign minister.",
            ["received", "talks"],
        ),
        (
            "The minister was received by King Harald at the palace on Monday and then held talks with the "
            "prime minister.",
            ["received", "talks"],
        ),
    ],
)
def test_a_guest_received_is_a_meeting_where_a_clause_of_its_own_names_another(
    parse: Parse, text: str, expected: list[str]
) -> None:
    assert [t.text for t in _triggers(parse, text)] == expected
