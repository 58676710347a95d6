"""The blocking client."""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any

import httpx

from event_extractor_client import _protocol as protocol
from event_extractor_client._protocol import Article, RetryPolicy
from event_extractor_client.errors import ServiceError
from event_extractor_client.models import BatchItem, BatchResponse, ExtractResponse


class Client:
    """Calls an event-extractor service. Safe to share between threads; close it (or use `with`).

    `base_url` defaults to $EVENT_EXTRACTOR_URL, else http://127.0.0.1:8000. `timeout` bounds connecting,
    sending and each wait for the answer's bytes. Overload and loading answers (429, 503) and lost
    connections are retried as `retry` says; a 4xx never is. An error answer raises ServiceError."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.retry = retry or RetryPolicy()
        self._http = httpx.Client(**protocol.http_options(base_url, timeout, headers), transport=transport)

    @property
    def base_url(self) -> str:
        return str(self._http.base_url)

    def extract(
        self,
        text: str,
        *,
        published_at: dt.date | str | None = None,
        id: str | None = None,
        schema_version: str | None = None,
    ) -> ExtractResponse:
        """The meetings and dates of one article (POST /v1/extract)."""
        body = protocol.single_body(text, published_at, id)
        response = self._send(protocol.EXTRACT_PATH, body, schema_version)
        return protocol.parse(response, ExtractResponse)

    def extract_batch(
        self, articles: Sequence[Article], *, schema_version: str | None = None
    ) -> BatchResponse:
        """One answer per article, in order (POST /v1/extract/batch); a bad article gets an item with
        its `error` instead of a `result`. At most the service's batch size (64 by default)."""
        body = protocol.batch_body(articles)
        response = self._send(protocol.BATCH_PATH, body, schema_version)
        return protocol.parse(response, BatchResponse)

    def stream_batch(
        self, articles: Sequence[Article], *, schema_version: str | None = None
    ) -> Iterator[BatchItem]:
        """As extract_batch, each item as soon as the service has it (application/x-ndjson)."""
        body = protocol.batch_body(articles)
        response = self._send(protocol.BATCH_PATH, body, schema_version, stream=True)
        try:
            if not response.is_success:
                response.read()
                protocol.raise_for_error(response)
            for line in response.iter_lines():
                if line:
                    yield protocol.batch_item(line)
        finally:
            response.close()

    def extract_many(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = protocol.DEFAULT_BATCH_SIZE,
        max_batch_bytes: int = protocol.DEFAULT_BATCH_BYTES,
        concurrency: int = 2,
        schema_version: str | None = None,
    ) -> Iterator[BatchItem]:
        """Any number of articles through the batch endpoint: one item per article, in order, `index`
        counting from the first. Reads `articles` lazily and keeps `concurrency` batches in flight."""
        pending: deque[Future[list[BatchItem]]] = deque()
        offset = 0
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="event-extractor") as pool:
            for group in protocol.batches(articles, batch_size, max_batch_bytes):
                pending.append(pool.submit(self._batch_items, group, offset, schema_version))
                offset += len(group)
                if len(pending) >= concurrency:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def _batch_items(
        self, group: list[dict[str, Any]], offset: int, schema_version: str | None
    ) -> list[BatchItem]:
        try:
            return protocol.renumbered(self.extract_batch(group, schema_version=schema_version).items, offset)
        except ServiceError as error:
            alone = protocol.refused_alone(error, offset) if len(group) == 1 else None
            if alone is None:
                raise
            return alone

    def _send(
        self, path: str, body: Any, schema_version: str | None, *, stream: bool = False
    ) -> httpx.Response:
        """The answer, after as many tries as the retry policy allows."""
        request = protocol.post(self._http, path, body, schema_version, stream)
        attempt = 0
        while True:
            try:
                response = self._http.send(request, stream=stream)
            except protocol.RETRIED_ERRORS:
                wait = self.retry.wait_before_retry(attempt, None)
                if wait is None:
                    raise
            else:
                wait = None if response.is_success else self.retry.wait_before_retry(attempt, response)
                if wait is None:
                    return response
                response.close()
            time.sleep(wait)
            attempt += 1
