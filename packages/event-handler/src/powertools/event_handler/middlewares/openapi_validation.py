"""Request and response validation against each route's signature (``enable_validation=True``).

The resolver puts ``OpenAPIRequestValidationMiddleware`` first in every validated route's chain
(user middlewares see validated arguments) and ``OpenAPIResponseValidationMiddleware`` last
(it checks what the route function itself returned). Each route's fields are read from its
signature on its first call, once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from powertools.event_handler.middlewares.base import BaseMiddlewareHandler, NextMiddleware
from powertools.event_handler.openapi.encoders import jsonable_encoder
from powertools.event_handler.openapi.exceptions import RequestValidationError, ResponseValidationError
from powertools.event_handler.openapi.fields import ModelField, is_sequence_annotation, missing_error
from powertools.event_handler.openapi.params import UploadFile
from powertools.event_handler.openapi.request_values import (
    body_values,
    header_values,
    multi_value_query_names,
    normalize_params,
    query_values,
)

if TYPE_CHECKING:
    from powertools.event_handler.openapi.dependant import Dependant
    from powertools.event_handler.response import Response

DEPENDENCY_VALUES_KEY = "_dependency_values"

__all__ = ["OpenAPIRequestValidationMiddleware", "OpenAPIResponseValidationMiddleware", "OpenAPIValidationMiddleware"]


def route_dependant(route: Any) -> Dependant:
    """The route's analysed signature, built on first use and kept on the route."""
    dependant = getattr(route, "_dependant", None)
    if dependant is None:
        from powertools.event_handler.openapi.dependant import get_dependant

        dependant = get_dependant(path=route.path, call=route.func)
        route._dependant = dependant
    return dependant


def _fields_to_values(
    fields: list[ModelField], received: Any, values: dict[str, Any], errors: list[dict[str, Any]]
) -> None:
    for field in fields:
        loc = (field.location, field.alias)
        value = received.get(field.alias)
        if value is None:
            _missing(field, loc, values, errors)
            continue
        validated, field_errors = field.validate(value, loc)
        values[field.name] = validated
        errors.extend(field_errors)


def _missing(field: ModelField, loc: tuple[Any, ...], values: dict[str, Any], errors: list[dict[str, Any]]) -> None:
    if field.required:
        errors.append(missing_error(loc))
    else:
        values[field.name] = field.get_default()


def _body_to_values(
    fields: list[ModelField], embedded: bool, received: Any, values: dict[str, Any], errors: list[dict[str, Any]]
) -> None:
    for field in fields:
        if not embedded:
            loc: tuple[Any, ...] = ("body",)
            value = received
        else:
            loc = ("body", field.alias)
            if received is None:
                value = None
            elif not hasattr(received, "get"):  # a JSON list or scalar where an object was expected
                errors.append(missing_error(loc))
                continue
            else:
                value = received.get(field.alias)
        if value is None:
            _missing(field, loc, values, errors)
            continue
        if isinstance(value, UploadFile) and field.annotation is bytes:
            value = value.content
        elif isinstance(value, list) and value and not is_sequence_annotation(field.annotation):
            value = value[0]  # form fields arrive as lists
        if isinstance(value, UploadFile):
            values[field.name] = value
            continue
        validated, field_errors = field.validate(value, loc)
        values[field.name] = validated
        errors.extend(field_errors)


class OpenAPIRequestValidationMiddleware(BaseMiddlewareHandler):
    """Validates path, query, header, cookie and body values; the route receives the converted values."""

    def handler(self, app: Any, next_middleware: NextMiddleware) -> Response:
        dependant = route_dependant(app.context["_route"])
        event = app.current_event
        values: dict[str, Any] = {}
        errors: list[dict[str, Any]] = []
        _fields_to_values(dependant.path_params, app.context.get("_route_args", {}), values, errors)
        if dependant.query_params:
            query = normalize_params(query_values(event), dependant.query_params, multi_value_query_names(event))
            _fields_to_values(dependant.query_params, query, values, errors)
        if dependant.header_params:
            headers, multi = header_values(event)
            _fields_to_values(
                dependant.header_params, normalize_params(headers, dependant.header_params, multi), values, errors
            )
        if dependant.cookie_params:
            _fields_to_values(dependant.cookie_params, event.resolved_cookies_field, values, errors)
        if dependant.body_params:
            _body_to_values(dependant.body_params, dependant.body_embedded, body_values(event), values, errors)
        if errors:
            raise RequestValidationError(errors)
        if dependant.dependency_names:
            # Depends() functions read their own request parameters from here (powertools.event_handler.depends).
            app.context[DEPENDENCY_VALUES_KEY] = values
            values = {name: value for name, value in values.items() if name not in dependant.dependency_names}
        app.context["_route_args"] = values
        return next_middleware(app)


class OpenAPIResponseValidationMiddleware(BaseMiddlewareHandler):
    """Validates and serializes the route's return value against its return annotation."""

    def __init__(
        self,
        validation_serializer: Callable[[Any], Any] | None = None,
        has_response_validation_error: bool = False,
    ) -> None:
        self._validation_serializer = validation_serializer
        self._has_response_validation_error = has_response_validation_error

    def handler(self, app: Any, next_middleware: NextMiddleware) -> Response:
        route = app.context["_route"]
        response = next_middleware(app)
        field = route_dependant(route).return_param
        if field is None:
            if response.is_json():
                response.body = jsonable_encoder(response.body, custom_serializer=self._validation_serializer)
            return response
        content = response.body
        if content == "" and field.annotation in (None, type(None)):
            content = None  # ALB turns a None body into "", but the route returned None
        value, errors = field.validate(content, ("response",))
        if errors:
            # The log names the failing fields, never the values (they may be personal data).
            import logging  # on the failure path only: logging costs milliseconds of cold start

            logging.getLogger("powertools.event_handler").error(
                "Response of route %s %s failed validation at %s",
                route.method,
                route.path,
                ", ".join(".".join(str(part) for part in error["loc"]) for error in errors),
            )
            if route.openapi.get("custom_response_validation_http_code") is not None:
                raise ResponseValidationError(errors, body=content, source="route")
            if self._has_response_validation_error:
                raise ResponseValidationError(errors, body=content, source="app")
            raise RequestValidationError(errors, body=content)
        response.body = field.serialize(value)
        return response


class OpenAPIValidationMiddleware(BaseMiddlewareHandler):
    """Request and response validation in one middleware (for ``middlewares=[...]`` on resolvers without it)."""

    def __init__(
        self,
        validation_serializer: Callable[[Any], Any] | None = None,
        has_response_validation_error: bool = False,
    ) -> None:
        self._request = OpenAPIRequestValidationMiddleware()
        self._response = OpenAPIResponseValidationMiddleware(validation_serializer, has_response_validation_error)

    def handler(self, app: Any, next_middleware: NextMiddleware) -> Response:
        def respond(app: Any) -> Response:
            return self._response.handler(app, next_middleware)

        respond.__name__ = getattr(next_middleware, "__name__", "next")
        return self._request.handler(app, respond)
