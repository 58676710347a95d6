"""Liveness and readiness: on the real server, and in-process while the model loads or fails to."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx
import pytest

from app.extraction.engine import Extractor
from app.main import create_app
from app.settings import Settings
from tests.api.conftest import serve_in_thread, wait_until_ready


def test_healthz_and_readyz_answer_200_once_loaded(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready" and ready.json()["model"]


def _poll(client: httpx.Client, until: Callable[[httpx.Response], bool]) -> httpx.Response:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        response = client.get("/readyz")
        if until(response):
            return response
        time.sleep(0.05)
    pytest.fail("readiness never changed")


def test_while_loading_healthz_is_200_and_the_rest_503(extractor: Extractor) -> None:
    release = threading.Event()

    def slow_load(model: str) -> Extractor:
        release.wait(timeout=30)
        return extractor

    with serve_in_thread(create_app(Settings(), load_extractor=slow_load), wait_ready=False) as client:
        try:
            assert client.get("/healthz").status_code == 200
            assert client.get("/startupz").status_code == 503
            not_ready = client.get("/readyz")
            assert not_ready.status_code == 503
            assert "loading" in not_ready.json()["error"]["message"]
            busy = client.post("/v1/extract", json={"text": "Leaders met on Monday."})
            assert busy.status_code == 503 and busy.headers["Retry-After"]
            assert busy.json()["error"]["code"] == "not_ready"
        finally:
            release.set()
        wait_until_ready(client)
        started = client.get("/startupz")
        assert started.status_code == 200 and started.json()["status"] == "started"
        assert client.post("/v1/extract", json={"text": "Leaders met on Monday."}).status_code == 200


def test_a_model_that_fails_to_load_keeps_readyz_503_with_the_reason() -> None:
    def broken_load(model: str) -> Extractor:
        raise OSError(f"[E050] Can't find model '{model}'")

    app = create_app(Settings(spacy_model="no_such_model"), load_extractor=broken_load)
    with serve_in_thread(app, wait_ready=False) as client:
        failed = _poll(client, lambda r: "failed" in r.json()["error"]["message"])
        assert failed.status_code == 503
        assert "no_such_model" in failed.text and "E050" in failed.text
        assert client.get("/healthz").status_code == 200
