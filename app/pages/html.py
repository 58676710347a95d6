"""The HTML response every page is sent as, with a Content-Security-Policy that keeps it on this host."""

from __future__ import annotations

from fastapi.responses import HTMLResponse

# Scripts, styles, images and fetches come from this origin only: a page can make no request that leaves
# the host, and text that got into the page as markup could still run no script.
_POLICY = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
}


def page_response(html: str, *, inline_styles: bool = False, blob_workers: bool = False) -> HTMLResponse:
    """`html` as a page; `inline_styles` lets its scripts add <style> elements, `blob_workers` lets them
    start a Web Worker from a blob: URL (code the page made itself, not a download)."""
    policy = dict(_POLICY)
    if inline_styles:
        policy["style-src"] += " 'unsafe-inline'"
    if blob_workers:
        policy["worker-src"] = "blob:"
    headers = {
        "Content-Security-Policy": "; ".join(f"{name} {sources}" for name, sources in policy.items()),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }
    return HTMLResponse(html, headers=headers)
