"""Checks fastjsonschema skips silently: unknown ``format`` names and ``type`` names.

fastjsonschema ignores a format it doesn't know, so a typo ("ipv-4") or a
forgotten custom format would validate nothing. We walk the schema once, at
compile time, and name the offending keyword and where it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import Any

from powertools.validation.exceptions import InvalidSchemaFormatError

JSON_TYPES = frozenset({"array", "boolean", "integer", "null", "number", "object", "string"})

# Keywords whose value is a schema, a list of schemas, or a map of name to schema.
# Everything else (enum, const, default, examples, ...) holds data, not schemas.
_SCHEMA_KEYWORDS = frozenset(
    {
        "additionalItems",
        "additionalProperties",
        "contains",
        "contentSchema",
        "else",
        "if",
        "items",
        "not",
        "propertyNames",
        "then",
        "unevaluatedItems",
        "unevaluatedProperties",
    }
)
_SCHEMA_LIST_KEYWORDS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems", "items"})
_SCHEMA_MAP_KEYWORDS = frozenset(
    {"properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "dependencies"}
)


def check_schema(schema: Any, known_formats: Set[str] | None, origin: str = "#") -> None:
    """Raise InvalidSchemaFormatError for an unknown format or type anywhere in ``schema``.

    ``known_formats=None`` skips the format check (formats are turned off).
    """
    for location, node in _subschemas(schema, origin):
        fmt = node.get("format")
        if known_formats is not None and isinstance(fmt, str) and fmt not in known_formats:
            raise InvalidSchemaFormatError(
                f"unknown format {fmt!r} at {location}: pass formats={{{fmt!r}: <regex or callable>}}"
                " or use a built-in format"
            )
        declared = node.get("type")
        for name in declared if isinstance(declared, list) else [declared]:
            if isinstance(name, str) and name not in JSON_TYPES:
                raise InvalidSchemaFormatError(
                    f"unknown type {name!r} at {location}; JSON Schema types are {', '.join(sorted(JSON_TYPES))}"
                )


def _subschemas(schema: Any, origin: str) -> Iterator[tuple[str, dict[str, Any]]]:
    # Iterative, so a deeply nested schema can't exhaust the interpreter stack here.
    stack: list[tuple[str, Any]] = [(origin, schema)]
    while stack:
        location, node = stack.pop()
        if not isinstance(node, dict):
            continue
        yield location, node
        for keyword, value in node.items():
            here = f"{location}/{keyword}"
            if keyword in _SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
                stack.extend((f"{here}/{name}", sub) for name, sub in value.items())
            elif keyword in _SCHEMA_LIST_KEYWORDS and isinstance(value, list):
                stack.extend((f"{here}/{index}", sub) for index, sub in enumerate(value))
            elif keyword in _SCHEMA_KEYWORDS:
                stack.append((here, value))


def first_broken_local_ref(schema: Any) -> str | None:
    """The first ``"$ref": "#/..."`` in ``schema`` that does not point at anything in it, if any.

    Only used to name the culprit after fastjsonschema reported an unresolvable ref.
    """
    for _, node in _subschemas(schema, "#"):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/") and not _pointer_exists(schema, ref[2:]):
            return ref
    return None


def first_ref_loop(schema: Any) -> str | None:
    """A ``$ref`` that leads back to itself through ``$ref``s alone (``{"$ref": "#"}``), if any.

    Such a schema checks nothing and never ends: every validation would recurse until Python's
    limit. A ``$ref`` reached through ``properties``/``items``/... is fine: it moves into the data.
    """
    for _, node in _subschemas(schema, "#"):
        seen: list[int] = []
        current: Any = node
        while isinstance(current, dict) and isinstance(current.get("$ref"), str):
            ref = current["$ref"]
            if ref != "#" and not ref.startswith("#/"):
                break  # remote: resolved (and checked) when fetched
            if id(current) in seen:
                return ref
            seen.append(id(current))
            current = _pointer_target(schema, ref[2:]) if ref != "#" else schema
            if current is _MISSING:
                break  # reported as a broken $ref when compiled
    return None


def _pointer_target(document: Any, pointer: str) -> Any:
    from urllib.parse import unquote

    for raw in unquote(pointer).split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(document, dict) and part in document:
            document = document[part]
        elif isinstance(document, list) and part.isdigit() and int(part) < len(document):
            document = document[int(part)]
        else:
            return _MISSING
    return document


def _pointer_exists(document: Any, pointer: str) -> bool:
    return _pointer_target(document, pointer) is not _MISSING


_MISSING = object()
