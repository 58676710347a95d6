"""Quality on every annotated set at once, without HTTP: the figures to quote before and after a change.

python -m bench.quality            # dev, voa (real news), our articles' tuning split, the frozen split

Runs the engine in-process on each set, scores the predictions with ../shared/eval/score.py, and
prints one row per set. The frozen split (bench/articles/frozen.txt) is only ever printed as a
whole: its per-article misses are never shown, so no rule gets written against it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.extraction.engine import Extractor
from app.settings import get_settings

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
ARTICLES = REPO / "bench" / "articles"
SCORER = EVAL / "score.py"
COLUMNS = (
    "articles",
    "event_score",
    "core_score",
    "meeting",
    "attendees",
    "excluded",
    "date_acc",
    "location_acc",
    "status_acc",
)


def article_sets() -> dict[str, list[Path]]:
    lines = (ARTICLES / "frozen.txt").read_text().splitlines()
    frozen_globs = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    ours = sorted(ARTICLES.glob("*.json"))
    frozen = [f for f in ours if any(fnmatch.fnmatch(f.name, g) for g in frozen_globs)]
    sets = {
        "dev": sorted((EVAL / "dev").glob("*.json")),
        "voa (real news)": sorted((EVAL / "voa").glob("*.json")),
        "ours, tuning": [f for f in ours if f not in frozen],
        "ours, FROZEN": frozen,
    }
    return {name: files for name, files in sets.items() if files}


def score(extractor: Extractor, files: list[Path]) -> tuple[dict[str, object], float]:
    seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, predictions = Path(tmp) / "gold", Path(tmp) / "pred.jsonl"
        gold_dir.mkdir()
        with predictions.open("w") as out:
            for f in files:
                gold = json.loads(f.read_text())
                (gold_dir / f.name).write_text(f.read_text())
                started = time.perf_counter()
                result = extractor.extract(gold["text"], dt.date.fromisoformat(gold["published_at"]))
                seconds += time.perf_counter() - started
                out.write(json.dumps({"id": gold["id"], "response": result.model_dump(mode="json")}) + "\n")
        scored = subprocess.run(
            [sys.executable, str(SCORER), "--json", "--predictions", str(predictions), str(gold_dir)],
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(scored.stdout), 1000 * seconds / len(files)


def cell(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("f1")
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> int:
    if not SCORER.exists():
        print(f"no scorer at {SCORER}: ../shared/eval must be beside the checkout", file=sys.stderr)
        return 2
    extractor = Extractor(get_settings().spacy_model)
    print(f"{'set':<18}" + "".join(f"{c:>13}" for c in (*COLUMNS, "ms/article")))
    for name, files in article_sets().items():
        figures, ms = score(extractor, files)
        print(f"{name:<18}" + "".join(f"{cell(figures.get(c)):>13}" for c in COLUMNS) + f"{ms:>13.0f}")
    print("meeting, attendees, excluded: F1. voa: quote core_score (exclusions are rare in real news).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
