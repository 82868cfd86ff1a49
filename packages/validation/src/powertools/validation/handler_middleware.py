"""The middleware behind ``@validator``: unwrap, validate inbound, call, validate outbound."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from powertools.common.debug import get_debug_logger
from powertools.common.middleware import lambda_handler_decorator
from powertools.validation.schema_key import Formats, Handlers
from powertools.validation.validator import unwrap, validate

logger = get_debug_logger(__name__)


@lambda_handler_decorator
def validation_middleware(
    handler: Callable[..., Any],
    event: Any,
    context: Any,
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
    if envelope:
        event = unwrap(event, envelope, jmespath_options)
    if inbound_schema is not None:
        logger.debug("Validating inbound event")
        event = validate(
            event,
            inbound_schema,
            formats=inbound_formats,
            handlers=inbound_handlers,
            provider_options=inbound_provider_options,
        )

    response = handler(event, context)

    if outbound_schema is None:
        return response
    outbound = (outbound_schema, outbound_formats, outbound_handlers, outbound_provider_options)
    if inspect.isawaitable(response):
        # async def handler: common's middleware awaits what we return, so validate after it resolves.
        return _validate_when_done(response, *outbound)
    _validate_response(response, *outbound)
    return response


async def _validate_when_done(
    pending: Awaitable[Any],
    schema: dict[str, Any],
    formats: Formats | None,
    handlers: Handlers | None,
    provider_options: Mapping[str, Any] | None,
) -> Any:
    response = await pending
    _validate_response(response, schema, formats, handlers, provider_options)
    return response


def _validate_response(
    response: Any,
    schema: dict[str, Any],
    formats: Formats | None,
    handlers: Handlers | None,
    provider_options: Mapping[str, Any] | None,
) -> None:
    logger.debug("Validating outbound response")
    validate(response, schema, formats=formats, handlers=handlers, provider_options=provider_options)
