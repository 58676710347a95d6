"""GET /: the demo page. Paste an article, press Extract, see its events highlighted in the text.

The page is static (static/index.html, demo.js, demo.css): it calls the public POST /v1/extract from the
browser, as any client would, and builds what it shows with text nodes only.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from app.pages.html import page_response

router = APIRouter()

_PAGE = Path(__file__).parent / "static" / "index.html"


@router.get("/")
def demo() -> HTMLResponse:
    return page_response(_PAGE.read_text(encoding="utf-8"))
