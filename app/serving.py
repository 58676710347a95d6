"""How the process serves: one uvicorn process, and a shutdown that drains before it stops.

One process per pod, on purpose (README "Deploy" says why): the pod's replicas are the unit of scale.

On SIGTERM (what Kubernetes sends to stop a pod):
1. /readyz turns 503 at once, while everything else is served as before, for `drain_seconds`, so the
   endpoints and load balancers that still route here stop doing so before the listener closes;
2. uvicorn then stops accepting connections, closes idle keep-alive ones, and lets the requests in
   flight finish, for at most `graceful_shutdown_seconds` (then they are cancelled);
3. the process exits with status 0.
A second SIGTERM or a SIGINT (Ctrl-C) skips the drain; one more SIGINT skips waiting for requests.
"""

from __future__ import annotations

import signal
import time
from types import FrameType

import uvicorn
from fastapi import FastAPI

from app.api.state import Lifecycle, ServiceState
from app.observability.logs import log, uvicorn_log_config
from app.settings import Settings


class DrainingServer(uvicorn.Server):
    """uvicorn.Server whose first SIGTERM starts a drain instead of stopping at once."""

    def __init__(self, config: uvicorn.Config, *, lifecycle: Lifecycle, drain_seconds: float) -> None:
        super().__init__(config)
        self.lifecycle = lifecycle
        self.drain_seconds = drain_seconds
        self._drain_ends_at: float | None = None
        self._drain_announced = False

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if sig == signal.SIGTERM and self._drain_ends_at is None:
            # A signal handler: only set flags here (logging could re-enter a stream being written);
            # on_tick, on the event loop, says what happens and ends the drain.
            self.lifecycle.begin_draining()
            self._drain_ends_at = time.monotonic() + self.drain_seconds
            return  # not handed to uvicorn, which would re-raise it at exit: a drained stop exits 0
        self.lifecycle.begin_draining()
        super().handle_exit(sig, frame)

    async def on_tick(self, counter: int) -> bool:
        if self._drain_ends_at is not None and not self.should_exit:
            if not self._drain_announced:
                self._drain_announced = True
                log.info(
                    "SIGTERM: readiness is 503 now; still serving until the drain ends",
                    extra={"fields": {"drain_seconds": self.drain_seconds, "in_flight": self.in_flight}},
                )
            if time.monotonic() >= self._drain_ends_at:
                log.info(
                    "drain over: no new connections; waiting for the requests in flight",
                    extra={
                        "fields": {
                            "in_flight": self.in_flight,
                            "timeout_seconds": self.config.timeout_graceful_shutdown,
                        }
                    },
                )
                self.should_exit = True
        return await super().on_tick(counter)

    @property
    def in_flight(self) -> int:
        """Requests being answered now (uvicorn runs one task per request)."""
        return len(self.server_state.tasks)


def serve(app: FastAPI, settings: Settings) -> None:
    """Serve `app` on the configured address until SIGTERM or SIGINT; returns once shut down."""
    state = app.state.service
    assert isinstance(state, ServiceState)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        lifespan="on",
        timeout_keep_alive=settings.keep_alive_seconds,
        timeout_graceful_shutdown=settings.graceful_shutdown_seconds,
        log_config=uvicorn_log_config(settings.log_level),
        log_level=settings.log_level.lower(),
        access_log=False,  # our request lines (app/observability/http.py) carry more
        server_header=False,
    )
    server = DrainingServer(config, lifecycle=state.lifecycle, drain_seconds=settings.drain_seconds)
    server.run()
