"""Run the engine over gold articles without HTTP and write predictions JSONL for the scorers.

python bench/predict.py ../shared/eval/dev > /tmp/pred.jsonl
python ../shared/eval/score.py --predictions /tmp/pred.jsonl -v ../shared/eval/dev
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

from app.extraction.engine import Extractor
from app.settings import get_settings


def main(argv: list[str]) -> int:
    extractor = Extractor(get_settings().spacy_model)
    seconds = 0.0
    files = [
        f for arg in argv for f in (sorted(Path(arg).glob("*.json")) if Path(arg).is_dir() else [Path(arg)])
    ]
    for f in files:
        gold = json.loads(f.read_text())
        started = time.perf_counter()
        result = extractor.extract(gold["text"], dt.date.fromisoformat(gold["published_at"]))
        seconds += time.perf_counter() - started
        print(json.dumps({"id": gold["id"], "response": result.model_dump(mode="json")}))
    print(f"{len(files)} articles, {1000 * seconds / max(len(files), 1):.1f} ms each", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
