"""Every row of role_cues.tsv fires on its example: the example's outcome (a party excluded, or a
refusal that is no absence) holds with the table, and changes when the row's word is taken out of
the set exclusions.py reads, so the row itself is what decides it."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction import exclusions, parties
from app.extraction.engine import Extractor
from app.extraction.lexicon import Row, table
from app.extraction.lexicon.wordsets import WordSet

PUBLISHED = dt.date(2025, 3, 3)

# kind -> the set of exclusions.py made from that kind's rows
SETS = {
    "refusing-head": "REFUSING_HEADS",
    "list-noun": "LIST_NOUNS",
    "removal-verb": "REMOVAL_VERBS",
    "denying-verb": "DENYING_VERBS",
    "denied-place": "DENIED_PLACES",
    "exclusion-noun": "EXCLUSION_NOUNS",
    "no-absence": "NO_ABSENCE",
    "negative-quantifier": "NEGATIVE_QUANTIFIERS",
    "negating-preposition": "NEGATING_PREPS",
    "preventing-verb": "PREVENTING_VERBS",
    "withdrawing-verb": "WITHDRAWING_VERBS",
    "invitation-noun": "INVITATION_NOUNS",
    "membership-noun": "MEMBERSHIP_NOUNS",
    "granting-verb": "GRANTING_VERBS",
    "receiving-verb": "RECEIVING_VERBS",
    "among-preposition": "AMONG",
    "exception-preposition": "EXCEPTION_PREPS",
    "exception-noun": "EXCEPTION_NOUNS",
    "absence-adjective": "ABSENCE_ADJECTIVES",
    "list-member": "LIST_MEMBERS",
    "member-preposition": "MEMBER_PREPS",
    "directive-verb": "DIRECTIVE_VERBS",
    "seat-noun": "SEATS",
    "request-verb": "REQUEST_VERBS",
    "request-noun": "REQUEST_NOUNS",
    "rejecting-verb": "REJECTING_VERBS",
    "side-noun": "SIDES",
    "others-noun": "OTHERS_NOUNS",
    "wish-head": "WISH_HEADS",
}


def _roles(extractor: Extractor, text: str) -> dict[str, str]:
    return {p.name: p.role for e in extractor.extract(text, PUBLISHED).events for p in e.participants}


def _outcome(kind: str, roles: dict[str, str]) -> bool:
    if kind == "no-absence":
        return "absent" not in roles.values()
    if kind == "absence-adjective":
        return "absent" in roles.values()
    if kind in {"others-noun", "wish-head"}:  # the owner is not left out; a wish leaves no one out
        return "excluded" not in roles.values()
    return "excluded" in roles.values()


@pytest.mark.parametrize("row", table("role_cues").rows, ids=lambda r: f"{r['kind']}:{r['lemma']}")
def test_row_fires_on_its_example(extractor: Extractor, monkeypatch: pytest.MonkeyPatch, row: Row) -> None:
    kind, lemma = row["kind"], row["lemma"]
    module = parties if kind == "side-noun" else exclusions  # (sides are read by every party stage)
    words: WordSet = getattr(module, SETS[kind])
    assert lemma in words
    assert _outcome(kind, _roles(extractor, row["example"])), row
    monkeypatch.setattr(
        module, SETS[kind], WordSet((w, k) for w, ks in words.origin.items() for k in ks if w != lemma)
    )
    assert not _outcome(kind, _roles(extractor, row["example"])), f"{row}: holds without the row"


def test_every_kind_is_read() -> None:
    assert {row["kind"] for row in table("role_cues").rows} == set(SETS)
