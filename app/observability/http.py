"""Per-request observation: request id, in-flight gauge, request metrics and the JSON log line."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.observability.logs import RequestFacts, log_request
from app.observability.metrics import UNMATCHED_ROUTE, Metrics

REQUEST_ID_HEADER = "X-Request-ID"
# A caller's id is echoed only if it is short and plain, so it cannot forge log lines or headers.
_ACCEPTABLE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:\-]{1,128}")
_FACTS_SCOPE_KEY = "event_extractor.request_facts"


def request_facts(connection: HTTPConnection) -> RequestFacts:
    """The facts record of the current request (the middleware puts one in every HTTP scope)."""
    facts = connection.scope[_FACTS_SCOPE_KEY]
    assert isinstance(facts, RequestFacts)
    return facts


def route_template(scope: Scope) -> str:
    """The path template that answered (e.g. /v1/extract), never the raw path."""
    path = getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else UNMATCHED_ROUTE


class RequestObservationMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        metrics: Metrics,
        log_text: bool,
        internal_error: Callable[[], Response],
        cancelled_error: Callable[[], Response],
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.log_text = log_text
        self.internal_error = internal_error
        self.cancelled_error = cancelled_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given_id = Headers(scope=scope).get(REQUEST_ID_HEADER)
        request_id = given_id if given_id and _ACCEPTABLE_REQUEST_ID.fullmatch(given_id) else uuid.uuid4().hex
        facts = RequestFacts(request_id=request_id)
        scope[_FACTS_SCOPE_KEY] = facts
        status = 500
        response_started = False

        async def send_with_request_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        started = time.perf_counter()
        error: Exception | None = None
        self.metrics.in_flight.inc()
        try:
            await self.app(scope, receive, send_with_request_id)
        except Exception as exc:
            # A bug must cost one request its answer, never the process or the other requests.
            error = exc
            if response_started:
                raise
            await self.internal_error()(scope, receive, send_with_request_id)
        except asyncio.CancelledError:
            # uvicorn cancels what is still running when a shutdown's grace period ends; it would
            # answer a plain-text 500. Our JSON error goes out first (a cancellation is delivered
            # once, so sending still works), then the cancellation goes on.
            if not response_started:
                await self.cancelled_error()(scope, receive, send_with_request_id)
            raise
        finally:
            self.metrics.in_flight.dec()
            seconds = time.perf_counter() - started
            method = scope["method"]
            route = route_template(scope)
            self.metrics.observe_request(method, route, status, seconds)
            log_request(
                facts,
                method=method,
                route=route,
                status=status,
                duration_ms=seconds * 1000,
                log_text=self.log_text,
                error=error,
            )
