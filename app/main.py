"""The application: settings, routers, middleware, and a lifespan that loads the extractor once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI

from app import pages
from app.api import batch, extract, health, metrics, schemas
from app.api.errors import cancelled_response, install_error_handlers, internal_error_response
from app.api.limits import BodySizeLimitMiddleware
from app.api.state import Admission, ExtractorFactory, ExtractorLoader, ServiceState
from app.extraction.engine import Extractor
from app.observability.http import RequestObservationMiddleware
from app.observability.logs import configure_logging
from app.observability.metrics import Metrics
from app.schemas.catalog import committed_schemas
from app.settings import Settings, get_settings

DESCRIPTION = """\
Reads a news article and returns the meetings it reports (summits, talks, calls, hearings) with
their date, place, status and parties (organizers, participants, those excluded), plus every date
expression in the text with its normalized value. Character offsets index the submitted text.

Stateless: nothing is stored between requests.
"""


def _service_version() -> str:
    try:
        return version("event-extractor")
    except PackageNotFoundError:  # running from a checkout that was never pip-installed
        return "0.0.0"


def create_app(settings: Settings | None = None, *, load_extractor: ExtractorFactory = Extractor) -> FastAPI:
    """The service; `load_extractor` is the seam tests use to stand in for a slow or failing model."""
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    committed_schemas(settings.schemas_dir)  # responses are served against these: fail now if absent
    registry = Metrics(deadline_seconds=settings.extraction_deadline_seconds)
    loader = ExtractorLoader(
        settings.spacy_model, load_extractor, on_loaded=lambda e: registry.set_model(e.model_info)
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loader.start()
        yield

    app = FastAPI(
        title="Event extractor",
        version=_service_version(),
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # app/pages serves /docs and /redoc with assets from this host, not a CDN
        redoc_url=None,
    )
    app.state.service = ServiceState(
        settings=settings,
        metrics=registry,
        loader=loader,
        admission=Admission(settings.max_pending_extractions, settings.extraction_deadline_seconds),
    )
    install_error_handlers(app)
    app.include_router(extract.router)
    app.include_router(batch.router)
    app.include_router(schemas.router)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(pages.router)
    # The last added runs first: observe everything, including bodies refused for their size.
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        RequestObservationMiddleware,
        metrics=registry,
        log_text=settings.log_text,
        internal_error=internal_error_response,
        cancelled_error=cancelled_response,
    )
    return app


app = create_app()
