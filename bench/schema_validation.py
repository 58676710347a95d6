"""What checking each response against its committed JSON Schema costs (EXTRACTOR_VALIDATE_RESPONSES).

usage: python -m bench.schema_validation [--repeat 30]

For each gold dev article beside the checkout (else the request example), and for one text of
EXTRACTOR_MAX_TEXT_CHARS characters made of them (the largest response the service can give), it
prints the extraction time and the median time to validate the response at each schema version,
with validation's share of the extraction. The service validates only the version a client asked
for, so its cost per response is one of the columns, not their sum.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from app.extraction.engine import Extractor
from app.models.v1 import ExtractRequest, ExtractResponse
from app.schemas.catalog import committed_schemas
from app.schemas.documents import EXTRACT_RESPONSE, project
from app.settings import get_settings

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


def _articles() -> list[tuple[str, str, dt.date | None]]:
    """(name, text, publication date) of each dev article, else of the request example."""
    if not DEV.is_dir():
        example = ExtractRequest.model_validate(ExtractRequest.model_json_schema()["examples"][0])
        return [("request example", example.text, example.published_at)]
    found: list[tuple[str, str, dt.date | None]] = []
    for path in sorted(DEV.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        found.append((path.stem[:32], gold["text"], dt.date.fromisoformat(gold["published_at"])))
    return found


def _median_ms(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=30, help="timed validations per response and version")
    args = parser.parse_args()
    settings = get_settings()
    extractor = Extractor(settings.spacy_model)
    catalog = committed_schemas()
    articles = _articles()
    joined = "\n".join(text for _, text, _ in articles)
    longest = (joined * (settings.max_text_chars // len(joined) + 1))[: settings.max_text_chars]
    cases = [*articles, (f"{len(longest)} characters", longest, articles[0][2])]

    versions = EXTRACT_RESPONSE.versions
    print(
        f"{'text':34} {'chars':>7} {'events':>6} {'extract ms':>10} " + " ".join(f"{v:>9}" for v in versions)
    )
    shares = []
    for name, text, published in cases:
        started = time.perf_counter()
        extraction = extractor.extract(text, published)
        extract_ms = 1000 * (time.perf_counter() - started)
        response = ExtractResponse(
            schema_version=EXTRACT_RESPONSE.latest,
            model=extractor.model_info,
            events=extraction.events,
            dates=extraction.dates,
        )
        validate_ms = []
        for version in versions:
            body = project(response.model_copy(update={"schema_version": version}), version)
            assert not catalog.violations(EXTRACT_RESPONSE.name, version, body)
            validate_ms.append(
                _median_ms(args.repeat, partial(catalog.violations, EXTRACT_RESPONSE.name, version, body))
            )
        shares.append(max(validate_ms) / extract_ms)
        print(
            f"{name:34} {len(text):>7} {len(extraction.events):>6} {extract_ms:>10.1f} "
            + " ".join(f"{ms:>9.3f}" for ms in validate_ms)
        )
    print(
        f"validation takes {100 * statistics.median(shares):.2f} % of the extraction time "
        f"(median over texts; at most {100 * max(shares):.2f} %)"
    )


if __name__ == "__main__":
    main()
