"""Python client of the event-extractor service: `Client` (blocking) and `AsyncClient` (asyncio), on
httpx, with the API's models. It needs httpx and pydantic only; never spaCy nor the service.

    from event_extractor_client import Client

    with Client("http://127.0.0.1:8000") as client:
        answer = client.extract("Leaders met in Paris on Monday.", published_at="2025-02-18")
        for item in client.extract_many(articles):  # any number, through POST /v1/extract/batch
            ...
"""

from event_extractor_client._async import AsyncClient
from event_extractor_client._protocol import DEFAULT_URL, URL_VARIABLE, Article, RetryPolicy
from event_extractor_client._sync import Client
from event_extractor_client.errors import ServiceError
from event_extractor_client.models import (
    BatchItem,
    BatchResponse,
    DateMention,
    ErrorDetail,
    Event,
    ExtractRequest,
    ExtractResponse,
    FieldError,
    Participant,
)

__all__ = [
    "DEFAULT_URL",
    "URL_VARIABLE",
    "Article",
    "AsyncClient",
    "BatchItem",
    "BatchResponse",
    "Client",
    "DateMention",
    "ErrorDetail",
    "Event",
    "ExtractRequest",
    "ExtractResponse",
    "FieldError",
    "Participant",
    "RetryPolicy",
    "ServiceError",
]
