"""Serving benchmark: latency, throughput and memory of one server process, as deployed.

usage: python -m bench.serve [--requests 200] [--concurrency 4] [--long-requests 8] [--max-seconds 120]

Starts `python -m app.cli` on a free port of 127.0.0.1 (the only address it sends to), waits until it
is ready, then runs two bounded phases:
  articles  news-sized texts (the gold dev articles beside the checkout, else a built-in paragraph);
  max-size  texts of exactly EXTRACTOR_MAX_TEXT_CHARS characters, the worst case for memory.
Each prints requests/s, latency percentiles and the server's resident memory (now and peak), which
is what k8s/deployment.yaml sizes its memory request and limit from. The server is stopped with
SIGTERM at the end, as Kubernetes would.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.settings import Settings

HOST = "127.0.0.1"  # never anything else: this load stays on the machine
DEV_ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"
FALLBACK_TEXT = (
    "The French president will convene another meeting on Ukraine. The new talks are scheduled for "
    "Wednesday. They follow an emergency meeting held on Monday in Paris with Germany and Italy. "
    "Romania and the Czech Republic were not included. "
)


@dataclass
class Phase:
    name: str
    seconds: float
    latencies: list[float]
    failures: dict[str, int]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def _memory_mib(pid: int) -> tuple[float, float]:
    """(resident now, resident peak) of `pid` in MiB, from /proc."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _articles() -> list[str]:
    if DEV_ARTICLES.is_dir():
        texts = [json.loads(p.read_text())["text"] for p in sorted(DEV_ARTICLES.glob("*.json"))]
        if texts:
            return texts
    return [FALLBACK_TEXT * 8]


@contextmanager
def _server(env: dict[str, str]) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _free_port()
    # As in the image (Dockerfile), unless the caller sets it: MALLOC_ARENA_MAX=0 is glibc's default.
    env = {"MALLOC_ARENA_MAX": "2", **os.environ, **env, "EXTRACTOR_HOST": HOST, "EXTRACTOR_PORT": str(port)}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([sys.executable, "-m", "app.cli"], env=env, stdout=log, stderr=log)
        url = f"http://{HOST}:{port}"
        try:
            deadline = time.monotonic() + 120
            with httpx.Client(base_url=url, timeout=2) as probe:
                while True:
                    if process.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise SystemExit(f"server did not get ready:\n{log.read().decode()[-3000:]}")
                    try:
                        if probe.get("/readyz").status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    time.sleep(0.1)
            yield url, process
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _run_phase(
    name: str, url: str, texts: list[str], requests: int, concurrency: int, max_seconds: float
) -> Phase:
    """`requests` POSTs over `concurrency` connections, stopping early at `max_seconds`."""
    latencies: list[float] = []
    failures: dict[str, int] = {}
    lock = threading.Lock()
    next_index = iter(range(requests))
    deadline = time.monotonic() + max_seconds

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=max_seconds) as client:
            while time.monotonic() < deadline:
                with lock:
                    index = next(next_index, None)
                if index is None:
                    return
                body = {"text": texts[index % len(texts)], "published_at": "2025-02-18"}
                started = time.perf_counter()
                try:
                    status = str(client.post("/v1/extract", json=body).status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                elapsed = time.perf_counter() - started
                with lock:
                    if status == "200":
                        latencies.append(elapsed)
                    else:
                        failures[status] = failures.get(status, 0) + 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Phase(name, time.perf_counter() - started, latencies, failures)


def _report(phase: Phase, chars: int, pid: int) -> None:
    rss, peak = _memory_mib(pid)
    done = len(phase.latencies)
    print(f"{phase.name}: {done} ok in {phase.seconds:.1f} s, {done / phase.seconds:.1f} requests/s", end="")
    print(f", {chars} characters on average; failures: {phase.failures or 'none'}")
    if done:
        ms = sorted(1000 * s for s in phase.latencies)
        cuts = statistics.quantiles(ms, n=100, method="inclusive") if done > 1 else ms * 99
        print(f"  latency ms: p50 {cuts[49]:.0f}  p90 {cuts[89]:.0f}  p99 {cuts[98]:.0f}  max {ms[-1]:.0f}")
    print(f"  server memory: resident {rss:.0f} MiB, peak {peak:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=200, help="article requests (default 200)")
    parser.add_argument("--concurrency", type=int, default=4, help="connections at once (default 4)")
    parser.add_argument("--long-requests", type=int, default=8, help="max-size requests (default 8)")
    parser.add_argument("--max-seconds", type=float, default=120, help="time cap of each phase")
    args = parser.parse_args()
    max_chars = Settings().max_text_chars
    articles = _articles()
    long_text = (" ".join(articles) * (max_chars // len(" ".join(articles)) + 1))[:max_chars]

    with _server({}) as (url, process):
        rss, _ = _memory_mib(process.pid)
        print(f"server ready, pid {process.pid}: resident {rss:.0f} MiB with the model loaded")
        arenas = os.environ.get("MALLOC_ARENA_MAX", "2")
        print(f"concurrency {args.concurrency}; {len(articles)} distinct articles; MALLOC_ARENA_MAX={arenas}")
        phase = _run_phase("articles", url, articles, args.requests, args.concurrency, args.max_seconds)
        _report(phase, sum(map(len, articles)) // len(articles), process.pid)
        phase = _run_phase(
            "max-size", url, [long_text], args.long_requests, args.concurrency, args.max_seconds
        )
        _report(phase, max_chars, process.pid)


if __name__ == "__main__":
    main()
