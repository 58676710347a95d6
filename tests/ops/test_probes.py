"""The three probes, one question each, and their answers while loading, draining or fully busy."""

from __future__ import annotations

import datetime as dt
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from app.api.state import ServiceState
from app.extraction.engine import Extractor, StageObserver
from app.main import create_app
from app.models.v1 import Extraction, ModelInfo
from app.settings import Settings
from tests.api.conftest import serve_in_thread

# anyio's default threadpool, where FastAPI runs sync routes such as POST /v1/extract.
THREADPOOL_SLOTS = 40


def _ignore(stage: str, seconds: float) -> None:
    del stage, seconds


class _HeldExtractor(Extractor):
    """Stands in for extractions that take long: each waits until the test releases them."""

    def __init__(self, model: str) -> None:
        self.model_info = ModelInfo(name=model, version="test")
        self.release = threading.Event()
        self.waiting = 0
        self._count = threading.Lock()

    def extract(
        self,
        text: str,
        published_at: dt.date | None,
        observe: StageObserver = _ignore,
        max_events: int | None = None,
    ) -> Extraction:
        with self._count:
            self.waiting += 1
        self.release.wait(timeout=60)
        return Extraction(events=[], dates=[])


def _state(app: object) -> ServiceState:
    state = app.state.service  # type: ignore[attr-defined]
    assert isinstance(state, ServiceState)
    return state


def test_draining_turns_only_readiness_503(extractor: Extractor) -> None:
    app = create_app(Settings(), load_extractor=lambda model: extractor)
    with serve_in_thread(app) as client:
        _state(app).lifecycle.begin_draining()

        readiness = client.get("/readyz")
        assert readiness.status_code == 503
        assert readiness.json()["error"]["code"] == "not_ready"
        assert "shutting down" in readiness.json()["error"]["message"]
        # Still alive, still started, still serving whatever arrives during the drain.
        assert client.get("/healthz").status_code == 200
        assert client.get("/startupz").status_code == 200
        assert client.post("/v1/extract", json={"text": "Leaders met on Monday."}).status_code == 200


def test_probes_and_scrapes_answer_while_extractions_hold_every_thread() -> None:
    held = _HeldExtractor("held")
    busy = THREADPOOL_SLOTS + 8
    # Admit them all, so that extractions, not the admission limit, hold every thread.
    app = create_app(Settings(max_pending_extractions=busy), load_extractor=lambda model: held)
    with serve_in_thread(app) as client, ThreadPoolExecutor(busy) as pool:

        def post() -> int:
            with httpx.Client(base_url=str(client.base_url), timeout=60) as own:
                return own.post("/v1/extract", json={"text": "Leaders met."}).status_code

        pending = [pool.submit(post) for _ in range(busy)]
        try:
            deadline = time.monotonic() + 30
            while held.waiting < THREADPOOL_SLOTS:
                if time.monotonic() > deadline:
                    pytest.fail(f"only {held.waiting} extractions started")
                time.sleep(0.02)
            # Every thread is taken and more requests queue for one; the probes must not queue too.
            # Readiness answers at once too: ready, or saturated once every place is taken (the last
            # requests may still be on their way in; tests/api/test_overload.py pins that case).
            with httpx.Client(base_url=str(client.base_url), timeout=2) as probe:
                for path in ("/healthz", "/startupz", "/metrics"):
                    assert probe.get(path).status_code == 200, path
                readiness = probe.get("/readyz")
                assert readiness.status_code == 200 or readiness.json()["error"]["code"] == "saturated"
        finally:
            held.release.set()
        assert [future.result(timeout=60) for future in pending] == [200] * busy
