"""The Python client against a real server: typed answers, errors, retries, batches, asyncio."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest
from event_extractor_client import AsyncClient, BatchItem, Client, ExtractResponse, RetryPolicy, ServiceError
from event_extractor_client._protocol import retry_after

from app.extraction.engine import Extractor
from app.main import create_app
from app.schemas import client_models
from app.settings import Settings
from tests.api.conftest import REPO_ROOT, serve_in_thread
from tests.api.test_metrics import _samples, _value
from tests.api.test_overload import LONG_TEXT
from tests.api.unavailable import unavailable_at_first

ARTICLE = "The energy ministers of Chile and Peru met in Lima on Thursday to discuss a gas pipeline."
ARTICLES: list[Any] = [
    {"id": "one", "text": ARTICLE, "published_at": "2024-04-12"},
    "Talks between the two unions will resume next week in Leeds.",
    {"id": "empty", "text": ""},
    {"id": "four", "text": "Norway hosted a summit on Arctic shipping.", "published_at": "2023-11-02"},
    {"id": "five", "text": "The committee will hold a hearing on Tuesday.", "published_at": "2024-01-08"},
]


def _requests(client: httpx.Client, status: str) -> float:
    return _value(
        _samples(client), "extractor_http_requests_total", method="POST", route="/v1/extract", status=status
    )


def test_importing_the_client_imports_neither_spacy_nor_the_service() -> None:
    probe = "import sys, event_extractor_client; print(sorted({'spacy', 'app'} & sys.modules.keys()))"

    imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)

    assert imported.stdout.strip() == "[]"


def test_the_client_distribution_holds_the_client_alone_and_needs_no_spacy(tmp_path: Path) -> None:
    # Built from a copy: setuptools writes build/ and egg-info/ beside the sources.
    source = tmp_path / "client"
    shutil.copytree(
        REPO_ROOT / "client", source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            ".",
        ],
        cwd=source,
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("event_extractor_client-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        packages = {
            name.split("/")[0] for name in archive.namelist() if not name.split("/")[0].endswith(".dist-info")
        }
        [metadata] = [name for name in archive.namelist() if name.endswith("/METADATA")]
        requires = [
            line for line in archive.read(metadata).decode().splitlines() if line.startswith("Requires-Dist")
        ]

    assert packages == {"event_extractor_client"}
    assert requires and not any("spacy" in line.lower() for line in requires), requires


def test_the_client_models_are_those_the_committed_schemas_write() -> None:
    assert not client_models.differences(), "run `python -m app.schemas --write`"


def test_extract_answers_the_typed_response_the_service_sends(server_url: str, client: httpx.Client) -> None:
    raw = client.post("/v1/extract", json={"text": ARTICLE, "published_at": "2024-04-12", "id": "x"}).json()

    with Client(server_url) as typed:
        answer = typed.extract(ARTICLE, published_at=dt.date(2024, 4, 12), id="x")

    assert isinstance(answer, ExtractResponse)
    assert answer.model_dump(mode="json") == raw
    assert answer.events[0].location is not None and answer.events[0].location.name == "Lima"


def test_a_422_raises_the_services_error_once_without_retrying(server_url: str, client: httpx.Client) -> None:
    before = _requests(client, "422")

    with (
        Client(server_url, retry=RetryPolicy(attempts=5, backoff=0.01)) as typed,
        pytest.raises(ServiceError) as raised,
    ):
        typed.extract(ARTICLE, published_at="2024-02-30")

    error = raised.value
    assert (error.status, error.code) == (422, "invalid_request")
    assert error.fields[0].field == "published_at" and "YYYY-MM-DD" in error.message
    assert error.request_id and not error.retryable
    assert _requests(client, "422") - before == 1


def test_a_503_with_retry_after_is_retried_after_the_wait_it_asks_for(server_url: str) -> None:
    with unavailable_at_first(server_url, refuse=2, retry_after="1") as flaky, Client(flaky.url) as typed:
        answer = typed.extract(ARTICLE, published_at="2024-04-12")

    assert answer.events
    assert len(flaky.arrivals) == 3
    waits = [later - earlier for earlier, later in zip(flaky.arrivals, flaky.arrivals[1:], strict=False)]
    assert all(wait >= 1.0 for wait in waits), waits


def test_retries_stop_at_the_policys_limit_with_the_503_raised(server_url: str) -> None:
    with (
        unavailable_at_first(server_url, refuse=10, retry_after="0") as flaky,
        Client(flaky.url, retry=RetryPolicy(attempts=3, backoff=0.01)) as typed,
        pytest.raises(ServiceError) as raised,
    ):
        typed.extract(ARTICLE)

    assert (raised.value.status, raised.value.code, raised.value.retry_after) == (503, "not_ready", 0.0)
    assert len(flaky.arrivals) == 3


def test_the_services_own_overload_is_waited_out(extractor: Extractor) -> None:
    app = create_app(Settings(max_pending_extractions=1), load_extractor=lambda model: extractor)
    with serve_in_thread(app) as raw:
        # Long enough to hold the one place while the client's first try arrives.
        text = LONG_TEXT[: len(LONG_TEXT) // 4]
        slow = threading.Thread(target=lambda: raw.post("/v1/extract", json={"text": text}, timeout=120))
        slow.start()
        admission = app.state.service.admission
        while admission.pending < 1 and slow.is_alive():
            time.sleep(0.01)
        with Client(str(raw.base_url), retry=RetryPolicy(attempts=60, max_wait=2)) as typed:
            answer = typed.extract(ARTICLE)
        slow.join(timeout=120)
        refused = _requests(raw, "503")

    assert answer.events
    assert refused >= 1, "the first try met the overload and was retried"


def test_extract_many_answers_every_article_in_order_across_batches(server_url: str) -> None:
    with Client(server_url) as typed:
        items = list(typed.extract_many(iter(ARTICLES), batch_size=2, concurrency=2))
        singles = [typed.extract(**a) if isinstance(a, dict) and a["text"] else None for a in ARTICLES]

    assert [item.index for item in items] == list(range(len(ARTICLES)))
    assert items[2].result is None and items[2].error is not None and items[2].error.code == "invalid_request"
    for item, single in zip(items, singles, strict=True):
        if single is not None:
            assert item.result == single


def test_an_article_too_large_for_any_body_gets_its_error_in_its_place(server_url: str) -> None:
    huge = "The delegates met again. " * 40_000  # a million characters: over the body limit alone

    with Client(server_url) as typed:
        items = list(typed.extract_many(["They met on Monday.", huge, "They met on Friday."]))

    assert [item.index for item in items] == [0, 1, 2]
    assert items[1].error is not None and items[1].error.code == "payload_too_large"
    assert items[0].result is not None and items[2].result is not None


def test_stream_batch_yields_the_items_of_one_ndjson_answer(server_url: str) -> None:
    with Client(server_url) as typed:
        streamed = list(typed.stream_batch(ARTICLES))
        whole = typed.extract_batch(ARTICLES)

    assert streamed == whole.items
    assert all(isinstance(item, BatchItem) for item in streamed)


def test_the_async_client_does_what_the_sync_one_does(server_url: str) -> None:
    async def calls() -> tuple[ExtractResponse, list[BatchItem], list[BatchItem], ServiceError]:
        async with AsyncClient(server_url) as typed:
            single = await typed.extract(ARTICLE, published_at="2024-04-12")
            many = [item async for item in typed.extract_many(ARTICLES, batch_size=2, concurrency=3)]
            streamed = [item async for item in typed.stream_batch(ARTICLES)]
            try:
                await typed.extract("")
            except ServiceError as error:
                return single, many, streamed, error
            raise AssertionError("an empty text was accepted")

    single, many, streamed, error = asyncio.run(calls())

    with Client(server_url) as typed:
        assert single == typed.extract(ARTICLE, published_at="2024-04-12")
        assert many == list(typed.extract_many(ARTICLES))
    assert streamed == many
    assert (error.status, error.code, error.fields[0].field) == (422, "invalid_request", "text")


def test_the_async_client_retries_a_503_too(server_url: str) -> None:
    async def call(url: str) -> ExtractResponse:
        async with AsyncClient(url, retry=RetryPolicy(backoff=0.01)) as typed:
            return await typed.extract(ARTICLE)

    with unavailable_at_first(server_url, refuse=1, retry_after="0") as flaky:
        answer = asyncio.run(call(flaky.url))

    assert answer.events and len(flaky.arrivals) == 2


def test_retry_after_reads_seconds_and_http_dates() -> None:
    later = email.utils.format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30), usegmt=True)

    def answer(value: str) -> httpx.Response:
        return httpx.Response(503, headers={"Retry-After": value})

    assert retry_after(answer("7")) == 7.0
    assert 25 < (retry_after(answer(later)) or 0) <= 30
    assert retry_after(answer("soon")) is None
    assert RetryPolicy(attempts=2).wait_before_retry(0, answer("3")) == 3.0
    assert RetryPolicy(attempts=2).wait_before_retry(1, answer("3")) is None
    assert RetryPolicy().wait_before_retry(0, httpx.Response(400)) is None
