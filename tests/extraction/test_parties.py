"""Party roles: organizers and participants from the syntax around a trigger; exclusions and refusals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.extraction.actors import resolve_actors
from app.extraction.engine import Extractor, read
from app.extraction.exclusions import find_exclusions
from app.extraction.parsed import ParsedText
from app.extraction.parties import qualifies_a_person, subjects, trigger_parties
from app.extraction.triggers import find_triggers
from app.models.v1 import Event

Parse = Callable[[str], ParsedText]
PUBLISHED = dt.date(2025, 3, 12)


def _parties(parse: Parse, text: str) -> dict[str, str]:
    """name -> role over every trigger of a one-meeting text, straight from `trigger_parties`."""
    parsed = parse(text)
    actors = resolve_actors(parsed)
    triggers = find_triggers(parsed)
    assert len(triggers) == 1, [t.text for t in triggers]
    out: dict[str, str] = {}
    for found in trigger_parties(parsed, triggers[0], actors):
        m = found.mention
        assert m.actor is not None
        assert text[m.start : m.end] == m.text
        assert out.get(m.actor.name, found.role) == found.role
        out[m.actor.name] = found.role
    return out


def _exclusions(parse: Parse, text: str) -> dict[str, str]:
    parsed = parse(text)
    actors = resolve_actors(parsed)
    heads = {t.head for t in find_triggers(parsed)}
    out: dict[str, str] = {}
    for e in find_exclusions(parsed, actors, heads):
        assert e.mention.actor is not None
        out[e.mention.actor.name] = e.role
    return out


def _only_event(extractor: Extractor, text: str) -> Event:
    events = extractor.extract(text, PUBLISHED).events
    assert len(events) == 1, [e.trigger.text for e in events]
    event = events[0]
    for p in event.participants:
        for span in p.mentions:
            assert text[span.start : span.end] == span.text
    return event


def _roles(event: Event) -> dict[str, str]:
    return {p.name: p.role for p in event.participants}


# -- organizers and participants ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks between Ukraine and Russia resumed in Istanbul on Friday.",
            {"Ukraine": "participant", "Russia": "participant"},
        ),
        (
            "Chinese President Xi Jinping held talks with Brazil on Monday.",
            {"Xi Jinping": "participant", "Brazil": "participant"},
        ),
        (
            "India's talks with Pakistan collapsed last year.",
            {"India": "participant", "Pakistan": "participant"},
        ),
        (
            "Japan and South Korea met in Tokyo on Tuesday.",
            {"Japan": "participant", "South Korea": "participant"},
        ),
        (
            "German Chancellor Friedrich Merz hosted Polish Prime Minister Donald Tusk in Berlin on Tuesday.",
            {"Friedrich Merz": "organizer", "Donald Tusk": "participant"},
        ),
        (
            "Kenya hosted Ethiopia for a summit on the border dispute.",
            {"Kenya": "organizer", "Ethiopia": "participant"},
        ),
        ("Turkey will convene a meeting on the crisis next month.", {"Turkey": "organizer"}),
        ("Leaders attended a summit hosted by Saudi Arabia.", {"Saudi Arabia": "organizer"}),
        ("The summit, hosted by Saudi Arabia, ended on Friday.", {"Saudi Arabia": "organizer"}),
        ("The talks will involve Qatar and Egypt.", {"Qatar": "participant", "Egypt": "participant"}),
        (
            "Talks involving Qatar and Egypt resumed on Sunday.",
            {"Qatar": "participant", "Egypt": "participant"},
        ),
        (
            "They follow an emergency meeting held on Monday in Paris with Germany and Italy.",
            {"Germany": "participant", "Italy": "participant"},
        ),
        (
            "Norway, which chairs the council this year and convened the meeting, said it was pleased.",
            {"Norway": "organizer"},
        ),
        (
            "The Court of Appeals for the Second Circuit upheld the ban after hearing oral arguments in May.",
            {"Court of Appeals for the Second Circuit": "participant"},
        ),
        (
            "Chilean Foreign Minister Alberto van Klaveren handed over a letter during a visit to Lima.",
            {"Alberto van Klaveren": "participant"},
        ),
        ("Austria said after the meeting that it would not sign.", {"Austria": "participant"}),
        (
            "Austria signed the accord after the meeting between Chad and Niger.",
            {"Chad": "participant", "Niger": "participant"},
        ),
        (
            "The talks ended on Friday without a deal, with Peru and Chile rejecting the final text.",
            {"Peru": "participant", "Chile": "participant"},
        ),
        ("The talks will involve several Gulf states.", {"Gulf states": "participant"}),
        (
            "The summit brought together Nordic countries and Baltic states.",
            {"Nordic countries": "participant", "Baltic states": "participant"},
        ),
        (
            "African leaders held talks with Chinese officials on Monday.",
            {"African leaders": "participant", "China": "participant"},
        ),
        ("Smaller nations met on Monday.", {}),
        ("European nations held their summit in Paris.", {"European nations": "participant"}),
        (
            "Lawyers for Google and Microsoft appeared at a hearing on Monday.",
            {"Google": "participant", "Microsoft": "participant"},
        ),
        (
            "Officials held a private session with the chair of the Environment Agency.",
            {"Environment Agency": "participant"},
        ),
        (
            "Blinken held talks with ASEAN's special envoy, Erywan Yusof.",
            {"Blinken": "participant", "Erywan Yusof": "participant"},
        ),
        (
            "Blinken held talks with the Malaysian member of the ASEAN council, Erywan Yusof.",
            {"Blinken": "participant", "Erywan Yusof": "participant"},
        ),
        (
            "The head of the Omani delegation, Badr Albusaidi, met Blinken in Doha.",
            {"Blinken": "participant", "Badr Albusaidi": "participant"},
        ),
        (
            "The delegation of Oman met Blinken in Doha on Monday.",
            {"Blinken": "participant", "Oman": "participant"},
        ),
        # an office the tagger took for a name is no party
        (
            "Pakistan's National Security Adviser Sartaj Aziz held talks with Salahuddin Rabbani in "
            "Islamabad.",
            {"Sartaj Aziz": "participant", "Salahuddin Rabbani": "participant"},
        ),
        (
            "Kenya's Cabinet Secretary Alfred Mutua held talks with Salahuddin Rabbani in Nairobi.",
            {"Alfred Mutua": "participant", "Salahuddin Rabbani": "participant"},
        ),
        ("The Security Council held an emergency session on Monday.", {"Security Council": "participant"}),
        # a government whose leader the text ties to no country stays the leader
        (
            "Netanyahu's government held talks with Hamas envoys in Cairo on Monday.",
            {"Netanyahu": "participant", "Hamas": "participant"},
        ),
        (
            "The heads of the Central Bank of Chile and of the Bank of Mexico held a meeting in Lima.",
            {"Central Bank of Chile": "participant", "Bank of Mexico": "participant"},
        ),
        (
            "Kyriakos Mitsotakis was hosted by Nikos Christodoulides at a meeting in Nicosia on Friday.",
            {"Kyriakos Mitsotakis": "participant", "Nikos Christodoulides": "organizer"},
        ),
        (
            "Negotiators from Chile and Peru failed to agree at the talks.",
            {"Chile": "participant", "Peru": "participant"},
        ),
        (
            "Finance Minister Ana Ruiz discussed the plan on Monday in a video call with Karin Albrektsen.",
            {"Ana Ruiz": "participant", "Karin Albrektsen": "participant"},
        ),
        (
            "A joint meeting that Finance Minister Ana Ruiz had planned to chair on Friday was called off.",
            {"Ana Ruiz": "organizer"},
        ),
        (
            "Angola, whose president took over the chairmanship, said it would host a summit in Luanda "
            "next month, bringing together the leaders of Rwanda, the DRC and Burundi.",
            {
                "Angola": "organizer",
                "Rwanda": "participant",
                "Democratic Republic of the Congo": "participant",
                "Burundi": "participant",
            },
        ),
        (
            "Chile hosted a meeting in Lima on trade with several governments, including Peru and Ecuador.",
            {"Chile": "organizer", "Peru": "participant", "Ecuador": "participant"},
        ),
        (
            "Ukrainian President Volodymyr Zelensky joined the leaders for the first part of the summit.",
            {"Volodymyr Zelensky": "participant"},
        ),
        (
            "Later on Tuesday, the Spanish leader was hosted by the speaker of the National Assembly, "
            "Carlos Mbeki, at a meeting with parliamentary group leaders.",
            {"Carlos Mbeki": "organizer"},
        ),
        (
            "The Labour MP Imogen Thackery, who chaired the session, said the committee would act.",
            {"Imogen Thackery": "organizer"},
        ),
        (
            "They attended a joint summit of ECOWAS and the African Union, which was hosted by Ghana.",
            {
                "Economic Community of West African States": "participant",
                "African Union": "participant",
                "Ghana": "organizer",
            },
        ),
        (
            "The ministers opened a regular council session, which Qatar hosted at its foreign ministry.",
            {"Qatar": "organizer"},
        ),
        (
            "The European Commission is due to face the WTO at an evidence session next week.",
            {"European Commission": "participant", "World Trade Organization": "participant"},
        ),
        (
            "The ECB's Governing Council held a policy meeting in Frankfurt on Thursday.",
            {"European Central Bank": "participant"},
        ),
        (
            "Iran and Oman will hold a fourth round of talks in Muscat on Sunday.",
            {"Iran": "participant", "Oman": "participant"},
        ),
        (
            "The third round, held in Muscat on April 26 and led by Abbas Araghchi and Steve Witkoff, ended.",
            {"Abbas Araghchi": "participant", "Steve Witkoff": "participant"},
        ),
        (
            "Officials met in Cairo on Wednesday under the chairmanship of Egypt's envoy Ahmed Fathy.",
            {"Ahmed Fathy": "organizer"},
        ),
        (
            "Senate Banking Committee Chairman Tim Scott, who presided over Wednesday's hearing, spoke.",
            {"Tim Scott": "organizer"},
        ),
        (
            "Fed Chair Jerome Powell said on Wednesday the U.S. central bank could wait, telling a Senate "
            "hearing that tariffs could lift prices.",
            {"Jerome Powell": "participant", "Senate": "participant"},
        ),
        (
            "President Recep Tayyip Erdogan told Vladimir Putin in a phone call on Tuesday that it was time.",
            {"Recep Tayyip Erdogan": "participant", "Vladimir Putin": "participant"},
        ),
        ("Japan invited Canada to the summit.", {"Japan": "organizer", "Canada": "participant"}),
        ("Canada was invited to the summit.", {"Canada": "participant"}),
        (
            "On Monday, Finance Minister Ana Ruiz wrote to the IMF inviting it to formal talks.",
            {"Ana Ruiz": "organizer", "International Monetary Fund": "participant"},
        ),
        # a call paid on someone is a visit to them (FrameNet Visiting: "call on")
        (
            "Jean Dupont called on President Felix Tshisekedi at the palace in Kinshasa on Monday.",
            {"Jean Dupont": "participant", "Felix Tshisekedi": "participant"},
        ),
        (
            "On Tuesday Rania Haddad called on Prime Minister Anwar Ibrahim at his office.",
            {"Rania Haddad": "participant", "Anwar Ibrahim": "participant"},
        ),
    ],
)
def test_roles_from_syntax(parse: Parse, text: str, expected: dict[str, str]) -> None:
    assert _parties(parse, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the small model hangs the subject after a fronted place on the place, as more of its list
        (
            "Back in Lisbon, Antonio Costa and Pedro Sanchez met for three hours.",
            {"Antonio Costa": "participant", "Pedro Sanchez": "participant"},
        ),
        (
            "Back in Strasbourg, Ursula von der Leyen and Roberta Metsola met Viktor Orban.",
            {
                "Ursula von der Leyen": "participant",
                "Roberta Metsola": "participant",
                "Viktor Orban": "participant",
            },
        ),
    ],
)
def test_a_subject_after_a_fronted_place_is_the_subject(
    parse: Parse, text: str, expected: dict[str, str]
) -> None:
    assert _parties(parse, text) == expected


def test_a_list_of_places_with_its_own_subject_stays_a_list(parse: Parse) -> None:
    parsed = parse("In Paris, Lyon and Nice, the mayors met on Monday.")
    assert [t.dep for t in parsed.tokens if t.text in {"Lyon", "Nice"}] == ["conj", "conj"]


def test_organizer_survives_into_the_event(extractor: Extractor) -> None:
    event = _only_event(extractor, "Turkey will convene a meeting on the crisis next month.")
    (turkey,) = event.participants
    assert (turkey.name, turkey.role, turkey.kind, turkey.id) == ("Turkey", "organizer", "country", "TUR")
    assert [s.text for s in turkey.mentions] == ["Turkey"]


def test_passive_hosted_by_names_the_organizer(parse: Parse) -> None:
    assert _parties(parse, "The meeting was hosted by Norway.") == {"Norway": "organizer"}


def test_meeting_held_with_names_participants(parse: Parse) -> None:
    text = "An emergency meeting was held on Monday in Paris with Germany and Italy."
    assert _parties(parse, text) == {"Germany": "participant", "Italy": "participant"}


# -- exclusions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hungary was not invited to the summit.", {"Hungary": "excluded"}),
        (
            "Romania and the Czech Republic were not included in the meeting.",
            {"Romania": "excluded", "Czech Republic": "excluded"},
        ),
        ("The organizers excluded Belarus from the summit.", {"Belarus": "excluded"}),
        ("Iran was shut out of the talks.", {"Iran": "excluded"}),
        ("Poland was left out of the meeting.", {"Poland": "excluded"}),
        (
            "The leaders met in Paris on Monday. "
            "Slovakia and Slovenia expressed dismay at not being included.",
            {"Slovakia": "excluded", "Slovenia": "excluded"},
        ),
        ("The summit opened in Lima on Monday without Venezuela.", {"Venezuela": "excluded"}),
        ("Belarus remained uninvited to the summit.", {"Belarus": "excluded"}),
        (
            "Leaders met in Kyiv on Monday. Hungary has no seat at the table.",
            {"Hungary": "excluded"},
        ),
        (
            "Two states that were suspended after coups, Mali and Niger, were not invited to the summit.",
            {"Mali": "excluded", "Niger": "excluded"},
        ),
    ],
)
def test_exclusion_cues(parse: Parse, extractor: Extractor, text: str, expected: dict[str, str]) -> None:
    assert _exclusions(parse, text) == expected
    # In the event, an exclusion said outright beats any guess that the party took part.
    event = _only_event(extractor, text)
    assert _roles(event) == expected


def test_dismay_at_not_being_included_in_named_talks(parse: Parse) -> None:
    text = "Slovakia and Slovenia expressed dismay at not being included in the talks."
    assert _exclusions(parse, text) == {"Slovakia": "excluded", "Slovenia": "excluded"}


def test_no_exclusion_without_a_meeting(parse: Parse) -> None:
    assert _exclusions(parse, "The government tried to ban the app last year.") == {}


# -- refusals -------------------------------------------------------------------------------------


def test_boycott_is_absence_not_exclusion(parse: Parse, extractor: Extractor) -> None:
    text = "Algeria boycotted the summit."
    assert _exclusions(parse, text) == {"Algeria": "absent"}
    assert _roles(_only_event(extractor, text)) == {"Algeria": "absent"}


def test_declining_is_absence_not_exclusion(parse: Parse) -> None:
    assert _exclusions(parse, "Serbia declined to attend the summit.") == {"Serbia": "absent"}


def test_declining_to_attend_gives_absent_in_the_event(extractor: Extractor) -> None:
    event = _only_event(extractor, "Serbia declined to attend the summit.")
    assert _roles(event) == {"Serbia": "absent"}


# -- a capital as place or as party ---------------------------------------------------------------


def test_capital_as_place_is_no_party(parse: Parse, extractor: Extractor) -> None:
    text = "Germany and Italy met in Paris on Monday."
    assert _parties(parse, text) == {"Germany": "participant", "Italy": "participant"}
    event = _only_event(extractor, text)
    assert event.location is not None and event.location.name == "Paris"
    assert event.location.text == "Paris"
    assert text[event.location.start : event.location.end] == "Paris"
    assert {p.name for p in event.participants} == {"Germany", "Italy"}


def test_capital_as_actor_is_its_country(parse: Parse, extractor: Extractor) -> None:
    text = "Paris and Berlin held talks on Monday."
    assert _parties(parse, text) == {"France": "participant", "Germany": "participant"}
    # the rules read no place from a side's name (where a side's city is the likeliest place is the
    # learned whereabouts' to weigh: test_learned.py)
    (gathering,) = read(extractor.parse(text), PUBLISHED).gatherings
    assert gathering.said_place is None and not [f.scene for f in gathering.frames if f.scene]
    event = _only_event(extractor, text)
    france = next(p for p in event.participants if p.name == "France")
    assert (france.role, france.kind, france.id) == ("participant", "country", "FRA")
    assert [s.text for s in france.mentions] == ["Paris"]


def test_attended_by_one_and_by_another_names_both(extractor: Extractor) -> None:
    event = _only_event(
        extractor,
        "Talks were held in Milan on Monday, attended by advisers from HSBC and by lawyers for Barclays.",
    )
    assert _roles(event) == {"HSBC": "participant", "Barclays": "participant"}


@pytest.mark.parametrize(
    "text",
    ["The talks ended on Friday without a deal.", "Talks were held in Doha without preconditions."],
)
def test_without_what_is_no_party_is_no_exclusion(parse: Parse, text: str) -> None:
    assert _exclusions(parse, text) == {}


def test_going_ahead_without_one_who_refused_is_absence(extractor: Extractor) -> None:
    event = _only_event(
        extractor,
        "The summit will go ahead without Argentina after its president said no official would attend.",
    )
    assert _roles(event).get("Argentina") == "absent"


# -- exclusion cues of role_cues.tsv: lists, refusals to invite, denied places, the noun ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list one is left off, dropped from, or not on
        ("Estonia was left off the guest list for the summit in Riga.", {"Estonia": "excluded"}),
        ("The hosts dropped Latvia from the invitation list for the talks.", {"Latvia": "excluded"}),
        ("Organizers kept Moldova off the guest list for the talks in Chisinau.", {"Moldova": "excluded"}),
        ("Lithuania was not on the list of guests at the summit in Riga.", {"Lithuania": "excluded"}),
        # a refusal or failure to invite
        ("The organizers refused to invite Denmark to the conference in Oslo.", {"Denmark": "excluded"}),
        ("Sweden failed to invite Finland to the talks in Stockholm.", {"Finland": "excluded"}),
        # a place denied
        ("Iceland was denied a seat at the negotiations in Bergen.", {"Iceland": "excluded"}),
        ("The hosts denied Ghana accreditation to the summit in Accra.", {"Ghana": "excluded"}),
        # the noun, with its possessor or its "of" object
        ("Senegal denounced its exclusion from the summit in Dakar.", {"Senegal": "excluded"}),
        ("The exclusion of Togo from the talks in Lome drew protests.", {"Togo": "excluded"}),
        # a passive cue on the second of two verbs shares the first one's subject
        (
            "The leaders met in Lima on Monday. Bolivia had asked to attend as an observer but was shut "
            "out at the request of the hosts.",
            {"Bolivia": "excluded"},
        ),
    ],
)
def test_exclusion_cues_of_the_role_table(parse: Parse, text: str, expected: dict[str, str]) -> None:
    assert {k: v for k, v in _exclusions(parse, text).items() if k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Estonia topped the list of speakers at the summit in Riga.",  # on a list, not off it
        "The hosts dropped their demand for a vote at the talks in Vilnius.",  # dropped, no list
        "Lithuania denied the report that it had skipped the summit in Riga.",  # denies no place
        "Senegal denounced its exclusion from the market.",  # no meeting in sight
        "The organizers refused to move the conference in Oslo.",  # refused, but no inviting
    ],
)
def test_no_exclusion_from_the_role_table_words_used_otherwise(parse: Parse, text: str) -> None:
    assert "excluded" not in _exclusions(parse, text).values()


@pytest.mark.parametrize(
    "text",
    [
        "The two prime ministers met in Oslo on Monday. Sweden declined to comment on the meeting.",
        "The two prime ministers met in Oslo on Monday. Sweden refused to say what was discussed.",
        "Norway refused to invite Russia to the summit in Oslo.",  # the refuser is no absentee
    ],
)
def test_a_refusal_that_is_no_absence(parse: Parse, text: str) -> None:
    assert "absent" not in _exclusions(parse, text).values()


def test_a_refusal_to_attend_is_still_an_absence(parse: Parse) -> None:
    text = "The two prime ministers met in Oslo on Monday. Sweden refused to attend the meeting."
    assert _exclusions(parse, text) == {"Sweden": "absent"}


def test_one_who_condemns_his_exclusion_is_left_out(extractor: Extractor) -> None:
    text = (
        "Opposition leader Ravi Menon condemned his exclusion from the all-party meeting in Delhi on Monday."
    )
    event = _only_event(extractor, text)
    assert _roles(event).get("Ravi Menon") == "excluded"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        (
            "Federica Mogherini, the EU's foreign policy chief, met John Kerry in Brussels on Monday.",
            "European Union",
        ),
        ("Kenya's president met Antonio Guterres, the UN secretary, in Nairobi on Friday.", "United Nations"),
    ],
)
def test_an_apposition_giving_a_persons_office_names_no_other_party(
    extractor: Extractor, text: str, qualifier: str
) -> None:
    (event,) = extractor.extract(text, dt.date(2025, 3, 3)).events
    assert qualifier not in {p.name for p in event.participants}


@pytest.mark.parametrize(
    ("text", "party", "qualifies"),
    [
        ("Federica Mogherini, the EU's foreign policy chief, met Kerry on Monday.", "European Union", True),
        ("Kenya's president met Antonio Guterres, the UN secretary, on Friday.", "United Nations", True),
        ("Federica Mogherini met the EU's foreign ministers on Monday.", "European Union", False),
    ],
)
def test_a_party_in_the_office_an_apposition_gives_describes_the_person(
    parse: Parse, text: str, party: str, qualifies: bool
) -> None:
    parsed = parse(text)
    actors = resolve_actors(parsed)
    (mention,) = [m for m in actors.mentions if m.actor is not None and m.actor.name == party]
    assert qualifies_a_person(parsed, mention, actors) is qualifies


def test_an_apposition_naming_another_party_still_names_it(extractor: Extractor) -> None:
    (event,) = extractor.extract(
        "Chancellor Olaf Scholz met his guest, President Emmanuel Macron, in Berlin on Monday.",
        dt.date(2025, 3, 3),
    ).events
    assert {"Olaf Scholz", "Emmanuel Macron"} <= {p.name for p in event.participants}


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        # a relative clause hung on an apposition is about the name the apposition describes
        ("The talks were led by Qatar, the mediator, which hosted the two sides in Doha.", "hosted", "Qatar"),
        (
            "Leaders met in Oslo, and Norway, the host country, which chaired the session, spoke first.",
            "chaired",
            "Norway",
        ),
    ],
)
def test_the_subject_of_a_relative_on_an_apposition_is_the_name(
    parse: Parse, text: str, verb: str, subject: str
) -> None:
    parsed = parse(text)
    clause = next(t for t in parsed.tokens if t.text == verb)
    assert [t.text for t in subjects(parsed, clause)] == [subject]


@pytest.mark.parametrize(
    ("text", "body", "owner"),
    [
        ("Talks opened on Monday with Netanyahu's Likud and the Arab parties.", "Likud", "Netanyahu"),
        ("Tusk met Kaczynski's Law and Justice party on Friday.", "Law and Justice party", "Kaczynski"),
    ],
)
def test_a_body_named_in_its_own_right_is_the_party_not_the_person_who_owns_it(
    parse: Parse, text: str, body: str, owner: str
) -> None:
    parties = _parties(parse, text)
    assert body in parties
    assert not any(owner in name for name in parties)


@pytest.mark.parametrize(
    ("text", "teller"),
    [
        # who told of a meeting ("reported by", "announced by", "disclosed by") is no party to it
        ("The summit between the two leaders was announced by Xinhua on Friday.", "Xinhua"),
        ("The meeting between the ministers was reported by Reuters on Tuesday.", "Reuters"),
        ("The talks in Geneva were first disclosed by the Financial Times on Monday.", "Financial Times"),
        # an outlet is an organization by its own name, not the city in it
        ("The talks in Geneva were first reported by The Washington Post on Monday.", "United States"),
    ],
)
def test_who_reports_a_meeting_is_no_party_to_it(parse: Parse, text: str, teller: str) -> None:
    assert teller not in _parties(parse, text)
