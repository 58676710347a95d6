"""GET /assets/{name}: the files the pages load, from this package and from fastapi-offline's wheel.

An allowlist, not a directory mount: only the files named here are served (no path is ever joined from
the request), and each request is counted under the route template /assets/{name}.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from app.api.errors import ApiError

router = APIRouter()

_OURS = Path(__file__).parent / "static"
# Swagger UI 5 and ReDoc 2 as released, with FastAPI's icon: the files fastapi-offline ships in its wheel.
_SWAGGER_AND_REDOC = Path(fastapi_offline.__file__).parent / "static"

_MEDIA_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".png": "image/png",
}

_FILES = {
    "demo.css": _OURS / "demo.css",
    "demo.js": _OURS / "demo.js",
    "swagger-init.js": _OURS / "swagger-init.js",
    "redoc-init.js": _OURS / "redoc-init.js",
    "favicon.png": _SWAGGER_AND_REDOC / "favicon.png",
    "swagger-ui.css": _SWAGGER_AND_REDOC / "swagger-ui.css",
    "swagger-ui-bundle.js": _SWAGGER_AND_REDOC / "swagger-ui-bundle.js",
    "redoc.standalone.js": _SWAGGER_AND_REDOC / "redoc.standalone.js",
}


def asset_url(root_path: str, name: str) -> str:
    """The URL a page links to for one of the files above (`root_path`: the prefix a proxy strips)."""
    if name not in _FILES:
        raise KeyError(f"no asset named {name!r}")
    return f"{root_path}/assets/{name}"


@router.get("/assets/{name}")
def asset(name: str, request: Request) -> Response:
    source = _FILES.get(name)
    if source is None:
        raise ApiError(404, f"no asset named {name!r}; the pages are /, /docs and /redoc")
    # no-cache: the browser revalidates with the ETag, so a new release's page never runs an old script,
    # and an unchanged file costs a 304 instead of its megabyte.
    headers = {"Cache-Control": "no-cache", "ETag": _etag(source)}
    held = request.headers.get("if-none-match", "").split(",")
    if headers["ETag"] in (tag.strip().removeprefix("W/") for tag in held):
        return Response(status_code=304, headers=headers)
    return FileResponse(source, media_type=_MEDIA_TYPES[source.suffix], headers=headers)


@cache
def _etag(source: Path) -> str:
    # From the contents, not the file's time (Starlette's default): every replica, however installed,
    # then names the same file alike, and a browser sent to another pod still gets its 304.
    return f'"{hashlib.sha256(source.read_bytes()).hexdigest()[:32]}"'
