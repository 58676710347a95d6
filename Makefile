# User-facing targets: run, test (and lock, to regenerate the pinned, hashed requirements).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lock

# A fresh venv carries the machine's stock pip, which may be too old for the hashed locks:
# bring it to the version pinned (and hash-checked) in requirements-pip.lock first.
$(VENV)/.pip-installed: requirements-pip.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --require-hashes -r requirements-pip.lock
	touch $@

# Stamps: reinstall only when a lock file or pyproject.toml changed.
$(VENV)/.run-installed: requirements.lock pyproject.toml $(VENV)/.pip-installed
	$(BIN)/pip install --require-hashes -r requirements.lock
	$(BIN)/pip install --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements-dev.lock pyproject.toml $(VENV)/.pip-installed
	$(BIN)/pip install --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --no-deps -e .
	touch $@

run: $(VENV)/.run-installed
	$(BIN)/python -m app.cli  # as in the image: EXTRACTOR_HOST and EXTRACTOR_PORT, 127.0.0.1:8000 by default

test: $(VENV)/.test-installed
	$(BIN)/ruff check app client tests bench
	$(BIN)/mypy --strict app client/event_extractor_client
	$(BIN)/pytest

# pip-tools is deliberately not in the locks: it is only needed here.
lock: $(VENV)/.pip-installed
	$(BIN)/pip install "pip-tools>=7.4"
	$(BIN)/pip-compile --no-emit-index-url --no-emit-find-links --allow-unsafe --generate-hashes --strip-extras --output-file=requirements.lock pyproject.toml
	$(BIN)/pip-compile --no-emit-index-url --no-emit-find-links --allow-unsafe --extra=dev --generate-hashes --strip-extras --output-file=requirements-dev.lock pyproject.toml

# Issue 11's pure-move check: bench/predict.py's predictions now (the working tree) are byte-identical
# to those at BASE on SAME_SETS; prints each side's milliseconds per article.
BASE ?= main
SAME_SETS ?= ../shared/eval/dev ../shared/eval/voa bench/articles
.PHONY: same-predictions
same-predictions: $(VENV)/.test-installed
	$(BIN)/python -m bench.same_predictions --base $(BASE) $(SAME_SETS)
