"""A real uvicorn server running the app, started once per test session, and a client for it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from app.settings import Settings
from tests.conformance import check_extract_response

REPO_ROOT = Path(__file__).resolve().parents[2]
READY_WITHIN_SECONDS = 120.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_until_ready(
    client: httpx.Client, process: subprocess.Popen[bytes] | None = None, log: Path | None = None
) -> None:
    """Poll /readyz until 200; fail, with the server's log if there is one, if it dies or never gets there."""
    deadline = time.monotonic() + READY_WITHIN_SECONDS
    problem = f"not ready within {READY_WITHIN_SECONDS} s"
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            problem = f"exited with {process.returncode}"
            break
        try:
            if client.get("/readyz").status_code == 200:
                return
        except httpx.TransportError:
            pass  # not listening yet
        time.sleep(0.05)
    log_tail = log.read_text(errors="replace")[-3000:] if log else ""
    pytest.fail(f"server {problem}\n{log_tail}")


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """`python -m uvicorn app.main:app` in a subprocess on a free port, ready to answer."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port)]
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "server.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=REPO_ROOT, stdout=out, stderr=subprocess.STDOUT, env=os.environ
            )
            try:
                with httpx.Client(base_url=url, timeout=2.0) as probe:
                    wait_until_ready(probe, process, log)
                yield url
            finally:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture(scope="session")
def client(server_url: str) -> Iterator[httpx.Client]:
    # Every extract response any API test gets is checked against the schema its Link header names.
    hooks = {"response": [check_extract_response]}
    with httpx.Client(base_url=server_url, timeout=60.0, event_hooks=hooks) as client:
        yield client


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The settings the server runs with: it inherits this process's environment."""
    return Settings()


@contextmanager
def serve_in_thread(
    app: FastAPI, *, wait_ready: bool = True, check_responses: bool = True
) -> Iterator[httpx.Client]:
    """Serve an app built in this process (e.g. with a stand-in model loader) with a real uvicorn
    in a thread; yields a client for it once the server listens (and, if asked, is ready). Its extract
    responses are checked against their schema unless a test sends non-conforming ones on purpose."""
    config = uvicorn.Config(app, host="127.0.0.1", port=_free_port(), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("in-process server did not start")
        time.sleep(0.02)
    try:
        url = f"http://127.0.0.1:{config.port}"
        hooks = {"response": [check_extract_response]} if check_responses else {}
        with httpx.Client(base_url=url, timeout=30.0, event_hooks=hooks) as client:
            if wait_ready:
                wait_until_ready(client)
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=15)
