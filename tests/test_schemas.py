"""The committed JSON Schemas: written from the models, well-formed, compatible within a major."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from starlette.responses import JSONResponse

from app.extraction.engine import Extractor
from app.models import v1
from app.schemas.__main__ import consecutive_versions, incompatibilities
from app.schemas.catalog import SchemaCatalog
from app.schemas.compat import breaking_changes
from app.schemas.documents import (
    DOCUMENTS,
    DRAFT_2020_12,
    EXTRACT_RESPONSE,
    SCHEMAS_DIR,
    committed_path,
    differences,
    project,
    schema_id,
    version_key,
)
from tests.conformance import assert_conforms, assert_extraction_conforms

DATA = Path(__file__).parent / "data"
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"

COMMITTED = [(kind.name, version) for kind in DOCUMENTS.values() for version in kind.versions]


def _committed(name: str, version: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(committed_path(name, version).read_text(encoding="utf-8"))
    return document


def _property_schemas(node: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property declared anywhere in a schema, with its path."""
    if isinstance(node, dict):
        for name, schema in (node.get("properties") or {}).items():
            yield f"{path}.{name}", schema
        for key, value in node.items():
            yield from _property_schemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from _property_schemas(item, path)


def test_committed_files_are_what_the_models_write() -> None:
    found = differences()

    assert not found, "schemas/ differs from the models; run `python -m app.schemas --write`, and never " + (
        "change a released version:\n" + "\n".join(found)
    )


@pytest.mark.parametrize(("name", "version"), COMMITTED)
def test_each_file_is_a_documented_draft_2020_12_schema(name: str, version: str) -> None:
    document = _committed(name, version)

    Draft202012Validator.check_schema(document)
    assert document["$schema"] == DRAFT_2020_12
    assert document["$id"] == schema_id(name, version)
    assert document["title"] and document["description"]
    undocumented = [path for path, schema in _property_schemas(document) if not schema.get("description")]
    assert not undocumented
    assert document["examples"]
    for example in document["examples"]:
        Draft202012Validator(document).validate(example)


@pytest.mark.parametrize("kind", DOCUMENTS.values(), ids=lambda kind: kind.name)
def test_versions_are_semantic_and_in_order(kind: Any) -> None:
    keys = [version_key(v) for v in kind.versions]

    assert keys == sorted(set(keys))
    added = {
        field.json_schema_extra[v1.ADDED_IN]
        for model in [kind.model, *_nested_models(kind.model)]
        for field in model.model_fields.values()
        if isinstance(field.json_schema_extra, dict) and v1.ADDED_IN in field.json_schema_extra
    }
    assert added <= set(kind.versions), "a field names a version that is not released"


def _nested_models(model: type[Any]) -> list[type[Any]]:
    defs = model.model_json_schema().get("$defs", {})
    return [getattr(v1, name) for name in defs]


def test_every_committed_file_is_served_by_the_catalog() -> None:
    catalog = SchemaCatalog()

    for name, version in COMMITTED:
        assert catalog.get(name, version).content == committed_path(name, version).read_bytes()
    assert sorted(p.relative_to(SCHEMAS_DIR).as_posix() for p in SCHEMAS_DIR.glob("*/*.json")) == sorted(
        f"{name}/{version}.json" for name, version in COMMITTED
    )


def test_the_response_example_is_what_the_service_would_send() -> None:
    example = _committed(EXTRACT_RESPONSE.name, EXTRACT_RESPONSE.latest)["examples"][0]

    assert v1.ExtractResponse.model_validate(example).model_dump(mode="json") == example


def test_an_answer_pinned_to_1_0_0_is_byte_for_byte_what_1_0_0_sent() -> None:
    """The data file holds the bytes the service sent for the response example before 1.1.0 existed."""
    example = _committed(EXTRACT_RESPONSE.name, "1.1.0")["examples"][0]
    pinned = v1.ExtractResponse.model_validate({**example, "schema_version": "1.0.0"})

    body = project(pinned, "1.0.0")
    assert JSONResponse(body).body == (DATA / "extract-response-1.0.0-as-served.json").read_bytes()
    assert_conforms(body, "1.0.0")
    assert project(pinned, "1.1.0")["events"][0]["confidence"] == example["events"][0]["confidence"]


# -- compatibility ------------------------------------------------------------------------------


def test_consecutive_versions_within_a_major_are_backward_compatible() -> None:
    assert not incompatibilities()


BASE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "status": {"enum": ["occurred", "scheduled"], "type": "string"},
        "count": {"type": "integer", "minimum": 0},
        "party": {"$ref": "#/$defs/Party"},
        "parties": {"type": "array", "items": {"$ref": "#/$defs/Party"}},
    },
    "required": ["name", "status"],
    "additionalProperties": False,
    "$defs": {
        "Party": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "role": {"enum": ["host", "guest"]}},
            "required": ["name"],
        }
    },
}

