"""Fixtures shared by every test: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.extraction.engine import Extractor
from app.extraction.parsed import ParsedText
from app.models.v1 import Extraction
from app.settings import get_settings
from tests.conformance import assert_extraction_conforms


class ConformingExtractor(Extractor):
    """The real extractor; every result it gives a test is checked against each response schema."""

    def extract(self, *args: Any, **kwargs: Any) -> Extraction:
        extraction = super().extract(*args, **kwargs)
        assert_extraction_conforms(extraction, self.model_info)
        return extraction


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return ConformingExtractor(get_settings().spacy_model)


@pytest.fixture(scope="session")
def parse(extractor: Extractor) -> Callable[[str], ParsedText]:
    return extractor.parse
