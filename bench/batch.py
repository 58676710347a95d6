"""Batch benchmark: articles per second through POST /v1/extract/batch beside POST /v1/extract, at the
same concurrency, against one real server process (as bench/serve.py starts it).

usage: python -m bench.batch [--articles 256] [--concurrency 4] [--batch-size 64] [--rounds 2]

Each phase sends the same articles (the gold dev articles beside the checkout, else a built-in
paragraph): one request each, then in batches of --batch-size; --concurrency requests at a time in
both. A third phase sends them with the Python client's extract_many (batches, --concurrency in flight).
The phases alternate for --rounds rounds, and the best round of each is summed up.
"""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Callable

import httpx
from event_extractor_client import Client

from bench.serve import _articles, _server

PUBLISHED_AT = "2025-02-18"


def _timed(
    work: list[list[dict[str, str]]],
    send: Callable[[httpx.Client, list[dict[str, str]]], int],
    url: str,
    concurrency: int,
) -> tuple[float, int]:
    """Seconds to send every unit of `work` over `concurrency` connections; articles answered."""
    pending = iter(work)
    lock = threading.Lock()
    answered = [0]

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=600) as client:
            while True:
                with lock:
                    unit = next(pending, None)
                if unit is None:
                    return
                done = send(client, unit)
                with lock:
                    answered[0] += done

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, answered[0]


def _single(client: httpx.Client, unit: list[dict[str, str]]) -> int:
    [article] = unit
    return int(client.post("/v1/extract", json=article).status_code == 200)


def _batch(client: httpx.Client, unit: list[dict[str, str]]) -> int:
    response = client.post("/v1/extract/batch", json={"articles": unit})
    if response.status_code != 200:
        return 0
    return sum(item["result"] is not None for item in response.json()["items"])


def _report(name: str, seconds: float, answered: int, total: int) -> float:
    rate = answered / seconds
    failed = f", {total - answered} failed" if answered != total else ""
    print(f"{name:<44} {answered} articles in {seconds:6.1f} s = {rate:6.1f} articles/s{failed}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=256, help="articles per phase (default 256)")
    parser.add_argument("--concurrency", type=int, default=4, help="requests at once (default 4)")
    parser.add_argument("--batch-size", type=int, default=64, help="articles per batch (default 64)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the three phases (default 2)")
    args = parser.parse_args()
    texts = _articles()
    articles = [{"text": texts[n % len(texts)], "published_at": PUBLISHED_AT} for n in range(args.articles)]
    batches = [articles[i : i + args.batch_size] for i in range(0, len(articles), args.batch_size)]
    best: dict[str, float] = {}
    # Batches of 64 parse as 4 groups, so 4 at once pend as 16 extractions: under the default limit.
    with _server({}) as (url, _):
        chars = sum(len(a["text"]) for a in articles) // len(articles)
        print(
            f"{len(texts)} distinct articles, {chars} characters on average; concurrency {args.concurrency}"
        )
        _timed([articles[:1]] * args.concurrency, _single, url, args.concurrency)  # warm-up
        for round in range(1, args.rounds + 1):
            print(f"round {round}")
            phases = {
                "POST /v1/extract, one article a request": lambda: _timed(
                    [[a] for a in articles], _single, url, args.concurrency
                ),
                f"POST /v1/extract/batch, {args.batch_size} a request": lambda: _timed(
                    batches, _batch, url, args.concurrency
                ),
                "Client.extract_many (the batch endpoint)": lambda: _through_client(url, articles, args),
            }
            for name, phase in phases.items():
                rate = _report(name, *phase(), len(articles))
                best[name] = max(best.get(name, 0.0), rate)
    # Other work on the machine only ever slows a phase down: the best round is the least disturbed.
    print("best of the rounds, articles/s: " + "; ".join(f"{name} {rate:.1f}" for name, rate in best.items()))
    single, batch = list(best.values())[:2]
    print(f"batch / single: {batch / single:.2f}x")


def _through_client(url: str, articles: list[dict[str, str]], args: argparse.Namespace) -> tuple[float, int]:
    started = time.perf_counter()
    with Client(url, timeout=600) as client:
        items = list(client.extract_many(articles, batch_size=args.batch_size, concurrency=args.concurrency))
    return time.perf_counter() - started, sum(item.result is not None for item in items)


if __name__ == "__main__":
    main()
