"""POST /v1/extract: one article in, its meetings and dates out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Response

from app.api.deps import AdmittedDep, ExtractorDep, MetricsDep, RequestFactsDep, SettingsDep
from app.api.errors import EXTRACTION_ERRORS, ApiError, documented_errors
from app.api.limits import ensure_text_fits, require_json
from app.api.schemas import ResponseVersionDep, SchemaResponderDep, describedby_link
from app.extraction import deadline
from app.models.v1 import Extraction, ExtractRequest, ExtractResponse, ModelInfo
from app.schemas.documents import EXTRACT_RESPONSE

router = APIRouter(prefix="/v1", tags=["extraction"])

_ERRORS = documented_errors(
    {
        **EXTRACTION_ERRORS,
        413: "The body or the text is over the limit.",
        422: "A field is missing, unknown or invalid; the message names it.",
        504: "The extraction passed its deadline (EXTRACTOR_EXTRACTION_DEADLINE_SECONDS) and was stopped.",
    }
)
_LINK_HEADER = {
    "Link": {
        "description": "The schema the body conforms to, e.g. "
        + describedby_link(EXTRACT_RESPONSE.name, EXTRACT_RESPONSE.latest),
        "schema": {"type": "string"},
    }
}


# Swagger UI pre-fills "Try it out" from a media-type example: reuse the one the model documents.
_EXAMPLE_BODY = Body(
    openapi_examples={
        "article": {
            "summary": "A news paragraph with a planned and a past meeting",
            "value": ExtractRequest.model_json_schema()["examples"][0],
        }
    }
)


@router.post(
    "/extract",
    response_model=ExtractResponse,
    summary="Extract meetings and dates from one article",
    description="The body follows the latest extract-response schema unless `schema_version` pins an "
    "older one (see GET /v1/schemas); the `Link` header names the schema it conforms to.",
    dependencies=[Depends(require_json)],
    responses={200: {"headers": _LINK_HEADER}, **_ERRORS},
)
def extract(
    request: Annotated[ExtractRequest, _EXAMPLE_BODY],
    extractor: ExtractorDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    facts: RequestFactsDep,
    version: ResponseVersionDep,
    respond: SchemaResponderDep,
    admitted: AdmittedDep,
) -> Response:
    # A sync def: FastAPI runs it in its threadpool, so the CPU-bound NLP never blocks the event loop.
    ensure_text_fits(request.text, settings.max_text_chars)
    facts.text_chars, facts.text = len(request.text), request.text
    try:
        with deadline.within(admitted):
            extraction = extractor.extract(
                request.text,
                request.published_at,
                observe=metrics.observe_stage,
                max_events=settings.max_events,
            )
    except deadline.DeadlineExceeded as exc:
        if admitted.abandoned:  # no one reads this answer; the status and the count say what happened
            metrics.abandoned.inc()
            raise ApiError(
                499, "the client closed the connection; the extraction was stopped", code="client_closed"
            ) from None
        metrics.deadline_exceeded.inc()
        raise ApiError(
            504,
            f"the extraction was stopped at its deadline of {exc.seconds:g} s ({exc.where}); the text "
            f"({len(request.text)} characters) or the requests queued before it took too long: retry, "
            "or send a shorter text",
            code="deadline_exceeded",
        ) from None
    metrics.observe_extraction(len(request.text), extraction)
    facts.events = len(extraction.events)
    return respond.json(
        extract_response(request, extraction, extractor.model_info, version), EXTRACT_RESPONSE, version
    )


def extract_response(
    request: ExtractRequest, extraction: Extraction, model: ModelInfo, version: str
) -> ExtractResponse:
    """The answer to one article (of POST /v1/extract, or in its place in a batch)."""
    return ExtractResponse(
        schema_version=version,
        id=request.id,
        model=model,
        events=extraction.events,
        dates=extraction.dates,
        truncated=extraction.truncated,
    )
