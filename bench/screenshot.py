"""The README's picture of the demo page: python -m bench.screenshot [--out docs/demo.png]

Serves the app on a free local port, opens / in Debian's Chromium (as the page tests do), loads the
documented example, extracts it, points at "Romania", and saves a PNG of the page.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from app.main import create_app
from app.settings import Settings
from tests.api.conftest import REPO_ROOT, serve_in_thread
from tests.pages.browser import launch_chromium, system_chromium

VIEWPORT = {"width": 1280, "height": 720}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "demo.png")
    args = parser.parse_args()
    executable = system_chromium()
    if executable is None:
        raise SystemExit("Chromium is not installed: apt-get install chromium")

    app = create_app(Settings(log_level="warning"))
    with serve_in_thread(app) as client, sync_playwright() as playwright:
        browser = launch_chromium(playwright, executable)
        page = browser.new_page(base_url=str(client.base_url), viewport=VIEWPORT, device_scale_factor=1)
        page.goto("/")
        page.click("#load-example")
        expect(page.locator("#article")).not_to_have_value("")
        page.click("#extract")
        page.locator("#highlighted mark.excluded").first.hover()
        page.screenshot(path=args.out, full_page=True)
        browser.close()
    print(f"{args.out}: {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
