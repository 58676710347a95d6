"""`python -m app.healthcheck`: exit 0 if the local server is ready, else 1 (the image's HEALTHCHECK).

Standard library and settings only, so that running it every few seconds costs little.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request

from app.settings import get_settings

_TIMEOUT_SECONDS = 3.0
_ALL_ADDRESSES = {"", "0.0.0.0", "::"}


def main() -> int:
    settings = get_settings()
    host = "127.0.0.1" if settings.host in _ALL_ADDRESSES else settings.host
    url = f"http://{host}:{settings.port}/readyz"
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT_SECONDS) as response:
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as exc:
        print(f"{url}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