Change = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Change:
    def change(schema: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node = schema
        for part in parents:
            node = node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value

    return change


def _both(first: Change, second: Change) -> Change:
    def change(schema: dict[str, Any]) -> None:
        first(schema)
        second(schema)

    return change


COMPATIBLE: dict[str, Change] = {
    "optional property added": _set("properties/confidence", {"type": "number"}),
    "optional property added in a definition": _set("$defs/Party/properties/id", {"type": "string"}),
    "enum widened": _set("properties/status/enum", ["occurred", "scheduled", "cancelled"]),
    "type widened to nullable": _set("properties/name", {"anyOf": [{"type": "string"}, {"type": "null"}]}),
    "integer widened to number": _set("properties/count/type", "number"),
    "bound relaxed": _set("properties/count/minimum", None),
    "requirement dropped": _set("required", ["name"]),
    "additional properties allowed": _set("additionalProperties", None),
    "description changed": _set("properties/name/description", "Who."),
}
BREAKING: dict[str, tuple[Change, str]] = {
    "property removed": (_set("properties/note", None), "$.note: property removed"),
    "optional made required": (
        _set("required", ["name", "status", "note"]),
        "$.note: property is now required",
    ),
    "new required property": (
        _both(
            _set("$defs/Party/properties/id", {"type": "string"}),
            _set("$defs/Party/required", ["name", "id"]),
        ),
        "$.party.id: property is now required",
    ),
    "enum narrowed": (_set("properties/status/enum", ["occurred"]), "value 'scheduled' is no longer allowed"),
    "nullable made strict": (
        _set("properties/note", {"type": "string"}),
        "$.note: type null is no longer allowed",
    ),
    "type changed": (_set("properties/count/type", "string"), "$.count: type integer is no longer allowed"),
    "bound tightened": (_set("properties/count/minimum", 1), "$.count: minimum raised to 1"),
    "pattern added": (_set("properties/name/pattern", "^[A-Z]"), "$.name: pattern is now '^[A-Z]'"),
    "enum narrowed in a definition": (
        _set("$defs/Party/properties/role/enum", ["host"]),
        "$.party.role: value 'guest' is no longer allowed",
    ),
    "property removed from array items": (
        _set("$defs/Party/properties/role", None),
        "$.party.role: property removed",
    ),
}


def _changed(change: Change) -> dict[str, Any]:
    schema = copy.deepcopy(BASE)
    change(schema)
    return schema


@pytest.mark.parametrize("change", COMPATIBLE.values(), ids=COMPATIBLE.keys())
def test_checker_accepts_additions_and_widening(change: Change) -> None:
    assert breaking_changes(BASE, _changed(change)) == []


@pytest.mark.parametrize(("change", "expected"), BREAKING.values(), ids=BREAKING.keys())
def test_checker_names_each_breaking_change(change: Change, expected: str) -> None:
    found = breaking_changes(BASE, _changed(change))

    assert any(expected in problem for problem in found), found


def test_checker_follows_refs_into_array_items() -> None:
    new = _changed(_set("properties/parties/items", {"$ref": "#/$defs/Guest"}))
    new["$defs"]["Guest"] = {"type": "object", "properties": {"name": {"type": "string"}}}

    assert breaking_changes(BASE, new) == ["$.parties[].role: property removed"]


@pytest.mark.parametrize(("name", "older", "newer"), list(consecutive_versions()))
def test_going_back_a_version_is_seen_as_breaking(name: str, older: str, newer: str) -> None:
    # The checker sees the real difference between releases: undoing an addition removes a property.
    assert breaking_changes(_committed(name, newer), _committed(name, older))


# -- what the engine answers conforms, whatever the text --------------------------------------------


@pytest.mark.parametrize(
    "article", sorted(DEV.glob("*.json")) or [None], ids=lambda p: p.stem if p else "absent"
)
def test_every_dev_article_answers_within_each_schema_version(
    extractor: Extractor, article: Path | None
) -> None:
    if article is None:
        pytest.skip(f"{DEV} is absent: the benchmark lives beside the repository only in CI's checkout")
    gold = json.loads(article.read_text(encoding="utf-8"))

    extraction = extractor.extract(gold["text"], dt.date.fromisoformat(gold["published_at"]))

    assert extraction.events
    assert_extraction_conforms(extraction, extractor.model_info)


# Words the stages react to, so that random texts reach them: names, meeting words, date-like tokens,
# and a few whole clauses that give parties roles.
_CUES = (
    "Germany and France met in Paris on Monday.", "Macron will host talks with Xi Jinping next week.",
    "Romania was not invited to the summit.", "The EU held an emergency meeting with NATO",
    "Emmanuel Macron", "Macron's", "Germany", "the United States", "U.S.", "EU", "NATO", "Ms. Baerbock",
    "O'Neill", "Xi Jinping", "Kyiv", "Paris", "Geneva", "summit", "talks", "met", "meeting", "call",
    "hearing", "session", "will convene", "held talks with", "was not invited to", "excluded", "hosted",
    "Monday", "on Tuesday", "February 18", "18 February 2025", "2025-02-18", "next week", "last year",
    "in 1999", "the late 1990s", "two days later", "3/4/2021", "this month", "a decade ago", "Q3",
    "the", "and", "with", "not", "in", "of", ",", ".", ";", ":", "!", "?", "—", "(", ")", '"', "“", "”",
    "é", "Ünïcödé", "中文", "🙂", "١٢٣", "\n", "\n\n", "\t",
)  # fmt: skip
_TOKENS = st.one_of(st.sampled_from(_CUES), st.text(min_size=1, max_size=8))
_GAPS = st.sampled_from(["", " ", " ", " ", "\n"])
_TEXTS = st.lists(st.tuples(_TOKENS, _GAPS), min_size=1, max_size=40).map(
    lambda parts: "".join(token + gap for token, gap in parts)
)
_PUBLISHED = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@settings(max_examples=50, deadline=None)
@given(text=_TEXTS, published_at=_PUBLISHED)
def test_any_text_answers_within_each_schema_version(
    extractor: Extractor, text: str, published_at: dt.date | None
) -> None:
    assert_extraction_conforms(extractor.extract(text, published_at), extractor.model_info)


@pytest.mark.parametrize("text", ["The summit ¹ ended on Monday.", "① The summit", "They met ² years ago."])
def test_footnote_digits_do_not_crash_the_engine(extractor: Extractor, text: str) -> None:
    assert_extraction_conforms(extractor.extract(text, dt.date(2025, 2, 18)), extractor.model_info)
