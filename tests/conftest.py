"""Fixtures shared by every test: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.extraction.engine import Extractor
from app.extraction.parsed import ParsedText
from app.settings import get_settings


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(get_settings().spacy_model)


@pytest.fixture(scope="session")
def parse(extractor: Extractor) -> Callable[[str], ParsedText]:
    return extractor.parse
