"""POST /v1/extract/batch: many articles in, one answer per article, in their order.

The texts are parsed together (Extractor.extract_many, spaCy's nlp.pipe). An article that is not a
valid extract request gets its error in its place and the others are read. The answer is one JSON
document, or, when the request's Accept header asks for application/x-ndjson, its items streamed one
JSON object a line as each article is done.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from app.api.deps import MetricsDep, RequestFactsDep, SettingsDep, StateDep, enter_admission, loaded_extractor
from app.api.errors import EXTRACTION_ERRORS, ApiError, documented_errors, invalid_request
from app.api.extract import extract_response
from app.api.limits import ensure_text_fits, require_json
from app.api.schemas import BatchResponseVersionDep, SchemaResponder, SchemaResponderDep, describedby_link
from app.extraction.engine import PARSE_BATCH_SIZE, Extractor, StageObserver
from app.models.v1 import BatchItem, BatchRequest, BatchResponse, Extraction, ExtractRequest
from app.observability.logs import RequestFacts, log
from app.observability.metrics import Metrics
from app.schemas.documents import BATCH_RESPONSE, project

NDJSON = "application/x-ndjson"

router = APIRouter(prefix="/v1", tags=["extraction"])

_ERRORS = documented_errors(
    {
        **EXTRACTION_ERRORS,
        413: "More articles than EXTRACTOR_MAX_BATCH_ARTICLES, or the body is over the byte limit.",
        422: 'The body is not {"articles": [...]} with at least one article (a bad article is answered '
        "in its place instead).",
    }
)
# The body is read leniently (each article checked on its own), so its schema is given to OpenAPI here;
# ExtractRequest, which it refers to, is among the components through POST /v1/extract.
_REQUEST_SCHEMA = BatchRequest.model_json_schema(ref_template="#/components/schemas/{model}")
_REQUEST_SCHEMA.pop("$defs", None)
_OPENAPI_REQUEST = {
    "requestBody": {"required": True, "content": {"application/json": {"schema": _REQUEST_SCHEMA}}}
}
_ARTICLE_FIELDS = list(ExtractRequest.model_fields)
_INTERNAL_ERROR_IN_BATCH = (
    "internal error reading this article; the others were read, and the request id in X-Request-ID "
    "finds it in the logs"
)


class _Envelope(BaseModel):
    """The batch as first read: its articles are checked one by one afterwards."""

    model_config = ConfigDict(extra="forbid")
    articles: list[Any] = Field(min_length=1)


Article = ExtractRequest | ApiError  # an article to read, or why it cannot be read


@router.post(
    "/extract/batch",
    response_model=BatchResponse,
    summary="Extract meetings and dates from many articles at once",
    description="Up to EXTRACTOR_MAX_BATCH_ARTICLES articles, each what POST /v1/extract takes; one item "
    "per article in their order, with its extract response or, if the article is not valid, its error. "
    f"With `Accept: {NDJSON}` the items are streamed, one JSON object per line, as they are done.",
    dependencies=[Depends(require_json)],
    responses={
        200: {
            "content": {NDJSON: {"schema": {"$ref": "#/components/schemas/BatchItem"}}},
            "headers": {"Link": {"description": "The batch-response schema.", "schema": {"type": "string"}}},
        },
        **_ERRORS,
    },
    openapi_extra=_OPENAPI_REQUEST,
)
async def extract_batch(
    http_request: Request,
    state: StateDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    facts: RequestFactsDep,
    version: BatchResponseVersionDep,
    respond: SchemaResponderDep,
    body: Annotated[Any, Body()] = None,
) -> Response:
    # Async, so that admission is counted on the event loop; the NLP runs in the threadpool below.
    extractor = loaded_extractor(state)
    articles = read_articles(body, settings.max_batch_articles, settings.max_text_chars)
    # A batch takes turns at the parser one group of articles at a time, as a single request does with
    # its one text: it counts as one pending extraction per group.
    readable = sum(isinstance(article, ExtractRequest) for article in articles)
    turns = -(-readable // PARSE_BATCH_SIZE)
    admitted = enter_admission(state, turns)
    facts.text_chars = sum(len(a.text) for a in articles if isinstance(a, ExtractRequest))
    failed = _failure_logger(facts.request_id)
    items = _observed(
        answers(articles, extractor, version, metrics.observe_stage, failed, settings.max_events),
        articles,
        metrics,
        facts,
    )
    if _wants_ndjson(http_request):
        lines = _ndjson_lines(items, respond, version, extractor)
        return _AdmittedStream(lines, release=lambda: state.admission.leave(admitted), headers=_link(version))
    try:
        answered = await run_in_threadpool(list, items)
    finally:
        state.admission.leave(admitted)
    document = BatchResponse(schema_version=version, model=extractor.model_info, items=answered)
    return respond.json(document, BATCH_RESPONSE, version)


def read_articles(body: Any, max_articles: int, max_chars: int) -> list[Article]:
    """Each article of the batch `body`, or the error it is answered with; 4xx if the body itself is bad."""
    try:
        envelope = _Envelope.model_validate(body)
    except ValidationError as exc:
        raise invalid_request(exc.errors(), ["articles"], example='{"articles": [{"text": "..."}]}') from None
    if len(envelope.articles) > max_articles:
        raise ApiError(
            413,
            f"the batch has {len(envelope.articles)} articles; the limit is {max_articles} "
            "(EXTRACTOR_MAX_BATCH_ARTICLES): send them in several batches",
        )
    return [read_article(item, max_chars) for item in envelope.articles]


def read_article(item: Any, max_chars: int) -> Article:
    """`item` as an article to read, or the error it is answered with (as POST /v1/extract would)."""
    try:
        article = ExtractRequest.model_validate(item)
        ensure_text_fits(article.text, max_chars)
    except ValidationError as exc:
        return invalid_request(exc.errors(), _ARTICLE_FIELDS, what="an article")
    except ApiError as exc:
        return exc
    return article


Failed = Callable[[int, Exception], None]  # told of an article whose extraction raised: its index, why


def answers(
    articles: list[Article],
    extractor: Extractor,
    version: str,
    observe: StageObserver,
    failed: Failed,
    max_events: int | None = None,
) -> Iterator[BatchItem]:
    """The items in the order of the articles, lazily (run it in a thread: it is the NLP). A bug that
    breaks one article's extraction answers that article with internal_error, and the rest go on."""
    readable = [article for article in articles if isinstance(article, ExtractRequest)]
    extractions = _each_extraction(extractor, readable, observe, max_events)
    for index, article in enumerate(articles):
        if isinstance(article, ApiError):
            yield BatchItem(index=index, error=article.detail)
            continue
        extraction = next(extractions)
        if isinstance(extraction, Exception):
            failed(index, extraction)
            yield BatchItem(index=index, error=ApiError(500, _INTERNAL_ERROR_IN_BATCH).detail)
        else:
            yield BatchItem(
                index=index, result=extract_response(article, extraction, extractor.model_info, version)
            )


