"""GET /metrics: Prometheus text whose values move with the requests served."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.api.test_extract import EXAMPLE


def _samples(client: httpx.Client) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def _value(samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_metrics_move_with_requests(client: httpx.Client) -> None:
    before = _samples(client)
    assert client.post("/v1/extract", json=EXAMPLE).status_code == 200
    assert client.post("/v1/extract", json={"text": ""}).status_code == 422
    after = _samples(client)

    def moved(name: str, by: float = 1, **labels: str) -> bool:
        return _value(after, name, **labels) - _value(before, name, **labels) >= by

    extract = {"method": "POST", "route": "/v1/extract"}
    assert moved("extractor_http_requests_total", **extract, status="200")
    assert moved("extractor_http_requests_total", **extract, status="422")
    assert moved("extractor_http_request_duration_seconds_count", by=2, **extract)
    for stage in ("parse", "temporal", "triggers", "actors", "frames", "gatherings", "discourse", "output"):
        assert moved("extractor_stage_duration_seconds_count", stage=stage)
    assert moved("extractor_text_length_chars_count")
    assert moved("extractor_text_length_chars_sum", by=len(EXAMPLE["text"]))
    # the scrape itself is counted under its route template, while it is in flight
    assert _value(after, "extractor_http_requests_in_flight") >= 1


def test_model_info_and_schema_version_are_exposed(client: httpx.Client) -> None:
    samples = _samples(client)
    info = [labels for (name, labels) in samples if name == "extractor_model_info"]

    assert info, "extractor_model_info missing"
    assert {"name", "version", "schema_version"} <= {key for key, _ in info[0]}


def test_events_and_participants_are_counted(client: httpx.Client) -> None:
    before = _samples(client)
    body = client.post("/v1/extract", json=EXAMPLE).json()
    after = _samples(client)

    for event in body["events"]:
        labels = {"type": event["type"], "status": event["status"]}
        assert _value(after, "extractor_events_extracted_total", **labels) > _value(
            before, "extractor_events_extracted_total", **labels
        )
    unresolved = sum(1 for date in body["dates"] if date["value"] is None)
    grew = _value(after, "extractor_dates_unresolved_total") - _value(
        before, "extractor_dates_unresolved_total"
    )
    assert grew == unresolved
    roles = {p["role"] for event in body["events"] for p in event["participants"]}
    for role in roles:
        assert _value(after, "extractor_participants_extracted_total", role=role) > _value(
            before, "extractor_participants_extracted_total", role=role
        )


def test_process_metrics_are_exposed(client: httpx.Client) -> None:
    samples = _samples(client)

    assert _value(samples, "process_resident_memory_bytes") > 0
    assert _value(samples, "process_cpu_seconds_total") > 0
    assert any(name == "python_info" for name, _ in samples)
