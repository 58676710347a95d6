"""The pages' files travel with the package: a wheel built as the image builds it carries them all."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.api.conftest import REPO_ROOT

STATIC = REPO_ROOT / "app" / "pages" / "static"


def test_a_wheel_built_like_the_image_carries_every_page_file(tmp_path: Path) -> None:
    # What the Dockerfile's build stage copies before `pip install .`, and nothing else.
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO_ROOT / name, source / name)
    shutil.copytree(REPO_ROOT / "app", source / "app", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")

    packaged = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"app/pages/static/{file.name}" for file in STATIC.iterdir()}
    assert {"app/pages/static/index.html", "app/pages/static/demo.js"} <= expected
    assert expected <= packaged, sorted(expected - packaged)
    # and the data the engine reads: the lexicon tables and the learned models' weights
    data = {
        str(f.relative_to(REPO_ROOT))
        for pattern in ("lexicon/*/*.tsv", "learned/*.json")
        for f in (REPO_ROOT / "app" / "extraction").glob(pattern)
    }
    assert {"app/extraction/learned/attendance.json", "app/extraction/learned/whereabouts.json"} <= data
    assert data <= packaged, sorted(data - packaged)
