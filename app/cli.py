"""The event-extractor command (also `python -m app.cli`, the container's entrypoint).

`serve` (also what runs with no subcommand, as in the image) serves the app on the configured address,
draining on SIGTERM (app/serving.py); `extract` reads one article or a JSONL file of them, through a
running service or in this process (app/cli_extract.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app.cli_extract import add_extract_arguments, run_extract
from app.settings import get_settings

_EPILOG = """\
examples:
  event-extractor serve                              # the HTTP service (EXTRACTOR_HOST:EXTRACTOR_PORT)
  event-extractor extract article.txt --published-at 2025-02-18 --pretty
  event-extractor extract --jsonl articles.jsonl > results.jsonl
  event-extractor extract --local --jsonl articles.jsonl > results.jsonl   # no server needed

With no subcommand the service is served, as `event-extractor serve`.
"""


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(
        prog="event-extractor",
        description="Finds the meetings (date, place, status, parties) and the dates in news articles.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subcommands = command.add_subparsers(dest="command", metavar="{serve,extract}")
    subcommands.add_parser(
        "serve",
        help="serve the HTTP API (the default)",
        description="Serve the HTTP API on EXTRACTOR_HOST:EXTRACTOR_PORT (127.0.0.1:8000 by default) until "
        "SIGTERM or Ctrl-C; every EXTRACTOR_* setting is read from the environment (README 'Settings').",
    )
    add_extract_arguments(
        subcommands.add_parser(
            "extract",
            help="extract from an article file or a JSONL file of articles",
            description="Print the extract response of one article (FILE, or - for standard input), or one "
            "response per line of a JSONL file of requests. Calls the service at --url (or "
            "$EVENT_EXTRACTOR_URL, else http://127.0.0.1:8000), or runs the engine here with --local.",
        )
    )
    return command


def serve() -> None:
    # Imported here, so that the other subcommands stay cheap (app.main builds the app and pulls in spaCy).
    from app.main import app
    from app.serving import serve

    serve(app, get_settings())


def main(argv: Sequence[str] | None = None) -> None:
    args = parser().parse_args(argv)
    if args.command == "extract":
        try:
            sys.exit(run_extract(args))
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly, as command-line tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
    serve()


if __name__ == "__main__":
    main()
