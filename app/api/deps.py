"""What routes receive, as Annotated aliases: `def route(settings: SettingsDep, ...)`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from app.api.errors import ApiError
from app.api.state import ServiceState
from app.extraction.deadline import Deadline
from app.extraction.engine import Extractor
from app.observability.http import request_facts
from app.observability.logs import RequestFacts
from app.observability.metrics import Metrics
from app.settings import Settings

# Seconds a client should wait before asking again while the model loads.
_RETRY_AFTER_LOADING = "5"
_RETRY_AFTER_OVERLOAD = "2"


# The dependencies are async on purpose: they only read shared state, and a sync one would wait for a
# threadpool slot, which long extractions can hold all of (so probes and scrapes would time out).
async def get_state(request: Request) -> ServiceState:
    state = request.app.state.service
    assert isinstance(state, ServiceState)
    return state


StateDep = Annotated[ServiceState, Depends(get_state)]


async def get_settings(state: StateDep) -> Settings:
    return state.settings


async def get_metrics(state: StateDep) -> Metrics:
    return state.metrics


def loaded_extractor(state: ServiceState) -> Extractor:
    """The loaded extractor; 503 while it is still loading or if loading failed."""
    loader = state.loader
    if loader.extractor is not None:
        return loader.extractor
    if loader.failure is not None:
        raise ApiError(503, f"model {loader.model!r} failed to load: {loader.failure}")
    raise ApiError(
        503,
        f"model {loader.model!r} is still loading; retry shortly",
        headers={"Retry-After": _RETRY_AFTER_LOADING},
    )


async def get_extractor(state: StateDep) -> Extractor:
    return loaded_extractor(state)


def enter_admission(state: ServiceState, extractions: int = 1) -> Deadline:
    """Let `extractions` in while fewer than the limit are pending, with their deadline (counting from
    now); else 503 at once, so a client retries elsewhere rather than waiting behind long texts
    (probes and scrapes are never held). Call from the event loop; whoever entered leaves with
    `state.admission.leave(deadline)`."""
    admitted = state.admission.try_enter(extractions)
    if admitted is None:
        state.metrics.overloaded.inc()
        raise ApiError(
            503,
            f"overloaded: {state.admission.limit} extractions already pending; retry shortly",
            headers={"Retry-After": _RETRY_AFTER_OVERLOAD},
            code="overloaded",
        )
    return admitted


async def admit_extraction(state: StateDep, request: Request) -> AsyncIterator[Deadline]:
    """One extraction admitted for the request's lifetime (see enter_admission), with its deadline; if
    the client goes away meanwhile, the deadline is cut."""
    admitted = enter_admission(state)
    watcher = asyncio.create_task(_abandon_when_the_client_leaves(request, admitted))
    try:
        yield admitted
    finally:
        watcher.cancel()
        state.admission.leave(admitted)


async def _abandon_when_the_client_leaves(request: Request, admitted: Deadline) -> None:
    # FastAPI has read the whole body before it solves dependencies: what the connection says next
    # is that it closed (uvicorn says so too once the answer is sent, and then nothing runs).
    while (await request.receive())["type"] != "http.disconnect":
        pass
    admitted.abandon()


SettingsDep = Annotated[Settings, Depends(get_settings)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
RequestFactsDep = Annotated[RequestFacts, Depends(request_facts)]
AdmittedDep = Annotated[Deadline, Depends(admit_extraction)]
