"""POST /v1/extract with good input: the response shape, offsets and echoes."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from app.models.v1 import SCHEMA_VERSION, ExtractRequest, ExtractResponse

EXAMPLE: dict[str, Any] = ExtractRequest.model_json_schema()["examples"][0]


def _spans(body: dict[str, Any]) -> list[dict[str, Any]]:
    """Every object in the response that claims to quote the text at [start, end)."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if {"text", "start", "end"} <= node.keys():
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(body)
    return found


def test_extract_returns_the_v1_shape(client: httpx.Client) -> None:
    response = client.post("/v1/extract", json=EXAMPLE)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    ExtractResponse.model_validate(body)  # the full contract, field by field
    assert body["schema_version"] == SCHEMA_VERSION
    assert body["id"] == EXAMPLE["id"]
    assert body["model"]["name"] and body["model"]["version"]
    assert isinstance(body["events"], list)
    assert isinstance(body["dates"], list)


def test_every_offset_indexes_the_submitted_text(client: httpx.Client) -> None:
    text = EXAMPLE["text"]
    body = client.post("/v1/extract", json=EXAMPLE).json()

    for span in _spans({"events": body["events"], "dates": body["dates"]}):
        assert text[span["start"] : span["end"]] == span["text"], span


def test_offsets_count_characters_not_bytes(client: httpx.Client) -> None:
    text = "Über-Gespräche: Président Macron a réuni les dirigeants à Paris lundi. " + EXAMPLE["text"]
    body = client.post("/v1/extract", json={"text": text, "published_at": "2025-02-18"}).json()

    for span in _spans({"events": body["events"], "dates": body["dates"]}):
        assert text[span["start"] : span["end"]] == span["text"], span


def test_id_and_published_at_are_optional(client: httpx.Client) -> None:
    response = client.post("/v1/extract", json={"text": "Leaders met in Paris on Monday."})

    assert response.status_code == 200, response.text
    assert response.json()["id"] is None


def test_whitespace_only_text_is_answered_not_failed(client: httpx.Client) -> None:
    response = client.post("/v1/extract", json={"text": " \n\t "})

    assert response.status_code == 200, response.text
    assert response.json()["events"] == []


def test_request_id_is_echoed_or_generated(client: httpx.Client) -> None:
    given = client.post("/v1/extract", json=EXAMPLE, headers={"X-Request-ID": "req-42"})
    generated = client.post("/v1/extract", json=EXAMPLE)

    assert given.headers["X-Request-ID"] == "req-42"
    assert len(generated.headers["X-Request-ID"]) >= 16
    assert generated.headers["X-Request-ID"] != given.headers["X-Request-ID"]


def test_docs_show_a_realistic_example(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    body = schema["paths"]["/v1/extract"]["post"]["requestBody"]["content"]["application/json"]

    assert schema["info"]["title"] and schema["info"]["description"] and schema["info"]["version"]
    assert [example["value"] for example in body["examples"].values()] == [EXAMPLE]
    # tests/pages runs "Try it out" with it in a real browser.


def test_concurrent_requests_all_succeed_with_the_same_answers(client: httpx.Client) -> None:
    # Distinct made-up words, so every request brings strings the model's vocabulary has not seen.
    texts = [
        f"{EXAMPLE['text']} Envoys of Qarvenia{n} and Ostrelbia{n} met in Vlendor{n}." for n in range(24)
    ]
    expected = {text: client.post("/v1/extract", json={"text": text}).json() for text in texts[:4]}

    def extract(text: str) -> httpx.Response:
        return client.post("/v1/extract", json={"text": text})

    with ThreadPoolExecutor(max_workers=12) as pool:
        responses = list(pool.map(extract, texts + texts[:4]))

    assert [r.status_code for r in responses] == [200] * len(responses), [r.text for r in responses][:3]
    for text, response in zip(texts + texts[:4], responses, strict=True):
        if text in expected:
            assert response.json() == expected[text]
