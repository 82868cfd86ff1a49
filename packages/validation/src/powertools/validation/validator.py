"""``validate`` (standalone) and ``validator`` (handler decorator).

The package root imports this module eagerly (its two names share the module's
name, as upstream), so it imports nothing at the top: fastjsonschema, jmespath
and the middleware machinery load on first use.
"""

from __future__ import annotations

# Not typing.TYPE_CHECKING: the package root imports this module eagerly, and importing
# `typing` would add to every cold start (test_validation_imports checks it stays unloaded).
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable, Mapping
    from typing import Any

    from powertools.validation.schema_key import Formats, Handlers

__all__ = ["validate", "validator"]


def validate(
    event: Any,
    schema: dict[str, Any],
    formats: Formats | None = None,
    handlers: Handlers | None = None,
    provider_options: Mapping[str, Any] | None = None,
    envelope: str | None = None,
    jmespath_options: dict[str, Any] | None = None,
) -> Any:
    """Validate ``event`` (or the part ``envelope`` selects) against a JSON Schema and return it.

    The returned data has the schema's ``default`` values filled in (dicts are
    updated in place). Each distinct schema is compiled once and cached.

    Parameters
    ----------
    event
        The Lambda event (a dict, list, or a powertools event data class).
    schema
        The JSON Schema, as a dict.
    formats
        Custom formats: name to a regex string or a callable returning bool.
    handlers
        URI scheme to a callable returning the schema for a remote ``$ref``.
    provider_options
        fastjsonschema options: ``use_default``, ``use_formats``, ``detailed_exceptions``, ``fast_fail``.
    envelope
        JMESPath expression selecting the payload, e.g. ``envelopes.API_GATEWAY_REST``.
    jmespath_options
        ``jmespath.Options`` arguments, e.g. ``{"custom_functions": MyFunctions()}``.

    Raises
    ------
    SchemaValidationError
        The data does not conform to the schema (or is nested too deeply to check).
    InvalidSchemaFormatError
        The schema, formats, handlers or provider options are not usable.
    InvalidEnvelopeExpressionError
        The envelope is not a valid JMESPath expression, or can't decode the event.
    """
    from powertools.validation.base import compiled_validator, run_validator

    data = unwrap(event, envelope, jmespath_options)
    return run_validator(compiled_validator(schema, formats, handlers, provider_options), data, envelope)


def unwrap(event: Any, envelope: str | None, jmespath_options: dict[str, Any] | None) -> Any:
    """The data to validate: the raw event behind a data class, then what ``envelope`` selects."""
    from powertools.common.dict_wrapper import DictWrapper

    if isinstance(event, DictWrapper):
        event = event.raw_event
    if not envelope:
        return event
    from powertools.common.jmespath import query

    try:
        return query(event, envelope, jmespath_options)
    except RecursionError:
        # e.g. powertools_json on a body nested thousands of levels deep
        from powertools.validation.base import too_deep_error

        raise too_deep_error() from None


def validator(
    handler: Callable[..., Any] | None = None,
    *,
    inbound_schema: dict[str, Any] | None = None,
    inbound_formats: Formats | None = None,
    inbound_handlers: Handlers | None = None,
    inbound_provider_options: Mapping[str, Any] | None = None,
    outbound_schema: dict[str, Any] | None = None,
    outbound_formats: Formats | None = None,
    outbound_handlers: Handlers | None = None,
    outbound_provider_options: Mapping[str, Any] | None = None,
    envelope: str = "",
    jmespath_options: dict[str, Any] | None = None,
) -> Any:
    """Validate the event before the handler runs and its response after.

    ``@validator(inbound_schema=..., outbound_schema=..., envelope=envelopes.SQS)``.
    The handler receives the validated (envelope-unwrapped, defaults-filled) event.
    Either schema may be omitted. Malformed options (a schema that is not a dict, a
    format that is neither regex nor callable, an unknown provider option) raise
    InvalidSchemaFormatError here, at decoration, so a broken function fails at cold
    start instead of on every invocation. Works on ``async def`` handlers too.
    """
    from powertools.validation.handler_middleware import validation_middleware
    from powertools.validation.schema_key import formats_key, handlers_key, provider_options_key, schema_text

    for schema, formats, handlers, provider_options in (
        (inbound_schema, inbound_formats, inbound_handlers, inbound_provider_options),
        (outbound_schema, outbound_formats, outbound_handlers, outbound_provider_options),
    ):
        if schema is not None:
            schema_text(schema)
        formats_key(formats)
        handlers_key(handlers)
        provider_options_key(provider_options)
    return validation_middleware(
        handler,
        inbound_schema=inbound_schema,
        inbound_formats=inbound_formats,
        inbound_handlers=inbound_handlers,
        inbound_provider_options=inbound_provider_options,
        outbound_schema=outbound_schema,
        outbound_formats=outbound_formats,
        outbound_handlers=outbound_handlers,
        outbound_provider_options=outbound_provider_options,
        envelope=envelope,
        jmespath_options=jmespath_options,
    )
