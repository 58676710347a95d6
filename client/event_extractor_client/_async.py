"""The asyncio client: the same calls as Client, awaited."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import deque
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any

import httpx

from event_extractor_client import _protocol as protocol
from event_extractor_client._protocol import Article, RetryPolicy
from event_extractor_client.errors import ServiceError
from event_extractor_client.models import BatchItem, BatchResponse, ExtractResponse


class AsyncClient:
    """Calls an event-extractor service from asyncio; see Client for what each call does."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.retry = retry or RetryPolicy()
        self._http = httpx.AsyncClient(
            **protocol.http_options(base_url, timeout, headers), transport=transport
        )

    @property
    def base_url(self) -> str:
        return str(self._http.base_url)

    async def extract(
        self,
        text: str,
        *,
        published_at: dt.date | str | None = None,
        id: str | None = None,
        schema_version: str | None = None,
    ) -> ExtractResponse:
        body = protocol.single_body(text, published_at, id)
        response = await self._send(protocol.EXTRACT_PATH, body, schema_version)
        return protocol.parse(response, ExtractResponse)

    async def extract_batch(
        self, articles: Sequence[Article], *, schema_version: str | None = None
    ) -> BatchResponse:
        body = protocol.batch_body(articles)
        response = await self._send(protocol.BATCH_PATH, body, schema_version)
        return protocol.parse(response, BatchResponse)

    async def stream_batch(
        self, articles: Sequence[Article], *, schema_version: str | None = None
    ) -> AsyncIterator[BatchItem]:
        body = protocol.batch_body(articles)
        response = await self._send(protocol.BATCH_PATH, body, schema_version, stream=True)
        try:
            if not response.is_success:
                await response.aread()
                protocol.raise_for_error(response)
            async for line in response.aiter_lines():
                if line:
                    yield protocol.batch_item(line)
        finally:
            await response.aclose()

    async def extract_many(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = protocol.DEFAULT_BATCH_SIZE,
        max_batch_bytes: int = protocol.DEFAULT_BATCH_BYTES,
        concurrency: int = 2,
        schema_version: str | None = None,
    ) -> AsyncIterator[BatchItem]:
        pending: deque[asyncio.Task[list[BatchItem]]] = deque()
        offset = 0
        try:
            for group in protocol.batches(articles, batch_size, max_batch_bytes):
                pending.append(asyncio.create_task(self._batch_items(group, offset, schema_version)))
                offset += len(group)
                if len(pending) >= concurrency:
                    for item in await pending.popleft():
                        yield item
            while pending:
                for item in await pending.popleft():
                    yield item
        finally:
            for task in pending:  # the caller stopped early, or a batch failed
                task.cancel()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _batch_items(
        self, group: list[dict[str, Any]], offset: int, schema_version: str | None
    ) -> list[BatchItem]:
        try:
            answer = await self.extract_batch(group, schema_version=schema_version)
        except ServiceError as error:
            alone = protocol.refused_alone(error, offset) if len(group) == 1 else None
            if alone is None:
                raise
            return alone
        return protocol.renumbered(answer.items, offset)

    async def _send(
        self, path: str, body: Any, schema_version: str | None, *, stream: bool = False
    ) -> httpx.Response:
        request = protocol.post(self._http, path, body, schema_version, stream)
        attempt = 0
        while True:
            try:
                response = await self._http.send(request, stream=stream)
            except protocol.RETRIED_ERRORS:
                wait = self.retry.wait_before_retry(attempt, None)
                if wait is None:
                    raise
            else:
                wait = None if response.is_success else self.retry.wait_before_retry(attempt, response)
                if wait is None:
                    return response
                await response.aclose()
            await asyncio.sleep(wait)
            attempt += 1
