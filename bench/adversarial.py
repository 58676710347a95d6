"""Cost of hostile or unlucky texts: time, response size and peak memory by shape and length.

    python -m bench.adversarial                 # every shape at 2k, 8k, 32k and 100k characters
    python -m bench.adversarial --sizes 2000 8000 --shapes emoji

Each (shape, length) runs in a fresh process (so its peak RSS is its own): the model is loaded, a
short text warms it up, then the text is extracted `--repeat` times, as the service does
(EXTRACTOR_MAX_EVENTS applies; no deadline, so the whole cost shows), and the fastest run is kept.
The table gives the seconds of the extraction, wall-clock and CPU (the process's own CPU time, which
other work on a shared machine disturbs much less), the bytes of the JSON response at the latest
schema version, the process's peak resident memory, and per shape the growth of the CPU time from 8k
to 100k characters: 12.5 is linear, and 15 is the bound the service is held to.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ARTICLE = Path(__file__).resolve().parent / "articles" / "200-lula-modi-new-delhi.json"
NAMES = ["Maria Alvarez", "Kenji Watanabe", "Amara Okafor", "Pieter de Vries", "Leila Haddad"]


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def _names(chars: int) -> str:
    listing = _repeat(", ".join(NAMES) + ", ", chars - 40)
    return "The talks brought together " + listing.rstrip(", ") + " in Oslo."


def _article(chars: int) -> str:
    text = json.loads(ARTICLE.read_text(encoding="utf-8"))["text"]
    return _repeat(text + "\n\n", chars)


SHAPES: dict[str, Callable[[int], str]] = {
    "trigger word": lambda n: _repeat("meeting ", n),
    "one meeting, dated": lambda n: _repeat("The summit met on 3 May 2024. ", n),
    "same parties meet": lambda n: _repeat("Germany, France, Italy, Spain and Poland met. ", n),
    "names, one sentence": _names,
    "emoji": lambda n: _repeat("\N{GRINNING FACE}", n),
    "one token": lambda n: _repeat("x", n),
    "article repeated": _article,
}
SIZES = (2_000, 8_000, 32_000, 100_000)
GROWTH_FROM, GROWTH_TO = 8_000, 100_000


def measure_one(shape: str, chars: int, repeat: int) -> dict[str, float]:
    """Extract one text of `shape` in this process; its time, response bytes and peak RSS."""
    from app.extraction.engine import Extractor
    from app.models.v1 import SCHEMA_VERSION, ExtractResponse
    from app.settings import Settings

    settings = Settings()
    extractor = Extractor(settings.spacy_model)
    extractor.extract("The ministers met in Oslo on Monday.", None)
    text = SHAPES[shape](chars)
    seconds = cpu_seconds = float("inf")
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        extraction = extractor.extract(text, None, max_events=settings.max_events)
        seconds = min(seconds, time.perf_counter() - started)
        cpu_seconds = min(cpu_seconds, time.process_time() - cpu_started)
    response = ExtractResponse(
        schema_version=SCHEMA_VERSION,
        model=extractor.model_info,
        events=extraction.events,
        dates=extraction.dates,
        truncated=extraction.truncated,
    )
    body = response.model_dump_json().encode()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "bytes": len(body),
        "peak_mib": peak_kib / 1024,
        "events": len(extraction.events),
        "truncated": extraction.truncated,
    }


def _run_child(shape: str, chars: int, repeat: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-m", "bench.adversarial", "--repeat", str(repeat), "--one", shape, str(chars)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.adversarial", description=__doc__)
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3, help="extractions per text; the fastest counts")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]), args.repeat)))
        return 0

    header = (
        f"{'shape':<22} {'chars':>8} {'seconds':>8} {'CPU s':>7} {'response':>10} "
        f"{'events':>7} {'peak RSS':>9}"
    )
    print(header)
    print("-" * len(header))
    growth: dict[str, float] = {}
    for shape in args.shapes:
        seconds_at: dict[int, float] = {}
        for chars in args.sizes:
            r = _run_child(shape, chars, args.repeat)
            seconds_at[chars] = r["cpu_seconds"]
            events = f"{int(r['events'])}{'+' if r['truncated'] else ''}"
            print(
                f"{shape:<22} {chars:>8} {r['seconds']:>8.2f} {r['cpu_seconds']:>7.2f} "
                f"{r['bytes'] / 1024:>8.0f}KB "
                f"{events:>7} {r['peak_mib']:>6.0f}MiB",
                flush=True,
            )
        if GROWTH_FROM in seconds_at and GROWTH_TO in seconds_at:
            growth[shape] = seconds_at[GROWTH_TO] / max(seconds_at[GROWTH_FROM], 1e-3)
    if growth:
        print(f"\nCPU time growth from {GROWTH_FROM} to {GROWTH_TO} characters (linear: 12.5, bound: 15)")
        for shape, factor in growth.items():
            print(f"{shape:<22} {factor:>6.1f}")
    print("\n'+' after the events: truncated at EXTRACTOR_MAX_EVENTS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
