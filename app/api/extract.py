"""POST /v1/extract: one article in, its meetings and dates out."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends

from app.api.deps import ExtractorDep, MetricsDep, RequestFactsDep, SettingsDep
from app.api.errors import ErrorResponse
from app.api.limits import ensure_text_fits, require_json
from app.models.v1 import SCHEMA_VERSION, ExtractRequest, ExtractResponse

router = APIRouter(prefix="/v1", tags=["extraction"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in {
        400: "The body is not valid JSON.",
        413: "The body or the text is over the limit.",
        415: "The body is not declared as application/json.",
        422: "A field is missing, unknown or invalid; the message names it.",
        503: "The model is still loading (see Retry-After).",
    }.items()
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
    dependencies=[Depends(require_json)],
    responses=_ERRORS,
)
def extract(
    request: Annotated[ExtractRequest, _EXAMPLE_BODY],
    extractor: ExtractorDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    facts: RequestFactsDep,
) -> ExtractResponse:
    # A sync def: FastAPI runs it in its threadpool, so the CPU-bound NLP never blocks the event loop.
    ensure_text_fits(request.text, settings.max_text_chars)
    facts.text_chars, facts.text = len(request.text), request.text
    extraction = extractor.extract(request.text, request.published_at, observe=metrics.observe_stage)
    metrics.observe_extraction(len(request.text), extraction)
    facts.events = len(extraction.events)
    return ExtractResponse(
        schema_version=SCHEMA_VERSION,
        id=request.id,
        model=extractor.model_info,
        events=extraction.events,
        dates=extraction.dates,
    )
