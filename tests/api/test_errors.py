"""Bad input: always a 4xx in the uniform error shape, whose message names what to fix."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import pytest

from app.extraction.engine import Extractor, StageObserver
from app.main import create_app
from app.models.v1 import Extraction, ModelInfo
from app.settings import Settings
from tests.api.conftest import serve_in_thread

GOOD = {"text": "Leaders met in Paris on Monday.", "published_at": "2025-02-18"}
JSON_HEADERS = {"Content-Type": "application/json"}


def _ignore(stage: str, seconds: float) -> None:
    del stage, seconds


def _error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    error: dict[str, Any] = response.json()["error"]
    assert set(error) == {"code", "message", "fields"}
    return error


@pytest.mark.parametrize(
    ("body", "field", "hint"),
    [
        ({}, "text", "required"),
        ({"published_at": "2025-02-18"}, "text", "required"),
        ({"text": ""}, "text", "at least 1 character"),
        ({"text": 42}, "text", "valid string"),
        ({"text": ["a", "b"]}, "text", "valid string"),
        ({"text": None}, "text", "valid string"),
        ({"text": "x", "published_at": "2025-02-30"}, "published_at", "YYYY-MM-DD"),
        ({"text": "x", "published_at": "2025-13-01"}, "published_at", "YYYY-MM-DD"),
        ({"text": "x", "published_at": "next Tuesday"}, "published_at", "YYYY-MM-DD"),
        ({"text": "x", "published_at": True}, "published_at", "date"),
        # Only what the schema says: no Unix time, no date-time, no compact form.
        ({"text": "x", "published_at": 1739836800}, "published_at", "YYYY-MM-DD"),
        ({"text": "x", "published_at": "2025-02-18T00:00:00"}, "published_at", "YYYY-MM-DD"),
        ({"text": "x", "published_at": "20250218"}, "published_at", "YYYY-MM-DD"),
        ({"text": "x", "id": 7}, "id", "valid string"),
        ({"text": "x", "id": "i" * 257}, "id", "at most 256"),
        ({"text": "x", "language": "en"}, "language", "unknown field"),
    ],
)
def test_invalid_fields_are_422_naming_the_field(
    client: httpx.Client, body: dict[str, Any], field: str, hint: str
) -> None:
    error = _error(client.post("/v1/extract", json=body), 422)

    assert error["code"] == "invalid_request"
    assert field in error["message"] and hint in error["message"]
    assert any(f["field"] == field for f in error["fields"])


def test_unpaired_surrogate_in_text_is_422(client: httpx.Client) -> None:
    raw = b'{"text": "broken \\ud800 text"}'
    error = _error(client.post("/v1/extract", content=raw, headers=JSON_HEADERS), 422)

    assert "text" in error["message"]


@pytest.mark.parametrize("raw", [b"[1, 2]", b'"just a string"', b"null", b"42"])
def test_a_body_that_is_not_an_object_is_422(client: httpx.Client, raw: bytes) -> None:
    error = _error(client.post("/v1/extract", content=raw, headers=JSON_HEADERS), 422)

    assert "JSON object" in error["message"]


def test_an_empty_body_is_422(client: httpx.Client) -> None:
    error = _error(client.post("/v1/extract", content=b"", headers=JSON_HEADERS), 422)

    assert "JSON object" in error["message"]


@pytest.mark.parametrize("raw", [b'{"text": "x",', b"{text: 'x'}", b'{"text": "x"} trailing', b"\xff\xfe"])
def test_malformed_json_is_400(client: httpx.Client, raw: bytes) -> None:
    error = _error(client.post("/v1/extract", content=raw, headers=JSON_HEADERS), 400)

    assert error["code"] == "malformed_request"
    assert "JSON" in error["message"]


def test_json_nested_too_deep_to_read_is_400(client: httpx.Client) -> None:
    raw = b"[" * 100_000 + b"]" * 100_000
    error = _error(client.post("/v1/extract", content=raw, headers=JSON_HEADERS), 400)

    assert "JSON" in error["message"]


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"]
)
def test_a_body_not_declared_as_json_is_415(client: httpx.Client, content_type: str) -> None:
    response = client.post("/v1/extract", content=json.dumps(GOOD), headers={"Content-Type": content_type})
    error = _error(response, 415)

    assert "application/json" in error["message"] and content_type in error["message"]


def test_a_body_without_content_type_is_415(client: httpx.Client) -> None:
    request = client.build_request("POST", "/v1/extract", content=json.dumps(GOOD))
    assert "Content-Type" not in request.headers
    error = _error(client.send(request), 415)

    assert "application/json" in error["message"]


def test_json_with_a_charset_or_a_json_suffix_is_accepted(client: httpx.Client) -> None:
    for content_type in ("application/json; charset=utf-8", "application/vnd.api+json"):
        response = client.post(
            "/v1/extract", content=json.dumps(GOOD), headers={"Content-Type": content_type}
        )
        assert response.status_code == 200, (content_type, response.text)


def test_text_over_the_limit_is_413_saying_the_limit(client: httpx.Client, settings: Settings) -> None:
    text = "a" * (settings.max_text_chars + 1)
    error = _error(client.post("/v1/extract", json={"text": text}), 413)

    assert error["code"] == "payload_too_large"
    assert f"{settings.max_text_chars}" in error["message"] and "characters" in error["message"]


def test_text_at_the_limit_in_escaped_json_is_not_refused_for_its_bytes(
    client: httpx.Client, settings: Settings
) -> None:
    # json.dumps spells each "é" as the six bytes \u00e9; the body guard must still let it through.
    text = "é" * (settings.max_text_chars + 1)
    body = json.dumps({"text": text}).encode()
    error = _error(client.post("/v1/extract", content=body, headers=JSON_HEADERS), 413)

    assert "characters" in error["message"]  # the text check answered, not the byte guard


def test_emoji_at_the_limit_in_escaped_json_are_not_refused_for_their_bytes(
    client: httpx.Client, settings: Settings
) -> None:
    # json.dumps spells each emoji as the twelve bytes of a surrogate pair, \ud83d\ude00.
    body = json.dumps({"text": "\N{GRINNING FACE}" * (settings.max_text_chars + 1)}).encode()
    error = _error(client.post("/v1/extract", content=body, headers=JSON_HEADERS), 413)

    assert "characters" in error["message"]  # the text check answered, not the byte guard


@pytest.mark.parametrize("published_at", ["0001-01-01", "0001-01-02", "9999-12-30", "9999-12-31"])
def test_a_publication_date_at_the_ends_of_the_calendar_is_answered(
    client: httpx.Client, published_at: str
) -> None:
    text = "The summit is on Wednesday. The envoys met last week and will meet again next month."
    response = client.post("/v1/extract", json={"text": text, "published_at": published_at})

    assert response.status_code == 200, response.text
    assert all(d["value"] is not None or d["reason"] for d in response.json()["dates"])


def test_a_body_far_beyond_the_limit_is_413_before_parsing(client: httpx.Client, settings: Settings) -> None:
    body = b'{"text": "' + b"a" * (settings.max_body_bytes * 3) + b'"}'
    error = _error(client.post("/v1/extract", content=body, headers=JSON_HEADERS), 413)

    assert f"{settings.max_body_bytes} bytes" in error["message"]


def test_a_chunked_body_beyond_the_limit_is_413(client: httpx.Client, settings: Settings) -> None:
    chunk = b"a" * 65_536

    def chunks() -> Any:
        yield b'{"text": "'
        for _ in range(settings.max_body_bytes // len(chunk) + 2):
            yield chunk
        yield b'"}'

    response = client.post("/v1/extract", content=chunks(), headers=JSON_HEADERS)
    error = _error(response, 413)

    assert f"{settings.max_body_bytes} bytes" in error["message"]


def test_unknown_path_and_wrong_method_are_uniform(client: httpx.Client) -> None:
    assert "/v2/extract" in _error(client.post("/v2/extract", json=GOOD), 404)["message"]
    assert "GET" in _error(client.get("/v1/extract"), 405)["message"]


def test_the_service_still_answers_after_every_bad_request(client: httpx.Client) -> None:
    # Runs last in this module: all the abuse above must have left the server healthy.
    assert client.get("/healthz").status_code == 200
    response = client.post("/v1/extract", json=GOOD)
    assert response.status_code == 200, response.text
    assert response.json()["schema_version"]


class _ExplodingExtractor(Extractor):
    """Stands in for an NLP stage with a bug that some text triggers."""

    def __init__(self, model: str) -> None:
        self.model_info = ModelInfo(name=model, version="test")

    def extract(
        self,
        text: str,
        published_at: dt.date | None,
        observe: StageObserver = _ignore,
        max_events: int | None = None,
    ) -> Extraction:
        if "boom" in text:
            raise RuntimeError("a bug in a stage")
        return Extraction(events=[], dates=[])


def test_a_bug_in_extraction_is_a_500_that_harms_no_other_request() -> None:
    with serve_in_thread(create_app(Settings(), load_extractor=_ExplodingExtractor)) as client:
        failed = client.post("/v1/extract", json={"text": "boom"}, headers={"X-Request-ID": "bug-1"})
        error = _error(failed, 500)

        assert error["code"] == "internal_error" and "X-Request-ID" in error["message"]
        assert failed.headers["X-Request-ID"] == "bug-1"
        assert client.post("/v1/extract", json={"text": "calm"}).status_code == 200
