"""JSON-lines logs: one object per line on stdout, one line per request."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from dataclasses import dataclass
from typing import Any

LOGGER_NAME = "event_extractor"
log = logging.getLogger(LOGGER_NAME)


@dataclass
class RequestFacts:
    """What one request learned about itself on its way through, for its log line."""

    request_id: str
    text_chars: int | None = None
    events: int | None = None
    text: str | None = None


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            line.update(fields)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(level: str) -> None:
    """Send the service's logs to stdout as JSON lines; calling it again only changes the level."""
    if not any(isinstance(h.formatter, JsonFormatter) for h in log.handlers):
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(JsonFormatter())
        log.addHandler(handler)
        log.propagate = False
    log.setLevel(level.upper())
    # Our request lines carry everything uvicorn's access lines do, and the request id besides.
    logging.getLogger("uvicorn.access").disabled = True


def uvicorn_log_config(level: str) -> dict[str, Any]:
    """uvicorn's own lines (start, shutdown, errors) as JSON on stdout too, so a log store reads one
    format; its access lines stay off, since our request lines say more."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": sys.stdout}},
        "loggers": {
            "uvicorn": {"handlers": ["stdout"], "level": level.upper(), "propagate": False},
            "uvicorn.access": {"handlers": [], "propagate": False},
        },
    }


def log_request(
    facts: RequestFacts,
    *,
    method: str,
    route: str,
    status: int,
    duration_ms: float,
    log_text: bool,
    error: BaseException | None = None,
) -> None:
    fields: dict[str, Any] = {
        "request_id": facts.request_id,
        "method": method,
        "route": route,
        "status": status,
        "duration_ms": round(duration_ms, 2),
        "text_chars": facts.text_chars,
        "events": facts.events,
    }
    if log_text and facts.text is not None:
        fields["text"] = facts.text
    if error is not None:
        log.error("request failed", exc_info=error, extra={"fields": fields})
    else:
        log.info("request", extra={"fields": fields})
