"""Whether a change is a pure move: bench/predict.py's output, byte for byte, at a base commit and now.

python -m bench.same_predictions [--base main] ../shared/eval/dev ../shared/eval/voa bench/articles

The base commit is checked out in a temporary `git worktree` and run with this checkout's virtualenv
(so the two runs differ only in the code); "now" is the working tree. The same input files are read
by both. Prints, per set, whether the predictions are identical and each side's milliseconds per
article (bench/predict.py's figure; run on a quiet machine to compare them); exits 1 on a difference,
naming the articles whose predictions differ.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def predict(checkout: Path, inputs: Path) -> tuple[bytes, str]:
    """bench/predict.py run from `checkout` (its code, this interpreter): stdout, and the timing line."""
    run = subprocess.run(
        [sys.executable, "-m", "bench.predict", str(inputs)],
        cwd=checkout,
        capture_output=True,
    )
    if run.returncode != 0:
        raise SystemExit(f"bench/predict.py failed in {checkout}:\n{run.stderr.decode()}")
    timing = run.stderr.decode().strip().splitlines()
    return run.stdout, timing[-1] if timing else ""


def imports_from(checkout: Path) -> Path:
    """Where `app` is imported from when run in `checkout`: it must be that checkout's own code."""
    where = subprocess.run(
        [sys.executable, "-c", "import app; print(app.__file__)"],
        cwd=checkout,
        capture_output=True,
        check=True,
        text=True,
    )
    return Path(where.stdout.strip()).resolve().parent.parent


def differing(base: bytes, now: bytes) -> list[str]:
    def by_id(lines: bytes) -> dict[str, bytes]:
        return {json.loads(line)["id"]: line for line in lines.splitlines() if line.strip()}

    before, after = by_id(base), by_id(now)
    return sorted(i for i in before.keys() | after.keys() if before.get(i) != after.get(i))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="the commit to compare with (default: main)")
    parser.add_argument("sets", nargs="+", type=Path, help="directories of gold articles (or files)")
    args = parser.parse_args(argv)
    sets = [s.resolve() for s in args.sets]
    for s in sets:
        if not s.exists():
            parser.error(f"{s} does not exist")
    same = True
    with tempfile.TemporaryDirectory(prefix="same-predictions-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", str(base), args.base], cwd=ROOT, check=True)
        try:
            if imports_from(base) != base.resolve():
                raise SystemExit(f"the base run would not import its own code ({imports_from(base)})")
            for s in sets:
                before, base_timing = predict(base, s)
                after, now_timing = predict(ROOT, s)
                if before == after:
                    print(f"{s}: identical; base {base_timing}; now {now_timing}")
                else:
                    same = False
                    print(f"{s}: DIFFERENT for {', '.join(differing(before, after))}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
