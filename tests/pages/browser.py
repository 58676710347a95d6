"""Debian's Chromium driven by Playwright, and a record of every request a page makes.

Playwright's own browser builds are never downloaded (`playwright install` is not run): the system
Chromium (`apt-get install chromium`, done by .ci/run) is launched instead.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, Route, WebSocket

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # tests run as root in CI
    "--disable-gpu",
    # Chromium's own traffic (updates, sync, field trials) would otherwise leave the host too.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def system_chromium() -> str | None:
    """The path of Debian's chromium, if it is installed."""
    return shutil.which("chromium")


def launch_chromium(playwright: Playwright, executable: str) -> Browser:
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def _origin(url: str) -> str:
    # A blob: URL names the origin that made it: blob:http://127.0.0.1:8000/<uuid>.
    parts = urlsplit(url.removeprefix("blob:"))
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class PageTraffic:
    """What pages in one browser context asked for: requests off the server's origin are refused and
    kept in `foreign`, console errors and uncaught exceptions in `errors`."""

    origin: str
    requested: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> None:
        context.route("**/*", self._only_this_origin)
        context.on("request", lambda request: self._saw(request.url))
        context.on("page", self._watch_page)

    def _watch_page(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("websocket", self._websocket)

    def _saw(self, url: str) -> None:
        self.requested.append(url)
        # data: URLs are decoded in the page, they are not requests to anyone.
        if not url.startswith("data:") and _origin(url) != self.origin and url not in self.foreign:
            self.foreign.append(url)

    def _only_this_origin(self, route: Route) -> None:
        if _origin(route.request.url) == self.origin:
            route.continue_()
        else:  # never let it out, even when a test is about to fail because of it
            self._saw(route.request.url)
            route.abort("blockedbyclient")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def _websocket(self, socket: WebSocket) -> None:
        self._saw(socket.url)
