"""The service as it runs in production: `python -m app.cli` (the image's entrypoint) in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.api.conftest import REPO_ROOT, _free_port, wait_until_ready


@dataclass
class RunningService:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_lines(self) -> list[dict[str, Any]]:
        """Every whole line the process wrote, each parsed as the JSON object it must be."""
        written = self.log_path.read_text()
        whole = written[: written.rfind("\n") + 1]  # not a line still being written
        return [json.loads(line) for line in whole.splitlines() if line.strip()]


@contextmanager
def running_service(log_dir: Path, **settings: str) -> Iterator[RunningService]:
    """`python -m app.cli` on a free port of 127.0.0.1 with EXTRACTOR_* `settings`, once ready.
    The drain after SIGTERM is 0 s unless `settings` says otherwise, so that tearing down is quick."""
    port = _free_port()
    env = {
        **os.environ,
        "EXTRACTOR_DRAIN_SECONDS": "0",
        **settings,
        "EXTRACTOR_HOST": "127.0.0.1",
        "EXTRACTOR_PORT": str(port),
    }
    log_path = log_dir / "service.log"
    with log_path.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli"], cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            url = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=url, timeout=2.0) as probe:
                wait_until_ready(probe, process, log_path)
            yield RunningService(url=url, process=process, log_path=log_path)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
