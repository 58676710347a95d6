"""The temporal normalizer on sentences written for these tests, through the real spaCy pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.extraction.parsed import ParsedText
from app.extraction.temporal import NO_PUBLICATION, DateMention, find_dates

Parse = Callable[[str], ParsedText]

# Reference weekdays: 2025-01-03 Fri, 2024-03-01 Fri, 2025-12-30 Tue, 2025-06-02 Mon,
# 2025-02-18 Tue, 2024-12-23 Mon, 2023-03-11 Sat, 2024-02-28 Wed.
CASES: list[tuple[str, str, str, str]] = [
    # --- weekdays: tense and cue words decide the direction ---
    ("The ministers met on Monday in Brussels.", "Monday", "2025-01-03", "2024-12-30"),
    ("The ministers will meet on Monday in Brussels.", "Monday", "2025-01-03", "2025-01-06"),
    ("The new talks are scheduled for Wednesday.", "Wednesday", "2025-02-18", "2025-02-19"),
    ("An emergency meeting held on Monday ended without a deal.", "Monday", "2025-02-18", "2025-02-17"),
    ("She resigned last Friday after a long dispute.", "last Friday", "2025-01-03", "2024-12-27"),
    ("He will fly to Rome next Tuesday.", "next Tuesday", "2025-12-30", "2026-01-06"),
    # "last"/"next" with the day before or after: that would be "yesterday"/"tomorrow", so a week on
    ("The envoys last spoke last Wednesday, officials said.", "last Wednesday", "2025-01-02", "2024-12-25"),
    ("The board sacked its chairman last Monday.", "last Monday", "2024-12-24", "2024-12-16"),
    ("The two sides will meet again next Saturday.", "next Saturday", "2025-01-03", "2025-01-11"),
    ("The court said on Thursday that it would rule soon.", "Thursday", "2024-03-01", "2024-02-29"),
    ("The summit opens on Saturday in Geneva.", "Saturday", "2024-02-28", "2024-03-02"),
    ("Talks resume Monday in the capital.", "Monday", "2025-06-02", "2025-06-02"),
    ("The company said Friday that profits fell.", "Friday", "2025-06-02", "2025-05-30"),
    ("Voters go to the polls on Sunday.", "Sunday", "2025-06-02", "2025-06-08"),
    ("Fighting has continued since Tuesday.", "Tuesday", "2025-06-02", "2025-05-27"),
    ("Lawmakers met ahead of Thursday's vote.", "Thursday", "2025-06-02", "2025-06-05"),
    ("The minister is due to visit Kyiv on Wednesday.", "Wednesday", "2025-06-02", "2025-06-04"),
    ("The leaders are to hold a call on Friday.", "Friday", "2025-06-02", "2025-06-06"),
    ("The ceremony was scheduled to end on Friday.", "Friday", "2025-03-05", "2025-03-07"),
    ("The vote had been set for Sunday before the storm.", "Sunday", "2024-11-28", "2024-12-01"),
    ("The agency said it would publish the figures on Tuesday.", "Tuesday", "2025-12-30", "2025-12-30"),
    ("The ministry says on Monday that prices rose.", "Monday", "2025-01-03", "2024-12-30"),
    # --- explicit dates, with and without a year ---
    (
        "The president announced on Tuesday, February 18, that he will travel.",
        "Tuesday, February 18",
        "2025-02-18",
        "2025-02-18",
    ),
    ("The agreement was signed on December 17 in Paris.", "December 17", "2025-01-03", "2024-12-17"),
    ("The deadline for the sale is Jan. 10.", "Jan. 10", "2024-12-18", "2025-01-10"),
    ("The law will take effect on June 1.", "June 1", "2025-06-02", "2026-06-01"),
    ("The law took effect on June 1.", "June 1", "2025-06-02", "2025-06-01"),
    ("Elections will be held on February 29.", "February 29", "2024-01-15", "2024-02-29"),
    ("The referendum took place on February 29.", "February 29", "2025-03-01", "2024-02-29"),
    ("The vote took place on Feb. 29, 2024.", "Feb. 29, 2024", "2025-06-02", "2024-02-29"),
    ("Shares fell sharply on 3 March.", "3 March", "2025-03-05", "2025-03-03"),
    ("The merger closed on February 1, 2021.", "February 1, 2021", "2025-06-02", "2021-02-01"),
    ("Parliament returns on Thursday, January 8.", "Thursday, January 8", "2025-12-30", "2026-01-08"),
    ("The bank cut rates on Dec. 6 after a weak quarter.", "Dec. 6", "2024-12-18", "2024-12-06"),
    ("The minister will be sworn in on Jan. 20.", "Jan. 20", "2024-12-18", "2025-01-20"),
    ("The report was released on 2024-11-05.", "2024-11-05", "2025-06-02", "2024-11-05"),
    ("The leaders meet on the 14th.", "the 14th", "2025-06-02", "2025-06-14"),
    # --- ranges: the value is the start ---
    ("The conference runs from October 26-28 in Brunei.", "October 26-28", "2021-10-16", "2021-10-26"),
    ("Delegates will meet Feb 24 to Mar 1 in Rome.", "Feb 24 to Mar 1", "2025-02-10", "2025-02-24"),
    # --- month names ---
    ("Inflation rose in April, the agency said.", "April", "2025-06-02", "2025-04"),
    ("The plant will open in April.", "April", "2025-06-02", "2026-04"),
    ("The rollout is due to begin in January.", "January", "2024-11-28", "2025-01"),
    ("Sales slumped in November, the retailer said.", "November", "2025-01-03", "2024-11"),
    ("The report came out in March.", "March", "2025-03-20", "2025-03"),
    ("Elections are in November.", "November", "2025-06-02", "2025-11"),
    ("The team won the final last August.", "last August", "2024-05-17", "2023-08"),
    ("The treaty expires next March.", "next March", "2025-03-20", "2026-03"),
    ("The panel last met in January last year.", "January last year", "2025-03-05", "2024-01"),
    ("They aim to sign a deal in June next year.", "June next year", "2024-12-23", "2025-06"),
    ("The shares will be listed in August 2026.", "August 2026", "2024-12-23", "2026-08"),
    ("The flotilla was raided in May 2010.", "May 2010", "2025-06-02", "2010-05"),
    ("Prices peaked in early March.", "early March", "2025-06-02", "2025-03"),
    ("The summit was cancelled in late May.", "late May", "2018-06-10", "2018-05"),
    ("It expects to decide by the end of January.", "the end of January", "2024-12-23", "2025-01"),
    ("Production will start in mid-2024.", "mid-2024", "2023-10-01", "2024"),
    # what a plan told in the past planned: the nearer such month, ahead or behind
    ("The two sides agreed to resume talks in November.", "November", "2022-09-20", "2022-11"),
    ("The board had been due to vote on the merger in August.", "August", "2019-06-04", "2019-08"),
    ("The ministers had planned to meet in January, officials said.", "January", "2024-04-10", "2024-01"),
    ("The unions were expected to walk out in March.", "March", "2023-02-01", "2023-03"),
    # ... and the nearer such weekday, unless the sentence set its story in the past before it
    ("Shareholders had been due to vote on the takeover on Sunday.", "Sunday", "2023-10-27", "2023-10-29"),
    ("Both delegations were expected to sit down on Saturday.", "Saturday", "2016-04-22", "2016-04-23"),
    ("Her lecture, which she was due to deliver on Monday, is off.", "Monday", "2022-09-09", "2022-09-12"),
    ("The fair opened on May 2 and was due to close on Friday.", "Friday", "2025-05-14", "2025-05-09"),
    ("The forum began on March 3 and had been set to end on Sunday.", "Sunday", "2024-03-13", "2024-03-10"),
    # a plan told in the past, or named by a participle in a clause told in the past: the nearer day
    ("A first round, set for Nov. 17, was called off.", "Nov. 17", "2023-12-01", "2023-11-17"),
    ("The vote, scheduled for June 15, was scrapped.", "June 15", "2025-06-21", "2025-06-15"),
    ("The talks were set for Nov. 17.", "Nov. 17", "2023-12-01", "2023-11-17"),
    ("The next session, set for Dec. 12, will go ahead.", "Dec. 12", "2023-12-01", "2023-12-12"),
    # ... also where "for" hangs on the plan's verb beside its object
    ("The court set a new hearing date for Oct. 30.", "Oct. 30", "2021-06-11", "2021-10-30"),
    (
        "The federation scheduled the final for March 20 after the storm.",
        "March 20",
        "2022-01-14",
        "2022-03-20",
    ),
    # a summons that stands (present perfect) calls to what lies ahead; one told in the past may not
    ("The alliance has asked the envoys to a session on Jan. 25.", "Jan. 25", "2019-01-17", "2019-01-25"),
    ("The league has called club owners to a meeting on Saturday.", "Saturday", "2022-02-25", "2022-02-26"),
    ("A former aide has been ordered to testify on Monday.", "Monday", "2019-10-24", "2019-10-28"),
    ("Owners were invited to a meeting on Saturday but stayed away.", "Saturday", "2022-02-25", "2022-02-19"),
    # --- days, weeks, months and years relative to publication ---
    ("The hospital confirmed the death yesterday.", "yesterday", "2024-03-01", "2024-02-29"),
    ("The border will reopen tomorrow.", "tomorrow", "2024-12-31", "2025-01-01"),
    ("The minister resigned today.", "today", "2025-06-02", "2025-06-02"),
    ("The band plays tonight in Oslo.", "tonight", "2025-06-02", "2025-06-02"),
    ("The agency reported last week that sales fell.", "last week", "2025-01-03", "2024-W52"),
    ("The union will strike next week.", "next week", "2024-12-23", "2025-W01"),
    ("Nurses called off strikes planned for this week.", "this week", "2023-03-11", "2023-W10"),
    ("The envoy met the general earlier this week.", "earlier this week", "2021-10-16", "2021-W41"),
    ("The leaders will meet later this month.", "later this month", "2021-10-16", "2021-10"),
    ("The result was announced last month.", "last month", "2025-01-03", "2024-12"),
    ("The new rules apply from next month.", "next month", "2025-12-30", "2026-01"),
    ("Few expect a deal this year.", "this year", "2025-06-02", "2025"),
    ("Profits doubled last year.", "last year", "2025-01-03", "2024"),
    ("The tax rises next year.", "next year", "2025-06-02", "2026"),
    ("A second round is expected later this year.", "later this year", "2025-03-05", "2025"),
    ("The doctors last went on strike three years ago.", "three years ago", "2025-01-03", "2022"),
    ("The two firms merged a decade ago.", "a decade ago", "2025-01-03", "2015"),
    ("The plant closed two weeks ago.", "two weeks ago", "2025-01-03", "2024-W51"),
    ("The fair takes place this weekend.", "this weekend", "2025-06-05", "2025-W23-WE"),
    ("Revenue fell last quarter.", "last quarter", "2025-01-03", "2024-Q4"),
    # --- years, decades, centuries, quarters, seasons ---
    ("The war began in 2014.", "2014", "2025-06-02", "2014"),
    ("The economy boomed in the 1990s.", "the 1990s", "2025-06-02", "199"),
    ("Profits rose in the third quarter.", "the third quarter", "2025-11-10", "2025-Q3"),
    ("Output grew in the first quarter of 2024.", "the first quarter of 2024", "2025-06-02", "2024-Q1"),
    ("It was the worst war of the 20th century.", "the 20th century", "2025-06-02", "19"),
    ("The dam burst last summer.", "last summer", "2025-03-05", "2024-SU"),
    ("The pandemic of 2009-2010 killed thousands.", "2010", "2025-06-02", "2010"),
    ("The expedition of 1957-58 crossed the ice.", "58", "2025-06-02", "1958"),
    ("The growers expect a drought in 2030.", "2030", "2025-06-02", "2030"),
    # --- relative to a date in the text ---
    (
        "He testifies on Tuesday, April 10. The next day he will face a second panel.",
        "The next day",
        "2018-04-09",
        "2018-04-11",
    ),
    (
        "The deal was signed on March 3. A day earlier, talks had stalled.",
        "A day earlier",
        "2025-03-05",
        "2025-03-02",
    ),
    (
        "The army crossed the border on Feb. 28. The following day it took the airport.",
        "The following day",
        "2024-03-05",
        "2024-02-29",
    ),
    (
        "The company listed its shares in 2019. A year earlier, it had raised money.",
        "A year earlier",
        "2025-06-02",
        "2018",
    ),
    (
        "The rebels entered the city on Feb. 28. Two days later they seized the airport.",
        "Two days later",
        "2025-03-12",
        "2025-03-02",
    ),
    # --- more explicit forms ---
    ("The forum will take place from 12 to 14 June.", "12 to 14 June", "2025-03-12", "2025-06-12"),
    ("The company was founded in the late 1990s.", "the late 1990s", "2025-03-12", "199"),
    ("The vote is expected by the end of the year.", "the end of the year", "2025-03-12", "2025"),
    ("Britain left the bloc on January 31, 2020.", "January 31, 2020", "2025-03-12", "2020-01-31"),
    ("The project was launched six months ago.", "six months ago", "2025-03-12", "2024-09"),
    ("A meeting of the board has been called for Tuesday.", "Tuesday", "2024-09-26", "2024-10-01"),
    ("A hearing that had been set down for October 8 was vacated.", "October 8", "2024-11-21", "2024-10-08"),
    # --- what a proposal proposes lies ahead ---
    (
        "The minister went further, proposing a summit between the two blocs in Lima in December.",
        "December",
        "2023-11-09",
        "2023-12",
    ),
    ("The union called for talks in May.", "May", "2024-03-12", "2024-05"),
    ("Exports fell sharply in May.", "May", "2024-03-12", "2023-05"),
    # --- "in this <date> photo": the day, not "this <month>" ---
    (
        "A diesel car is tested in a laboratory in Michigan in this Sept. 22, 2015 photo.",
        "Sept. 22, 2015",
        "2018-12-12",
        "2015-09-22",
    ),
    (
        "The minister speaks in Paris in this March 3, 2017 file photo.",
        "March 3, 2017",
        "2018-12-12",
        "2017-03-03",
    ),
    ("The talks will resume this September.", "this September", "2018-06-12", "2018-09"),
    # --- a weekday that is the possessive of a planned thing points ahead, even under a past verb ---
    ("The league said Thursday that Friday's planned vote was on.", "Friday", "2015-05-28", "2015-05-29"),
    ("Officials said Monday that Tuesday's proposed talks were on.", "Tuesday", "2015-05-28", "2015-06-02"),
    # --- "that year": the year named last, not the story's ---
    (
        "The two first met in January 2017. They dined together on Sept. 13 that year.",
        "Sept. 13",
        "2018-12-12",
        "2017-09-13",
    ),
    ("The treaty was signed in 2015. Talks resumed in June the same year.", "June", "2018-12-12", "2015-06"),
    ("The treaty was signed in 2015. Talks resumed in June.", "June", "2018-12-12", "2018-06"),
    # --- a weekday in the week named right after it ---
    ("The panel sat on Wednesday of last week.", "Wednesday", "2024-11-28", "2024-11-20"),
    ("A meeting the board set for Monday of last week was scrapped.", "Monday", "2024-11-28", "2024-11-18"),
    ("The unions will meet on Thursday of next week.", "Thursday", "2024-11-25", "2024-12-05"),
    # --- a plan in the present perfect, of its object: what it plans lies ahead ---
    ("The council has called a session for Friday.", "Friday", "2024-11-28", "2024-11-29"),
    ("The court has set a hearing for Tuesday in Accra.", "Tuesday", "2024-11-28", "2024-12-03"),
    # --- a commitment in the present perfect (FrameNet Commitment): what it promises lies ahead ---
    ("The mayor has promised to sit down with tenants on Monday.", "Monday", "2024-11-28", "2024-12-02"),
    ("The minister has pledged to meet the strikers on Tuesday.", "Tuesday", "2024-11-28", "2024-12-03"),
    # (its bare participle plans nothing: "companies committed on Wednesday" did so then)
    ("PARIS — Tech firms committed on Wednesday to curb abuse.", "Wednesday", "2024-11-28", "2024-11-27"),
    # --- a summons or invitation as a bare participle reports when it was made ---
    (
        "Two founders were among the bosses called to the White House on May 4.",
        "May 4",
        "2023-05-25",
        "2023-05-04",
    ),
    (
        "She was one of the envoys invited to Geneva on May 3 for the signing.",
        "May 3",
        "2023-05-25",
        "2023-05-03",
    ),
    (
        "BOGOTÁ — Delegates from 20 countries called on Tuesday for new elections.",
        "Tuesday",
        "2023-04-26",
        "2023-04-25",
    ),
    # --- the present ---
    ("Prices are now higher than a year ago.", "now", "2025-06-02", "PRESENT_REF"),
    ("The drug is currently sold in ten countries.", "currently", "2025-06-02", "PRESENT_REF"),
]


def _mention(parse: Parse, sentence: str, phrase: str, published: dt.date | None) -> DateMention:
    mentions = find_dates(parse(sentence), published)
    found = [m for m in mentions if m.text == phrase]
    assert found, f"{phrase!r} not found; got {[m.text for m in mentions]}"
    return found[0]


@pytest.mark.parametrize(("sentence", "phrase", "published", "value"), CASES)
def test_value(parse: Parse, sentence: str, phrase: str, published: str, value: str) -> None:
    mention = _mention(parse, sentence, phrase, dt.date.fromisoformat(published))
    assert mention.value == value


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(
    ("sentence", "phrase", "end_value"),
    [
        ("The conference runs from October 26-28 in Brunei.", "October 26-28", "2021-10-28"),
        ("The festival runs Dec. 30 to Jan. 2 in Vienna.", "Dec. 30 to Jan. 2", "2022-01-02"),
    ],
)
def test_range_end(parse: Parse, sentence: str, phrase: str, end_value: str) -> None:
    mention = _mention(parse, sentence, phrase, dt.date(2021, 10, 16))
    assert mention.end_value == end_value


def test_offsets_and_tokens(parse: Parse) -> None:
    text = "The talks ended. They resume on Tuesday, February 18, in Paris."
    parsed = parse(text)
    (mention,) = find_dates(parsed, dt.date(2025, 2, 18))
    assert text[mention.start : mention.end] == "Tuesday, February 18"
    assert parsed.span_text(mention.token_start, mention.token_end) == "Tuesday, February 18"
    assert (mention.anchor, mention.direction) == ("publication", "same")


def test_anchor_and_direction(parse: Parse) -> None:
    mentions = find_dates(
        parse("The treaty of 1648 ended the war, and new talks will open on Friday."), dt.date(2025, 6, 2)
    )
    assert [(m.text, m.anchor, m.direction) for m in mentions] == [
        ("1648", "none", "absolute"),
        ("Friday", "publication", "future"),
    ]


def test_text_order(parse: Parse) -> None:
    text = "On Monday the envoy arrived; in 2022 he had left, and he returns next week."
    mentions = find_dates(parse(text), dt.date(2025, 6, 4))
    assert [m.text for m in mentions] == ["Monday", "2022", "next week"]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("The merger closed on February 1, 2021.", "February 1, 2021", "2021-02-01"),
        ("The war began in 2014.", "2014", "2014"),
        ("Shares will list in August 2026.", "August 2026", "2026-08"),
        ("The economy boomed in the 1990s.", "the 1990s", "199"),
    ],
)
def test_absolute_without_publication(parse: Parse, sentence: str, phrase: str, value: str) -> None:
    mention = _mention(parse, sentence, phrase, None)
    assert (mention.value, mention.anchor, mention.direction) == (value, "none", "absolute")


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The ministers met on Monday.", "Monday"),
        ("The union will strike next week.", "next week"),
        ("The plant will open in April.", "April"),
        ("The agreement was signed on December 17.", "December 17"),
        ("The doctors went on strike three years ago.", "three years ago"),
    ],
)
def test_relative_without_publication(parse: Parse, sentence: str, phrase: str) -> None:
    mention = _mention(parse, sentence, phrase, None)
    assert mention.value is None
    assert mention.reason == NO_PUBLICATION


def test_next_day_without_earlier_date(parse: Parse) -> None:
    mention = _mention(parse, "The next day the talks resumed.", "The next day", dt.date(2025, 6, 2))
    assert mention.value is None and mention.anchor == "text" and mention.reason


@pytest.mark.parametrize(
    "sentence",
    [
        "May I ask a question about the budget?",
        "Theresa May met the king at the palace.",
        "The Sunday Times reported the story first.",
        "The army sent 2,000 troops to the border.",
        "The company paid $2022 in fees.",
        "She worked there for three years.",
        "The 72-hour strike began peacefully.",
        "He is 45 years old and lives in Leeds.",
        "The strike ended recently, officials said.",
        "Black Friday sales rose sharply.",
        "The meeting started at 10 a.m. sharp.",
        "The company employs about 1500 people.",
        "Thousands of people march on Washington every spring.",
        "The fall of the Berlin Wall changed Europe.",
        "Prices will keep falling over the next week.",
        "Veterans will March on the capital.",
    ],
)
def test_no_false_hits(parse: Parse, sentence: str) -> None:
    assert find_dates(parse(sentence), dt.date(2025, 6, 2)) == []


def test_pure_and_repeatable(parse: Parse) -> None:
    parsed = parse("The talks began on Monday and end next week.")
    assert find_dates(parsed, dt.date(2025, 6, 4)) == find_dates(parsed, dt.date(2025, 6, 4))


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # "the same day", "that day", "that same day": the day of the last date told
        ("The envoys met on Friday. Aides signed the text the same day.", "the same day", "2024-04-26"),
        ("The board met on Thursday, and the chief executive resigned that day.", "that day", "2024-04-25"),
        ("Talks opened on Monday and on that same day broke down.", "that same day", "2024-04-29"),
        # a part of the day counts as its day
        ("The envoys met on Friday. Their aides dined together that evening.", "that evening", "2024-04-26"),
        ("Talks opened on Monday; the text was signed the next morning.", "the next morning", "2024-04-30"),
    ],
)
def test_the_day_of_the_last_date(parse: Parse, text: str, phrase: str, value: str) -> None:
    found = {m.text: m.value for m in find_dates(parse(text), dt.date(2024, 5, 1))}
    assert found.get(phrase) == value


@pytest.mark.parametrize(
    "text",
    ["The vote fell on Friday, the same day as the strike.", "He said on Friday that day traders lost."],
)
def test_a_day_compared_is_no_date_of_its_own(parse: Parse, text: str) -> None:
    assert [m.text for m in find_dates(parse(text), dt.date(2024, 5, 1))] == ["Friday"]


@pytest.mark.parametrize("text", ["Officials worked through the night.", "He spent two nights in Geneva."])
def test_a_night_is_no_date_of_its_own(parse: Parse, text: str) -> None:
    assert find_dates(parse(text), dt.date(2024, 5, 1)) == []


@pytest.mark.parametrize(
    ("text", "published", "values"),
    [
        # a weekday with a tense of its own is read on its own, not as the one named before
        (
            "The unions met the minister on Monday. The talks will resume on Monday, the ministry said.",
            "2025-05-07",
            ["2025-05-05", "2025-05-12"],
        ),
        (
            "Lawmakers approved the budget on Thursday. The committee meets again on Thursday to review it.",
            "2024-02-27",
            ["2024-02-22", "2024-02-29"],
        ),
    ],
)
def test_a_weekday_with_a_tense_of_its_own(
    parse: Parse, text: str, published: str, values: list[str]
) -> None:
    found = [m.value for m in find_dates(parse(text), dt.date.fromisoformat(published))]
    assert found == values


def test_a_bare_weekday_names_one_day_throughout(parse: Parse) -> None:
    text = (
        "Iran and Oman will hold talks on Sunday, officials said. Diplomats said Britain had not been "
        "invited to Sunday's session."
    )
    values = [m.value for m in find_dates(parse(text), dt.date(2025, 5, 6)) if m.text.startswith("Sunday")]
    assert values == ["2025-05-11", "2025-05-11"]
