"""Every failure becomes one JSON shape: {"error": {"code", "message", "fields"}}.

Bad input is always a 4xx whose message says what to fix; only a bug in the service is a 5xx.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from app.models.v1 import ErrorDetail, ExtractRequest, FieldError

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


class ErrorResponse(BaseModel):
    error: ErrorDetail


# What every extraction route (one article or a batch) answers the same way.
EXTRACTION_ERRORS: Mapping[int, str] = {
    400: "The body is not valid JSON.",
    406: "schema_version names a version not served; the message lists those that are.",
    415: "The body is not declared as application/json.",
    503: "The model is still loading, or too many extractions are pending (see Retry-After).",
}


def documented_errors(descriptions: Mapping[int, str]) -> dict[int | str, dict[str, Any]]:
    """A route's `responses` for the error statuses it answers with, each with the error body's model."""
    return {n: {"model": ErrorResponse, "description": descriptions[n]} for n in sorted(descriptions)}


class ApiError(Exception):
    """An error the service answers on purpose, with its status and message."""

    def __init__(
        self,
        status: int,
        message: str,
        headers: Mapping[str, str] | None = None,
        code: str | None = None,
        fields: Sequence[FieldError] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers
        self.code = code  # when the status alone does not say it (503: not_ready, overloaded, saturated)
        self.fields = fields

    @property
    def detail(self) -> ErrorDetail:
        """The error body's content, e.g. for a batch item answered in place of a result."""
        code = self.code or code_of_status(self.status)
        return ErrorDetail(code=code, message=self.message, fields=list(self.fields))


def error_response(
    status: int,
    message: str,
    fields: Sequence[FieldError] = (),
    headers: Mapping[str, str] | None = None,
    code: str | None = None,
) -> JSONResponse:
    code = code or code_of_status(status)
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


def code_of_status(status: int) -> str:
    return _CODE_OF_STATUS.get(status, "error")


def invalid_request(
    errors: Sequence[Mapping[str, Any]],
    allowed: Sequence[str],
    what: str = "request body",
    example: str = '{"text": "..."}',
) -> ApiError:
    """422 for pydantic's `errors` on a JSON object whose fields are `allowed`; each field says what is
    wrong with it."""
    fields = [_field_error(e, allowed) for e in errors]
    if any(f.field == "body" for f in fields):
        return ApiError(422, f"{what} must be a JSON object such as {example}", fields=fields)
    summary = "; ".join(f"{f.field}: {f.message}" for f in fields)
    return ApiError(422, f"invalid request: {summary}", fields=fields)


def _field_error(error: Mapping[str, Any], allowed: Sequence[str]) -> FieldError:
    loc = [str(part) for part in error.get("loc", ())]
    path = ".".join(loc[1:] if loc[:1] == ["body"] else loc)
    kind = str(error.get("type", "invalid"))
    if kind == "extra_forbidden":
        message = f"unknown field; allowed fields are {', '.join(allowed[:-1])} and {allowed[-1]}"
        if len(allowed) == 1:
            message = f"unknown field; the only field allowed is {allowed[0]}"
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
    # FastAPI validates the body of POST /v1/extract; the batch route validates its own (app/api/batch.py).
    invalid = invalid_request(errors, list(ExtractRequest.model_fields))
    return error_response(invalid.status, invalid.message, invalid.fields)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return _validation_error_response(exc)


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, exc.fields, headers=exc.headers, code=exc.code)


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
