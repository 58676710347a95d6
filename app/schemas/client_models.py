"""Writes the Python client's models (client/event_extractor_client/models.py) from the committed JSON
Schemas, so that the client carries the API's types without importing the service (or spaCy).

Each model keeps properties it does not know, untyped: a client built against one minor version
keeps reading (and passing on) the answers of a later one (schemas/README.md, "Reading safely").
Constraints (bounds, patterns) are left to the service, which checks what it receives and sends.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from app.schemas.documents import (
    BATCH_REQUEST,
    BATCH_RESPONSE,
    EXTRACT_REQUEST,
    EXTRACT_RESPONSE,
    SCHEMAS_DIR,
    file_difference,
)

CLIENT_MODELS = SCHEMAS_DIR.parent / "client" / "event_extractor_client" / "models.py"
# The class each document becomes (its $defs keep the names the service's models gave them).
DOCUMENT_CLASSES = {
    EXTRACT_REQUEST: "ExtractRequest",
    EXTRACT_RESPONSE: "ExtractResponse",
    BATCH_REQUEST: "BatchRequest",
    BATCH_RESPONSE: "BatchResponse",
}
_WIDTH = 110
_ABOUT = (
    "The API's models, for clients. Do not edit: `python -m app.schemas --write` writes this file from the "
    "service's models by way of the committed JSON Schemas {sources}."
)
_HEADER = '''"""{about}"""

from __future__ import annotations
{imports}
from pydantic import BaseModel, ConfigDict


class _Model(BaseModel):
    # Unknown properties are kept, untyped: answers of a later minor version still read, and
    # model_dump(mode="json", exclude_unset=True) gives back what the service sent, to the byte's meaning.
    model_config = ConfigDict(extra="allow", frozen=True, use_attribute_docstrings=True)
'''

Json = dict[str, Any]


def render(directory: Path = SCHEMAS_DIR) -> str:
    """The client's models module, from the latest committed version of each document."""
    classes: dict[str, Json] = {}
    sources = []
    for kind, name in DOCUMENT_CLASSES.items():
        path = directory / kind.name / f"{kind.latest}.json"
        sources.append(str(path.relative_to(directory.parent)))
        document = json.loads(path.read_text(encoding="utf-8"))
        for defined, schema in {**document.pop("$defs", {}), name: document}.items():
            _add(classes, defined, schema)
    ordered: list[str] = []
    for name in sorted(classes):
        _after_dependencies(name, classes, ordered)
    body = "\n\n".join(_class(name, classes[name]) for name in ordered)
    uses = {"date": "dt.date" in body, "literal": "Literal[" in body}
    imports = "\nimport datetime as dt" * uses["date"] + "\nfrom typing import Literal" * uses["literal"]
    about = _fill(_ABOUT.format(sources=_join(sources)), "", _WIDTH - 3)
    header = _HEADER.format(about=about, imports=imports + "\n" if imports else "")
    return f"{header}\n\n{body}"


def write(directory: Path = SCHEMAS_DIR, target: Path = CLIENT_MODELS) -> bool:
    """Writes the module if it differs; whether it did."""
    text = render(directory)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True


def differences(directory: Path = SCHEMAS_DIR, target: Path = CLIENT_MODELS) -> list[str]:
    """How the committed client models differ from what the schemas write (empty if they agree)."""
    shown = target.relative_to(SCHEMAS_DIR.parent) if target.is_relative_to(SCHEMAS_DIR.parent) else target
    difference = file_difference(target, render(directory), shown, "schemas")
    return [] if difference is None else [difference]


def _join(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1]


def _add(classes: dict[str, Json], name: str, schema: Json) -> None:
    shape = {key: schema.get(key) for key in ("properties", "required")}
    known = classes.get(name)
    if known is not None and {key: known.get(key) for key in shape} != shape:
        raise ValueError(f"two different schemas are both called {name}")
    classes.setdefault(name, schema)


def _after_dependencies(name: str, classes: dict[str, Json], ordered: list[str]) -> None:
    if name in ordered:
        return
    for ref in sorted(_refs(classes[name])):
        if ref != name:
            _after_dependencies(ref, classes, ordered)
    ordered.append(name)


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        own = {node["$ref"].removeprefix("#/$defs/")} if "$ref" in node else set()
        return own.union(*(_refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(item) for item in node))
    return set()


def _class(name: str, schema: Json) -> str:
    lines = [f"class {name}(_Model):", _docstring(schema.get("description", name), "    "), ""]
    required = set(schema.get("required", ()))
    for field, spec in schema.get("properties", {}).items():
        annotation = _type(spec)
        if field in required:
            lines.append(f"    {field}: {annotation}")
        else:
            lines.append(f"    {field}: {annotation} = {_default(spec, annotation)}")
        if spec.get("description"):
            lines.append(_docstring(spec["description"], "    "))
    return "\n".join(lines) + "\n"


def _default(spec: Json, annotation: str) -> str:
    if "default" in spec:
        return repr(spec["default"])  # a Python literal: None, False, 0, "text" (JSON would say null, false)
    if spec.get("type") == "array":
        return "[]"  # pydantic copies a mutable default for each instance
    if annotation.endswith("| None"):
        return "None"
    raise ValueError(f"an optional property without a default: {spec}")


def _type(spec: Json) -> str:
    if "$ref" in spec:
        return str(spec["$ref"].removeprefix("#/$defs/"))
    if "anyOf" in spec:
        return " | ".join(dict.fromkeys(_type(option) for option in spec["anyOf"]))
    if "enum" in spec or "const" in spec:
        values = spec.get("enum", [spec.get("const")])
        return f"Literal[{', '.join(json.dumps(value) for value in values)}]"
    kind = spec.get("type")
    if kind == "array":
        return f"list[{_type(spec['items'])}]"
    if kind == "string":
        return "dt.date" if spec.get("format") == "date" else "str"
    simple = {"integer": "int", "number": "float", "boolean": "bool", "null": "None"}
    if kind in simple:
        return simple[kind]
    raise ValueError(f"no Python type for the schema {spec}")


def _docstring(text: str, indent: str) -> str:
    if '"""' in text or "\\" in text:
        raise ValueError(f"a description the generator cannot quote: {text!r}")
    one_line = f'{indent}"""{text}"""'
    if len(one_line) <= _WIDTH and "\n" not in text:
        return one_line
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    wrapped = "\n\n".join(_fill(paragraph, indent) for paragraph in paragraphs)
    return f'{indent}"""\n{wrapped}\n{indent}"""'


def _fill(text: str, indent: str, width: int = _WIDTH) -> str:
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
