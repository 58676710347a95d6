"""The schemas over HTTP: listed, served as committed, named by every extract response, pinnable."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator

from app.main import create_app
from app.models.v1 import DateMention, Extraction, ModelInfo
from app.observability.logs import log
from app.schemas.documents import committed_path
from app.settings import Settings
from tests.api.conftest import serve_in_thread
from tests.api.test_errors import _error
from tests.api.test_extract import EXAMPLE
from tests.api.test_metrics import _samples, _value

SCHEMA_MEDIA_TYPE = "application/schema+json"
SERVED = [
    ("extract-request", "1.0.0"),
    ("extract-response", "1.0.0"),
    ("extract-response", "1.1.0"),
    ("extract-response", "1.2.0"),
]


def _link(name: str, version: str) -> str:
    return f'</v1/schemas/{name}/{version}>; rel="describedby"; type="{SCHEMA_MEDIA_TYPE}"'


def _without(node: Any, *fields: str) -> Any:
    if isinstance(node, dict):
        return {key: _without(value, *fields) for key, value in node.items() if key not in fields}
    if isinstance(node, list):
        return [_without(item, *fields) for item in node]
    return node


def test_listing_names_every_document_and_its_versions(client: httpx.Client) -> None:
    response = client.get("/v1/schemas")

    assert response.status_code == 200
    assert response.json() == {
        "schemas": [
            {"name": "extract-request", "versions": ["1.0.0"], "latest": "1.0.0"},
            {"name": "extract-response", "versions": ["1.0.0", "1.1.0", "1.2.0"], "latest": "1.2.0"},
            {"name": "batch-request", "versions": ["1.0.0"], "latest": "1.0.0"},
            {"name": "batch-response", "versions": ["1.0.0", "1.1.0", "1.2.0"], "latest": "1.2.0"},
        ]
    }


@pytest.mark.parametrize(("name", "version"), SERVED)
def test_each_schema_is_served_byte_for_byte_as_committed(
    client: httpx.Client, name: str, version: str
) -> None:
    response = client.get(f"/v1/schemas/{name}/{version}")

    assert response.status_code == 200
    assert response.headers["content-type"] == SCHEMA_MEDIA_TYPE
    assert response.content == committed_path(name, version).read_bytes()
    assert response.json()["$id"] == f"urn:event-extractor:schema:{name}:{version}"


@pytest.mark.parametrize("path", ["/v1/schemas/extract-response/9.9.9", "/v1/schemas/no-such/1.0.0"])
def test_an_unknown_schema_is_a_404_naming_those_there_are(client: httpx.Client, path: str) -> None:
    error = _error(client.get(path), 404)

    assert error["code"] == "not_found"
    assert "extract-response/1.0.0" in error["message"] and "extract-response/1.1.0" in error["message"]


def test_unpinned_answer_is_the_latest_version_with_confidence(client: httpx.Client) -> None:
    response = client.post("/v1/extract", json=EXAMPLE)

    assert response.status_code == 200
    assert response.headers["link"] == _link("extract-response", "1.2.0")
    body = response.json()
    assert body["schema_version"] == "1.2.0"
    assert body["truncated"] is False
    assert body["events"], "the example has meetings"
    for event in body["events"]:
        assert 0 < event["confidence"] < 1
        assert all(0 < party["confidence"] < 1 for party in event["participants"])


@pytest.mark.parametrize(
    ("version", "added_since"), [("1.0.0", ("confidence", "truncated")), ("1.1.0", ("truncated",))]
)
def test_a_client_pinned_to_an_older_version_gets_the_same_answer_without_the_additions(
    client: httpx.Client, version: str, added_since: tuple[str, ...]
) -> None:
    latest = client.post("/v1/extract", json=EXAMPLE)
    pinned = client.post("/v1/extract", json=EXAMPLE, params={"schema_version": version})

    assert pinned.status_code == 200
    assert pinned.headers["link"] == _link("extract-response", version)
    expected = {**_without(latest.json(), *added_since), "schema_version": version}
    # Byte for byte what an older server sent: same keys in the same order, same compact encoding.
    assert pinned.content == json.dumps(expected, ensure_ascii=False, separators=(",", ":")).encode()
    # Pinning matters to strict readers: older versions allow no properties they do not name.
    older = json.loads(committed_path("extract-response", version).read_bytes())
    assert not Draft202012Validator(older).is_valid(latest.json())


def test_pinning_the_latest_version_is_the_default(client: httpx.Client) -> None:
    latest = client.post("/v1/extract", json=EXAMPLE)
    pinned = client.post("/v1/extract", json=EXAMPLE, params={"schema_version": "1.2.0"})

    assert pinned.content == latest.content
    assert pinned.headers["link"] == latest.headers["link"]


@pytest.mark.parametrize("version", ["2.0.0", "1.3.0", "1.0", "latest", ""])
def test_an_unknown_version_is_a_406_listing_the_supported_ones(client: httpx.Client, version: str) -> None:
    error = _error(client.post("/v1/extract", json=EXAMPLE, params={"schema_version": version}), 406)

    assert error["code"] == "unsupported_schema_version"
    assert "1.0.0, 1.1.0, 1.2.0" in error["message"] and repr(version) in error["message"]


def test_the_link_leads_to_the_schema_the_body_conforms_to(client: httpx.Client) -> None:
    response = client.post("/v1/extract", json=EXAMPLE, params={"schema_version": "1.0.0"})
    target = response.links["describedby"]["url"]

    schema = client.get(target)
    assert schema.headers["content-type"] == SCHEMA_MEDIA_TYPE
    Draft202012Validator(schema.json()).validate(response.json())


def test_openapi_documents_the_pin_and_the_406(client: httpx.Client) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/v1/extract"]["post"]

    assert any(p["name"] == "schema_version" and p["in"] == "query" for p in operation["parameters"])
    assert "406" in operation["responses"]
    assert "Link" in operation["responses"]["200"]["headers"]


def test_live_validation_is_on_by_default_and_counts_no_violations(client: httpx.Client) -> None:
    before = _samples(client)
    assert client.post("/v1/extract", json=EXAMPLE).status_code == 200
    after = _samples(client)

    histogram = "extractor_response_validation_duration_seconds_count"
    assert _value(after, histogram) - _value(before, histogram) == 1
    for version in ("1.0.0", "1.1.0", "1.2.0"):
        labels = {"schema": "extract-response", "version": version}
        assert ("extractor_schema_violations_total", frozenset(labels.items())) in after
        assert _value(after, "extractor_schema_violations_total", **labels) == 0


class _OffTheContractExtractor:
    """Stands in for an engine with a bug the models cannot see: a date mention at offset -1."""

    def __init__(self, model: str) -> None:
        self.model_info = ModelInfo(name=model, version="test")

    def extract(
        self, text: str, published_at: Any, observe: Any = None, max_events: Any = None
    ) -> Extraction:
        bad = DateMention.model_construct(
            text="Monday",
            start=-1,
            end=5,
            value=None,
            end_value=None,
            anchor="none",
            direction="same",
            reason=None,
        )
        return Extraction.model_construct(events=[], dates=[bad])


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.mark.parametrize("validate", [True, False])
def test_a_violation_is_counted_and_logged_and_the_response_still_sent(validate: bool) -> None:
    app = create_app(Settings(validate_responses=validate), load_extractor=_OffTheContractExtractor)
    records = _Records()
    log.addHandler(records)
    try:
        with serve_in_thread(app, check_responses=False) as client:
            response = client.post("/v1/extract", json={"text": "Leaders met on Monday."})
            samples = _samples(client)
    finally:
        log.removeHandler(records)

    assert response.status_code == 200
    assert response.json()["dates"][0]["start"] == -1
    labels = {"schema": "extract-response", "version": "1.2.0"}
    assert _value(samples, "extractor_schema_violations_total", **labels) == (1 if validate else 0)
    logged = [r for r in records.records if r.getMessage() == "response does not conform to its schema"]
    assert len(logged) == (1 if validate else 0)
    if validate:
        fields = getattr(logged[0], "fields", {})
        assert fields["version"] == "1.2.0" and "$.dates[0].start" in fields["violations"][0]
