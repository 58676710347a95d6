"""POST /v1/extract/batch against a real server: order, errors in place, NDJSON, limits, metrics."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpx
import pytest

from app.api.state import Admission
from app.extraction.engine import PARSE_BATCH_SIZE, Extractor
from app.main import create_app
from app.models.v1 import BATCH_RESPONSE_SCHEMA_VERSIONS
from app.schemas.catalog import committed_schemas
from app.settings import Settings
from tests.api.conftest import serve_in_thread
from tests.api.test_metrics import _samples, _value

NDJSON = "application/x-ndjson"
ARTICLES: list[Any] = [
    {"id": "a", "published_at": "2024-03-04", "text": "The two foreign ministers met in Oslo on Tuesday."},
    {"id": "b", "text": ""},
    {
        "id": "c",
        "published_at": "2024-05-10",
        "text": "Brazil will host climate talks with Norway next week.",
    },
    "not an object",
    {"text": "A summit of the three leaders was cancelled.", "colour": "blue"},
]


def _assert_conforms(body: Any) -> None:
    violations = committed_schemas().violations("batch-response", body["schema_version"], body)
    assert not violations, violations


def _single(client: httpx.Client, article: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/v1/extract", json=article)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def test_each_article_is_answered_in_its_place_as_the_single_endpoint_would(client: httpx.Client) -> None:
    response = client.post("/v1/extract/batch", json={"articles": ARTICLES})

    assert response.status_code == 200, response.text
    body = response.json()
    _assert_conforms(body)
    assert body["schema_version"] == BATCH_RESPONSE_SCHEMA_VERSIONS[-1]
    assert response.headers["link"].startswith(f"</v1/schemas/batch-response/{body['schema_version']}>")
    items = body["items"]
    assert [item["index"] for item in items] == [0, 1, 2, 3, 4]
    assert items[0]["result"] == _single(client, ARTICLES[0])
    assert items[2]["result"] == _single(client, ARTICLES[2])
    assert items[0]["result"]["events"], "the meeting in Oslo is found"
    assert [item["error"] for item in (items[0], items[2])] == [None, None]
    empty, not_object, unknown = items[1]["error"], items[3]["error"], items[4]["error"]
    assert empty["code"] == "invalid_request" and empty["fields"][0]["field"] == "text"
    assert "at least 1 character" in empty["message"]
    assert not_object["message"].startswith("an article must be a JSON object")
    assert unknown["fields"][0]["field"] == "colour" and "allowed fields are text" in unknown["message"]
    assert all(items[i]["result"] is None for i in (1, 3, 4))


def test_ndjson_streams_the_same_items_one_per_line(client: httpx.Client) -> None:
    whole = client.post("/v1/extract/batch", json={"articles": ARTICLES}).json()

    with client.stream(
        "POST", "/v1/extract/batch", json={"articles": ARTICLES}, headers={"Accept": NDJSON}
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == NDJSON
        lines = [json.loads(line) for line in response.iter_lines() if line]

    assert lines == whole["items"]
    for line in lines:  # each line is an item of a conforming batch response
        _assert_conforms(
            {"schema_version": whole["schema_version"], "model": whole["model"], "items": [line]}
        )


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"articles": []}, 422, "articles: List should have at least 1 item"),
        ({"articles": "text"}, 422, "articles: Input should be a valid list"),
        ({}, 422, "articles: field required"),
        ([{"text": "x"}], 422, 'must be a JSON object such as {"articles"'),
        ({"articles": [{"text": "x"}], "texts": []}, 422, "the only field allowed is articles"),
        ({"articles": [{"text": "They met."}] * 4}, 413, "the batch has 4 articles; the limit is 3"),
    ],
)
def test_a_bad_batch_is_refused_whole_with_what_to_fix(
    extractor: Extractor, body: Any, status: int, message: str
) -> None:
    app = create_app(Settings(max_batch_articles=3), load_extractor=lambda model: extractor)
    with serve_in_thread(app) as client:
        response = client.post("/v1/extract/batch", json=body)

    assert response.status_code == status
    assert message in response.json()["error"]["message"]


def test_a_pinned_version_is_answered_in_that_version_and_an_unknown_one_refused(
    client: httpx.Client,
) -> None:
    pinned = client.post("/v1/extract/batch?schema_version=1.0.0", json={"articles": ARTICLES[:1]})
    single = client.post("/v1/extract?schema_version=1.0.0", json=ARTICLES[0])

    assert pinned.status_code == 200
    _assert_conforms(pinned.json())
    assert pinned.json()["schema_version"] == "1.0.0"
    assert pinned.json()["items"][0]["result"] == single.json()
    assert "confidence" not in json.dumps(pinned.json()), "1.0.0 has no confidence"

    refused = client.post("/v1/extract/batch?schema_version=2.0.0", json={"articles": ARTICLES[:1]})
    assert refused.status_code == 406
    assert "supported versions of batch-response" in refused.json()["error"]["message"]


def test_the_batch_schemas_are_listed_and_served(client: httpx.Client) -> None:
    listed = {entry["name"]: entry for entry in client.get("/v1/schemas").json()["schemas"]}

    assert listed["batch-response"]["versions"] == list(BATCH_RESPONSE_SCHEMA_VERSIONS)
    for name in ("batch-request", "batch-response"):
        latest = listed[name]["latest"]
        served = client.get(f"/v1/schemas/{name}/{latest}")
        assert served.status_code == 200
        assert served.json()["$id"] == f"urn:event-extractor:schema:{name}:{latest}"


def test_batch_items_are_counted_by_outcome(client: httpx.Client) -> None:
    before = _samples(client)
    assert client.post("/v1/extract/batch", json={"articles": ARTICLES}).status_code == 200
    after = _samples(client)

    def moved(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    assert moved("extractor_batch_items_total", outcome="ok") == 2
    assert moved("extractor_batch_items_total", outcome="error") == 3
    assert moved("extractor_text_length_chars_count") == 2


def test_a_batch_counts_one_extraction_per_parse_group_and_gives_them_back(extractor: Extractor) -> None:
    admission = Admission(limit=2, deadline_seconds=20)
    big_batch = admission.try_enter(3)
    assert big_batch is not None, "a batch larger than the limit is let in while the service is idle"
    assert admission.pending == 3
    assert admission.try_enter() is None, "the requests behind it see its work as pending"
    admission.leave(big_batch)
    assert admission.try_enter() is not None

    app = create_app(Settings(max_pending_extractions=8), load_extractor=lambda model: extractor)
    with serve_in_thread(app) as client:
        articles = [
            {"text": f"The envoys met in Geneva on day {n} of the talks."}
            for n in range(PARSE_BATCH_SIZE * 2 + 1)
        ]
        answers: list[int] = []
        batch = threading.Thread(
            target=lambda: answers.append(
                client.post("/v1/extract/batch", json={"articles": articles}).status_code
            )
        )
        batch.start()
        seen = set()
        while batch.is_alive():
            seen.add(app.state.service.admission.pending)
            time.sleep(0.001)
        batch.join()
    assert answers == [200]
    assert seen - {0} == {3}, f"{len(articles)} articles are parsed in 3 groups: {seen}"

    app = create_app(Settings(max_pending_extractions=1), load_extractor=lambda model: extractor)
    with serve_in_thread(app) as client:
        articles = {"articles": ARTICLES}
        assert client.post("/v1/extract/batch", json=articles).status_code == 200
        with client.stream(
            "POST", "/v1/extract/batch", json=articles, headers={"Accept": NDJSON}
        ) as streamed:
            assert len([line for line in streamed.iter_lines() if line]) == len(ARTICLES)
        # The stream's end reaches the client a moment before the server is past it.
        deadline = time.monotonic() + 10
        while app.state.service.admission.pending and time.monotonic() < deadline:
            time.sleep(0.01)
        assert app.state.service.admission.pending == 0


class _BrokenOn:
    """The real extractor, except that reading one given text raises, as a bug would."""

    def __init__(self, extractor: Extractor, broken: str) -> None:
        self.model_info = extractor.model_info
        self._extractor = extractor
        self._broken = broken

    def extract_many(
        self, articles: Iterable[tuple[str, Any]], observe: Any, max_events: Any = None
    ) -> Iterator[Any]:
        for text, published_at in articles:
            if text == self._broken:
                raise RuntimeError("a bug in one stage")
            yield from self._extractor.extract_many([(text, published_at)], observe, max_events=max_events)


def test_a_bug_on_one_article_answers_it_with_internal_error_and_the_others_are_read(
    extractor: Extractor, client: httpx.Client
) -> None:
    articles = [{"text": "Envoys met in Doha on Sunday."}, {"text": "BOOM"}, {"text": "Talks go on in Rome."}]
    app = create_app(Settings(), load_extractor=lambda model: _BrokenOn(extractor, "BOOM"))
    with serve_in_thread(app) as broken_client:
        whole = broken_client.post("/v1/extract/batch", json={"articles": articles})
        with broken_client.stream(
            "POST", "/v1/extract/batch", json={"articles": articles}, headers={"Accept": NDJSON}
        ) as response:
            streamed = [json.loads(line) for line in response.iter_lines() if line]

    assert whole.status_code == 200
    items = whole.json()["items"]
    assert streamed == items
    assert items[1]["error"]["code"] == "internal_error"
    assert "the others were read" in items[1]["error"]["message"]
    expected = client.post("/v1/extract/batch", json={"articles": [articles[0], articles[2]]}).json()["items"]
    assert [items[0]["result"], items[2]["result"]] == [item["result"] for item in expected]
