"""The event-extractor command (also `python -m app.cli`, the container's entrypoint): serves the app
on the configured address, draining on SIGTERM (app/serving.py)."""

from __future__ import annotations

from app.settings import get_settings


def main() -> None:
    # Imported here, so that importing this module stays cheap (app.main builds the app and pulls in spaCy).
    from app.main import app
    from app.serving import serve

    serve(app, get_settings())


if __name__ == "__main__":
    main()
