"""Probes for orchestrators and load balancers, one question each.

- /healthz (liveness): the process answers at all. Restarting it would not help otherwise.
- /startupz (startup): the model has loaded. Until then liveness and readiness are not asked.
- /readyz (readiness): send requests here: the model is loaded, the process is not shutting down,
  and it is not saturated (an extraction waiting or running for EXTRACTOR_SATURATION_SECONDS, or
  every place taken), so that a worker stuck on a long text gets no more traffic.

All three are async and read only in-memory state, so they answer from the event loop even while
long extractions hold every threadpool slot.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from app.api.deps import StateDep, loaded_extractor
from app.api.errors import ApiError, ErrorResponse

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Started(BaseModel):
    status: Literal["started"] = "started"
    model: str
    model_version: str


class Readiness(BaseModel):
    status: Literal["ready"] = "ready"
    model: str
    model_version: str


@router.get("/healthz", response_model=Health, summary="The process is alive")
async def healthz() -> Health:
    return Health()


@router.get(
    "/startupz",
    response_model=Started,
    summary="The model has loaded (stays 200 while shutting down)",
    responses={503: {"model": ErrorResponse, "description": "Still loading, or loading failed."}},
)
async def startupz(state: StateDep) -> Started:
    extractor = loaded_extractor(state)  # 503 until the model is loaded
    return Started(model=extractor.model_info.name, model_version=extractor.model_info.version)


@router.get(
    "/readyz",
    response_model=Readiness,
    summary="The model is loaded, the process is not shutting down and not saturated",
    responses={
        503: {
            "model": ErrorResponse,
            "description": "Still loading, loading failed, shutting down, or saturated (code 'saturated').",
        }
    },
)
async def readyz(state: StateDep) -> Readiness:
    extractor = loaded_extractor(state)  # 503 until the model is loaded
    if state.lifecycle.draining:
        raise ApiError(503, "shutting down: requests in flight are being finished; send new ones elsewhere")
    busy = state.admission.saturation(state.settings.saturation_seconds)
    if busy is not None:
        raise ApiError(503, f"saturated: {busy}; send new work elsewhere", code="saturated")
    return Readiness(model=extractor.model_info.name, model_version=extractor.model_info.version)
