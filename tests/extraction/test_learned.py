"""The learned decisions (app/extraction/learned/, attendance.py, whereabouts.py): the mechanism with
models written here, the trained models on sentences of our own, and what the models are never
asked. Sentences are our own."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.extraction import attendance, dating, reality, whereabouts
from app.extraction.engine import Extractor, read
from app.extraction.learned import LogisticModel, load, model_file
from app.models.v1 import Event

PUBLISHED = dt.date(2024, 3, 14)


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(text, PUBLISHED).events


def _names(event: Event) -> set[str]:
    return {p.name for p in event.participants}


def test_a_model_is_a_logistic_weighing_of_named_features() -> None:
    model = LogisticModel(weights={"kind:person": 2.0, "in_quote": -4.0}, bias=-1.0, threshold=0.5)
    assert model.probability({}) == pytest.approx(0.2689, abs=1e-4)
    assert model.probability({"kind:person": 1.0}) == pytest.approx(0.7311, abs=1e-4)
    assert model.probability({"kind:person": 1.0, "in_quote": 1.0}) < 0.05
    assert model.probability({"a feature the model never saw": 5.0}) == model.probability({})


@pytest.mark.parametrize("name", [attendance.MODEL, whereabouts.MODEL])
def test_the_trained_models_were_fitted_without_the_frozen_split(name: str) -> None:
    data = json.loads(model_file(name).read_text())
    assert set(data["fitted_on"]) == {"dev", "voa (real news)", "ours, tuning"}
    assert 0 < data["threshold"] < 1 and data["weights"]
    assert load(name).threshold == data["threshold"]


@pytest.mark.parametrize(
    "text",
    [
        "At the meeting, Mexican President Claudia Sheinbaum praised Justin Trudeau.",
        "During the talks in Berlin, Chancellor Olaf Scholz thanked Emmanuel Macron.",
    ],
)
def test_the_model_decides_which_other_actors_of_the_sentence_attend(extractor: Extractor, text: str) -> None:
    parsed = extractor.parse(text)
    _, actors, gatherings = read(parsed, PUBLISHED)
    assert actors is not None
    everyone = LogisticModel(weights={"kind:person": 10.0}, bias=-5.0, threshold=0.5)
    nobody = LogisticModel(weights={}, bias=-5.0, threshold=0.5)
    before = {p.mention.actor.name for p in gatherings[0].inherited if p.mention.actor}
    attendance.likely_attendees(parsed, gatherings, actors, nobody)
    assert {p.mention.actor.name for p in gatherings[0].inherited if p.mention.actor} == before
    attendance.likely_attendees(parsed, gatherings, actors, everyone)
    added = {p.mention.actor.name for p in gatherings[0].inherited if p.mention.actor} - before
    assert added and all(p.mention.actor.kind == "person" for p in gatherings[0].inherited if p.mention.actor)


@pytest.mark.parametrize(
    ("text", "attendee"),
    [
        (
            "Italian Prime Minister Giorgia Meloni, in her first summit, sat beside Olaf Scholz on Thursday.",
            "Olaf Scholz",
        ),
        ("At the summit on Friday, Claudia Sheinbaum sat beside Justin Trudeau.", "Justin Trudeau"),
        (
            "The ministers met on Monday. Austria and Hungary pressed for a cap on migration at the summit.",
            "Austria",
        ),
    ],
)
def test_the_trained_model_adds_attendees_no_rule_names(
    extractor: Extractor, text: str, attendee: str
) -> None:
    parsed = extractor.parse(text)
    _, _, gatherings = read(parsed, PUBLISHED)
    ruled = {p.mention.actor.name for g in gatherings for f in g.frames for p in f.parties if p.mention.actor}
    assert attendee not in ruled
    assert any(attendee in _names(e) for e in _events(extractor, text))


@pytest.mark.parametrize(
    ("text", "bystander"),
    [
        # where it met is no party to it
        ("NATO Secretary General Mark Rutte met the ministers in Vilnius.", "Lithuania"),
        ("The defence chiefs gathered at Ramstein on Tuesday with Lloyd Austin.", "Germany"),
        ("Slovakia was not invited to the Vienna meeting, diplomats said.", "Austria"),
        ("The envoys spoke after their talks in Tehran, Iran, on Monday.", "Iran"),
        ("Their meeting at a hotel in Lyon, France, ended at noon on Friday.", "France"),
        # what it is about
        ("France will convene another meeting on Ukraine next week.", "Ukraine"),
        ("The envoys held talks about Sudan in Jeddah on Friday.", "Sudan"),
        # a nearer subject stands between the speaker and the meeting
        (
            "Norway said the junta had ignored the plan it accepted at a special meeting in Oslo in April.",
            "Norway",
        ),
        ("Kenya believes the rebels broke the truce they signed at talks in Arusha.", "Kenya"),
        # said not to be there
        ("Leaders met in Paris on Monday, and Hungary was not involved in the talks.", "Hungary"),
        ("The summit in Lima did not include Chilean President Gabriel Boric on Monday.", "Gabriel Boric"),
        # kept out: the exclusion stage's to judge, not the model's
        (
            "The federation will keep Chile out of its cups, its board decided after a meeting on Tuesday.",
            "Chile",
        ),
        ("The league shut Belarus out of its events after a meeting of its board on Friday.", "Belarus"),
        ("After a meeting on Friday, the federation kept Russia and Belarus out of its events.", "Belarus"),
        # aboard a ship or a plane is where
        ("Speaking from aboard Air Force One, Biden phoned Netanyahu on Tuesday.", "Air Force One"),
        ("From aboard the royal yacht Britannia, the queen received Clinton on Friday.", "Britannia"),
        # a news outlet told or reporting is the story's source
        ("The minister, who met Lavrov on Monday, told Reuters the talks were useful.", "Reuters"),
        ("A spokesman told VOA that the two presidents met for an hour on Tuesday.", "VOA"),
        ("The board met on Monday after a report by Sky News that the bid had been raised.", "Sky News"),
        # what a meeting was held on the sidelines of is where
        (
            "Blinken met Wang on the margins of the U.N. General Assembly in New York on Friday.",
            "U.N. General Assembly",
        ),
    ],
)
def test_the_model_is_never_asked_about_places_other_clauses_or_the_kept_out(
    extractor: Extractor, text: str, bystander: str
) -> None:
    parsed = extractor.parse(text)
    _, actors, gatherings = read(parsed, PUBLISHED)
    assert actors is not None
    assert bystander not in {
        c.mention.actor.name for c in attendance.candidates(parsed, gatherings, actors) if c.mention.actor
    }
    assert not any(
        p.name == bystander and p.role in {"participant", "organizer"}
        for e in _events(extractor, text)
        for p in e.participants
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "NAIROBI, Kenya — Finance ministers of Kenya and Uganda met on Tuesday to settle a rail row.",
            "Nairobi",
        ),
        ("BRUSSELS — EU ministers met on Monday and agreed to extend sanctions.", "Brussels"),
        ("OHRID, North Macedonia — Serbia and Kosovo met on Saturday and agreed on a plan.", "Ohrid"),
    ],
)
def test_the_trained_model_places_a_gathering_its_phrase_does_not(
    extractor: Extractor, text: str, place: str
) -> None:
    parsed = extractor.parse(text)
    _, _, gatherings = read(parsed, PUBLISHED)
    assert gatherings[-1].place is None
    (event,) = _events(extractor, text)
    assert event.location is not None and event.location.name == place


def test_a_gathering_with_a_place_of_its_own_keeps_it(extractor: Extractor) -> None:
    text = "Ministers flew to Nairobi on Sunday. They met in Mombasa on Monday to discuss the port."
    parsed = extractor.parse(text)
    _, actors, gatherings = read(parsed, PUBLISHED)
    assert actors is not None and gatherings[-1].place is not None
    anywhere = LogisticModel(weights={}, bias=5.0, threshold=0.5)
    assert whereabouts.candidates(parsed, gatherings, actors) == []
    whereabouts.likely_places(parsed, gatherings, actors, anywhere)
    assert gatherings[-1].place is not None and gatherings[-1].place.name == "Mombasa"


def test_the_likeliest_place_is_taken_and_only_over_the_threshold(extractor: Extractor) -> None:
    text = "The two presidents will hold talks on Monday. Macron lands in Nairobi on Sunday."
    parsed = extractor.parse(text)
    _, actors, gatherings = read(parsed, PUBLISHED)
    assert actors is not None and gatherings[-1].place is None
    unlikely = LogisticModel(weights={}, bias=-5.0, threshold=0.5)
    whereabouts.likely_places(parsed, gatherings, actors, unlikely)
    assert gatherings[-1].place is None
    whereabouts.likely_places(parsed, gatherings, actors, LogisticModel(weights={}, bias=5.0, threshold=0.5))
    assert gatherings[-1].place is not None and gatherings[-1].place.name == "Nairobi"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Late on Friday, negotiators emerged in Geneva. The talks had lasted eleven hours.",
            "2024-03-08",
        ),
        (
            "On Monday, March 4, the mayor was back at her desk. She held a meeting with the transit union.",
            "2024-03-04",
        ),
        ("The prime minister flew to Tokyo on Wednesday. A meeting with the emperor followed.", "2024-03-13"),
    ],
)
def test_the_trained_model_dates_a_gathering_its_sentence_does_not(
    extractor: Extractor, text: str, value: str
) -> None:
    parsed = extractor.parse(text)
    _, _, gatherings = read(parsed, PUBLISHED)
    assert gatherings[-1].date is None
    (event,) = _events(extractor, text)
    assert event.date is not None and event.date.value == value


def test_a_dated_gathering_keeps_its_date_and_the_likeliest_date_wins(extractor: Extractor) -> None:
    text = "The ministers met in Vienna on Monday. They had arrived on Sunday."
    parsed = extractor.parse(text)
    dates, _, gatherings = read(parsed, PUBLISHED)
    assert gatherings[0].date is not None and dates
    assert dating.candidates(parsed, gatherings, dates) == []
    text = "Talks opened in Doha. Envoys had landed on Sunday and left on Tuesday."
    parsed = extractor.parse(text)
    dates, _, gatherings = read(parsed, PUBLISHED)
    assert gatherings[0].date is None
    dating.likely_dates(parsed, gatherings, dates, LogisticModel(weights={}, bias=-5.0, threshold=0.5))
    assert gatherings[0].date is None
    farther = LogisticModel(weights={"near:tree_closeness": -6.0}, bias=4.0, threshold=0.5)
    dating.likely_dates(parsed, gatherings, dates, farther)
    assert gatherings[0].date is not None and gatherings[0].date.text == "Tuesday"


# Texts on which every learned stage has candidates to weigh.
WEIGHED = (
    "GENEVA — The foreign ministers of France and Germany met in Geneva on Monday. Macron praised "
    "Scholz at the talks. A second meeting with Italy followed on Tuesday, officials said.",
    "The two presidents will hold talks on Monday. Macron lands in Nairobi on Sunday. Late on Friday, "
    "negotiators emerged in Geneva. The talks had lasted eleven hours.",
)


def test_every_feature_a_stage_weighs_has_a_weight_of_its_own(extractor: Extractor) -> None:
    """A feature added to a stage after its model was fitted counts for nothing until `python -m
    bench.train` refits it: every plainly named feature (not "dep:...", whose values the corpus
    may never show) must be in the model."""
    produced: dict[str, set[str]] = {
        name: set() for name in (attendance.MODEL, whereabouts.MODEL, dating.MODEL, reality.MODEL)
    }
    for text in WEIGHED:
        parsed = extractor.parse(text)
        dates, actors, gatherings = read(parsed, PUBLISHED)
        assert actors is not None
        produced[attendance.MODEL] |= {
            k for c in attendance.candidates(parsed, gatherings, actors) for k in c.features
        }
        produced[whereabouts.MODEL] |= {
            k for _, _, f in whereabouts.candidates(parsed, gatherings, actors) for k in f
        }
        produced[dating.MODEL] |= {k for _, _, f in dating.candidates(parsed, gatherings, dates) for k in f}
        produced[reality.MODEL] |= {k for f in reality.described(parsed, gatherings) for k in f}
    for name, features in produced.items():
        assert features, name
        weights = load(name).weights
        assert not {f for f in features if ":" not in f} - weights.keys(), name
