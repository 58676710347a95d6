"""What the HTTP layer shares across requests: settings, metrics and the extractor once it is loaded."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from app.extraction.engine import Extractor
from app.observability.logs import log
from app.observability.metrics import Metrics
from app.settings import Settings

ExtractorFactory = Callable[[str], Extractor]


class ExtractorLoader:
    """Loads the one Extractor in a background thread, so the process answers /healthz meanwhile."""

    def __init__(self, model: str, factory: ExtractorFactory, on_loaded: Callable[[Extractor], None]) -> None:
        self.model = model
        self._factory = factory
        self._on_loaded = on_loaded
        self._extractor: Extractor | None = None
        self.failure: str | None = None

    @property
    def extractor(self) -> Extractor | None:
        """The loaded extractor, or None while loading (or after loading failed)."""
        return self._extractor

    def start(self) -> None:
        # A daemon thread: a shutdown during a slow load must not wait for it.
        threading.Thread(target=self._load, name="load-extractor", daemon=True).start()

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            extractor = self._factory(self.model)
        except Exception as exc:
            self.failure = f"{type(exc).__name__}: {exc}"
            log.exception("model failed to load", extra={"fields": {"model": self.model}})
            return
        self._on_loaded(extractor)
        self._extractor = extractor
        log.info(
            "model loaded",
            extra={"fields": {"model": self.model, "seconds": round(time.perf_counter() - started, 2)}},
        )


class Lifecycle:
    """Whether the process has been asked to stop. Once draining, /readyz answers 503 so that load
    balancers stop sending, while every request that does arrive is still served."""

    def __init__(self) -> None:
        self._draining = False

    @property
    def draining(self) -> bool:
        return self._draining

    def begin_draining(self) -> None:
        # Only a flag store: the serving layer calls this from a signal handler.
        self._draining = True


class Admission:
    """How many extractions are running or waiting for a thread, against a limit. Entered and left
    from the event loop only (async code), so a plain counter needs no lock.

    A batch enters as several extractions (one per group of articles it parses at a turn): it is let in
    whenever a single request would be, so that it is never shut out for good, and until it is done the
    requests behind it see its work as pending."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.pending = 0

    def try_enter(self, extractions: int = 1) -> bool:
        if self.pending >= self.limit:
            return False
        self.pending += extractions
        return True

    def leave(self, extractions: int = 1) -> None:
        self.pending -= extractions


@dataclass(frozen=True)
class ServiceState:
    settings: Settings
    metrics: Metrics
    loader: ExtractorLoader
    admission: Admission
    lifecycle: Lifecycle = field(default_factory=Lifecycle)
