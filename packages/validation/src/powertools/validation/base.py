"""Compile a JSON Schema once, validate data with it, and translate fastjsonschema's errors.

This module imports fastjsonschema, so powertools.validation loads it only on
the first validation, never at import time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

import fastjsonschema
from fastjsonschema import JsonSchemaDefinitionException, JsonSchemaValueException, JsonSchemaValuesException
from fastjsonschema.draft04 import CodeGeneratorDraft04
from fastjsonschema.draft06 import CodeGeneratorDraft06
from fastjsonschema.draft07 import CodeGeneratorDraft07
from fastjsonschema.draft2019 import CodeGeneratorDraft2019

from powertools.common.debug import get_debug_logger
from powertools.validation.exceptions import InvalidSchemaFormatError, SchemaValidationError
from powertools.validation.remote_refs import RefHandlers
from powertools.validation.schema_cache import SCHEMA_CACHE, CompiledValidator
from powertools.validation.schema_checks import check_schema, first_broken_local_ref, first_ref_loop
from powertools.validation.schema_key import Formats, Handlers, build_key

__all__ = ["validate_data_against_schema", "compiled_validator"]

logger = get_debug_logger(__name__)


def validate_data_against_schema(
    data: Any,
    schema: dict[str, Any],
    formats: Formats | None = None,
    handlers: Handlers | None = None,
    provider_options: Mapping[str, Any] | None = None,
) -> Any:
    """Validate ``data`` against ``schema`` and return it, with schema ``default`` values filled in.

    Raises SchemaValidationError when the data doesn't conform, InvalidSchemaFormatError
    when the schema, formats, handlers or provider options can't be compiled.
    """
    return run_validator(compiled_validator(schema, formats, handlers, provider_options), data)


def compiled_validator(
    schema: dict[str, Any],
    formats: Formats | None = None,
    handlers: Handlers | None = None,
    provider_options: Mapping[str, Any] | None = None,
) -> CompiledValidator:
    """The compiled validator for these arguments, from the cache or compiled now."""
    key = build_key(schema, formats, handlers, provider_options)
    return SCHEMA_CACHE.get_or_compile(key, lambda: _compile(key[0], formats, handlers, provider_options))


def run_validator(compiled: CompiledValidator, data: Any, envelope: str | None = None) -> Any:
    try:
        return compiled(data)
    except JsonSchemaValueException as exc:
        raise _validation_error(exc, data, envelope) from None
    except JsonSchemaValuesException as exc:
        errors = [_validation_error(error, data, envelope) for error in exc.errors]
        first = errors[0]
        raise SchemaValidationError(
            f"Failed schema validation. {len(errors)} errors: "
            + "; ".join(f"{error.validation_message}, Path: {error.path}" for error in errors),
            validation_message=exc.message,
            name=first.name,
            path=first.path,
            value=first.value,
            definition=first.definition,
            rule=first.rule,
            rule_definition=first.rule_definition,
            errors=errors,
        ) from None
    except RecursionError:
        raise too_deep_error() from None


def too_deep_error() -> SchemaValidationError:
    """A payload nested deeper than the interpreter's recursion limit: rejected, not a crash."""
    reason = "data is nested too deeply to validate"
    return SchemaValidationError(
        f"Failed schema validation. Error: {reason}, Path: ['data']",
        validation_message=reason,
        name="data",
        path=["data"],
    )


def _validation_error(exc: JsonSchemaValueException, data: Any, envelope: str | None) -> SchemaValidationError:
    path = exc.path
    # The value is kept on the error but left out of the message: messages end up in logs
    # and HTTP responses, and the invalid value may be a secret.
    message = f"Failed schema validation. Error: {exc.message}, Path: {path}"
    if envelope and data is None:
        message += f" (envelope {envelope!r} selected nothing from the event)"
    return SchemaValidationError(
        message,
        validation_message=exc.message,
        name=exc.name,
        path=path,
        value=exc.value,
        definition=exc.definition,
        rule=exc.rule,
        rule_definition=exc.rule_definition,
    )


def _compile(
    text: str,
    formats: Formats | None,
    handlers: Handlers | None,
    provider_options: Mapping[str, Any] | None,
) -> CompiledValidator:
    # Compile a private copy: fastjsonschema rewrites "$ref" values in place, and the
    # copy is exactly the content the cache key describes.
    definition = json.loads(text)
    options = dict(provider_options or {})
    custom_formats = dict(formats or {})
    _check_format_regexes(custom_formats)
    known_formats = _known_formats(definition, custom_formats) if options.get("use_formats", True) else None

    def check(schema: Any, origin: str) -> None:
        check_schema(schema, known_formats, origin)

    check(definition, "#")
    loop = first_ref_loop(definition)
    if loop is not None:
        raise InvalidSchemaFormatError(f"invalid JSON Schema: $ref {loop!r} leads back to itself through $refs alone")
    logger.debug("Compiling JSON Schema (%d characters)", len(text))
    try:
        return fastjsonschema.compile(
            definition, handlers=RefHandlers(handlers, check), formats=custom_formats, **options
        )
    except InvalidSchemaFormatError:
        raise
    except RecursionError:
        raise InvalidSchemaFormatError("schema is nested too deeply to compile") from None
    except JsonSchemaDefinitionException as exc:
        broken = first_broken_local_ref(definition) if str(exc).startswith("Unresolvable ref") else None
        reason = f"$ref {broken!r} points at nothing in the schema" if broken else str(exc)
        raise InvalidSchemaFormatError(f"invalid JSON Schema: {reason}") from exc
    except re.error as exc:  # named PatternError from Python 3.13 on
        raise InvalidSchemaFormatError(
            f"invalid JSON Schema: a pattern is not a valid regular expression: {exc}"
        ) from exc
    except Exception as exc:  # the generator fails in many ways on malformed schemas
        raise InvalidSchemaFormatError(f"invalid JSON Schema: {type(exc).__name__}: {exc}") from exc


def _check_format_regexes(formats: dict[str, str | Callable[[Any], Any]]) -> None:
    for name, check in formats.items():
        if isinstance(check, str):
            try:
                re.compile(check)
            except re.error as exc:
                raise InvalidSchemaFormatError(f"format {name!r} is not a valid regular expression: {exc}") from None


def _known_formats(definition: Any, custom: Mapping[str, Any]) -> frozenset[str]:
    generator = _generator_class(definition)
    return frozenset(generator.FORMAT_REGEXS) | {"regex"} | frozenset(custom)


def _generator_class(definition: Any) -> type[CodeGeneratorDraft04]:
    # The same draft fastjsonschema picks from "$schema"; each draft knows different formats.
    declared = definition.get("$schema", "") if isinstance(definition, dict) else ""
    declared = declared if isinstance(declared, str) else ""
    for marker, generator in (
        ("draft-04", CodeGeneratorDraft04),
        ("draft-06", CodeGeneratorDraft06),
        ("draft-07", CodeGeneratorDraft07),
    ):
        if marker in declared:
            return generator
    return CodeGeneratorDraft2019
