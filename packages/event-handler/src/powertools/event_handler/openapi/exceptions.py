"""Validation errors raised by the OpenAPI validation middleware (no pydantic needed to import them).

``RequestValidationError`` becomes a 422 response and ``ResponseValidationError`` the status
configured with ``response_validation_error_http_code`` unless an ``exception_handler`` is
registered for them. Their bodies carry each error's ``loc`` and ``type`` only: never the
offending value, pydantic's message or a file name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from powertools.event_handler.response import Response

__all__ = [
    "OpenAPIMergeError",
    "RequestUnsupportedContentType",
    "RequestValidationError",
    "ResponseValidationError",
    "SchemaValidationError",
    "SerializationError",
    "ValidationException",
]

UNPROCESSABLE_ENTITY = 422
UNSUPPORTED_MEDIA_TYPE = 415


class ValidationException(Exception):
    """Base of the validation errors: ``errors()`` lists pydantic-style error dicts."""

    def __init__(self, errors: Sequence[Any]) -> None:
        super().__init__(errors)
        self._errors = errors

    def errors(self) -> Sequence[Any]:
        return self._errors

    def _detail(self) -> list[dict[str, Any]]:
        # Only where and what kind: the input value may be a secret or personal data.
        return [{"loc": error["loc"], "type": error["type"]} for error in self._errors]

    def _to_http_response(self, app: Any, route: Any) -> Response:
        """The response the resolver sends when no exception handler took this error."""
        return _error_response(UNPROCESSABLE_ENTITY, self._detail())


class RequestValidationError(ValidationException):
    """The request (path, query, headers, cookies or body) does not match the route's signature."""

    def __init__(self, errors: Sequence[Any], *, body: Any = None) -> None:
        super().__init__(errors)
        self.body = body


class ResponseValidationError(ValidationException):
    """The route's return value does not match its return annotation.

    Raised only when ``response_validation_error_http_code`` (resolver) or
    ``custom_response_validation_http_code`` (route) is set; otherwise, as upstream, the
    failure is reported as a ``RequestValidationError`` (422) located at ``response``.
    """

    def __init__(self, errors: Sequence[Any], *, body: Any = None, source: Literal["route", "app"] = "app") -> None:
        super().__init__(errors)
        self.body = body
        self.source = source

    def _to_http_response(self, app: Any, route: Any) -> Response:
        code = (route.openapi.get("custom_response_validation_http_code") if route is not None else None) or getattr(
            app, "_response_validation_error_http_code", None
        )
        return _error_response(int(code or UNPROCESSABLE_ENTITY), self._detail())


class SerializationError(Exception):
    """A value could not be turned into JSON."""


class SchemaValidationError(ValidationException):
    """A generated OpenAPI document is not valid."""


class OpenAPIMergeError(Exception):
    """Two OpenAPI documents being merged disagree."""


class RequestUnsupportedContentType(NotImplementedError, ValidationException):
    """The request body's Content-Type is none the validator can read (415)."""

    def __init__(self, msg: str, errors: Sequence[Any]) -> None:
        NotImplementedError.__init__(self, msg)
        self._errors = errors

    def _to_http_response(self, app: Any, route: Any) -> Response:
        return _error_response(UNSUPPORTED_MEDIA_TYPE, self._detail())


def _error_response(status_code: int, detail: list[dict[str, Any]]) -> Response:
    from powertools.event_handler.content_types import APPLICATION_JSON
    from powertools.event_handler.response import Response

    return Response(status_code, APPLICATION_JSON, {"statusCode": status_code, "detail": detail})
