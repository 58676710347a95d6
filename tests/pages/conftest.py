"""A real browser (Debian's Chromium, driven by Playwright) on pages of a real server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.api import conftest as api_fixtures
from tests.pages.browser import PageTraffic, launch_chromium, system_chromium

# The same real uvicorn server the API tests use (this folder starts its own instance).
server_url = api_fixtures.server_url

TIMEOUT_MS = 20_000


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = system_chromium()
    if executable is None:
        message = "Chromium is not installed (apt-get install chromium; .ci/run does): the page tests need it"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: its absence there is a broken set-up, not a reason to skip
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, executable)
        yield browser
        browser.close()


@dataclass
class Visit:
    page: Page
    traffic: PageTraffic


@pytest.fixture
def visit(browser: Browser, server_url: str) -> Iterator[Visit]:
    """A fresh browser context whose pages may only reach `server_url`; tests check `traffic`."""
    context = browser.new_context(base_url=server_url, viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(TIMEOUT_MS)
    traffic = PageTraffic(origin=server_url)
    traffic.watch(context)
    try:
        yield Visit(context.new_page(), traffic)
    finally:
        context.close()
