"""SIGTERM to a real server during slow requests: readiness turns 503 first, every request in flight
finishes with 200, then the process exits 0."""

from __future__ import annotations

import json
import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from app.models.v1 import ExtractResponse
from tests.api.test_extract import EXAMPLE
from tests.ops.conftest import RunningService, running_service

SLOW_REQUESTS = 4
# Slow honestly: a long article. Parses take turns, so four of these keep the server busy for
# several seconds (about 1.4 s each here), well past the drain below.
SLOW_TEXT_CHARS = 40_000
DRAIN_SECONDS = 1.5


def _slow_text() -> str:
    paragraph = str(EXAMPLE["text"]) + " "
    return (paragraph * (SLOW_TEXT_CHARS // len(paragraph) + 1))[:SLOW_TEXT_CHARS]


def _in_flight(client: httpx.Client) -> float:
    for family in text_string_to_metric_families(client.get("/metrics").text):
        if family.name == "extractor_http_requests_in_flight":
            return family.samples[0].value
    pytest.fail("no in-flight gauge")


def _wait_for_in_flight(service: RunningService, count: int) -> None:
    """Until `count` requests are being answered (besides the scrape that asks)."""
    deadline = time.monotonic() + 30
    with httpx.Client(base_url=service.url, timeout=5) as client:
        while _in_flight(client) < count + 1:
            if time.monotonic() > deadline:
                pytest.fail(f"{count} requests never were in flight at once")
            time.sleep(0.02)


def _post(url: str, text: str, request_id: str) -> httpx.Response:
    with httpx.Client(base_url=url, timeout=120) as client:
        return client.post("/v1/extract", json={"text": text}, headers={"X-Request-ID": request_id})


def test_sigterm_turns_readiness_503_then_finishes_requests_in_flight_then_exits(tmp_path: Path) -> None:
    text = _slow_text()
    with (
        running_service(
            tmp_path,
            EXTRACTOR_DRAIN_SECONDS=str(DRAIN_SECONDS),
            EXTRACTOR_GRACEFUL_SHUTDOWN_SECONDS="60",
        ) as service,
        ThreadPoolExecutor(SLOW_REQUESTS) as pool,
    ):
        ids = [f"slow-{i}" for i in range(SLOW_REQUESTS)]
        pending = [pool.submit(_post, service.url, text, request_id) for request_id in ids]
        _wait_for_in_flight(service, SLOW_REQUESTS)

        service.process.send_signal(signal.SIGTERM)

        # During the drain the server still answers, and says it is not ready.
        with httpx.Client(base_url=service.url, timeout=5) as client:
            readiness = client.get("/readyz")
            liveness = client.get("/healthz")
        assert readiness.status_code == 503
        assert "shutting down" in readiness.json()["error"]["message"]
        assert liveness.status_code == 200

        responses = [future.result(timeout=120) for future in pending]
        assert [r.status_code for r in responses] == [200] * SLOW_REQUESTS
        for response in responses:
            ExtractResponse.model_validate(response.json())
        assert service.process.wait(timeout=60) == 0

    lines = service.log_lines()
    messages = [line["msg"] for line in lines]
    drain_begun = next(i for i, m in enumerate(messages) if m.startswith("SIGTERM: readiness is 503"))
    drain_over = next(i for i, m in enumerate(messages) if m.startswith("drain over"))
    shut_down = messages.index("Shutting down")
    assert drain_begun < drain_over < shut_down
    # The listener closed with slow requests still running, and they were answered after that.
    assert lines[drain_over]["in_flight"] >= 1
    finished_after_close = [
        line for line in lines[drain_over:] if line.get("request_id") in ids and line["status"] == 200
    ]
    assert finished_after_close, "no slow request was still in flight when the listener closed"
    answered = {line["request_id"] for line in lines if line.get("request_id") in ids}
    assert answered == set(ids)
    assert messages[-1].startswith("Finished server process")


def test_a_request_still_unanswered_when_the_grace_period_ends_gets_a_json_503(tmp_path: Path) -> None:
    # A client that sent half its body and stalls: still in flight when the grace period ends.
    with running_service(
        tmp_path, EXTRACTOR_GRACEFUL_SHUTDOWN_SECONDS="1", EXTRACTOR_EXTRACTION_DEADLINE_SECONDS="0.5"
    ) as service:
        port = int(service.url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=30) as stalled:
            stalled.sendall(
                b"POST /v1/extract HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                b"Content-Length: 100\r\n\r\n" + b'{"text": "The ministers'
            )
            _wait_for_in_flight(service, 1)
            service.process.send_signal(signal.SIGTERM)
            answer = b""
            while chunk := stalled.recv(65536):
                answer += chunk
        assert service.process.wait(timeout=30) == 0

    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 503"), answer
    assert b"content-type: application/json" in head.lower()
    error = json.loads(body)["error"]
    assert error["code"] == "shutting_down"
    assert "send it again" in error["message"]
