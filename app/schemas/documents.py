"""Which JSON Schema documents the API has, and how each version of one is written from its model.

A document's latest version is its pydantic model as it stands. An older version of the same major
is that model without the fields added since: each such field carries `ADDED_IN` (the version that
introduced it), so one model writes every version, and `project` turns an instance into the shape of
any of them. The committed files must equal what this module writes (a test checks it), so a model
edit that would change a released version fails instead of slipping out.
"""

from __future__ import annotations

import difflib
import inspect
import json
import types
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from app.models import v1

SCHEMAS_DIR = Path(__file__).resolve().parents[2] / "schemas"
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
# Location-independent: every deployment serves the same document at /v1/schemas/<name>/<version>.
ID_PREFIX = "urn:event-extractor:schema:"

Json = dict[str, Any]


@dataclass(frozen=True)
class DocumentKind:
    name: str
    model: type[BaseModel]
    versions: tuple[str, ...]  # oldest first; the last is the latest
    # A request schema says what the service accepts, a response schema what it emits.
    mode: Literal["validation", "serialization"]
    title: str
    version_field: str | None = None  # the body field naming the version it conforms to

    @property
    def latest(self) -> str:
        return self.versions[-1]


EXTRACT_REQUEST = DocumentKind(
    name="extract-request",
    model=v1.ExtractRequest,
    versions=v1.REQUEST_SCHEMA_VERSIONS,
    mode="validation",
    title="POST /v1/extract request body",
)
EXTRACT_RESPONSE = DocumentKind(
    name="extract-response",
    model=v1.ExtractResponse,
    versions=v1.RESPONSE_SCHEMA_VERSIONS,
    mode="serialization",
    title="POST /v1/extract response body",
    version_field="schema_version",
)
BATCH_REQUEST = DocumentKind(
    name="batch-request",
    model=v1.BatchRequest,
    versions=v1.BATCH_REQUEST_SCHEMA_VERSIONS,
    mode="validation",
    title="POST /v1/extract/batch request body",
)
BATCH_RESPONSE = DocumentKind(
    name="batch-response",
    model=v1.BatchResponse,
    versions=v1.BATCH_RESPONSE_SCHEMA_VERSIONS,
    mode="serialization",
    title="POST /v1/extract/batch response body",
    version_field="schema_version",
)
DOCUMENTS = {kind.name: kind for kind in (EXTRACT_REQUEST, EXTRACT_RESPONSE, BATCH_REQUEST, BATCH_RESPONSE)}


def version_key(version: str) -> tuple[int, int, int]:
    """Semantic version as a sortable tuple; ValueError unless it is MAJOR.MINOR.PATCH."""
    major, minor, patch = (int(part) for part in version.split("."))
    return major, minor, patch


def schema_id(name: str, version: str) -> str:
    return f"{ID_PREFIX}{name}:{version}"


def committed_path(name: str, version: str, directory: Path = SCHEMAS_DIR) -> Path:
    return directory / name / f"{version}.json"


# -- writing ------------------------------------------------------------------------------------


def build_document(kind: DocumentKind, version: str) -> Json:
    """The JSON Schema of `kind` at `version`, as it is committed."""
    generated = kind.model.model_json_schema(mode=kind.mode)
    _drop_properties_added_after(generated, version)
    examples = [_example_at(kind, example, version) for example in generated.pop("examples", [])]
    generated.pop("title", None)
    head = {
        "$schema": DRAFT_2020_12,
        "$id": schema_id(kind.name, version),
        "title": kind.title,
        "description": generated.pop("description", kind.title),
    }
    defs = generated.pop("$defs", {})
    document = {**head, "type": generated.pop("type"), **generated, "$defs": defs, "examples": examples}
    _drop_unreferenced_defs(document)
    return document


def render(document: Json) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def expected_files(directory: Path = SCHEMAS_DIR) -> dict[Path, str]:
    """Every file the models write: each version of each document."""
    return {
        committed_path(kind.name, version, directory): render(build_document(kind, version))
        for kind in DOCUMENTS.values()
        for version in kind.versions
    }


