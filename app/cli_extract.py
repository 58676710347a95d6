"""`event-extractor extract`: one article, or a JSONL file of them, through a running service (with the
Python client, event_extractor_client) or with the engine in this process (--local).

Output is what POST /v1/extract answers, one JSON document per article. With --jsonl, line n of the
output answers line n of the input: a line that cannot be read or extracted from is answered with
{"line": n, "id": ..., "error": {"code", "message", "fields"}} in its place, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
import traceback
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

import httpx
from event_extractor_client import Client, ServiceError

# Exit statuses: every article answered; some article (or the one) not; the command could not run.
OK, FAILED, UNUSABLE = 0, 1, 2
PROGRESS_EVERY_SECONDS = 0.25

Json = dict[str, Any]


@dataclass(frozen=True)
class Answer:
    """What one article got: its extract response, or the error body's `error`."""

    result: Json | None = None
    error: Json | None = None


class Backend(Protocol):
    def one(self, body: Json) -> Answer: ...

    def many(self, bodies: Iterator[Json]) -> Iterator[Answer]: ...


class CommandError(Exception):
    """The command cannot run as asked; the message says why (exit status 2)."""


def add_extract_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="the article's text; - reads standard input")
    source.add_argument(
        "--jsonl",
        metavar="IN.jsonl",
        help='a file (or -) of requests, a JSON object a line: {"text": ..., "published_at": ..., "id": ...}',
    )
    parser.add_argument(
        "--published-at",
        metavar="YYYY-MM-DD",
        help="the publication date, which relative dates resolve against (--jsonl: for lines without one)",
    )
    parser.add_argument("--id", help="an id echoed in the response (not with --jsonl: each line has its own)")
    parser.add_argument(
        "--schema-version",
        metavar="X.Y.Z",
        help="answer in this response schema version (default: the latest)",
    )
    parser.add_argument("--pretty", action="store_true", help="indent the JSON (not with --jsonl)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--url", help="the service to call (default: $EVENT_EXTRACTOR_URL, else http://127.0.0.1:8000)"
    )
    where.add_argument(
        "--local",
        action="store_true",
        help="run the engine in this process (loads spaCy) instead of calling a service",
    )
    parser.add_argument(
        "--concurrency",
        type=_positive,
        default=2,
        metavar="N",
        help="batches in flight at once with --jsonl against a service (default 2; --local reads one batch "
        "at a time: parses take turns within a process)",
    )
    parser.add_argument(
        "--batch-size",
        type=_positive,
        default=64,
        metavar="N",
        help="articles per batch with --jsonl (default 64)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="per request to the service (default 120)",
    )


def run_extract(args: argparse.Namespace) -> int:
    """Runs the subcommand; its exit status."""
    try:
        if args.jsonl is not None and (args.pretty or args.id is not None):
            raise CommandError("--pretty and --id do not go with --jsonl (each line is one JSON document)")
        source = args.file if args.jsonl is None else args.jsonl
        if source != "-" and not Path(source).is_file():  # said before a model is loaded for nothing
            raise CommandError(f"cannot read {source}: no such file")
        backend = _local(args) if args.local else _remote(args)
        if args.jsonl is None:
            return _extract_one(args, backend)
        return _extract_lines(args, backend)
    except CommandError as error:
        print(f"event-extractor extract: {error}", file=sys.stderr)
        return UNUSABLE


# -- one article ----------------------------------------------------------------------------------


def _extract_one(args: argparse.Namespace, backend: Backend) -> int:
    text = _read(args.file)
    body: Json = {"text": text}
    if args.published_at is not None:
        body["published_at"] = args.published_at
    if args.id is not None:
        body["id"] = args.id
    answer = backend.one(body)
    if answer.error is not None:
        print(f"event-extractor extract: {answer.error['code']}: {answer.error['message']}", file=sys.stderr)
        return FAILED
    print(json.dumps(answer.result, ensure_ascii=False, indent=2 if args.pretty else None))
    return OK


def _read(path: str) -> str:
    try:
        return sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read {path}: {error}") from None


# -- a JSONL file ---------------------------------------------------------------------------------


@dataclass
class _Line:
    number: int
    body: Json | None  # None: not JSON; answered with `error`
    error: Json | None = None


def _extract_lines(args: argparse.Namespace, backend: Backend) -> int:
    try:
        source: IO[str] = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        raise CommandError(f"cannot read {args.jsonl}: {error}") from None
    total = _count_lines(args.jsonl) if args.jsonl != "-" else None
    progress = Progress(total) if sys.stderr.isatty() else None
    failed = 0
    with source:
        for line, answer in _answered_lines(_lines(source, args.published_at), backend):
            record = answer.result if answer.result is not None else _error_record(line, answer.error)
            failed += answer.result is None
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            if progress is not None:
                progress.advance(failed)
    if progress is not None:
        progress.finish(failed)
    return FAILED if failed else OK


def _lines(source: IO[str], published_at: str | None) -> Iterator[_Line]:
    for number, raw in enumerate(source, 1):
        try:
            body = json.loads(raw)
        except json.JSONDecodeError as error:
            problem = (
                "is empty" if not raw.strip() else f"is not valid JSON: {error.msg} at character {error.pos}"
            )
            yield _Line(number, None, _error("malformed_request", f"line {number} {problem}"))
            continue
        if isinstance(body, dict) and published_at is not None:
            body.setdefault("published_at", published_at)
        yield _Line(number, body)


