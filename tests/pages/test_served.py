"""What the server sends for the pages, checked over HTTP without a browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest


@pytest.fixture(scope="module")
def client(server_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server_url, timeout=30.0) as client:
        yield client


@pytest.mark.parametrize("path", ["/", "/docs", "/redoc"])
def test_every_page_may_reach_only_its_own_host(client: httpx.Client, path: str) -> None:
    page = client.get(path)

    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = dict(
        directive.strip().split(" ", 1) for directive in page.headers["content-security-policy"].split(";")
    )
    assert policy["default-src"] == "'none'"
    for directive in ("script-src", "connect-src", "img-src", "font-src"):
        assert set(policy[directive].split()) <= {"'self'", "data:"}, directive
    # Every URL the page's own markup names is a path on this host.
    urls = re.findall(r'(?:src|href|spec-url|data-openapi-url)="([^"]*)"', page.text)
    assert urls and all(not urlsplit(url).scheme and not urlsplit(url).netloc for url in urls), urls


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("demo.js", "text/javascript"),
        ("demo.css", "text/css"),
        ("swagger-ui-bundle.js", "text/javascript"),
        ("swagger-ui.css", "text/css"),
        ("redoc.standalone.js", "text/javascript"),
        ("favicon.png", "image/png"),
    ],
)
def test_assets_are_served_with_their_type_and_revalidated(
    client: httpx.Client, name: str, media_type: str
) -> None:
    asset = client.get(f"/assets/{name}")

    assert asset.status_code == 200 and asset.headers["content-type"].startswith(media_type)
    assert asset.headers["cache-control"] == "no-cache" and asset.headers["etag"]
    assert client.get(f"/assets/{name}", headers={"If-None-Match": asset.headers["etag"]}).status_code == 304


@pytest.mark.parametrize("name", ["missing.js", "..%2Fdemo.py", "index.html"])
def test_only_the_listed_assets_are_served(client: httpx.Client, name: str) -> None:
    response = client.get(f"/assets/{name}")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
