"""Cache keys for compiled schemas: what the compiled code depends on, and nothing else.

The schema is keyed by its JSON text, so two equal dicts share one compiled
validator and mutating a schema dict after use is never served a stale one.
Formats and handlers are keyed by their values (regex text, or the callable
object itself, held by the key so its identity can't be reused).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from powertools.validation.exceptions import InvalidSchemaFormatError

# The keyword arguments fastjsonschema.compile accepts besides formats and handlers.
PROVIDER_OPTIONS = frozenset({"use_default", "use_formats", "detailed_exceptions", "fast_fail"})

Formats = Mapping[str, "str | Callable[[Any], Any]"]
Handlers = Mapping[str, Callable[[str], Any]]
SchemaKey = tuple[str, tuple[tuple[str, Any], ...], tuple[tuple[str, Any], ...], tuple[tuple[str, Any], ...]]


def schema_text(schema: Any) -> str:
    """The schema as compact JSON text; the one form both keyed and compiled."""
    if not isinstance(schema, dict):
        raise InvalidSchemaFormatError(
            f"schema must be a dict holding a JSON Schema, got {type(schema).__name__}"
            + (" (load the file or text with json.load/json.loads first)" if isinstance(schema, (str, bytes)) else "")
        )
    try:
        return json.dumps(schema, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise InvalidSchemaFormatError(f"schema is not JSON-serializable: {exc}") from None
    except RecursionError:
        raise InvalidSchemaFormatError("schema is nested too deeply to compile") from None


def formats_key(formats: Formats | None) -> tuple[tuple[str, Any], ...]:
    if not formats:
        return ()
    if not isinstance(formats, Mapping):
        raise InvalidSchemaFormatError(
            f"formats must be a dict of format name to regex string or callable, got {type(formats).__name__}"
        )
    for name, check in formats.items():
        if not isinstance(name, str):
            raise InvalidSchemaFormatError(f"format names must be strings, got {name!r}")
        if not (isinstance(check, str) or callable(check)):
            raise InvalidSchemaFormatError(
                f"format {name!r} must be a regex string or a callable returning bool, got {type(check).__name__}"
            )
    return tuple(sorted(formats.items(), key=_first))


def handlers_key(handlers: Handlers | None) -> tuple[tuple[str, Any], ...]:
    if not handlers:
        return ()
    if not isinstance(handlers, Mapping):
        raise InvalidSchemaFormatError(
            f"handlers must be a dict of URI scheme to callable, got {type(handlers).__name__}"
        )
    for scheme, fetch in handlers.items():
        if not isinstance(scheme, str) or not callable(fetch):
            raise InvalidSchemaFormatError(
                f"handlers must map a URI scheme (str) to a callable taking the URI, got {scheme!r}: {fetch!r}"
            )
    return tuple(sorted(handlers.items(), key=_first))


def provider_options_key(provider_options: Mapping[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    if not provider_options:
        return ()
    if not isinstance(provider_options, Mapping):
        raise InvalidSchemaFormatError(
            f"provider_options must be a dict of fastjsonschema options, got {type(provider_options).__name__}"
        )
    unknown = sorted(str(name) for name in provider_options if name not in PROVIDER_OPTIONS)
    if unknown:
        names, supported = ", ".join(map(repr, unknown)), ", ".join(sorted(PROVIDER_OPTIONS))
        raise InvalidSchemaFormatError(f"unknown provider option(s) {names}; supported: {supported}")
    for name, value in provider_options.items():
        if not isinstance(value, bool):
            raise InvalidSchemaFormatError(f"provider option {name!r} must be True or False, got {value!r}")
    return tuple(sorted(provider_options.items()))


def build_key(
    schema: Any,
    formats: Formats | None,
    handlers: Handlers | None,
    provider_options: Mapping[str, Any] | None,
) -> SchemaKey:
    return (
        schema_text(schema),
        formats_key(formats),
        handlers_key(handlers),
        provider_options_key(provider_options),
    )


def _first(item: tuple[str, Any]) -> str:
    return item[0]
