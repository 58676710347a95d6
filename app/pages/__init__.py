"""The pages people open in a browser: the demo at /, the API docs at /docs and /redoc.

Every file a page loads is served by the service itself (assets.py), so the pages work offline and in a
cluster whose NetworkPolicy allows no egress.
"""

from __future__ import annotations

from fastapi import APIRouter

from app.pages import assets, demo, docs

router = APIRouter(include_in_schema=False)
router.include_router(demo.router)
router.include_router(docs.router)
router.include_router(assets.router)

__all__ = ["router"]
