"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from app.api.deps import ExtractorDep
from app.api.errors import ErrorResponse

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready"] = "ready"
    model: str
    model_version: str


@router.get("/healthz", response_model=Health, summary="The process is alive")
def healthz() -> Health:
    return Health()


@router.get(
    "/readyz",
    response_model=Readiness,
    summary="The model is loaded and requests can be served",
    responses={503: {"model": ErrorResponse, "description": "Still loading, or loading failed."}},
)
def readyz(extractor: ExtractorDep) -> Readiness:
    # ExtractorDep answers 503 itself until the model is loaded.
    return Readiness(model=extractor.model_info.name, model_version=extractor.model_info.version)
