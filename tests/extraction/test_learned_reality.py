"""The learned keep/drop decision for gatherings (reality.py, model "spurious"): the mechanism with
models written here, what the features say, the trained model on sentences of our own both ways,
and that it was fitted without the frozen split. Sentences are our own."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.extraction import reality
from app.extraction.engine import Extractor, read
from app.extraction.gatherings import Gathering
from app.extraction.learned import LogisticModel, load, model_file
from app.extraction.parsed import ParsedText
from app.models.v1 import Event

PUBLISHED = dt.date(2024, 3, 14)
DROP_ALL = LogisticModel(weights={}, bias=5.0, threshold=0.5)
DROP_NONE = LogisticModel(weights={}, bias=-5.0, threshold=0.5)
# One reported meeting (dated, with its parties: never weighed) and one generic mention.
TWO = "Scholz met Macron in Paris on Monday. Talks are the only way out of this crisis, the analyst said."


def _read(extractor: Extractor, text: str) -> tuple[ParsedText, list[Gathering]]:
    """The parse of `text` and the gatherings the rules find in it."""
    parsed = extractor.parse(text)
    return parsed, read(parsed, PUBLISHED).gatherings


def _events_of_a_weighed_gathering(extractor: Extractor, text: str) -> list[Event]:
    """The events of `text`, in which the rules find one gathering that the model is asked about
    (undated, without a party: the rules alone would report it)."""
    _, gatherings = _read(extractor, text)
    assert len(gatherings) == 1 and reality.is_weighed(gatherings[0])
    return extractor.extract(text, PUBLISHED).events


def test_a_model_drops_what_it_weighs_at_or_over_its_threshold(extractor: Extractor) -> None:
    parsed, gatherings = _read(extractor, TWO)
    assert [g.first.trigger.text for g in gatherings] == ["met", "Talks"]
    assert reality.likely_gatherings(parsed, list(gatherings), DROP_NONE) == gatherings
    # the dated meeting with its parties is never weighed, whatever the model says
    assert [g.first.trigger.text for g in reality.likely_gatherings(parsed, list(gatherings), DROP_ALL)] == [
        "met"
    ]
    partyless = LogisticModel(weights={"parties:0": 10.0}, bias=-5.0, threshold=0.5)
    assert [g.first.trigger.text for g in reality.likely_gatherings(parsed, list(gatherings), partyless)] == [
        "met"
    ]
    at_threshold = LogisticModel(weights={}, bias=0.0, threshold=0.5)  # p = 0.5 exactly: dropped
    assert len(reality.likely_gatherings(parsed, list(gatherings), at_threshold)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The envoys of Chile and Peru met in Lima on Tuesday and discussed the fishing quotas.",
        "Scholz met Macron in Paris on Monday.",
        "A summit is planned for next Friday, officials said.",  # a date
        "Chancellor Olaf Scholz met President Emmanuel Macron to discuss energy prices.",  # parties
        "Slovakia was not invited to the summit.",  # a party kept out
        "Hungary stayed away from the talks.",
    ],
)
def test_a_gathering_with_a_date_a_party_or_an_exclusion_is_never_weighed(
    extractor: Extractor, text: str
) -> None:
    parsed, gatherings = _read(extractor, text)
    assert gatherings and not any(reality.is_weighed(g) for g in gatherings)
    assert len(reality.likely_gatherings(parsed, list(gatherings), DROP_ALL)) == len(gatherings)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("If the two sides ever met, it could ease tensions, one diplomat said.", "conditional"),
        ("Unless the ministers meet soon, the deal will collapse.", "conditional"),
        ('"A meeting would be welcome," the spokesman said.', "quoted"),
        ('"We want talks with Ottawa," the premier told reporters.', "quoted"),
        ("Talks are the only way out of this crisis, the analyst said.", "parties:0"),
        ("Negotiations rarely succeed when both sides distrust each other.", "plural"),
    ],
)
def test_each_gathering_is_described_by_named_features(extractor: Extractor, text: str, feature: str) -> None:
    parsed, gatherings = _read(extractor, text)
    (features,) = reality.described(parsed, gatherings)
    assert features.get(feature) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "A meeting in Nairobi produced a ceasefire plan.",
        "An emergency meeting was held in Brussels to discuss the gas shortage.",
        "Prices rose again in March. A closed-door session in the capital lasted four hours and produced a "
        "draft budget.",
    ],
)
def test_the_trained_model_keeps_a_meeting_the_text_reports(extractor: Extractor, text: str) -> None:
    assert len(_events_of_a_weighed_gathering(extractor, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # generic: no particular gathering
        "Talks are the only way out of this crisis, the analyst said.",
        "Diplomats say negotiations are the best path to peace.",
        "Negotiations rarely succeed when both sides distrust each other.",
        "Summits like these are mostly about photographs, critics argue.",
        # hypothetical: one that may never take place
        "Should the two presidents meet, the border dispute might finally be settled.",
        "A summit could help, but nobody has proposed one, the professor said.",
        "The mayor said she would welcome talks at some point.",
    ],
)
def test_the_trained_model_drops_a_generic_or_hypothetical_mention(extractor: Extractor, text: str) -> None:
    assert _events_of_a_weighed_gathering(extractor, text) == []


def test_the_trained_model_was_fitted_without_the_frozen_split() -> None:
    data = json.loads(model_file(reality.MODEL).read_text())
    assert set(data["fitted_on"]) == {"dev", "voa (real news)", "ours, tuning"}
    assert 0 < data["threshold"] < 1 and data["weights"]
    assert load(reality.MODEL).threshold == data["threshold"]


@pytest.mark.parametrize(
    "text",
    [
        # a meeting verb the text denies reports no meeting, whoever is named and whenever
        "Ruto and Museveni did not meet in Kampala on Friday.",
        "The two foreign ministers never met during the trip to Oslo.",
        "The envoys failed to meet in Doha on Sunday.",
        "The employers refused to sit down with the drivers' union in Lisbon on Monday.",
    ],
)
def test_a_denied_meeting_verb_reports_no_meeting(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, PUBLISHED).events == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # not denied: a meeting before the one the sentence says has not happened since
        ("Ruto and Museveni have not met since March 3.", "met"),
        # the meeting noun stands; only the party stayed away
        ("Museveni did not attend the summit in Kampala on Friday.", "summit"),
    ],
)
def test_a_meeting_the_text_does_not_deny_stands(extractor: Extractor, text: str, trigger: str) -> None:
    assert trigger in [e.trigger.text for e in extractor.extract(text, PUBLISHED).events]
