"""`python -m app.schemas --write` writes schemas/ from the models, and the client's models from
schemas/; `--check` says how they differ and whether consecutive versions within a major stay backward
compatible (exit status 1 if not)."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from app.schemas import client_models
from app.schemas.compat import breaking_changes
from app.schemas.documents import DOCUMENTS, SCHEMAS_DIR, committed_path, differences, version_key, write


def consecutive_versions() -> Iterator[tuple[str, str, str]]:
    """(name, older, newer) for each pair of neighbouring versions of a document within a major."""
    for kind in DOCUMENTS.values():
        ordered = sorted(kind.versions, key=version_key)
        for older, newer in itertools.pairwise(ordered):
            if version_key(older)[0] == version_key(newer)[0]:
                yield kind.name, older, newer


def incompatibilities(directory: Path = SCHEMAS_DIR) -> list[str]:
    """Breaking changes between consecutive committed versions within a major, as `name old -> new: ...`."""
    found = []
    for name, older, newer in consecutive_versions():
        old, new = (json.loads(committed_path(name, v, directory).read_text("utf-8")) for v in (older, newer))
        found += [f"{name} {older} -> {newer}: {problem}" for problem in breaking_changes(old, new)]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.schemas", description=__doc__)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="write the schema files from the models")
    action.add_argument(
        "--check", action="store_true", help="fail if the files differ or break compatibility"
    )
    args = parser.parse_args(argv)
    if args.write:
        for path in write():
            print(f"wrote {path.relative_to(SCHEMAS_DIR.parent)}")
        if client_models.write():
            print(f"wrote {client_models.CLIENT_MODELS.relative_to(SCHEMAS_DIR.parent)}")
        return 0
    problems = differences() or incompatibilities() or client_models.differences()
    for problem in problems:
        print(problem)
    if not problems:
        print(
            "schemas/ matches the models; consecutive versions are backward compatible; "
            "the client's models match the schemas"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
