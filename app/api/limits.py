"""Guards on what a request may carry: body size, content type, text length."""

from __future__ import annotations

from email.message import Message as MimeHeader

from fastapi import Request
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import ApiError


class BodyTooLarge(HTTPException):
    # An HTTPException, because FastAPI lets those through its body reading (others become a 400).
    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"request body is larger than the limit of {max_bytes} bytes")


class BodySizeLimitMiddleware:
    """Refuses a body over `max_bytes` before anything parses it: on the first read if Content-Length
    declares too much (so nothing is read at all), else as soon as the chunks received pass the limit."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        declared_too_large = declared is not None and declared.isdigit() and int(declared) > self.max_bytes
        received = 0

        async def receive_within_limit() -> Message:
            nonlocal received
            if declared_too_large:
                raise BodyTooLarge(self.max_bytes)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, receive_within_limit, send)


def require_json(request: Request) -> None:
    """415 unless the body is declared as JSON (application/json or application/*+json)."""
    declared = request.headers.get("content-type")
    if not declared:
        raise ApiError(415, "Content-Type header is missing; send the body as application/json")
    header = MimeHeader()
    header["content-type"] = declared
    subtype = header.get_content_subtype()
    if header.get_content_maintype() != "application" or not (subtype == "json" or subtype.endswith("+json")):
        raise ApiError(415, f"Content-Type {declared!r} is not supported; send the body as application/json")


def ensure_text_fits(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise ApiError(413, f"text is {len(text)} characters long; the limit is {max_chars} characters")