def write(directory: Path = SCHEMAS_DIR) -> list[Path]:
    """Writes the files that are missing or differ; returns them."""
    written = []
    for path, text in expected_files(directory).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def differences(directory: Path = SCHEMAS_DIR) -> list[str]:
    """How the committed files differ from what the models write (a diff each); empty if they agree."""
    expected = expected_files(directory)
    found: list[str] = []
    for path, text in expected.items():
        difference = file_difference(path, text, path.relative_to(directory.parent), "models")
        if difference is not None:
            found.append(difference)
    for stray in sorted(set(directory.glob("*/*.json")) - set(expected)):
        found.append(f"{stray.relative_to(directory.parent)} is written by no model version")
    return found


def file_difference(path: Path, expected: str, shown: Path, source: str) -> str | None:
    """How the committed file at `path` differs from what `source` writes: a note if it is missing, a
    unified diff, or None if they agree."""
    if not path.is_file():
        return f"{shown} is missing"
    committed = path.read_text(encoding="utf-8")
    if committed == expected:
        return None
    diff = difflib.unified_diff(
        committed.splitlines(),
        expected.splitlines(),
        f"{shown} (committed)",
        f"{shown} ({source})",
        lineterm="",
    )
    return "\n".join(diff)


def _example_at(kind: DocumentKind, example: Json, version: str) -> Json:
    if kind.version_field is not None:
        example = _with_version(example, kind.version_field, version)
    return project(kind.model.model_validate(example), version)


def _with_version(node: Any, field: str, version: str) -> Any:
    """`node` with `field` set to `version` at every depth: the example of a version says that version,
    in the documents it nests too (a batch's results), so a released file never changes with the latest."""
    if isinstance(node, dict):
        return {k: version if k == field else _with_version(v, field, version) for k, v in node.items()}
    if isinstance(node, list):
        return [_with_version(item, field, version) for item in node]
    return node


def _added_after(added_in: object, version: str) -> bool:
    return isinstance(added_in, str) and version_key(added_in) > version_key(version)


def _drop_properties_added_after(node: object, version: str) -> None:
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            for name in [n for n, s in properties.items() if _added_after(s.get(v1.ADDED_IN), version)]:
                del properties[name]
                if name in node.get("required", ()):
                    node["required"].remove(name)
        for value in node.values():
            _drop_properties_added_after(value, version)
    elif isinstance(node, list):
        for item in node:
            _drop_properties_added_after(item, version)


def _drop_unreferenced_defs(document: Json) -> None:
    """Definitions only a dropped property used would otherwise linger in older versions."""
    defs: Json = document["$defs"]
    reached: set[str] = set()
    pending = [{k: v for k, v in document.items() if k != "$defs"}]
    while pending:
        node = pending.pop()
        for ref in _refs(node):
            name = ref.removeprefix("#/$defs/")
            if name not in reached and name in defs:
                reached.add(name)
                pending.append(defs[name])
    for name in set(defs) - reached:
        del defs[name]
    if not defs:
        del document["$defs"]


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


# -- projecting instances -----------------------------------------------------------------------


def project(document: BaseModel, version: str) -> Json:
    """`document` as JSON in the shape of `version`: without the fields added after it."""
    return document.model_dump(mode="json", exclude=_exclusions(type(document), version) or None)


@cache
def _exclusions(model: type[BaseModel], version: str) -> Json:
    """pydantic's `exclude` argument that leaves out, at any depth, the fields added after `version`."""
    excluded: Json = {}
    for name, field in model.model_fields.items():
        if _field_added_after(field, version):
            excluded[name] = True
            continue
        nested = _nested_model(field.annotation)
        if nested is not None:
            inner = _exclusions(nested[0], version)
            if inner:
                excluded[name] = {"__all__": inner} if nested[1] else inner
    return excluded


def _field_added_after(field: FieldInfo, version: str) -> bool:
    extra = field.json_schema_extra
    return isinstance(extra, dict) and _added_after(extra.get(v1.ADDED_IN), version)


def _nested_model(annotation: object) -> tuple[type[BaseModel], bool] | None:
    """The model a field holds (`M`, `M | None` or `list[M]`), and whether it is a list of them."""
    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = get_origin(annotation)
    args = [arg for arg in get_args(annotation) if arg is not type(None)]
    if origin is list and len(args) == 1:
        inner = _nested_model(args[0])
        return (inner[0], True) if inner else None
    if origin in (Union, types.UnionType) and len(args) == 1:
        return _nested_model(args[0])
    return None
