"""``SchemaValidationMiddleware``: JSON Schema checks on a REST route's request and response bodies.

Upstream ships it as ``aws_lambda_powertools.event_handler.middlewares.schema_validation``. Here
it lives with the validation it performs: a middleware is only a callable
``(app, next_middleware)``, so it needs no import of powertools-event-handler. It answers early
with a ``(body, status)`` tuple, which the resolver turns into a response as it does for routes.
Use it as any route middleware: ``@app.post("/orders", middlewares=[SchemaValidationMiddleware(ORDER)])``.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from powertools.validation.exceptions import InvalidSchemaFormatError, SchemaValidationError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

__all__ = ["SchemaValidationMiddleware"]

logger = logging.getLogger(__name__)


class SchemaValidationMiddleware:
    """Validate the request body against ``inbound_schema``, and the response against ``outbound_schema`` if given.

    An invalid request answers 400 ``{"statusCode": 400, "message": "Bad Request: <reason>"}`` and
    the route doesn't run; an invalid response answers 400 ``Bad Response: <reason>``, as upstream;
    a schema that isn't valid answers 500 ``Internal Server Error`` (the reason is logged at debug level).
    """

    def __init__(
        self,
        inbound_schema: dict[str, Any],
        inbound_formats: dict[str, Any] | None = None,
        outbound_schema: dict[str, Any] | None = None,
        outbound_formats: dict[str, Any] | None = None,
    ) -> None:
        self.inbound_schema = inbound_schema
        self.inbound_formats = inbound_formats
        self.outbound_schema = outbound_schema
        self.outbound_formats = outbound_formats

    # Middleware chains and debug output name their links by __name__, as for functions.
    __name__ = "SchemaValidationMiddleware"

    def __call__(self, app: Any, next_middleware: Callable[[Any], Any]) -> Any:
        return self.handler(app, next_middleware)

    def handler(self, app: Any, next_middleware: Callable[[Any], Any]) -> Any:
        from powertools.validation.validator import validate

        try:
            validate(event=app.current_event.json_body, schema=self.inbound_schema, formats=self.inbound_formats)
        except SchemaValidationError as error:
            return self.bad_request(error)
        except InvalidSchemaFormatError as error:
            return self.bad_config(error)
        result = next_middleware(app)
        if self.outbound_schema is None:
            return result
        try:
            validate(event=_body_of(result), schema=self.outbound_schema, formats=self.outbound_formats)
        except SchemaValidationError as error:
            return self.bad_response(error)
        except InvalidSchemaFormatError as error:
            return self.bad_config(error)
        return result

    def bad_request(self, error: SchemaValidationError) -> tuple[dict[str, Any], int]:
        return _answer(400, f"Bad Request: {error.message}")

    def bad_response(self, error: SchemaValidationError) -> tuple[dict[str, Any], int]:
        return _answer(400, f"Bad Response: {error.message}")

    def bad_config(self, error: InvalidSchemaFormatError) -> tuple[dict[str, Any], int]:
        logger.debug("Invalid Schema Format: %s", error)
        return _answer(500, "Internal Server Error")


def _answer(status: int, message: str) -> tuple[dict[str, Any], int]:
    logger.debug(message)
    return {"statusCode": status, "message": message}, status


def _body_of(result: Any) -> Any:
    """The response body as data: a Response's body (JSON text is parsed), or what the route returned."""
    body = getattr(result, "body", result)
    if isinstance(body, (bytes, bytearray)):
        body = body.decode("utf-8", "replace")
    if isinstance(body, str):
        try:
            return json.loads(body)
        except ValueError:
            return body
    return body
