"""What the HTTP layer shares across requests: settings, metrics and the extractor once it is loaded."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.extraction.engine import Extractor, StageObserver
from app.models.v1 import Extraction
from app.observability.logs import log
from app.observability.metrics import Metrics
from app.settings import Settings

ExtractorFactory = Callable[[str], Extractor]


class SerializedExtractor:
    """The Extractor, entered by one request at a time.

    Extractor.parse runs spaCy inside `memory_zone()`, and zones overlapping in several threads break
    the pipeline (ValueError E109 from attribute_ruler on most of 16 concurrent requests). The work
    is CPU-bound under the GIL, so taking turns costs little; the lock can go once the engine is
    safe for concurrent calls.
    """

    def __init__(self, extractor: Extractor) -> None:
        self._extractor = extractor
        self._turn = threading.Lock()
        self.model_info = extractor.model_info

    def extract(self, text: str, published_at: dt.date | None, observe: StageObserver) -> Extraction:
        with self._turn:
            return self._extractor.extract(text, published_at, observe)


class ExtractorLoader:
    """Loads the one Extractor in a background thread, so the process answers /healthz meanwhile."""

    def __init__(self, model: str, factory: ExtractorFactory, on_loaded: Callable[[Extractor], None]) -> None:
        self.model = model
        self._factory = factory
        self._on_loaded = on_loaded
        self._extractor: SerializedExtractor | None = None
        self.failure: str | None = None

    @property
    def extractor(self) -> SerializedExtractor | None:
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
        self._extractor = SerializedExtractor(extractor)
        log.info(
            "model loaded",
            extra={"fields": {"model": self.model, "seconds": round(time.perf_counter() - started, 2)}},
        )


@dataclass(frozen=True)
class ServiceState:
    settings: Settings
    metrics: Metrics
    loader: ExtractorLoader
