"""Ways of saying a party was left out that a cue word alone does not carry (role_cues.tsv kinds
negative-quantifier, negating-preposition, preventing-verb, withdrawing-verb, membership-noun,
granting-verb, receiving-verb, among-preposition): each in a second wording beside its table
example, and the readings that look alike but leave no one out. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.engine import Extractor
from app.models.v1 import Event

PUBLISHED = dt.date(2025, 3, 3)


def _roles(extractor: Extractor, text: str) -> dict[str, str]:
    return {p.name: p.role for e in extractor.extract(text, PUBLISHED).events for p in e.participants}


def _excluded(event: Event) -> set[str]:
    return {p.name for p in event.participants if p.role == "excluded"}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The Nordic premiers met in Oslo on Friday; no delegation from Denmark was invited.", "Denmark"),
        ("Neither Serbia nor Kosovo was asked to the Balkan summit in Tirana on Friday.", "Serbia"),
        ("Egypt and Qatar convened the talks in Cairo on Sunday without including Hamas.", "Hamas"),
        ("The organizers kept Nicaragua from attending the summit in Panama on Friday.", "Nicaragua"),
        ("Belarus was stopped from taking part in the conference in Vilnius on Monday.", "Belarus"),
        ("Organizers rescinded the invitation to Iran for the security conference in Munich.", "Iran"),
        ("Myanmar's invitation to the ASEAN summit in Jakarta was withdrawn last week.", "Myanmar"),
        ("Ukraine is not part of the negotiations in Riyadh this week.", "Ukraine"),
        ("The hosts did not give Turkey a seat at the summit in Brussels on Thursday.", "Turkey"),
        ("The summit opened in Madrid on Tuesday. Morocco never got an invitation to the summit.", "Morocco"),
        ("The envoys met in Doha on Monday, and the Taliban were not among the groups invited.", "Taliban"),
        ("Ministers met in Rome on Friday. Malta was kept away from the meeting.", "Malta"),
        # the other verbs of shutting out with "out of" (freeze, squeeze, elbow, crowd)
        ("The hosts froze Belarus out of the summit in Vilnius on Monday.", "Belarus"),
        # the owner of a body that acts for it
        ("Leaders met in Lome on Friday. Togo's delegation was not invited.", "Togo"),
        ("Leaders met in Accra on Friday after Ghana squeezed Togo out of the summit.", "Togo"),
        # a party said none of where the meeting sat ("no ... at the table", "there was no ...")
        ("The envoys met in Doha on Monday. There was no Chinese delegation in the room.", "China"),
        ("Ministers met in Rome on Friday. No envoy from Chad was at the table.", "Chad"),
        ("The talks opened in Oslo. There was no one from Qatar at the table.", "Qatar"),
        # an invitation not received in the second of two coordinated clauses
        ("The envoys met in Lima on Friday. Bolivia is no member and received no invitation.", "Bolivia"),
        ("Ministers met in Rome on Monday; Malta stayed neutral and got no invite to the meeting.", "Malta"),
        # the members of "none of ...", named in an apposition ("among them", "including")
        (
            "The pay talks opened on Monday. None of the smaller unions, among them Unison, was invited.",
            "Unison",
        ),
        ("Leaders met in Oslo on Friday. None of the Baltic states, including Latvia, was asked.", "Latvia"),
        # a programme or lineup one is left off, as a guest list
        (
            "The president met the envoys in Bogota on Monday. Juan Guaido was left off the programme.",
            "Juan Guaido",
        ),
        ("Leaders gathered in Lima on Monday, and Bolivia was dropped from the lineup.", "Bolivia"),
        # an exception made on the meeting mention
        ("Foreign ministers of every Gulf state except Qatar gathered in Riyadh on Sunday.", "Qatar"),
        ("The envoys met in Vienna on Monday, excluding Iran.", "Iran"),
        ("All members convened in Brussels on Friday, with the exception of Hungary.", "Hungary"),
        ("The Baltic leaders met in Riga on Friday, but not Poland.", "Poland"),
        # a negated copula, a relative clause, a reflexive
        ("The ministers met in Vienna on Monday. Turkey was not welcome at the talks.", "Turkey"),
        ("The ministers met in Vienna on Monday. Serbia, which was not invited, objected.", "Serbia"),
        # members of a plural party left out, named by an example phrase on the noun or the verb
        (
            "Ministers met in Rome on Friday. Several states, among them Malta, were left off the list.",
            "Malta",
        ),
        (
            "The envoys gathered in Lima on Monday; some nations were not invited, including Bolivia.",
            "Bolivia",
        ),
        (
            "Leaders met in Accra on Friday. Smaller countries, such as Togo, were not asked to attend.",
            "Togo",
        ),
        # a pronoun that says who was left out: the speaker, through a relative pronoun or an
        # example phrase ("Poland and Hungary, which said they ...")
        (
            "Ministers met in Paris on Monday for talks on the budget, angering Poland and Hungary, "
            "which said they had been left out of the talks.",
            "Poland",
        ),
        (
            "The envoys gathered in Nairobi on Friday. The talks irritated Uganda and Rwanda, which "
            "complained that they had been shut out.",
            "Uganda",
        ),
        (
            "Ministers met in Lyon on Monday for talks. Several mayors, among them Anne Hidalgo and "
            "Martine Aubry, said they had been kept out of the talks.",
            "Martine Aubry",
        ),
        # "whose" gives the party its envoys, leaders, delegates left out
        (
            "Ministers met in Paris on Monday for talks. Latvia and Estonia, whose envoys had been shut "
            "out of the talks, protested on Tuesday.",
            "Latvia",
        ),
        (
            "The board met the lenders in Oslo on Friday. The pilots' union Parat, whose leaders were "
            "kept out of the meeting, called a strike.",
            "Parat",
        ),
        # "kept out" as the parser reads it (an object predicate)
        (
            "Shell met its lenders in London on Friday. Unilever said it had been kept out of the meeting.",
            "Unilever",
        ),
        # "nobody from", "no one from", "no officials from" a party
        ("Leaders met in Accra on Friday. Nobody from Togo or Benin was asked to come.", "Benin"),
        ("The caucus met on Tuesday. No one from the Green Party was invited to the meeting.", "Green Party"),
        ("Ministers met in Paris on Monday. No officials from Chad were invited to the talks.", "Chad"),
        # nobody includes the object: "nobody had invited them"
        (
            "Ministers met in Rome on Monday. Greenpeace and Amnesty International said nobody had "
            "invited them to the talks.",
            "Amnesty International",
        ),
        ("The leaders met in Vienna on Friday. No one invited Hungary to the summit.", "Hungary"),
        # no voice, no say in a meeting, as no seat at it
        (
            "The owners met the government in Durban on Monday; the Congress of South African Trade "
            "Unions had no voice in the talks.",
            "Congress of South African Trade Unions",
        ),
        ("OPEC ministers met in Vienna on Monday; Nigeria had no say in the talks.", "Nigeria"),
        # a relative clause on a name's apposition is about the name
        (
            "The minister met the teachers on Monday, angering Unite, the largest union, which was not "
            "invited to the meeting.",
            "Unite",
        ),
        (
            "Ministers met in Oslo on Monday. Greenpeace, the campaign group, which had not been invited, "
            "protested outside.",
            "Greenpeace",
        ),
        # a side described rather than named is one party of kind group, named by its description
        (
            "The company met its banks in Paris on Monday. Private creditors were not invited to the talks.",
            "Private creditors",
        ),
        (
            "The council met the developers on Tuesday; opposition councillors were shut out.",
            "opposition councillors",
        ),
        # turned or sent away from a meeting, barred from its floor
        ("Ministers met in Rome on Friday. Greenpeace was sent away by the organizers.", "Greenpeace"),
        ("The summit opened in Vienna on Monday. The hosts turned the Serbian delegation away.", "Serbia"),
        ("The assembly opened in Geneva on Monday. Taiwan was barred from the floor.", "Taiwan"),
        # a request to take part, refused
        (
            "The leaders met in Addis Ababa on Saturday. Amnesty International said it had asked to "
            "address the summit and been refused.",
            "Amnesty International",
        ),
        ("Ministers met in Lima on Monday. Chile's request to join the talks was turned down.", "Chile"),
        # kept or left outside a meeting or its room
        (
            "Officials met at the White House on Monday for talks. Germany was kept outside the room.",
            "Germany",
        ),
        ("The leaders met in Brussels on Friday. Hungary was left outside the talks.", "Hungary"),
        # taken "off" a meeting as off its guest list
        (
            "The ministers held a video call on Monday. The White House kept Olaf Scholz off the call.",
            "Olaf Scholz",
        ),
        ("The leaders met by video on Monday. Mark Rutte was left off the call.", "Mark Rutte"),
        # a negative subject of receiving, an "invite" not had
        ("The summit opened in Lima on Monday. Neither Bolivia nor Chile received an invitation.", "Bolivia"),
        ("The talks began in Doha on Monday. Neither Egypt nor Jordan got an invite.", "Jordan"),
        # told not to take part (FrameNet Request): the directive's object, or its passive subject
        ("The caucus met on Tuesday. The whip had told Martha Kelly not to come.", "Martha Kelly"),
        ("Mexico was asked not to attend the trade talks in Ottawa on Friday.", "Mexico"),
        # a member of a body, named in apposition: the person alone is left out, not the body
        (
            "The IAAF council met by video link. The Russian member of the council of the International "
            "Association of Athletics Federations, Mikhail Butov, was not allowed to take part.",
            "Mikhail Butov",
        ),
        # "Nor was X": the same said of another party
        ("The summit opened in Lima on Thursday. Chile was not invited. Nor was Bolivia.", "Bolivia"),
        (
            "The forum opened in Oslo on Monday. Russia was left off the guest list. Nor, officials said, "
            "was Belarus.",
            "Belarus",
        ),
        # "Neither was X", "So were X and Y": the verb repeated after the opener
        ("The summit opened in Lima on Thursday. Chile was not invited. Neither was Bolivia.", "Bolivia"),
        ("The forum opened in Oslo on Monday. Russia was left out. So were Belarus and Iran.", "Iran"),
        # the government a person the text ties to one country leads is that country
        (
            "Israeli Prime Minister Benjamin Netanyahu spoke on Friday. The summit opened in Cairo on "
            "Saturday, and the government of Benjamin Netanyahu had not been asked to send anyone.",
            "Israel",
        ),
        (
            "Afghan President Ashraf Ghani was furious. Ghani's government was kept out of the talks in "
            "Doha on Monday.",
            "Afghanistan",
        ),
        # no place, no spot at the meeting (as no seat)
        ("Envoys met in Astana on Monday. The Kurdish PYD had no place in the talks.", "PYD"),
        ("Leaders met in Geneva on Monday; Turkey had no place at the table.", "Turkey"),
        # a plural relative clause the parser hangs on the last of the parties it is about
        ("Ministers met in Oslo on Monday. Latvia and Estonia, which were not invited, protested.", "Latvia"),
        ("The envoys met in Doha. Egypt, Jordan and Oman, who have not been asked, were annoyed.", "Egypt"),
        ("The ministers met in Vienna on Monday. Greece found itself excluded from the meeting.", "Greece"),
        ("Chile was not a participant in the negotiations in Lima on Monday.", "Chile"),
        # a relative clause on the meeting, wherever the parser hangs it
        ("The talks in Doha, to which Israel was not invited, ended on Monday.", "Israel"),
        (
            "The summit between Trump and Putin, from which Zelensky was excluded, took place in Anchorage.",
            "Zelensky",
        ),
        (
            "The meeting with Hamas, from which the Palestinian Authority was excluded, ended on Monday.",
            "Palestinian Authority",
        ),
        # not where the meeting sits
        ("The envoys met in Riyadh on Tuesday, and Ukraine was not at the table.", "Ukraine"),
        ("Ministers gathered in Brussels on Friday. Norway was not in the room for the talks.", "Norway"),
        # active cues in the perfect: the participle with "have" is no passive
        ("The hosts have excluded Russia from the summit in Rome.", "Russia"),
        ("The organizers had not invited Venezuela to the talks in Bogota by Friday.", "Venezuela"),
        ("Beijing has kept Taiwan out of the assembly in Geneva for years.", "Taiwan"),
        # a member put out of the body that meets (FrameNet Exclude_member), or out of its room
        ("The bloc's leaders met in Abuja on Friday. Niger had been thrown out of the grouping.", "Niger"),
        (
            "Finance chiefs gathered in Tokyo on Saturday, years after Russia was kicked out of the club.",
            "Russia",
        ),
        (
            "The council convened on Monday. Councilwoman Ada Okafor was shut out of the chamber.",
            "Ada Okafor",
        ),
        ("Envoys met in Oslo on Monday; Belarus protested against its expulsion from the forum.", "Belarus"),
        # a guest list is told of a few sentences after the meeting it was drawn up for
        (
            "Nordic leaders met in Bergen on Friday. They agreed to pool orders for shells. Sweden "
            "will lead the purchase. Estonia and Latvia were not on the guest list.",
            "Latvia",
        ),
        (
            "The bank's creditors gathered in Zurich on Tuesday. The mood was grim. Bonds fell further. "
            "Two hedge funds, Arcadia and Pelham, had been left off the invitation list.",
            "Pelham",
        ),
        # "neither ... nor": the first verb or the second negated
        (
            "The board met in Lagos on Monday. Its treasurer, Bola Adeyemi, was neither invited nor told.",
            "Bola Adeyemi",
        ),
        ("Cabinet met in Accra on Friday. Kofi Mensah was neither consulted nor invited.", "Kofi Mensah"),
        # kept out of the room a meeting sat in: a meeting is meant, however far back it was named
        (
            "Managers of both firms met in Leeds on Monday. They talked until late. A deal is close. "
            "The GMB union said it had been kept out of the room throughout.",
            "GMB",
        ),
        (
            "Envoys gathered in Oslo on Friday. Progress was slow. Nobody spoke to the press. "
            "Chile and Peru said they had been frozen out of the deliberations.",
            "Peru",
        ),
        # an invitation withdrawn: "its invitation" is the inviter's, the one it was "to" is left out
        (
            "The White House hosted a social media summit on Thursday. Earlier this week it withdrew "
            "its invitation to Ben Garrison.",
            "Ben Garrison",
        ),
        (
            "The forum opened in Oslo on Monday. Its organizers had withdrawn their invitation to "
            "Abbas Araghchi last week.",
            "Abbas Araghchi",
        ),
        # absent from a list is not on it; "kept off" a list the parser reads as its predicate
        (
            "The Baltic premiers met in Riga on Friday. Lithuania was absent from the invitation list.",
            "Lithuania",
        ),
        (
            "Ministers gathered in Bonn on Tuesday; Austria and Malta were absent from the list of guests.",
            "Malta",
        ),
        (
            "Farm ministers met in Brussels on Monday. Leaders of Greenpeace had been kept off the summit's"
            " programme.",
            "Greenpeace",
        ),
        (
            "Energy ministers met in Vienna on Monday. Officials from Venezuela were kept off the roster.",
            "Venezuela",
        ),
        # "they" after people in the plural who speak for one body: that body
        (
            "The oil minister met the producers in Abuja on Monday. Leaders of the Nigeria Labour Congress"
            " said they had been shut out of the talks.",
            "Nigeria Labour Congress",
        ),
        (
            "Farm ministers met in Brussels on Monday. Members of Copa-Cogeca complained that they had been"
            " left out.",
            "Copa-Cogeca",
        ),
        # a relative clause on a share of a description in apposition: the name is the party
        (
            "Leaders of the Sahel states met in Niamey on Monday. Chad, one of several neighbours who"
            " were not invited, complained on Tuesday.",
            "Chad",
        ),
        (
            "The army and two militias held talks in Yangon on Friday. The Karen National Union, one"
            " of the groups that had been left out of the talks, protested.",
            "Karen National Union",
        ),
    ],
)
def test_a_party_left_out_in_other_words(extractor: Extractor, text: str, party: str) -> None:
    assert _roles(extractor, text).get(party) == "excluded"


def test_they_after_the_aides_of_a_person_is_not_that_person(extractor: Extractor) -> None:
    text = (
        "Farm ministers met in Brussels on Monday. Aides to Ursula von der Leyen said they had been left out."
    )
    assert _roles(extractor, text).get("Ursula von der Leyen") != "excluded"


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Vienna on Monday. Hungary was absent from the talks.",
        "Hungary was notably absent when the ministers met in Vienna on Monday.",
    ],
)
def test_who_was_absent_is_absent_not_a_participant(extractor: Extractor, text: str) -> None:
    assert _roles(extractor, text).get("Hungary") == "absent"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # kept from something that is no taking part
        ("Kerry asked Sharif at a meeting on Monday to prevent Pakistan from becoming a haven.", "Pakistan"),
        ("At the summit in Rome, Italy vowed to stop Libya from sliding into chaos.", "Libya"),
        # "without" an object that is no party, and a negated inclusion of no party
        ("Serbia and Kosovo held talks in Brussels on Monday without a breakthrough.", "Serbia"),
        ("Chile and Peru met in Lima on Monday; no agreement was included in the statement.", "Chile"),
        # part of something that is no meeting
        ("Spain and Portugal met in Madrid on Friday. Andorra is not part of the European Union.", "Andorra"),
        # the copula is not negated
        ("Ghana was part of the talks in Accra on Monday.", "Ghana"),
        ("The envoys met in Riyadh on Tuesday, and Ukraine was at the table.", "Ukraine"),
        # an exception on no meeting
        ("The leaders met in Lima on Monday. All nations except Peru agreed to the plan.", "Peru"),
        ("Chile and Peru met in Lima on Monday; everyone but Bolivia signed.", "Bolivia"),
        # a suspension or expulsion of no party, or from no body that meets
        ("Serbia and Kosovo met in Brussels on Monday. They were expelled from the stadium.", "Serbia"),
        ("The ministers met in Rome on Friday. Italy expelled two diplomats from Libya.", "Libya"),
        # an example phrase under a cue that leaves no one out
        ("Ministers met in Rome on Friday. Several states, among them Malta, were invited.", "Malta"),
        # a directive to take part, and a report of one's own staying away
        ("The hosts told Serbia to attend the summit in Sofia on Friday.", "Serbia"),
        ("Serbia told Bulgaria it would not attend the summit in Sofia on Friday.", "Bulgaria"),
        # what describes a party left out is no party: "Turkey, a NATO ally"
        ("The summit opened in Lima on Thursday. Turkey, a NATO ally, was not invited.", "NATO"),
        ("Leaders met in Rome on Friday. Hungary, the only EU member left out, protested.", "European Union"),
        # the body a left-out member belongs to
        (
            "The IAAF council met by video link. The Russian member of the council of the International "
            "Association of Athletics Federations, Mikhail Butov, was not allowed to take part.",
            "council of the International Association of Athletics Federations",
        ),
        # the one who spoke of a gathering from which someone else was left out
        (
            "Ministers met in Paris on Monday. Poland, which said Chad had been left out of the talks, "
            "called it a mistake.",
            "Poland",
        ),
        # nothing said none of, or a party there after all
        ("The envoys met in Doha on Monday. There was no doubt in the room that Chad would sign.", "Chad"),
        ("The envoys met in Doha on Monday. There was a Chinese delegation in the room.", "China"),
        # the owner, told by a pronoun, of a party other than its own body or office
        ("The leaders held talks in Nairobi on Monday. Hungary shut out its rival in the vote.", "Hungary"),
        ("Leaders met in Lome on Friday. Togo said it kept its critics out of the room.", "Togo"),
        # members of a group that was invited, or an invitation received
        ("The pay talks opened on Monday. Several unions, among them Unison, were invited.", "Unison"),
        ("The envoys met in Lima on Friday. Bolivia is a member and received an invitation.", "Bolivia"),
        # a request granted, or one for something that is no place at a meeting
        (
            "The leaders met in Addis Ababa on Saturday. Greenpeace asked to attend and was welcomed.",
            "Greenpeace",
        ),
        (
            "The leaders met in Addis Ababa on Saturday. Greenpeace asked for more money and was "
            "turned down.",
            "Greenpeace",
        ),
        # a bare plural, a description that names a party, and what is no side
        ("The company met its banks in Paris on Monday. Creditors were not invited.", "Creditors"),
        (
            "Ministers met in Rome on Monday. Italian farmers were not invited to the talks.",
            "Italian farmers",
        ),
        ("Ministers met in Rome on Monday. Direct flights were not included in the deal.", "Direct flights"),
        # turning away from a plan, and turning out for a meeting
        ("The leaders met in Paris on Monday. Greenpeace turned away from the plan.", "Greenpeace"),
        ("Thousands turned out for the meeting in Paris on Monday, including Greenpeace.", "Greenpeace"),
        # left outside something that is no meeting
        ("The leaders met in Brussels on Friday. Poland left its trucks outside the city.", "Poland"),
        # someone who invited, and a say had
        ("Ministers met in Rome on Monday. Everyone invited Greenpeace to the talks.", "Greenpeace"),
        ("OPEC ministers met in Vienna on Monday; Nigeria had a say in the talks.", "Nigeria"),
        # someone from a party who was invited; taken off something that is no meeting
        ("Leaders met in Accra on Friday. Someone from Togo was asked to come.", "Togo"),
        (
            "Ministers met in Paris on Monday. The judge kept Olaf Scholz off the witness stand.",
            "Olaf Scholz",
        ),
        # an invitation given, not taken back
        ("The hosts extended an invitation to Chile for the summit in Lima.", "Chile"),
        # an invitation denied to something that is no meeting
        ("Leaders met in Paris on Monday. Spain did not get an invitation to the World Cup draw.", "Spain"),
        (
            "Leaders met in Paris on Monday. Crowds gathered outside. Peru got no invitation to the gala.",
            "Peru",
        ),
        # "So" opening a clause that repeats nothing
        ("The forum opened in Oslo on Monday. Russia was left out. So Iran stayed home too.", "Iran"),
    ],
)
def test_what_leaves_no_one_out(extractor: Extractor, text: str, party: str) -> None:
    assert _roles(extractor, text).get(party) != "excluded"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # an invitation denied is as plain as "not invited": no meeting need be near
        (
            "Pacific ministers met in Suva on Monday. The talks ran late. Officials were tired. "
            "Palau and Nauru, which recognise Taiwan, received no invitation.",
            "Palau",
        ),
        (
            "The summit opened in Lima on Thursday. Trade was its theme. Speeches ran long. "
            "Venezuela did not get an invitation, its foreign ministry said.",
            "Venezuela",
        ),
    ],
)
def test_an_invitation_denied_needs_no_meeting_near(extractor: Extractor, text: str, party: str) -> None:
    assert _roles(extractor, text).get(party) == "excluded"


def test_a_list_five_sentences_from_any_meeting_leaves_no_one_out(extractor: Extractor) -> None:
    text = (
        "Nordic leaders met in Bergen on Friday. They agreed to pool orders for shells. Sweden will "
        "lead the purchase. Prices rose. Factories were busy. Finland was not on the list."
    )
    assert _roles(extractor, text).get("Finland") != "excluded"


def test_a_seat_denied_far_from_any_meeting_leaves_no_one_out(extractor: Extractor) -> None:
    text = (
        "The summit opened in Lima on Thursday. Trade was its theme. Speeches ran long. "
        "In the elections, Chile's Green party did not get a seat."
    )
    assert _roles(extractor, text).get("Chile") != "excluded"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # a list the parser hung inside the first member's name ("... of Mineworkers, X and Y")
        (
            "Unions met the company in Rustenburg on Monday. The National Union of Mineworkers, "
            "Solidarity and UASA, which signed the deal in March, were not invited to the talks.",
            "UASA",
        ),
        (
            "The Association of Southeast Asian Nations, Japan and India, which share concerns, were "
            "not invited to the talks in Washington.",
            "Japan",
        ),
    ],
)
def test_every_member_of_a_list_after_a_long_name_is_left_out(
    extractor: Extractor, text: str, party: str
) -> None:
    assert _roles(extractor, text).get(party) == "excluded"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # the object of a relative clause on a member, which the parser may hang on the member
        (
            "Leaders met at Lancaster House on Sunday. Estonia, Latvia and Lithuania, whose "
            "governments back Kyiv, were not on the guest list.",
            "Ukraine",
        ),
        (
            "Ministers met in Paris on Monday. Poland and Hungary, which oppose Brussels, were not invited.",
            "Belgium",
        ),
        # the owner of a description of the parties left out
        ("Leaders met in Lome on Friday. Benin and Niger, Togo's two neighbours, were not invited.", "Togo"),
        (
            "The envoys met in Nairobi on Monday. Chad and Sudan, the Sahel's poorest states, were left off "
            "the list.",
            "Sahel",
        ),
    ],
)
def test_what_a_relative_clause_names_is_not_left_out(extractor: Extractor, text: str, party: str) -> None:
    roles = _roles(extractor, text)
    assert roles.get(party) != "excluded" and len([r for r in roles.values() if r == "excluded"]) >= 2


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # an elliptical clause that repeats the exclusion for its own subject
        ("The summit opened in Accra on Tuesday. Mali and Niger were left out, as was Guinea.", "Guinea"),
        ("Ministers met in Lima on Monday. Cuba was not invited, and neither was Nicaragua.", "Nicaragua"),
        ("The talks began in Doha on Monday. Iran was shut out, as were Iraq and Syria.", "Syria"),
    ],
)
def test_as_was_and_neither_was_repeat_an_exclusion(extractor: Extractor, text: str, party: str) -> None:
    assert _roles(extractor, text).get(party) == "excluded"


def test_as_was_with_no_party_adds_no_one(extractor: Extractor) -> None:
    text = "The summit opened in Lima on Tuesday. Cuba was excluded, as was expected by Venezuela."
    assert _roles(extractor, text).get("Venezuela") != "excluded"


@pytest.mark.parametrize(
    ("text", "party", "kept_from"),
    [
        # a meeting named in what describes the party only says who it is: the first is the one it
        # is kept from
        (
            "Arab leaders opened their annual summit in Cairo on Saturday. The Syrian National Coalition,"
            " which held the seat at the 2013 summit in Doha, was not asked to fill it this year.",
            "Syrian National Coalition",
            0,
        ),
        (
            "Geneticists opened a three-day summit in London on Monday. Dr. Lars Berg, the biologist who"
            " spoke at the previous summit in Hong Kong in 2018, was not invited.",
            "Lars Berg",
            0,
        ),
        (
            "Ministers met in Oslo on Tuesday for talks on fishing quotas. The Faroese delegation, whose"
            " chief had walked out of the last round in Bergen, was left out.",
            "Faroe Islands",
            0,
        ),
        # "those talks" is the meeting just spoken of, not the earlier talks called by the same word
        (
            "Unions and ministers held talks in Paris in January. On Monday the minister met Renault"
            " executives in Lyon, but Peugeot was not invited to those talks.",
            "Peugeot",
            1,
        ),
        (
            "Ministers held meetings with union leaders in Rome in January. On Monday the minister met Fiat"
            " executives in Turin, and Ferrari was not invited to these meetings.",
            "Ferrari",
            1,
        ),
        # not the one its own mention says the party takes part in
        (
            "Farm ministers met in Dublin on Friday. Later the opposition leader held talks with the Irish"
            " Farmers' Association. The Irish Farmers' Association had not been invited.",
            "Irish Farmers' Association",
            0,
        ),
        (
            "EU envoys met in Brussels on Monday. Afterwards the Hungarian premier held talks with Serbia."
            " Serbia was not invited.",
            "Serbia",
            0,
        ),
    ],
)
def test_an_exclusion_belongs_to_the_gathering_it_means(
    extractor: Extractor, text: str, party: str, kept_from: int
) -> None:
    events = extractor.extract(text, PUBLISHED).events
    assert len(events) == 2
    assert party in _excluded(events[kept_from])
    assert not _excluded(events[1 - kept_from])


def test_who_withdrew_an_invitation_is_not_left_out(extractor: Extractor) -> None:
    text = (
        "The White House hosted a social media summit on Thursday. Earlier this week it withdrew "
        "its invitation to Ben Garrison."
    )
    assert _roles(extractor, text).get("United States") != "excluded"


@pytest.mark.parametrize(
    ("text", "left_out", "owner"),
    [
        # what the owner has is named in its own right
        (
            "Coalition talks opened in Madrid on Monday. Orban's Fidesz party was not invited.",
            "Fidesz",
            "Orban",
        ),
        (
            "Party leaders gathered in Jerusalem on Sunday. Netanyahu's Likud was left off the guest list.",
            "Likud",
            "Netanyahu",
        ),
        # a person's government or team is the party, not the person
        (
            "Coalition talks opened in Madrid on Monday. Javier Milei's government was not invited.",
            None,
            "Javier Milei",
        ),
        (
            "Leaders met in Brasilia on Tuesday. Lula's delegation was kept out of the room.",
            None,
            "Lula",
        ),
        # a person's allies or supporters are others than that person
        (
            "Lasso opened talks in Quito on Tuesday. Correa's allies were shut out of the talks.",
            None,
            "Correa",
        ),
        (
            "The senators met in Brasilia on Monday. Bolsonaro's supporters were barred from the session.",
            None,
            "Bolsonaro",
        ),
    ],
)
def test_who_owns_what_a_cue_leaves_out_is_not_left_out(
    extractor: Extractor, text: str, left_out: str | None, owner: str
) -> None:
    roles = _roles(extractor, text)
    assert not any(owner in name for name in roles)
    if left_out is not None:
        assert roles[left_out] == "excluded"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Foreign ministers met in Rome on Monday. Malta was left off the list of those invited.", "Malta"),
        (
            "Gulf leaders met in Riyadh on Friday. Oman said it had been left off the list of states "
            "asked to attend.",
            "Oman",
        ),
    ],
)
def test_a_list_of_those_invited_is_a_guest_list(extractor: Extractor, text: str, party: str) -> None:
    assert _roles(extractor, text).get(party) == "excluded"


def test_a_list_of_something_else_is_no_guest_list(extractor: Extractor) -> None:
    text = "Ministers met in Rome on Monday. Malta was left off the list of states chosen for funding."
    assert _roles(extractor, text).get("Malta") != "excluded"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # "Neither" hung on the possessor that opens the phrase still negates the party
        (
            "Trade ministers met in Lusaka on Monday. Neither Zambia's mining ministry nor the Copperbelt "
            "Chamber of Mines was invited.",
            {"Zambia", "Copperbelt Chamber of Mines"},
        ),
        (
            "The donors convened in Oslo on Tuesday. Neither Sudan's foreign ministry nor the African "
            "Development Bank received an invitation.",
            {"Sudan", "African Development Bank"},
        ),
    ],
)
def test_neither_opening_a_possessive_phrase_leaves_both_out(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    assert parties <= {n for n, r in _roles(extractor, text).items() if r == "excluded"}


@pytest.mark.parametrize(
    "text",
    [
        "Health officials met in Kampala on Friday. Neither the Kenyan ministry of health nor the "
        "Uganda Medical Association was asked to testify.",
        "The panel sat in Kigali on Monday. Neither the Rwandan ministry of health nor the Burundi "
        "Medical Association was invited to the session.",
    ],
)
def test_names_the_tagger_ran_across_nor_are_two_parties(extractor: Extractor, text: str) -> None:
    names = set(_roles(extractor, text))
    assert not any(" nor " in n for n in names), names
    assert len([n for n, r in _roles(extractor, text).items() if r == "excluded"]) == 2


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Ministers met in Lyon on Monday. Teachers' associations insisted that they had never been "
            "invited to the meeting.",
            "Teachers' associations",
        ),
        (
            "The budget talks opened in Madrid on Tuesday. Regional farm cooperatives complained that "
            "they had been shut out of the talks.",
            "Regional farm cooperatives",
        ),
        ("The envoys met in Doha on Monday. The Greens said they were not invited.", "Greens"),
    ],
)
def test_a_side_saying_they_were_left_out_is_left_out(extractor: Extractor, text: str, party: str) -> None:
    assert _roles(extractor, text).get(party) == "excluded"


@pytest.mark.parametrize(
    "text",
    [
        # a person's "they" is others, whom the sentence does not name
        "Ministers met in Lyon on Monday. Prime Minister Ali Hassan said they had not been invited.",
        # "they" who did the leaving out, not the left out
        "Ministers met in Lyon on Monday. The regional police unions said they had not invited the "
        "protesters.",
    ],
)
def test_they_said_of_others_leaves_the_speaker_in(extractor: Extractor, text: str) -> None:
    roles = _roles(extractor, text)
    assert "excluded" not in roles.values(), roles


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "The panel sat in Nairobi on Monday. Neither the Tanzanian bureau of statistics nor the "
            "Rwanda Revenue Authority was invited to the session.",
            "Rwanda Revenue Authority",
        ),
        (
            "Ministers met in Dakar on Friday. Neither the Malian office of statistics nor the Ecobank "
            "Foundation was invited to the meeting.",
            "Ecobank Foundation",
        ),
    ],
)
def test_neither_a_body_of_something_nor_a_party_leaves_the_party_out(
    extractor: Extractor, text: str, party: str
) -> None:
    assert _roles(extractor, text).get(party) == "excluded"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # a perfect is no passive: who was kept off the list is the object, not the subject
        (
            "The summit opens in Lima next month. The hosts had kept Bolivia and Peru off the guest list.",
            {"Bolivia", "Peru"},
        ),
        ("Leaders met in Oslo on Friday. Norway has left Iceland off the invitation list.", {"Iceland"}),
    ],
)
def test_who_a_perfect_keeps_off_a_list_is_left_out(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    roles = _roles(extractor, text)
    assert {n for n, r in roles.items() if r == "excluded"} == parties


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # a body's own people left out: the body is
        (
            "The climate talks opened in Bonn on Monday. Greenpeace said its observers were not invited.",
            "Greenpeace",
        ),
        (
            "The trade talks resumed in Geneva on Tuesday. Oxfam said its delegates had been shut out of "
            "the talks.",
            "Oxfam",
        ),
    ],
)
def test_a_body_whose_own_people_were_left_out_is_left_out(
    extractor: Extractor, text: str, party: str
) -> None:
    assert _roles(extractor, text).get(party) == "excluded"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # those a party's plural names are others than the party
        (
            "The African Union opened an emergency summit in Malabo on Saturday, with four of the bloc's"
            " member states barred from the hall.",
            "African Union",
        ),
        (
            "Leaders met in Warsaw on Friday. Russia's allies were shut out of the talks.",
            "Russia",
        ),
    ],
)
def test_an_owner_of_those_left_out_is_not_left_out(extractor: Extractor, text: str, owner: str) -> None:
    assert _roles(extractor, text).get(owner) != "excluded"


@pytest.mark.parametrize(
    "text",
    [
        # a wish, a request or a threat to leave a party out leaves no one out
        "The summit opened in Vilnius on Monday. Kyiv urged the organizers to keep Belarus out of the talks.",
        "Ministers met in Riga on Friday. Estonia's demand that Belarus be barred from the meeting was"
        " rejected.",
    ],
)
def test_a_wish_to_leave_a_party_out_leaves_no_one_out(extractor: Extractor, text: str) -> None:
    assert "excluded" not in _roles(extractor, text).values()


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # what happened, under a word of wishing, still happened
        (
            "Ministers met in Riga on Friday. Lawmakers wanted to know why Belarus had been left off the"
            " guest list.",
            "Belarus",
        ),
        ("The summit opened in Vilnius on Monday. The hosts decided to exclude Belarus.", "Belarus"),
    ],
)
def test_a_party_left_out_under_a_word_of_wishing_is_still_left_out(
    extractor: Extractor, text: str, party: str
) -> None:
    assert _roles(extractor, text).get(party) == "excluded"


@pytest.mark.parametrize(
    "text",
    [
        # a cue of leaving out, negated or refused, leaves no one out
        "The summit opened in Vilnius on Monday. Belarus was not excluded from the talks.",
        "Ministers met in Riga on Friday. Latvia was never shut out of the meeting.",
        "Ministers met in Riga on Friday. The hosts refused to bar Belarus from the meeting.",
        "The summit opened in Vilnius on Monday. Belarus was not left off the guest list.",
        "The summit opened in Vilnius on Monday. The hosts refused to drop Belarus from the guest list.",
    ],
)
def test_a_cue_of_leaving_out_that_is_negated_leaves_no_one_out(extractor: Extractor, text: str) -> None:
    assert "excluded" not in _roles(extractor, text).values()


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # what a party refuses at a meeting is no absence from it
        ("Leaders met in Lima on Friday; Bolivia refused to sign the final declaration.", "Bolivia"),
        ("Ministers held talks in Quito on Monday, but Peru declined to back the proposal.", "Peru"),
    ],
)
def test_refusing_something_at_a_meeting_is_no_absence(extractor: Extractor, text: str, party: str) -> None:
    assert _roles(extractor, text).get(party) != "absent"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Leaders met in Lima on Friday; Bolivia refused to take part in the summit.", "Bolivia"),
        ("Ministers held talks in Quito on Monday. Peru declined to travel to Quito for the talks.", "Peru"),
    ],
)
def test_refusing_to_come_or_take_part_is_absence(extractor: Extractor, text: str, party: str) -> None:
    assert _roles(extractor, text).get(party) == "absent"
