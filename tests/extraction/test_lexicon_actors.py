"""Every row of the actor stage's lexicon tables fires on its own example sentence.

Each table's check runs the row's example through the part of the actor stage that reads that table
(the whole resolver, or the name-repair step for the rows that mend a tagger's span) and looks for
the row's effect: the alias gives its country, the title is stripped from the name, "the two men"
stand for the two people named, and so on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.extraction import lexicon
from app.extraction.actors import Actor, ActorIndex, country, organization, place_name, resolve_actors
from app.extraction.actors.coreference import in_place_phrase
from app.extraction.actors.gazetteer import WITHDRAWN, demonyms
from app.extraction.actors.names import (
    described_as_organization,
    names_no_organization,
    org_span_extended,
    person_spans_mended,
)
from app.extraction.actors.words import NAME_TITLES
from app.extraction.attendance import candidates
from app.extraction.engine import read
from app.extraction.parsed import ParsedText

Parse = Callable[[str], ParsedText]
Row = lexicon.Row
PERSON = "Dario Vesco"


def _index(parse: Parse, row: Row) -> tuple[ParsedText, ActorIndex]:
    parsed = parse(row["example"])
    return parsed, resolve_actors(parsed)


def _token(parsed: ParsedText, text: str, last: bool = False) -> int:
    found = [t.i for t in parsed.tokens if t.lower == text.lower()]
    assert found, f"no token {text!r} in {parsed.text!r}"
    return found[-1] if last else found[0]


def _actor_at(index: ActorIndex, i: int) -> Actor | None:
    m = index.at(i)
    return m.actor if m is not None else None


def _countries(parse: Parse, row: Row) -> None:
    _, index = _index(parse, row)
    found = [m.actor for m in index.mentions if row["form"] in m.text and m.actor is not None]
    assert found and found[0] == country(row["form"])
    assert found[0].id == row["code"] and found[0].kind == "country"
    if row["use"] == "name":
        assert found[0].name == row["form"]


def _metonyms(parse: Parse, row: Row) -> None:
    _, index = _index(parse, row)
    found = [m for m in index.mentions if row["form"] in m.text]
    assert found and found[0].actor is not None and found[0].actor.id == row["code"]
    assert found[0].place == row["place"] == place_name(row["form"])
    assert found[0].actor == country(row["form"])  # whatever the tagger calls it


def _organizations(parse: Parse, row: Row) -> None:
    _, index = _index(parse, row)
    found = [m.actor for m in index.mentions if row["form"] in m.text]
    assert found and found[0] == Actor(row["name"], "organization") == organization(row["form"])


def _demonym_overrides(parse: Parse, row: Row) -> None:
    """The demonym ties the person it introduces to its country: "the Icelandic leader" is then
    that person, not the other one named (a withdrawn demonym ties nobody: no one is that leader)."""
    parsed, index = _index(parse, row)
    actor = _actor_at(index, _token(parsed, "leader", last=True))
    if row["code"] == WITHDRAWN:
        assert row["demonym"].lower() not in demonyms()
        assert actor is None
    else:
        assert demonyms()[row["demonym"].lower()] == row["code"]
        assert actor == Actor(PERSON, "person")


def _titles(parse: Parse, row: Row) -> None:
    word, role = row["word"], row["role"]
    parsed, index = _index(parse, row)
    if role in {"describes", "leads_country"}:
        # "the president" said later (or, for a title the tagger reads as a name, "the Icelandic
        # leader" that the title's qualifier ties to the person)
        later = [t.i for t in parsed.tokens if t.lower in {word, "leader"} and t.pos == "NOUN"]
        assert later and _actor_at(index, later[-1]) == Actor(PERSON, "person")
    elif role == "in_name":  # stripped from a span the tagger ran over it ("Crown Prince Vesco")
        vesco = _token(parsed, "Vesco")
        first = _token(
            parsed, "Prince" if word == "crown" else "Dario" if "Dario" in row["example"] else "Vesco"
        )
        assert person_spans_mended(parsed, [(0, vesco + 1, "PERSON")]) == [(first, vesco + 1, "PERSON")]
        name = parsed.span_text(first, vesco + 1)
        assert any(m.text == name and m.actor == Actor(name, "person") for m in index.mentions)
    elif role == "opens_name":  # a span the tagger took for an organization's: the name after the title
        vesco = _token(parsed, "Vesco")
        assert person_spans_mended(parsed, [(0, vesco + 1, "ORG")]) == [(vesco - 1, vesco + 1, "PERSON")]
    elif role == "styled":  # a title in a name that is kept before a single name
        dario = _token(parsed, "Dario")
        assert word in NAME_TITLES
        assert person_spans_mended(parsed, [(0, dario + 1, "PERSON")]) == [(0, dario + 1, "PERSON")]
    elif role == "post_nominal":  # stripped from a span the tagger ran over it ("Dario Vesco QC")
        dario, vesco = _token(parsed, "Dario"), _token(parsed, "Vesco")
        assert person_spans_mended(parsed, [(dario, vesco + 2, "PERSON")]) == [(dario, vesco + 1, "PERSON")]
        assert any(
            m.text == "Dario Vesco" and m.actor == Actor("Dario Vesco", "person") for m in index.mentions
        )
    else:
        pytest.fail(f"titles.tsv: unknown role {role!r}")


def _name_particles(parse: Parse, row: Row) -> None:
    parsed = parse(row["example"])
    vesco = _token(parsed, "Vesco")
    assert person_spans_mended(parsed, [(0, 1, "PERSON")]) == [(0, vesco + 1, "PERSON")]


def _organization_words(parse: Parse, row: Row) -> None:
    word, role = row["word"], row["role"]
    parsed, index = _index(parse, row)
    if role in {"refers_back", "any_body"}:
        actor = _actor_at(index, _token(parsed, word, last=True))  # "the committee" said later
        assert actor is not None and actor.kind == "organization"
        assert word in actor.name.lower() if role == "refers_back" else actor.name == "World Bank"
    if role in {"refers_back", "institution"}:  # a name the tagger cut before its "of" part goes on
        start, head = _token(parsed, "the") + 1, _token(parsed, word)
        last = _token(parsed, "Affairs" if role == "institution" else "Trade", last=True)
        assert org_span_extended(parsed, (start, head + 1, "ORG")) == (start, last + 1, "ORG")
    if role in {"refers_back", "any_body", "institution"}:
        return
    if role == "describes_org":
        assert described_as_organization(parsed, parsed.tokens[_token(parsed, "Zentrix")])
    elif role == "organ":  # "The agency's Supervisory Board": the organ's name is no organization
        start, end = _token(parsed, "'s") + 1, _token(parsed, "met")
        assert names_no_organization(parsed.span_text(start, end))
    elif role == "not_a_name":
        assert names_no_organization(parsed.tokens[_token(parsed, word)].text)
    elif role == "party_family":  # a party the tagger calls a nationality
        actor = _actor_at(index, _token(parsed, word))
        assert actor is not None and actor.kind == "organization"
        assert actor.name.lower().endswith(word)
    elif role == "legal_form":  # the company as news names it again, without its legal form
        form = next(t for t in parsed.tokens if t.lower.rstrip(".") == word.rstrip("."))
        actor = _actor_at(index, 0)
        assert actor is not None and actor.name == parsed.span_text(0, form.i).rstrip(" ,")
    elif role == "own_body":  # the name before it does not stand for the body of its people
        actor = _actor_at(index, _token(parsed, "Norland", last=True))
        assert actor is None or actor.name != parsed.span_text(0, _token(parsed, "met"))
    else:
        pytest.fail(f"organization_words.tsv: unknown role {role!r}")


def _news_outlets(parse: Parse, row: Row) -> None:
    """The outlet is an actor of its example, and the attendance model is never asked about it."""
    parsed = parse(row["example"])
    _, actors, gatherings = read(parsed, dt.date(2024, 3, 14))
    assert actors is not None and row["name"] in {m.actor.name for m in actors.mentions if m.actor}
    assert row["name"] not in {
        c.mention.actor.name for c in candidates(parsed, gatherings, actors) if c.mention.actor
    }


def _collective_words(parse: Parse, row: Row) -> None:
    word, role = row["word"], row["role"]
    parsed, index = _index(parse, row)
    if role in {"acts_for_country", "acts_singular"}:
        actor = _actor_at(index, _token(parsed, "Norwegian"))
        assert actor is not None and actor.id == "NOR"
        return
    groups = [m.text for m in index.mentions if m.actor is not None and m.actor.kind == "group"]
    if role == "head":
        assert [g for g in groups if g.startswith("Western")], groups
    elif role == "regional":
        assert f"{word} nations" in groups, groups
    elif role == "quantifier":
        assert "Gulf states" in groups, groups
    else:
        pytest.fail(f"collective_words.tsv: unknown role {role!r}")


def _plural_at(index: ActorIndex, i: int) -> list[Actor]:
    return [m.actor for m in index.plural_at(i) if m.actor is not None]


def _pair_nouns(parse: Parse, row: Row) -> None:
    parsed, index = _index(parse, row)
    noun = next(t for t in parsed.tokens if t.lemma.lower() == row["noun"] and t.tag == "NNS")
    group = _plural_at(index, noun.i)
    assert len(group) == 2 and {a.kind for a in group} == {row["kind"]}, group


def _pair_counts(parse: Parse, row: Row) -> None:
    parsed, index = _index(parse, row)
    group = _plural_at(index, _token(parsed, "men"))
    assert len(group) == int(row["number"]) and {a.kind for a in group} == {"person"}, group


def _actor_meeting_nouns(parse: Parse, row: Row) -> None:
    parsed, index = _index(parse, row)
    assert _plural_at(index, _token(parsed, "their")) == [
        Actor(PERSON, "person"),
        Actor("Maria Schmidt", "person"),
    ]


def _actor_place_prepositions(parse: Parse, row: Row) -> None:
    parsed = parse(row["example"])
    assert in_place_phrase(parsed, _token(parsed, "Lisbon"))


CHECKS: dict[str, Callable[[Parse, Row], None]] = {
    "countries": _countries,
    "metonyms": _metonyms,
    "organizations": _organizations,
    "demonym_overrides": _demonym_overrides,
    "titles": _titles,
    "name_particles": _name_particles,
    "organization_words": _organization_words,
    "news_outlets": _news_outlets,
    "collective_words": _collective_words,
    "pair_nouns": _pair_nouns,
    "pair_counts": _pair_counts,
    "actor_meeting_nouns": _actor_meeting_nouns,
    "actor_place_prepositions": _actor_place_prepositions,
}
ROWS = [
    pytest.param(name, row, id=f"{name}:{'/'.join(v for k, v in row.items() if k != 'example')}")
    for name in CHECKS
    for row in lexicon.table(name).rows
]


def test_every_actor_table_is_checked() -> None:
    assert set(CHECKS) <= set(lexicon.tables())
    assert all(lexicon.table(name).rows for name in CHECKS)


@pytest.mark.parametrize(("table", "row"), ROWS)
def test_row_fires_on_its_example(parse: Parse, table: str, row: Row) -> None:
    CHECKS[table](parse, row)
