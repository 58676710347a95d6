"""The JSON Schemas over HTTP: GET /v1/schemas and /v1/schemas/{name}/{version}; and what ties a
response to its schema: the version a client pins, the Link header naming it, the optional check."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app.api.deps import MetricsDep, RequestFactsDep, SettingsDep
from app.api.errors import ApiError, ErrorResponse
from app.observability.logs import RequestFacts, log
from app.observability.metrics import Metrics
from app.schemas.catalog import SchemaCatalog, UnknownSchema, committed_schemas
from app.schemas.documents import BATCH_RESPONSE, EXTRACT_RESPONSE, DocumentKind, project

API_MAJOR = 1
SCHEMA_MEDIA_TYPE = "application/schema+json"
# Released files never change, so caches may keep them (a day bounds a mistake's reach).
_SCHEMA_CACHE_CONTROL = "public, max-age=86400"

router = APIRouter(prefix=f"/v{API_MAJOR}", tags=["schemas"])


async def get_catalog(settings: SettingsDep) -> SchemaCatalog:
    return committed_schemas(settings.schemas_dir)


SchemaCatalogDep = Annotated[SchemaCatalog, Depends(get_catalog)]


def schema_path(name: str, version: str) -> str:
    return f"/v{API_MAJOR}/schemas/{name}/{version}"


def describedby_link(name: str, version: str) -> str:
    """The Link header value naming the exact schema a body conforms to (RFC 8288)."""
    return f'<{schema_path(name, version)}>; rel="describedby"; type="{SCHEMA_MEDIA_TYPE}"'


# -- listing and serving ------------------------------------------------------------------------


class SchemaVersions(BaseModel):
    name: str = Field(description="Document name, e.g. extract-response.")
    versions: list[str] = Field(description="Versions served, oldest first.")
    latest: str = Field(description="The version answered when a client pins none.")


class SchemaListing(BaseModel):
    schemas: list[SchemaVersions]


@router.get("/schemas", response_model=SchemaListing, summary="Names and versions of the JSON Schemas")
async def list_schemas(catalog: SchemaCatalogDep) -> SchemaListing:
    return SchemaListing(
        schemas=[
            SchemaVersions(name=name, versions=versions, latest=versions[-1])
            for name, versions in catalog.versions(API_MAJOR).items()
        ]
    )


@router.get(
    "/schemas/{name}/{version}",
    response_class=Response,
    summary="One JSON Schema (draft 2020-12), byte for byte as committed",
    responses={
        200: {"content": {SCHEMA_MEDIA_TYPE: {}}, "description": "The schema document."},
        404: {"model": ErrorResponse, "description": "No such schema; the message lists those there are."},
    },
)
async def get_schema(name: str, version: str, catalog: SchemaCatalogDep) -> Response:
    try:
        schema = catalog.get(name, version)
    except UnknownSchema as exc:
        raise ApiError(404, str(exc)) from None
    return Response(
        schema.content, media_type=SCHEMA_MEDIA_TYPE, headers={"Cache-Control": _SCHEMA_CACHE_CONTROL}
    )


# -- responses at a pinned version --------------------------------------------------------------


def pinned_version(kind: DocumentKind) -> Callable[[str | None], Awaitable[str]]:
    """A dependency reading `?schema_version=` for a response of `kind`: the version to answer in."""

    # The Query is a default, not in an Annotated: annotations are strings here (PEP 563), and one
    # naming this closure's `kind` could not be resolved by FastAPI.
    async def pinned(
        schema_version: str | None = Query(
            default=None,
            description=f"The {kind.name} schema version to answer in (e.g. {kind.versions[0]}); the "
            "latest if absent. Unknown versions get 406 listing those served.",
            # The versions served, so that the document says what is accepted (any other value,
            # the empty string included, is the 406 it documents).
            json_schema_extra={"enum": list(kind.versions)},
        ),
    ) -> str:
        if schema_version is None:
            return kind.latest
        if schema_version not in kind.versions:
            served = ", ".join(kind.versions)
            raise ApiError(
                406,
                f"schema_version {schema_version!r} is not served; supported versions of "
                f"{kind.name}: {served} (the latest, {kind.latest}, if none is given)",
            )
        return schema_version

    return pinned


ResponseVersionDep = Annotated[str, Depends(pinned_version(EXTRACT_RESPONSE))]
BatchResponseVersionDep = Annotated[str, Depends(pinned_version(BATCH_RESPONSE))]


class SchemaResponder:
    """Answers with a document in the shape of the version asked for and a Link to that schema;
    first checks it against the committed file if EXTRACTOR_VALIDATE_RESPONSES is on. A violation
    is counted and logged, and the response still goes out: the check is a tripwire, not a gate."""

    def __init__(self, catalog: SchemaCatalog, metrics: Metrics, validate: bool, facts: RequestFacts) -> None:
        self._catalog = catalog
        self._metrics = metrics
        self._validate = validate
        self._facts = facts

    def json(self, document: BaseModel, kind: DocumentKind, version: str) -> JSONResponse:
        body = project(document, version)
        self.check(body, kind, version)
        return JSONResponse(body, headers={"Link": describedby_link(kind.name, version)})

    def check(self, body: object, kind: DocumentKind, version: str) -> None:
        """Checks `body` against the committed schema of `kind` at `version`, if checks are on."""
        if not self._validate:
            return
        started = time.perf_counter()
        violations = self._catalog.violations(kind.name, version, body)
        self._metrics.observe_validation(kind.name, version, time.perf_counter() - started, not violations)
        if violations:
            fields = {"request_id": self._facts.request_id, "schema": kind.name, "version": version}
            log.error(
                "response does not conform to its schema",
                extra={"fields": {**fields, "violations": violations}},
            )


async def get_responder(
    catalog: SchemaCatalogDep, settings: SettingsDep, metrics: MetricsDep, facts: RequestFactsDep
) -> SchemaResponder:
    return SchemaResponder(catalog, metrics, settings.validate_responses, facts)


SchemaResponderDep = Annotated[SchemaResponder, Depends(get_responder)]
