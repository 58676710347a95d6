"""schemathesis against the live OpenAPI document of a real server: generated requests, valid and
invalid, for every operation; no 5xx, and every response as the document says (status, content type,
headers, body schema). A bounded number of examples per operation keeps the suite fast."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from app.main import create_app

EXAMPLES_PER_OPERATION = 30
# The batch reads each article on its own and answers a bad one with its error in its place (200 for
# the batch): invalid articles are not the batch's refusal, so that check does not apply to it.
ANSWERED_IN_PLACE = {"/v1/extract/batch"}
POSITIVE, NEGATIVE = schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE
# The operations the app documents (the live server serves the same document), with valid inputs,
# and, where a body can be wrong, with invalid ones (which must get a documented 4xx).
OPERATIONS = [
    (method.upper(), path, mode)
    for path, methods in create_app().openapi()["paths"].items()
    for method, operation in methods.items()
    for mode in ([POSITIVE, NEGATIVE] if "requestBody" in operation else [POSITIVE])
]


@pytest.fixture(scope="module")
def live_openapi(server_url: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{server_url}/openapi.json")


@pytest.mark.parametrize(("method", "path", "mode"), OPERATIONS)
def test_every_operation_answers_as_documented(
    live_openapi: schemathesis.BaseSchema,
    server_url: str,
    method: str,
    path: str,
    mode: schemathesis.GenerationMode,
) -> None:
    operation = live_openapi[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
    def answers_as_documented(case: schemathesis.Case) -> None:
        excluded = [negative_data_rejection] if path in ANSWERED_IN_PLACE else []
        case.call_and_validate(base_url=server_url, excluded_checks=excluded)

    answers_as_documented()
