"""Admission: past EXTRACTOR_MAX_PENDING_EXTRACTIONS a request is refused at once, the rest go on."""

from __future__ import annotations

import threading
import time

import httpx

from app.extraction.engine import Extractor
from app.main import create_app
from app.settings import Settings
from tests.api.conftest import serve_in_thread
from tests.api.test_bounded_cost import _metric

# Long enough that its extraction is still running while the next request arrives.
LONG_TEXT = "The ministers met in Vienna on Monday and agreed to hold further talks next week. " * 700


def test_a_request_past_the_limit_gets_503_overloaded_and_the_pending_one_completes(
    extractor: Extractor,
) -> None:
    app = create_app(Settings(max_pending_extractions=1), load_extractor=lambda model: extractor)
    with serve_in_thread(app) as client:
        results: list[httpx.Response] = []
        slow = threading.Thread(
            target=lambda: results.append(client.post("/v1/extract", json={"text": LONG_TEXT}, timeout=120))
        )
        slow.start()
        admission = app.state.service.admission
        deadline = time.monotonic() + 30
        while admission.pending < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert admission.pending == 1

        refused = client.post("/v1/extract", json={"text": "They met on Monday."})
        assert refused.status_code == 503
        assert refused.json()["error"]["code"] == "overloaded"
        assert "1 extractions already pending" in refused.json()["error"]["message"]
        assert int(refused.headers["Retry-After"]) > 0
        # Counted as load shed, apart from the errors (README: the error-ratio query leaves 503 out).
        assert _metric(client, "extractor_overloaded_total") == 1
        # Probes and scrapes are never held behind extractions; readiness says the one place is taken.
        assert client.get("/healthz").status_code == 200
        readiness = client.get("/readyz")
        assert readiness.status_code == 503
        assert readiness.json()["error"]["code"] == "saturated"
        assert "1 extractions pending, the limit" in readiness.json()["error"]["message"]
        assert client.get("/metrics").status_code == 200

        slow.join(timeout=120)
        assert [r.status_code for r in results] == [200]
        assert admission.pending == 0
        assert client.get("/readyz").status_code == 200
        assert client.post("/v1/extract", json={"text": "They met on Monday."}).status_code == 200
        # Refused and failed requests give their place back too.
        assert client.post("/v1/extract", json={"text": ""}).status_code == 422
        assert client.post("/v1/extract", json={"text": "x", "published_at": "2025-02-30"}).status_code == 422
        assert admission.pending == 0


def test_latency_buckets_reach_the_extraction_deadline(extractor: Extractor) -> None:
    app = create_app(Settings(extraction_deadline_seconds=17.5), load_extractor=lambda model: extractor)
    with serve_in_thread(app) as client:
        client.post("/v1/extract", json={"text": "They met on Monday."})
        exposition = client.get("/metrics").text
    assert 'extractor_http_request_duration_seconds_bucket{le="17.5",method="POST",route="/v1/extract"}' in (
        exposition
    )
