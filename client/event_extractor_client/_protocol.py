"""What the sync and async clients share: the requests they build, how they read answers and errors,
and when and how long they wait before trying again. Only sending and sleeping differ between them."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import random
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from event_extractor_client.errors import RETRYABLE_STATUSES, ServiceError
from event_extractor_client.models import BatchItem, ErrorDetail, ExtractRequest

NDJSON = "application/x-ndjson"
EXTRACT_PATH = "/v1/extract"
BATCH_PATH = "/v1/extract/batch"
# What the service takes in one batch by default (EXTRACTOR_MAX_BATCH_ARTICLES), and a body size well
# under its default byte limit (600 KB + 64 KiB).
DEFAULT_BATCH_SIZE = 64
DEFAULT_BATCH_BYTES = 512_000

URL_VARIABLE = "EVENT_EXTRACTOR_URL"
DEFAULT_URL = "http://127.0.0.1:8000"
CONNECT_SECONDS = 10.0

Article = ExtractRequest | Mapping[str, Any] | str  # a str is an article's text
Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class RetryPolicy:
    """When a failed call is tried again, and after how long.

    Retried: 429 and 503 (the service is overloaded or still loading its model; it says when to come
    back in Retry-After, which is honoured), 502 and 504 (a proxy in between), and failures to connect
    or to get an answer in time. Never retried: any other 4xx (the request itself is wrong: sending it
    again cannot help), nor 500 (a bug in the service, answered the same way again).
    Waits grow exponentially from `backoff` with jitter, never beyond `max_wait`."""

    attempts: int = 4  # the first try and up to three more
    backoff: float = 0.5
    max_wait: float = 30.0
    statuses: frozenset[int] = RETRYABLE_STATUSES

    def wait_before_retry(self, attempt: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before try number `attempt + 1`, or None if the call should not be retried.
        `response` is None when no answer came (connection refused, timed out)."""
        if attempt + 1 >= self.attempts:
            return None
        if response is not None and response.status_code not in self.statuses:
            return None
        exponential = self.backoff * 2.0**attempt * random.uniform(0.5, 1.0)
        asked = retry_after(response) if response is not None else None
        return min(self.max_wait, max(exponential, asked or 0.0))


RETRIED_ERRORS = (httpx.TransportError,)  # connect errors, timeouts, a connection dropped


def retry_after(response: httpx.Response) -> float | None:
    """The Retry-After header in seconds (RFC 9110: delay-seconds or an HTTP date), if there is one."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def base_url(given: str | None) -> str:
    """The service's URL: the one given, else $EVENT_EXTRACTOR_URL, else what `make run` serves."""
    return given or os.environ.get(URL_VARIABLE) or DEFAULT_URL


def http_options(given_url: str | None, timeout: float, headers: Mapping[str, str] | None) -> dict[str, Any]:
    """What both clients give their httpx client: the service's URL, and `timeout` seconds to connect
    (at most CONNECT_SECONDS), to send, and between bytes of the answer (a long text takes seconds)."""
    return {
        "base_url": base_url(given_url),
        "timeout": httpx.Timeout(timeout, connect=min(timeout, CONNECT_SECONDS)),
        "headers": headers,
    }


def single_body(text: str, published_at: dt.date | str | None, id: str | None) -> dict[str, Any]:
    """The body of POST /v1/extract. Not checked here: the service says what is wrong, field by field."""
    body: dict[str, Any] = {"text": text}
    if published_at is not None:
        body["published_at"] = str(published_at)
    if id is not None:
        body["id"] = id
    return body


def article_body(article: Article) -> dict[str, Any]:
    """The JSON body of one article, as POST /v1/extract takes it."""
    if isinstance(article, str):
        return {"text": article}
    if isinstance(article, ExtractRequest):
        return article.model_dump(mode="json", exclude_none=True)
    return dict(article)


def batch_body(articles: Iterable[Article]) -> dict[str, Any]:
    return {"articles": [article_body(article) for article in articles]}


def post(
    http: httpx.Client | httpx.AsyncClient, path: str, body: Any, schema_version: str | None, stream: bool
) -> httpx.Request:
    """The POST of `body` to `path`, answering in `schema_version` (the latest if None), as NDJSON if
    `stream`."""
    params = {} if schema_version is None else {"schema_version": schema_version}
    headers = {"Accept": NDJSON} if stream else None
    return http.build_request("POST", path, json=body, params=params, headers=headers)


def raise_for_error(response: httpx.Response) -> None:
    """ServiceError with the service's error body unless the answer is a success."""
    if response.is_success:
        return
    detail = _error_detail(response)
    raise ServiceError(
        status=response.status_code,
        code=detail.code,
        message=detail.message,
        fields=detail.fields,
        request_id=response.headers.get("x-request-id"),
        retry_after=retry_after(response),
    )


def _error_detail(response: httpx.Response) -> ErrorDetail:
    try:
        return ErrorDetail.model_validate(response.json()["error"])
    except (ValueError, KeyError, TypeError, ValidationError):  # not the service's shape: a proxy's page
        text = response.text.strip()[:200] or response.reason_phrase
        return ErrorDetail(code=f"http_{response.status_code}", message=text, fields=[])


def parse(response: httpx.Response, model: type[Model]) -> Model:
    raise_for_error(response)
    return model.model_validate_json(response.content)


def batch_item(line: str) -> BatchItem:
    return BatchItem.model_validate_json(line)


def batches(articles: Iterable[Article], size: int, max_bytes: int) -> Iterator[list[dict[str, Any]]]:
    """The articles as bodies, grouped in order into batches of at most `size` articles and, unless one
    article alone is larger, at most `max_bytes` of JSON."""
    group: list[dict[str, Any]] = []
    group_bytes = 0
    for article in articles:
        body = article_body(article)
        body_bytes = len(json.dumps(body).encode())
        if group and (len(group) >= size or group_bytes + body_bytes > max_bytes):
            yield group
            group, group_bytes = [], 0
        group.append(body)
        group_bytes += body_bytes
    if group:
        yield group


def renumbered(items: list[BatchItem], offset: int) -> list[BatchItem]:
    """A batch's items with their index counted from the first article of all, not of the batch."""
    return [item.model_copy(update={"index": offset + item.index}) for item in items]


def refused_alone(error: ServiceError, offset: int) -> list[BatchItem] | None:
    """A batch of one article refused as a whole for what it carries (a 4xx: e.g. too large) is that
    article's error; None for anything else, which the caller raises."""
    if 400 <= error.status < 500 and error.status != 429:
        detail = ErrorDetail(code=error.code, message=error.message, fields=list(error.fields))
        return [BatchItem(index=offset, error=detail)]
    return None
