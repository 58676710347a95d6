"""How well `confidence` sorts right from wrong on the gold dev articles.

usage: python -m bench.confidence [GOLD_DIR]   (default: ../shared/eval/dev beside the checkout)

Runs the engine over each article, pairs its events with the gold ones as ../shared/eval/score.py
does, and prints, per confidence band, how many events were real meetings, and how many parties of
real meetings had the role the gold gives them (organizer and participant both count as attending).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from app.extraction.engine import Extractor
from app.settings import get_settings

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0))


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None, f"{EVAL / 'score.py'} is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _print_bands(title: str, scored: Sequence[tuple[float, bool]]) -> None:
    print(title)
    for low, high in BANDS:
        band = [
            right for confidence, right in scored if low <= confidence < high or confidence == high == 1.0
        ]
        if band:
            right = sum(band)
            print(f"  [{low:.1f}, {high:.1f})  {right:3d} of {len(band):3d} right  ({right / len(band):.0%})")


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[0]) if argv else EVAL / "dev"
    score = _scorer()
    extractor = Extractor(get_settings().spacy_model)
    events: list[tuple[float, bool]] = []
    parties: list[tuple[float, bool]] = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        extraction = extractor.extract(gold["text"], dt.date.fromisoformat(gold["published_at"]))
        found = [event.model_dump(mode="json") for event in extraction.events]
        golds = [score.gold_view(event, gold["text"]) for event in gold["events"]]
        pairs = dict(score.align([score.pred_view(event) for event in found], golds))
        for i, event in enumerate(found):
            events.append((event["confidence"], i in pairs))
            if i not in pairs:
                continue
            for party in event["participants"]:
                side = "excluded" if party["role"] == "excluded" else "attendees"
                right = any(score.same_party(party["name"], name) for name in golds[pairs[i]][side])
                parties.append((party["confidence"], right))
    _print_bands(f"events ({len(events)})", events)
    _print_bands(f"parties of real events ({len(parties)})", parties)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
