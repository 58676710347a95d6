"""/docs and /redoc in a real browser: every operation shows, "Try it out" works, nothing leaves the host."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.pages.conftest import Visit


@pytest.fixture(scope="module")
def openapi(server_url: str) -> dict[str, Any]:
    document: dict[str, Any] = httpx.get(f"{server_url}/openapi.json").json()
    return document


def _operations(openapi: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(method, path, summary) of every documented operation."""
    return [
        (method, path, operation["summary"])
        for path, item in openapi["paths"].items()
        for method, operation in item.items()
    ]


def test_swagger_ui_shows_every_operation_with_assets_from_this_host(
    visit: Visit, openapi: dict[str, Any]
) -> None:
    page = visit.page
    page.goto("/docs")

    for method, path, summary in _operations(openapi):
        operation = page.locator(f".opblock-{method}").filter(
            has=page.locator(f'.opblock-summary-path[data-path="{path}"]')
        )
        expect(operation).to_be_visible()
        expect(operation.locator(".opblock-summary-description")).to_have_text(summary)
    assert len(openapi["paths"]) >= 7
    assert visit.traffic.foreign == [], "requests left the host"
    assert visit.traffic.errors == []


def test_try_it_out_sends_the_documented_example_and_shows_the_events(visit: Visit) -> None:
    page = visit.page
    page.goto("/docs")
    extract = page.locator("#operations-extraction-extract_v1_extract_post")
    extract.locator(".opblock-summary").click()
    extract.get_by_role("button", name="Try it out").click()
    extract.get_by_role("button", name="Execute").click()

    live = extract.locator(".live-responses-table .response")
    expect(live.locator(".response-col_status")).to_have_text("200")
    body = json.loads(live.locator(".response-col_description pre").first.inner_text())
    excluded = [p["name"] for e in body["events"] for p in e["participants"] if p["role"] == "excluded"]
    assert excluded == ["Romania", "Czech Republic"]
    assert visit.traffic.foreign == [], "requests left the host"
    assert visit.traffic.errors == []


def test_redoc_shows_every_operation_with_assets_from_this_host(
    visit: Visit, openapi: dict[str, Any]
) -> None:
    page = visit.page
    page.goto("/redoc")

    for _, _, summary in _operations(openapi):
        expect(page.locator("h2", has_text=summary)).to_be_visible()
    # The request sample is the documented example, README's article.
    expect(page.get_by_text('"article-42"').first).to_be_visible()
    assert visit.traffic.foreign == [], "requests left the host"
    assert visit.traffic.errors == []