def _each_extraction(
    extractor: Extractor, articles: list[ExtractRequest], observe: StageObserver, max_events: int | None
) -> Iterator[Extraction | Exception]:
    """Each article's extraction, or the exception it raised; after one, the rest are read again from
    the next article (an exception ends extract_many's run)."""
    done = 0
    while done < len(articles):
        rest = ((article.text, article.published_at) for article in articles[done:])
        try:
            for extraction in extractor.extract_many(rest, observe=observe, max_events=max_events):
                done += 1
                yield extraction
        except Exception as error:
            done += 1
            yield error


def _observed(
    items: Iterator[BatchItem], articles: list[Article], metrics: Metrics, facts: RequestFacts
) -> Iterator[BatchItem]:
    """`items` as they come, each counted in the metrics and the request's log facts."""
    facts.events = 0
    for item in items:
        metrics.observe_batch_item(ok=item.result is not None)
        if item.result is not None:
            article = articles[item.index]
            assert isinstance(article, ExtractRequest)
            metrics.observe_extraction(
                len(article.text), Extraction(events=item.result.events, dates=item.result.dates)
            )
            facts.events += len(item.result.events)
        yield item


async def _ndjson_lines(
    items: Iterator[BatchItem], respond: SchemaResponder, version: str, extractor: Extractor
) -> AsyncIterator[bytes]:
    model = extractor.model_info.model_dump()
    async for item in iterate_in_threadpool(items):
        line = project(item, version)
        # A line is an item of a batch response: checked as the one item of one.
        respond.check({"schema_version": version, "model": model, "items": [line]}, BATCH_RESPONSE, version)
        yield json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _failure_logger(request_id: str) -> Failed:
    def failed(index: int, error: Exception) -> None:
        fields = {"request_id": request_id, "article": index}
        log.error("an article of a batch failed", exc_info=error, extra={"fields": fields})

    return failed


def _wants_ndjson(request: Request) -> bool:
    accepted = (
        part.split(";", 1)[0].strip().lower() for part in request.headers.get("accept", "").split(",")
    )
    return NDJSON in accepted


def _link(version: str) -> dict[str, str]:
    return {"Link": describedby_link(BATCH_RESPONSE.name, version)}


class _AdmittedStream(StreamingResponse):
    """A stream that gives its admitted extractions back however it ends: done, failed, or the client
    gone before it began (when the body's generator would never run its own cleanup)."""

    def __init__(
        self, content: AsyncIterator[bytes], release: Callable[[], None], headers: dict[str, str]
    ) -> None:
        super().__init__(content, media_type=NDJSON, headers=headers)
        self._release = release

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._release()
