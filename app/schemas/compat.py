"""Is a later version of a JSON Schema backward compatible with an earlier one? (schemas/README.md)

Within a major a version may only add optional properties or widen what it allows. So from `old` to
`new` each of these is a breaking change: a property removed; a property required that was optional,
or a new one required; a type, enum or const narrowed (an alternative of anyOf/oneOf dropped counts);
a bound tightened (minimum, maxLength, minItems, ...); a pattern or format added or changed; unique
items demanded; additional properties forbidden where they were allowed. Local $refs are followed.
"""

from __future__ import annotations

from typing import Any

Schema = Any  # a JSON Schema node: an object, or true / false

_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
_EXACT = ("pattern", "format")


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    """Every way in which `new` accepts less than `old` (empty: compatible), each with its JSON path."""
    # A definition used in several places is compared once and reported once.
    return list(dict.fromkeys(_Comparison(old, new).compare(old, new, "$")))


class _Comparison:
    def __init__(self, old_root: Schema, new_root: Schema) -> None:
        self.old_root = old_root
        self.new_root = new_root
        # Results by ($ref, $ref): each pair of definitions is compared once, and recursion ends.
        self.by_refs: dict[tuple[str, str], list[str]] = {}

    def compare(self, old: Schema, new: Schema, path: str) -> list[str]:
        refs = (_get(old, "$ref"), _get(new, "$ref"))
        if not (isinstance(refs[0], str) and isinstance(refs[1], str)):
            return self._compare(old, new, path)
        key = (refs[0], refs[1])
        if key not in self.by_refs:
            self.by_refs[key] = []  # while in progress
            self.by_refs[key] = self._compare(old, new, path)
        return self.by_refs[key]

    def _compare(self, old: Schema, new: Schema, path: str) -> list[str]:
        problems: list[str] = []
        new_alternatives = self._alternatives(self.new_root, new)
        for alternative in self._alternatives(self.old_root, old):
            # Each kind of value `old` took must still be taken by some alternative of `new`.
            candidates = [self._compare_one(alternative, n, path) for n in new_alternatives]
            closest: list[str] = min(candidates, key=len)
            problems += closest
        return problems

    def _alternatives(self, root: Schema, node: Schema) -> list[Schema]:
        """The branches of anyOf / oneOf (nested ones flattened), else the node itself; resolved."""
        node = _resolve(root, node)
        branches = (node.get("anyOf") or node.get("oneOf")) if isinstance(node, dict) else None
        if not branches:
            return [node]
        return [leaf for branch in branches for leaf in self._alternatives(root, branch)]

    def _compare_one(self, old: Schema, new: Schema, path: str) -> list[str]:
        if old is False or new is True or new == {}:
            return []
        if not isinstance(old, dict) or not isinstance(new, dict):
            return [f"{path}: now accepts less than anything"]
        problems = _narrowed_types(old, new, path) + _narrowed_values(old, new, path)
        problems += _tightened_bounds(old, new, path)
        problems += self._compare_objects(old, new, path)
        if "items" in new:
            problems += self.compare(old.get("items", True), new["items"], f"{path}[]")
        return problems

    def _compare_objects(self, old: dict[str, Any], new: dict[str, Any], path: str) -> list[str]:
        problems: list[str] = []
        old_props: dict[str, Schema] = old.get("properties", {})
        new_props: dict[str, Schema] = new.get("properties", {})
        for name, schema in old_props.items():
            if name not in new_props:
                problems.append(f"{path}.{name}: property removed")
            else:
                problems += self.compare(schema, new_props[name], f"{path}.{name}")
        for name in sorted(set(new.get("required", ())) - set(old.get("required", ()))):
            problems.append(f"{path}.{name}: property is now required")
        old_extra, new_extra = old.get("additionalProperties", True), new.get("additionalProperties", True)
        if old_extra is not False and new_extra is False:
            problems.append(f"{path}: additional properties are no longer allowed")
        elif isinstance(new_extra, dict):
            problems += self.compare(old_extra, new_extra, f"{path}.*")
        return problems


def _get(node: Schema, key: str) -> Any:
    return node.get(key) if isinstance(node, dict) else None


def _resolve(root: Schema, node: Schema) -> Schema:
    """The node a local "$ref" points to, with the referring node's other keywords laid over it."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#"):
        target = root
        for part in node["$ref"].removeprefix("#").split("/")[1:]:
            target = target[part.replace("~1", "/").replace("~0", "~")]
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        node = {**target, **siblings} if isinstance(target, dict) else target
    return node


def _types(node: dict[str, Any]) -> set[str] | None:
    declared = node.get("type")
    if declared is None:
        return None  # any type
    return {declared} if isinstance(declared, str) else set(declared)


def _narrowed_types(old: dict[str, Any], new: dict[str, Any], path: str) -> list[str]:
    old_types, new_types = _types(old), _types(new)
    if new_types is None:
        return []
    if old_types is None:
        return [f"{path}: type is now limited to {sorted(new_types)}"]
    lost = {t for t in old_types - new_types if not (t == "integer" and "number" in new_types)}
    return [f"{path}: type {t} is no longer allowed" for t in sorted(lost)]


def _allowed_values(node: dict[str, Any]) -> list[Any] | None:
    if "const" in node:
        return [node["const"]]
    enum = node.get("enum")
    return list(enum) if isinstance(enum, list) else None


def _narrowed_values(old: dict[str, Any], new: dict[str, Any], path: str) -> list[str]:
    old_values, new_values = _allowed_values(old), _allowed_values(new)
    if new_values is None:
        return []
    if old_values is None:
        return [f"{path}: values are now limited to {new_values}"]
    return [
        f"{path}: value {value!r} is no longer allowed" for value in old_values if value not in new_values
    ]


def _tightened_bounds(old: dict[str, Any], new: dict[str, Any], path: str) -> list[str]:
    problems = []
    for key in _LOWER_BOUNDS:
        if key in new and (key not in old or new[key] > old[key]):
            problems.append(f"{path}: {key} raised to {new[key]}")
    for key in _UPPER_BOUNDS:
        if key in new and (key not in old or new[key] < old[key]):
            problems.append(f"{path}: {key} lowered to {new[key]}")
    for key in _EXACT:
        if key in new and new[key] != old.get(key):
            problems.append(f"{path}: {key} is now {new[key]!r}")
    if new.get("uniqueItems") and not old.get("uniqueItems"):
        problems.append(f"{path}: items must now be unique")
    return problems
