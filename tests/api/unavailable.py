"""A real HTTP server in front of the service that answers the first requests with 503 itself."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx


@dataclass
class Flaky:
    """What the server in front saw: when each request came, and how many it refused."""

    url: str
    refuse: int
    arrivals: list[float] = field(default_factory=list)


@contextmanager
def unavailable_at_first(service_url: str, refuse: int, retry_after: str = "1") -> Iterator[Flaky]:
    """A server on a free port that answers its first `refuse` requests with 503 and Retry-After (the
    service's own error body, as while its model loads), and passes the others to the service."""
    flaky = Flaky(url="", refuse=refuse)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with lock:
                flaky.arrivals.append(time.monotonic())
                refused = len(flaky.arrivals) <= flaky.refuse
            if refused:
                error = {"error": {"code": "not_ready", "message": "model is still loading", "fields": []}}
                self._answer(503, json.dumps(error).encode(), {"Retry-After": retry_after})
                return
            headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
            answer = httpx.post(service_url + self.path, content=body, headers=headers, timeout=60)
            self._answer(answer.status_code, answer.content, {})

        def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    flaky.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield flaky
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
