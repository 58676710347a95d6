"""GET /docs (Swagger UI) and GET /redoc (ReDoc): the OpenAPI document rendered with assets from this host."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.pages.assets import asset_url
from app.pages.html import page_response

router = APIRouter()


def _head(title: str, root_path: str) -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="icon" href="{escape(asset_url(root_path, "favicon.png"))}">\n'
    )


def _openapi_url(request: Request) -> str:
    return f"{request.scope.get('root_path', '')}{request.app.openapi_url}"


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    # swagger-init.js starts Swagger UI on the element below, with the document URL it carries.
    html = (
        _head(f"{request.app.title} - Swagger UI", root)
        + f'<link rel="stylesheet" href="{escape(asset_url(root, "swagger-ui.css"))}">\n</head>\n<body>\n'
        + f'<div id="swagger-ui" data-openapi-url="{escape(_openapi_url(request))}"></div>\n'
        + f'<script src="{escape(asset_url(root, "swagger-ui-bundle.js"))}"></script>\n'
        + f'<script src="{escape(asset_url(root, "swagger-init.js"))}"></script>\n</body>\n</html>\n'
    )
    return page_response(html)


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    html = (
        _head(f"{request.app.title} - ReDoc", root)
        + "</head>\n<body>\n"
        + f'<redoc spec-url="{escape(_openapi_url(request))}"></redoc>\n'
        + f'<script src="{escape(asset_url(root, "redoc-init.js"))}"></script>\n'
        + f'<script src="{escape(asset_url(root, "redoc.standalone.js"))}"></script>\n</body>\n</html>\n'
    )
    # ReDoc writes its CSS as <style> elements and runs its search index in a worker made from a blob.
    return page_response(html, inline_styles=True, blob_workers=True)
