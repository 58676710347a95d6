"""GET /docs: Swagger UI, which says where the API description is when its CDN scripts cannot load."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

# Swagger UI replaces the contents of its container once its scripts load; offline, this text stays.
_OFFLINE_NOTE = (
    '<div id="swagger-ui"><p style="font-family: sans-serif; margin: 2em">Swagger UI loads its scripts '
    "from cdn.jsdelivr.net. If this line stays, the browser cannot reach it: the API description is "
    '<a href="{openapi_url}">{openapi_url}</a>, and the README has an example request.</p>'
)


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    openapi_url = request.app.openapi_url
    page = get_swagger_ui_html(openapi_url=openapi_url, title=f"{request.app.title} - Swagger UI")
    html = (
        bytes(page.body)
        .decode()
        .replace('<div id="swagger-ui">', _OFFLINE_NOTE.format(openapi_url=openapi_url), 1)
    )
    return HTMLResponse(html)