def _answered_lines(lines: Iterator[_Line], backend: Backend) -> Iterator[tuple[_Line, Answer]]:
    """Each line's answer, in the order of the lines: those that are JSON go to the backend as one
    stream (which reads ahead to batch them), the others are answered in their place."""
    unreadable: deque[_Line] = deque()
    sent: deque[_Line] = deque()

    def readable() -> Iterator[Json]:
        for line in lines:
            if line.body is None:
                unreadable.append(line)
            else:
                sent.append(line)
                yield line.body

    for answer in backend.many(readable()):
        line = sent.popleft()
        while unreadable and unreadable[0].number < line.number:
            yield _unread(unreadable.popleft())
        yield line, answer
    while unreadable:
        yield _unread(unreadable.popleft())


def _unread(line: _Line) -> tuple[_Line, Answer]:
    return line, Answer(error=line.error)


def _error_record(line: _Line, error: Json | None) -> Json:
    """The line answered with an error: its number, its id if it has one, and the error."""
    given = line.body.get("id") if isinstance(line.body, dict) else None
    return {"line": line.number, "id": given if isinstance(given, str) else None, "error": error}


def _error(code: str, message: str) -> Json:
    return {"code": code, "message": message, "fields": []}


def _count_lines(path: str) -> int | None:
    try:
        with open(path, "rb") as counted:
            return sum(1 for _ in counted)
    except OSError:
        return None


class Progress:
    """A status line on standard error (a terminal): lines done, rate, and time left when known."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self._shown_at = 0.0

    def advance(self, failed: int) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self._shown_at >= PROGRESS_EVERY_SECONDS:
            self._shown_at = now
            self._show(failed, now)

    def finish(self, failed: int) -> None:
        self._show(failed, time.monotonic())
        sys.stderr.write("\n")

    def _show(self, failed: int, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        shown = f"{self.done}/{self.total}" if self.total is not None else f"{self.done}"
        line = f"\r{shown} lines  {rate:.1f} articles/s  {failed} failed"
        if self.total is not None and rate > 0:
            line += f"  ETA {_duration((self.total - self.done) / rate)}"
        sys.stderr.write(line + "   ")
        sys.stderr.flush()


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


# -- where the extraction happens -----------------------------------------------------------------


def _remote(args: argparse.Namespace) -> Backend:
    return _Remote(Client(args.url, timeout=args.timeout), args)


class _Remote:
    """Calls the service with the Python client; answers are passed on as the service sent them."""

    def __init__(self, client: Client, args: argparse.Namespace) -> None:
        self._client = client
        self._args = args

    def one(self, body: Json) -> Answer:
        with _service_reached(self._client.base_url):
            try:
                answer = self._client.extract(
                    body["text"],
                    published_at=body.get("published_at"),
                    id=body.get("id"),
                    schema_version=self._args.schema_version,
                )
            except ServiceError as error:
                return Answer(error=_error(error.code, error.message))
        return Answer(result=answer.model_dump(mode="json", exclude_unset=True))

    def many(self, bodies: Iterator[Json]) -> Iterator[Answer]:
        items = self._client.extract_many(
            bodies,
            batch_size=self._args.batch_size,
            concurrency=self._args.concurrency,
            schema_version=self._args.schema_version,
        )
        with _service_reached(self._client.base_url):
            for item in items:
                if item.result is not None:
                    yield Answer(result=item.result.model_dump(mode="json", exclude_unset=True))
                else:
                    yield Answer(error=item.error.model_dump(mode="json") if item.error else None)


@contextmanager
def _service_reached(url: str) -> Iterator[None]:
    """Turns a service that cannot be reached, or that refuses a whole batch, into a CommandError."""
    try:
        yield
    except httpx.TransportError as error:
        raise CommandError(
            f"cannot reach the service at {url} ({error!r}); start one (event-extractor serve), "
            "point --url or EVENT_EXTRACTOR_URL at one, or use --local"
        ) from None
    except ServiceError as error:
        raise CommandError(f"the service refused the batch: {error}") from None


def _local(args: argparse.Namespace) -> Backend:
    from app.models.v1 import RESPONSE_SCHEMA_VERSIONS

    version = args.schema_version or RESPONSE_SCHEMA_VERSIONS[-1]
    if version not in RESPONSE_SCHEMA_VERSIONS:
        raise CommandError(
            f"schema version {version!r} is not served; there are {', '.join(RESPONSE_SCHEMA_VERSIONS)}"
        )
    return _Local(version, args.batch_size)


class _Local:
    """The engine in this process, answering as the service's batch endpoint does."""

    def __init__(self, version: str, batch_size: int) -> None:
        # Imported here: loading spaCy and the model is what --local costs, and only it.
        from app.extraction.engine import Extractor
        from app.settings import get_settings

        self._settings = get_settings()
        self._extractor = Extractor(self._settings.spacy_model)
        self._version = version
        self._batch_size = batch_size

    def one(self, body: Json) -> Answer:
        return next(self.many(iter([body])))

    def many(self, bodies: Iterator[Json]) -> Iterator[Answer]:
        from app.api.batch import answers, read_article
        from app.schemas.documents import project

        while group := list(itertools.islice(bodies, self._batch_size)):
            articles = [read_article(body, self._settings.max_text_chars) for body in group]
            for item in answers(articles, self._extractor, self._version, _unobserved, _failure_told):
                if item.result is not None:
                    yield Answer(result=project(item.result, self._version))
                else:
                    yield Answer(error=item.error.model_dump(mode="json") if item.error else None)


def _unobserved(stage: str, seconds: float) -> None:
    del stage, seconds


def _failure_told(index: int, error: Exception) -> None:
    """A bug broke one article's extraction: it is answered with internal_error; here is why."""
    print(f"event-extractor extract: an article failed ({error!r}):", file=sys.stderr)
    traceback.print_exception(error, file=sys.stderr)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return number
