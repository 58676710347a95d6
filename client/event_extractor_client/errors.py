"""What the client raises when the service answers with an error."""

from __future__ import annotations

from collections.abc import Sequence

from event_extractor_client.models import FieldError

# Answers that may turn into a success later: overloaded or loading (429, 503), a proxy's (502, 504).
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})


class ServiceError(Exception):
    """The service answered with an error: its status, and its error body's `code`, `message` and
    `fields` (README "Errors"). Raised once retrying is over or pointless (a 4xx is never retried)."""

    def __init__(
        self,
        *,
        status: int,
        code: str,
        message: str,
        fields: Sequence[FieldError] = (),
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.fields = tuple(fields)
        self.request_id = request_id  # finds the request in the service's logs
        self.retry_after = retry_after  # seconds the service asked to wait (429, 503)

    @property
    def retryable(self) -> bool:
        """Whether the same request may succeed later (overloaded, loading), rather than never."""
        return self.status in RETRYABLE_STATUSES
