"""What the HTTP layer shares across requests: settings, metrics and the extractor once it is loaded."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from app.extraction.deadline import Deadline
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
    """The work admitted (each with its deadline and the extractions it counts as) against a limit.
    Entered and left from the event loop only (async code), so plain containers need no lock; the
    deadlines themselves are read by the threads that run the extractions.

    A batch enters as several extractions (one per group of articles it parses at a turn): it is let in
    whenever a single request would be, so that it is never shut out for good, and until it is done the
    requests behind it see its work as pending."""

    def __init__(self, limit: int, deadline_seconds: float) -> None:
        self.limit = limit
        self.deadline_seconds = deadline_seconds
        self._pending: dict[Deadline, int] = {}  # each admitted work: the extractions it counts as

    @property
    def pending(self) -> int:
        return sum(self._pending.values())

    def try_enter(self, extractions: int = 1) -> Deadline | None:
        """The new work's deadline (counting from now), or None if the limit is reached."""
        if self.pending >= self.limit:
            return None
        admitted = Deadline(self.deadline_seconds)
        self._pending[admitted] = extractions
        return admitted

    def leave(self, admitted: Deadline) -> None:
        self._pending.pop(admitted, None)

    def saturation(self, busy_seconds: float) -> str | None:
        """Why this process should get no new work now, or None: every place is taken, or an
        extraction has waited or run for `busy_seconds` (new work would queue behind it)."""
        if self.pending >= self.limit:
            return f"{self.pending} extractions pending, the limit"
        now = time.monotonic()
        oldest = max((now - d.started_at for d in self._pending), default=0.0)
        if oldest >= busy_seconds:
            return f"an extraction has been waiting or running for {oldest:.1f} s"
        return None


@dataclass(frozen=True)
class ServiceState:
    settings: Settings
    metrics: Metrics
    loader: ExtractorLoader
    admission: Admission
    lifecycle: Lifecycle = field(default_factory=Lifecycle)
