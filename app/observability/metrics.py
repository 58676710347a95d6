"""Prometheus metrics of the service, kept in a registry each app owns (so two apps never collide)."""

from __future__ import annotations

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    generate_latest,
)
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

from app.models.v1 import SCHEMA_VERSION, Extraction, ModelInfo
from app.schemas.documents import BATCH_RESPONSE, EXTRACT_RESPONSE

# NLP requests take from a few milliseconds (short texts) to seconds (long articles); parses take
# turns, so a request queued behind a few 100,000-character texts waits tens of seconds (bench/serve.py),
# up to the extraction deadline, which is added as a bucket of its own.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0)
TEXT_LENGTH_BUCKETS = (100, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000)
# An extraction stage takes from well under a millisecond (triggers on a short text) to seconds
# (the parse of a 100,000-character text).
STAGE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# Checking a response against its JSON Schema takes about 2-5 ms for an article (bench/schema_validation.py).
VALIDATION_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25)

# Label for requests no route matched, so that scanners cannot blow up the label set.
UNMATCHED_ROUTE = "<unmatched>"

METRICS_CONTENT_TYPE = CONTENT_TYPE_LATEST
BATCH_OUTCOMES = ("ok", "error")


class Metrics:
    def __init__(self, deadline_seconds: float | None = None) -> None:
        latency_buckets = tuple(sorted({*LATENCY_BUCKETS, *([deadline_seconds] if deadline_seconds else [])}))
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        r = self.registry
        self.requests = Counter(
            "extractor_http_requests", "HTTP requests answered.", ["method", "route", "status"], registry=r
        )
        self.request_seconds = Histogram(
            "extractor_http_request_duration_seconds",
            "Time from request to the end of the response.",
            ["method", "route"],
            buckets=latency_buckets,
            registry=r,
        )
        self.in_flight = Gauge(
            "extractor_http_requests_in_flight", "Requests being answered now.", registry=r
        )
        self.stage_seconds = Histogram(
            "extractor_stage_duration_seconds",
            "Time each extraction stage took (the engine's stages, in order: parse, temporal, triggers,"
            " actors, frames, gatherings, output).",
            ["stage"],
            buckets=STAGE_BUCKETS,
            registry=r,
        )
        self.events = Counter(
            "extractor_events_extracted",
            "Events returned, by type and status.",
            ["type", "status"],
            registry=r,
        )
        self.participants = Counter(
            "extractor_participants_extracted", "Event participants returned, by role.", ["role"], registry=r
        )
        self.text_chars = Histogram(
            "extractor_text_length_chars",
            "Length of the texts extracted from, in characters.",
            buckets=TEXT_LENGTH_BUCKETS,
            registry=r,
        )
        self.unresolved_dates = Counter(
            "extractor_dates_unresolved", "Date mentions returned without a value.", registry=r
        )
        # Load shed and deadlines hit are the service protecting itself, not failing: counted apart
        # from errors, so that the README's error-ratio alert leaves them out and they have their own.
        self.overloaded = Counter(
            "extractor_overloaded",
            "Extract requests refused at once with 503 'overloaded' (EXTRACTOR_MAX_PENDING_EXTRACTIONS).",
            registry=r,
        )
        self.deadline_exceeded = Counter(
            "extractor_deadline_exceeded",
            "Extractions stopped at their deadline, answered 504 (EXTRACTOR_EXTRACTION_DEADLINE_SECONDS).",
            registry=r,
        )
        self.abandoned = Counter(
            "extractor_abandoned",
            "Extractions stopped because the client closed the connection before the answer (logged 499).",
            registry=r,
        )
        self.truncated = Counter(
            "extractor_extractions_truncated",
            "Extractions that found more events than EXTRACTOR_MAX_EVENTS and returned the first ones.",
            registry=r,
        )
        self.model = Info("extractor_model", "The loaded model and the response schema version.", registry=r)
        self.validation_seconds = Histogram(
            "extractor_response_validation_duration_seconds",
            "Time checking a response against its committed JSON Schema (EXTRACTOR_VALIDATE_RESPONSES).",
            buckets=VALIDATION_BUCKETS,
            registry=r,
        )
        self.schema_violations = Counter(
            "extractor_schema_violations",
            "Responses that did not conform to the committed JSON Schema they name (sent all the same).",
            ["schema", "version"],
            registry=r,
        )
        for kind in (EXTRACT_RESPONSE, BATCH_RESPONSE):  # present at 0, so that alerts see the first one
            for version in kind.versions:
                self.schema_violations.labels(schema=kind.name, version=version)
        self.batch_items = Counter(
            "extractor_batch_items",
            "Articles of POST /v1/extract/batch answered: with a result (ok) or an error in its place.",
            ["outcome"],
            registry=r,
        )
        for outcome in BATCH_OUTCOMES:
            self.batch_items.labels(outcome=outcome)

    def observe_stage(self, stage: str, seconds: float) -> None:
        """The engine's `observe` callback."""
        self.stage_seconds.labels(stage=stage).observe(seconds)

    def observe_extraction(self, text_chars: int, extraction: Extraction) -> None:
        self.text_chars.observe(text_chars)
        if extraction.truncated:
            self.truncated.inc()
        for event in extraction.events:
            self.events.labels(type=event.type, status=event.status).inc()
            for participant in event.participants:
                self.participants.labels(role=participant.role).inc()
        unresolved = sum(1 for date in extraction.dates if date.value is None)
        if unresolved:
            self.unresolved_dates.inc(unresolved)

    def observe_batch_item(self, ok: bool) -> None:
        self.batch_items.labels(outcome=BATCH_OUTCOMES[0] if ok else BATCH_OUTCOMES[1]).inc()

    def observe_validation(self, schema: str, version: str, seconds: float, conforms: bool) -> None:
        self.validation_seconds.observe(seconds)
        if not conforms:
            self.schema_violations.labels(schema=schema, version=version).inc()

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method=method, route=route, status=str(status)).inc()
        self.request_seconds.labels(method=method, route=route).observe(seconds)

    def set_model(self, model: ModelInfo) -> None:
        self.model.info({"name": model.name, "version": model.version, "schema_version": SCHEMA_VERSION})

    def exposition(self) -> bytes:
        """All metrics in the Prometheus text format."""
        return generate_latest(self.registry)
