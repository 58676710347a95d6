"""GET /metrics: Prometheus scrapes it."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.api.deps import MetricsDep
from app.observability.metrics import METRICS_CONTENT_TYPE

router = APIRouter(tags=["operations"])


@router.get("/metrics", summary="Prometheus metrics, text exposition format", response_class=Response)
async def metrics(registry: MetricsDep) -> Response:
    # Async, so scrapes answer from the event loop even while extractions hold every threadpool slot.
    return Response(registry.exposition(), media_type=METRICS_CONTENT_TYPE)
