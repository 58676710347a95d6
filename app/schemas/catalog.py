"""The committed schema files, read once: what the service lists, serves and validates against."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from app.schemas.documents import DOCUMENTS, SCHEMAS_DIR, committed_path, version_key

# Violations reported for one instance: enough to find the cause, few enough for a log line.
MAX_VIOLATIONS_REPORTED = 5


class UnknownSchema(LookupError):
    """No committed schema of that name and version; the message lists those there are."""


@dataclass(frozen=True)
class CommittedSchema:
    name: str
    version: str
    content: bytes  # the file, byte for byte
    validator: Draft202012Validator


class SchemaCatalog:
    """Every version of every document the models declare, as committed in `directory`."""

    def __init__(self, directory: Path = SCHEMAS_DIR) -> None:
        self._schemas: dict[tuple[str, str], CommittedSchema] = {}
        for kind in DOCUMENTS.values():
            for version in kind.versions:
                path = committed_path(kind.name, version, directory)
                if not path.is_file():
                    raise FileNotFoundError(
                        f"{path} is missing: responses are served and checked against the committed "
                        "schema files (in a checkout, `python -m app.schemas --write` writes them; where "
                        "the app is installed as a package, EXTRACTOR_SCHEMAS_DIR names a copy of schemas/)"
                    )
                content = path.read_bytes()
                validator = Draft202012Validator(json.loads(content))
                self._schemas[kind.name, version] = CommittedSchema(kind.name, version, content, validator)

    def versions(self, major: int) -> dict[str, list[str]]:
        """Each document's versions within one major, oldest first."""
        listed: dict[str, list[str]] = {}
        for name, version in self._schemas:
            if version_key(version)[0] == major:
                listed.setdefault(name, []).append(version)
        return {name: sorted(versions, key=version_key) for name, versions in listed.items()}

    def get(self, name: str, version: str) -> CommittedSchema:
        try:
            return self._schemas[name, version]
        except KeyError:
            known = ", ".join(f"{n}/{v}" for n, v in self._schemas)
            raise UnknownSchema(f"no schema {name}/{version}; there are {known}") from None

    def violations(self, name: str, version: str, instance: Any) -> list[str]:
        """Where `instance` breaks the committed schema (the first few places); empty if it conforms."""
        errors = self.get(name, version).validator.iter_errors(instance)
        return [
            f"{error.json_path}: {error.message}"
            for error in itertools.islice(errors, MAX_VIOLATIONS_REPORTED)
        ]


@cache
def committed_schemas(directory: str = "") -> SchemaCatalog:
    """The catalog of the files in `directory` (empty: the checkout's schemas/), read on first use."""
    return SchemaCatalog(Path(directory) if directory else SCHEMAS_DIR)
