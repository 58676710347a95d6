"""Logs as a log store reads them: JSON lines, one per request, never the article text unless asked."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.extraction.engine import Extractor
from app.main import create_app
from app.observability.logs import LOGGER_NAME, JsonFormatter
from app.settings import Settings
from tests.api.conftest import serve_in_thread
from tests.api.test_extract import EXAMPLE
from tests.ops.conftest import RunningService, running_service

# A word no log line has any other reason to contain.
MARKER = "Quixotrania"
TEXT = f"{EXAMPLE['text']} The {MARKER} delegation was not invited."
REQUEST_FIELDS = {"ts", "level", "msg", "request_id", "method", "route", "status", "duration_ms"}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningService]:
    with running_service(tmp_path_factory.mktemp("logs")) as running:
        yield running


def _request_line(service: RunningService, request_id: str) -> dict[str, Any]:
    """The request's one log line. It is written once the response is sent, so it may come just after."""
    deadline = time.monotonic() + 10
    while True:
        lines = [line for line in service.log_lines() if line.get("request_id") == request_id]
        if lines or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert len(lines) == 1, f"{len(lines)} log lines for request {request_id}"
    return lines[0]


def test_one_json_line_per_request_with_its_facts_and_no_text(service: RunningService) -> None:
    with httpx.Client(base_url=service.url, timeout=30) as client:
        response = client.post(
            "/v1/extract",
            json={"text": TEXT, "published_at": "2025-02-18"},
            headers={"X-Request-ID": "log-1"},
        )
    assert response.status_code == 200

    line = _request_line(service, "log-1")
    assert REQUEST_FIELDS | {"text_chars", "events"} <= line.keys()
    assert (line["method"], line["route"], line["status"]) == ("POST", "/v1/extract", 200)
    assert line["duration_ms"] > 0
    assert line["text_chars"] == len(TEXT)
    assert line["events"] == len(response.json()["events"])
    assert MARKER not in service.log_path.read_text()


def test_every_line_the_process_writes_is_json(service: RunningService) -> None:
    lines = service.log_lines()  # fails on the first line that is not a JSON object

    assert all({"ts", "level", "msg"} <= line.keys() for line in lines)
    assert any(line["msg"].startswith("Uvicorn running on") for line in lines)  # uvicorn's own, too


def test_request_ids_are_echoed_generated_or_replaced(service: RunningService) -> None:
    with httpx.Client(base_url=service.url, timeout=30) as client:
        generated = client.get("/healthz").headers["X-Request-ID"]
        replaced = client.get("/healthz", headers={"X-Request-ID": "has spaces; and=more"})
        refused = client.post("/v1/extract", json={"text": ""}, headers={"X-Request-ID": "log-422"})

    assert _request_line(service, generated)["route"] == "/healthz"
    assert replaced.headers["X-Request-ID"] != "has spaces; and=more"
    assert _request_line(service, replaced.headers["X-Request-ID"])["status"] == 200
    assert refused.headers["X-Request-ID"] == "log-422"
    assert _request_line(service, "log-422")["status"] == 422


@pytest.fixture
def captured_request_log() -> Iterator[io.StringIO]:
    """What the service's logger writes, while the test runs."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    try:
        yield out
    finally:
        logger.removeHandler(handler)


def test_the_text_is_logged_only_when_the_setting_asks(
    extractor: Extractor, captured_request_log: io.StringIO
) -> None:
    app = create_app(Settings(log_text=True), load_extractor=lambda model: extractor)
    with serve_in_thread(app) as client:
        client.post("/v1/extract", json={"text": TEXT}, headers={"X-Request-ID": "log-text"})

    lines = [json.loads(line) for line in captured_request_log.getvalue().splitlines()]
    [line] = [line for line in lines if line.get("request_id") == "log-text"]
    assert line["text"] == TEXT
