"""Checks that what the service and the engine produce conforms to the committed JSON Schemas."""

from __future__ import annotations

from typing import Any

import httpx

from app.models.v1 import Extraction, ExtractResponse, ModelInfo
from app.schemas.catalog import committed_schemas
from app.schemas.documents import EXTRACT_RESPONSE, project


def assert_conforms(body: Any, version: str) -> None:
    violations = committed_schemas().violations(EXTRACT_RESPONSE.name, version, body)
    assert not violations, f"response does not conform to {EXTRACT_RESPONSE.name} {version}: {violations}"


def assert_extraction_conforms(extraction: Extraction, model: ModelInfo) -> None:
    """The engine's result, answered at each version a client may ask for, conforms to that version."""
    for version in EXTRACT_RESPONSE.versions:
        response = ExtractResponse(
            schema_version=version, model=model, events=extraction.events, dates=extraction.dates
        )
        assert_conforms(project(response, version), version)


def check_extract_response(response: httpx.Response) -> None:
    """httpx response hook: every 200 from /v1/extract conforms to the schema its Link header names."""
    if response.request.method != "POST" or response.request.url.path != "/v1/extract":
        return
    if response.status_code != 200:
        return
    response.read()
    body = response.json()
    version = body["schema_version"]
    expected_link = (
        f'</v1/schemas/{EXTRACT_RESPONSE.name}/{version}>; rel="describedby"; type="application/schema+json"'
    )
    assert response.headers.get("link") == expected_link, response.headers
    assert_conforms(body, version)
