"""Every failure becomes one JSON shape: {"error": {"code", "message", "fields"}}.

Bad input is always a 4xx whose message says what to fix; only a bug in the service is a 5xx.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

# The code a client can branch on, for each status the service answers with.
_CODE_OF_STATUS = {
    400: "malformed_request",
    404: "not_found",
    405: "method_not_allowed",
    406: "unsupported_schema_version",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "not_ready",
    504: "deadline_exceeded",
}


class FieldError(BaseModel):
    field: str = Field(description="Dotted path of the offending field, e.g. 'published_at'.")
    message: str = Field(description="What is wrong with it.")
    type: str = Field(description="Machine-readable kind of error (pydantic's error type).")


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable error code, e.g. invalid_request, payload_too_large.")
    message: str = Field(description="What went wrong and how to fix it.")
    fields: list[FieldError] = Field(default_factory=list, description="Per-field errors, if any.")


class ErrorResponse(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    """An error the service answers on purpose, with its status and message."""

    def __init__(
        self, status: int, message: str, headers: Mapping[str, str] | None = None, code: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers
        self.code = code  # when the status alone does not say it (503: not_ready, overloaded, saturated)


def error_response(
    status: int,
    message: str,
    fields: Sequence[FieldError] = (),
    headers: Mapping[str, str] | None = None,
    code: str | None = None,
) -> JSONResponse:
    code = code or _CODE_OF_STATUS.get(status, "error")
    detail = ErrorDetail(code=code, message=message, fields=list(fields))
    return JSONResponse(ErrorResponse(error=detail).model_dump(), status_code=status, headers=headers)


def internal_error_response() -> JSONResponse:
    return error_response(500, "internal error; the request id in X-Request-ID finds it in the logs")


def cancelled_response() -> JSONResponse:
    """For a request still unanswered when a shutdown's grace period ends."""
    return error_response(
        503,
        "the server shut down before this request was answered; send it again (to another replica)",
        headers={"Connection": "close", "Retry-After": "1"},
        code="shutting_down",
    )


def _field_error(error: Mapping[str, Any]) -> FieldError:
    loc = [str(part) for part in error.get("loc", ())]
    path = ".".join(loc[1:] if loc[:1] == ["body"] else loc)
    kind = str(error.get("type", "invalid"))
    if kind == "extra_forbidden":
        message = "unknown field; allowed fields are text, published_at and id"
    elif kind == "missing":
        message = "field required"
    else:
        message = str(error.get("msg", "invalid value"))
        ctx_error = (error.get("ctx") or {}).get("error")
        if ctx_error and str(ctx_error) not in message:
            message = f"{message} ({ctx_error})"
        if kind.startswith("date"):
            message = f"{message}; expected a real calendar date as YYYY-MM-DD"
    return FieldError(field=path or "body", message=message, type=kind)


def _validation_error_response(exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    if errors and errors[0].get("type") == "json_invalid":
        first = errors[0]
        position = first["loc"][-1] if len(first.get("loc", ())) > 1 else "?"
        reason = (first.get("ctx") or {}).get("error", "JSON decode error")
        return error_response(400, f"request body is not valid JSON: {reason} at character {position}")
    fields = [_field_error(e) for e in errors]
    if any(f.field == "body" for f in fields):
        return error_response(422, 'request body must be a JSON object such as {"text": "..."}', fields)
    summary = "; ".join(f"{f.field}: {f.message}" for f in fields)
    return error_response(422, f"invalid request: {summary}", fields)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return _validation_error_response(exc)


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, headers=exc.headers, code=exc.code)


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail)
    if exc.status_code == 404:
        message = f"no such endpoint: {request.url.path}"
    elif exc.status_code == 405:
        message = f"method {request.method} is not allowed on {request.url.path}"
    elif exc.status_code == 400:  # FastAPI's only 400: a body its JSON reader gave up on
        message = f"request body could not be read as JSON ({exc.detail})"
    return error_response(exc.status_code, message, headers=exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(HTTPException, _on_http_error)
