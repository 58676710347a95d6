"""The event-extractor command: its help, and `extract` on a file and on JSONL, against a live server
and with the engine in-process (--local)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import REPO_ROOT, _free_port

ARTICLE = (
    "The health ministers of Ghana and Togo met in Accra on Wednesday. A second round is planned for May."
)
LINES = [
    json.dumps({"id": "first", "text": ARTICLE}),
    '{"id": "broken", "text": "unfinished',
    json.dumps({"id": "empty", "text": ""}),
    json.dumps(
        {"text": "Talks between Serbia and Kosovo were cancelled on Friday.", "published_at": "2024-10-02"}
    ),
]


def _run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=REPO_ROOT,
        input=stdin,
        capture_output="stderr" not in kwargs,
        text=True,
        timeout=180,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "articles.jsonl"
    path.write_text("\n".join(LINES) + "\n")
    return path


@pytest.fixture(scope="module")
def local_jsonl_output(jsonl: Path) -> subprocess.CompletedProcess[str]:
    return _run("extract", "--local", "--jsonl", str(jsonl), "--published-at", "2024-05-06")


def _answered(client: httpx.Client, body: dict[str, Any], **params: str) -> Any:
    response = client.post("/v1/extract", json=body, params=params)
    assert response.status_code == 200
    return response.json()


def test_help_lists_the_subcommands_and_the_extract_options() -> None:
    top, extract = _run("--help"), _run("extract", "--help")

    assert top.returncode == extract.returncode == 0
    assert "{serve,extract}" in top.stdout and "serve the HTTP API" in top.stdout
    for option in (
        "--jsonl",
        "--published-at",
        "--schema-version",
        "--pretty",
        "--url",
        "--local",
        "--concurrency",
    ):
        assert option in extract.stdout


def test_extract_a_file_against_a_live_server(server_url: str, client: httpx.Client, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)

    done = _run(
        "extract", str(article), "--url", server_url, "--published-at", "2024-04-01", "--id", "a1", "--pretty"
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("{\n  ")
    assert json.loads(done.stdout) == _answered(
        client, {"text": ARTICLE, "published_at": "2024-04-01", "id": "a1"}
    )


def test_extract_standard_input_from_the_service_the_environment_names(
    server_url: str, client: httpx.Client
) -> None:
    done = _run(
        "extract", "-", "--schema-version", "1.0.0", stdin=ARTICLE, env={"EVENT_EXTRACTOR_URL": server_url}
    )

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == _answered(client, {"text": ARTICLE}, schema_version="1.0.0")


def test_extract_a_file_locally_answers_as_the_service_does(client: httpx.Client, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)

    done = _run("extract", "--local", str(article), "--published-at", "2024-04-01")

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == _answered(client, {"text": ARTICLE, "published_at": "2024-04-01"})


def test_a_bad_article_fails_with_the_services_message(server_url: str) -> None:
    done = _run("extract", "-", "--url", server_url, "--published-at", "2024-02-30", stdin=ARTICLE)

    assert done.returncode == 1
    assert done.stdout == ""
    assert "invalid_request" in done.stderr and "YYYY-MM-DD" in done.stderr


def test_jsonl_against_a_live_server_answers_each_line_in_its_place(
    server_url: str, client: httpx.Client, jsonl: Path
) -> None:
    done = _run(
        "extract",
        "--jsonl",
        str(jsonl),
        "--url",
        server_url,
        "--published-at",
        "2024-05-06",
        "--batch-size",
        "2",
    )

    assert done.returncode == 1, "a line failed"
    assert done.stderr == "", "no progress line when standard error is not a terminal"
    first, broken, empty, last = (json.loads(line) for line in done.stdout.splitlines())
    assert first == _answered(client, {"id": "first", "text": ARTICLE, "published_at": "2024-05-06"})
    assert broken["line"] == 2 and broken["error"]["code"] == "malformed_request"
    assert "line 2 is not valid JSON" in broken["error"]["message"]
    assert (empty["line"], empty["id"], empty["error"]["code"]) == (3, "empty", "invalid_request")
    assert last == _answered(client, json.loads(LINES[3]))


def test_jsonl_locally_gives_what_the_server_gives(
    server_url: str, jsonl: Path, local_jsonl_output: subprocess.CompletedProcess[str]
) -> None:
    remote = _run("extract", "--jsonl", str(jsonl), "--url", server_url, "--published-at", "2024-05-06")

    assert local_jsonl_output.returncode == 1
    assert local_jsonl_output.stdout == remote.stdout
    assert len(local_jsonl_output.stdout.splitlines()) == len(LINES)


def test_progress_with_rate_and_eta_goes_to_standard_error_on_a_terminal(
    server_url: str, jsonl: Path
) -> None:
    controller, terminal = pty.openpty()
    try:
        done = _run(
            "extract", "--jsonl", str(jsonl), "--url", server_url, stderr=terminal, stdout=subprocess.PIPE
        )
        os.close(terminal)
        shown = b""
        while chunk := _read_available(controller):
            shown += chunk
    finally:
        os.close(controller)

    assert len(done.stdout.splitlines()) == len(LINES), "results stay on standard output"
    assert b"4/4 lines" in shown and b"articles/s" in shown and b"ETA" in shown and b"2 failed" in shown


def _read_available(fd: int) -> bytes:
    try:
        return os.read(fd, 4096)
    except OSError:  # the terminal's other end is closed: all is read
        return b""


def test_a_service_that_cannot_be_reached_is_named_with_what_to_do(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)

    done = _run("extract", str(article), "--url", f"http://127.0.0.1:{_free_port()}")

    assert done.returncode == 2
    assert "cannot reach the service" in done.stderr and "--local" in done.stderr


def test_a_file_that_cannot_be_read_is_named_before_any_model_loads(tmp_path: Path) -> None:
    done = _run("extract", "--local", "--jsonl", str(tmp_path / "missing.jsonl"))

    assert done.returncode == 2
    assert f"cannot read {tmp_path / 'missing.jsonl'}: no such file" in done.stderr


def test_a_reader_that_stops_early_ends_the_command_quietly(server_url: str, tmp_path: Path) -> None:
    many = tmp_path / "many.jsonl"
    many.write_text(
        "".join(json.dumps({"text": f"Envoys met in Bern on day {n}."}) + "\n" for n in range(200))
    )
    command = [
        sys.executable,
        "-m",
        "app.cli",
        "extract",
        "--jsonl",
        str(many),
        "--url",
        server_url,
        "--batch-size",
        "8",
    ]
    with subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        errors = process.stderr.read().decode()
        status = process.wait(timeout=120)

    assert json.loads(first)["events"]
    assert status == 1 and "Traceback" not in errors, errors
