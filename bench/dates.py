"""Benchmark and prediction dump for the temporal normalizer.

usage: python -m bench.dates [--out DIR]

Runs `find_dates` over the TempEval-3 platinum set and the gold dev articles, writes predictions in the
JSONL form `score_dates.py --predictions` reads, and prints the time `find_dates` alone takes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from app.extraction.engine import Extractor
from app.extraction.parsed import ParsedText
from app.extraction.temporal import find_dates
from app.settings import get_settings

EVAL = Path("/work/shared/eval")


def _documents() -> dict[str, list[tuple[str, str, str]]]:
    """(id, publication date, text) per corpus."""
    tempeval = [
        (doc["id"], doc["dct"], doc["text"])
        for doc in map(json.loads, (EVAL / "timex/te3-platinum.jsonl").read_text().splitlines())
    ]
    dev = []
    for path in sorted((EVAL / "dev").glob("*.json")):
        gold = json.loads(path.read_text())
        dev.append((gold["id"], gold["published_at"], gold["text"]))
    return {"tempeval": tempeval, "dev": dev}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--out", type=Path, default=Path("/tmp"))
    ap.add_argument("--repeat", type=int, default=20, help="timed runs of find_dates per document")
    args = ap.parse_args()
    extractor = Extractor(get_settings().spacy_model)
    for corpus, docs in _documents().items():
        parsed: list[tuple[str, dt.date, ParsedText]] = [
            (doc_id, dt.date.fromisoformat(pub), extractor.parse(text)) for doc_id, pub, text in docs
        ]
        lines = []
        seconds = 0.0
        words = 0
        for doc_id, pub, p in parsed:
            started = time.perf_counter()
            for _ in range(args.repeat):
                mentions = find_dates(p, pub)
            seconds += (time.perf_counter() - started) / args.repeat
            words += sum(1 for t in p.tokens if t.pos != "PUNCT")
            dates = [{"text": m.text, "start": m.start, "end": m.end, "value": m.value} for m in mentions]
            lines.append(json.dumps({"id": doc_id, "response": {"dates": dates}}))
        args.out.mkdir(parents=True, exist_ok=True)
        out = args.out / f"dates-{corpus}.jsonl"
        out.write_text("\n".join(lines) + "\n")
        ms_doc = 1000 * seconds / len(parsed)
        ms_600 = 1000 * seconds / words * 600
        print(f"{corpus}: {len(parsed)} docs -> {out}")
        print(f"  find_dates: {ms_doc:.3f} ms per document, {ms_600:.3f} ms per 600 words")


if __name__ == "__main__":
    main()
