"""REST routing for API Gateway (REST and HTTP APIs) and ALB; the base every HTTP resolver builds on.

app = APIGatewayRestResolver()

@app.get("/todos/<todo_id>")
def get_todo(todo_id: str) -> dict:
    return {"id": todo_id}

def lambda_handler(event, context):
    return app.resolve(event, context)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from powertools.common.encoder import Encoder
from powertools.common.events.proxy import BaseProxyEvent
from powertools.common.exceptions import InvalidEventError
from powertools.event_handler import content_types
from powertools.event_handler.base_router import AnyCallableT, BaseRouter, Middleware, Router, checked_status_code
from powertools.event_handler.cors import CORSConfig
from powertools.event_handler.debug_output import debug_enabled, redacted
from powertools.event_handler.exceptions import NotFoundError, ServiceError, ValidationConfigurationError
from powertools.event_handler.header_bound import MAX_HEADER_BYTES, header_bytes
from powertools.event_handler.openapi.api import OpenAPIMixin
from powertools.event_handler.proxy_event_type import ProxyEventType, event_class
from powertools.event_handler.response import Response
from powertools.event_handler.response_builder import ResponseBuilder
from powertools.event_handler.route import Route, RouteOptions
from powertools.event_handler.route_table import RouteTable
from powertools.event_handler.serializer import compact_json_serializer

if TYPE_CHECKING:
    from powertools.common.typing import LambdaContext

__all__ = [
    "ALBResolver",
    "APIGatewayHttpResolver",
    "APIGatewayRestResolver",
    "ApiGatewayResolver",
    "BaseRouter",
    "CORSConfig",
    "ProxyEventType",
    "Response",
    "ResponseBuilder",
    "Route",
    "Router",
]


def _name_route(exc: BaseException, route: Any, where: str) -> None:
    """Say which route raised, without changing the exception's type (alarms match on it)."""
    add_note = getattr(exc, "add_note", None)  # Python 3.11+
    if add_note is not None:
        add_note(f"raised by route {route.method} {route.path}" + (f" {where}" if where else ""))


class ApiGatewayResolver(BaseRouter, OpenAPIMixin):
    """Routes HTTP proxy events to functions and builds the integration's response.

    Parameters
    ----------
    proxy_type: which integration's events to expect (API Gateway REST by default)
    cors: CORS for every route (routes can opt out with ``cors=False``)
    debug: pretty event output and tracebacks in 500 bodies; default from
        POWERTOOLS_EVENT_HANDLER_DEBUG or POWERTOOLS_DEV. Never enable in production.
    serializer: turns JSON bodies into text; compact ``json.dumps`` with powertools' Encoder by default
    strip_prefixes: path prefixes (strings or compiled regexes) removed before routing
    enable_validation: validate requests and responses against each route's type hints (needs the
        ``validation`` extra, pydantic v2); failures answer 422 with the errors' locations
    response_validation_error_http_code: status for a return value that fails validation
        (``ResponseValidationError``); without it such failures answer 422 like upstream
    json_body_deserializer: parses ``current_event.json_body``; ``json.loads`` by default
    """

    _proxy_event_type: ProxyEventType = ProxyEventType.APIGatewayProxyEvent
    _trailing_slashes = False

    def __init__(
        self,
        proxy_type: ProxyEventType | None = None,
        cors: CORSConfig | None = None,
        debug: bool | None = None,
        serializer: Callable[[Any], str] | None = None,
        strip_prefixes: list[str | re.Pattern[str]] | None = None,
        enable_validation: bool = False,
        response_validation_error_http_code: int | None = None,
        json_body_deserializer: Callable[[str], Any] | None = None,
    ) -> None:
        if response_validation_error_http_code is not None and not enable_validation:
            raise ValidationConfigurationError(
                "'response_validation_error_http_code' cannot be set when enable_validation is False."
            )
        self._enable_validation = enable_validation
        self._response_validation_error_http_code = checked_status_code(response_validation_error_http_code)
        self._validation_middlewares: tuple[Middleware, Middleware] | None = None
        self._proxy_type = proxy_type or self._proxy_event_type
        self._event_class = event_class(self._proxy_type)
        self._routes: RouteTable[Route] = RouteTable(trailing_slashes=self._trailing_slashes)
        self._route_list: list[Route] = []  # registration order, for the OpenAPI document
        self._route_keys: set[str] = set()
        self._cors = cors
        self._cors_enabled = cors is not None
        self._cors_methods: set[str] = {"OPTIONS"}
        self._debug = debug_enabled(debug)
        self._strip_prefixes = list(strip_prefixes) if strip_prefixes else None
        self._json_body_deserializer = json_body_deserializer
        self._router_middlewares: list[Middleware] = []
        self._middleware_generation = 0
        self._exception_handlers: dict[type[BaseException], Callable[..., Any]] = {}
        # Depends() replacements, for tests: app.dependency_overrides[get_db] = get_test_db
        self.dependency_overrides: dict[Callable[..., Any], Callable[..., Any]] = {}
        self.context: dict[str, Any] = {}
        self.processed_stack_frames: list[str] = []
        self._current_event: BaseProxyEvent | None = None
        self._lambda_context: LambdaContext | None = None
        self._custom_serializer = serializer
        self._serializer: Callable[[Any], str] = serializer or compact_json_serializer()

    # --- request state ----------------------------------------------------------------------

    @property
    def current_event(self) -> Any:
        """The event being resolved, as this integration's event class."""
        if self._current_event is None:
            raise RuntimeError("current_event is only available while app.resolve() is handling an event")
        return self._current_event

    @current_event.setter
    def current_event(self, value: BaseProxyEvent) -> None:
        self._current_event = value

    @property
    def lambda_context(self) -> LambdaContext:
        if self._lambda_context is None:
            raise RuntimeError("lambda_context is only available while app.resolve() is handling an event")
        return self._lambda_context

    @lambda_context.setter
    def lambda_context(self, value: LambdaContext) -> None:
        self._lambda_context = value

    def use(self, middlewares: list[Middleware]) -> None:
        super().use(middlewares)
        self._middleware_generation += 1  # routes rebuild their chains on next call

    def _validation_frames(self, route: Route) -> tuple[Middleware, Middleware] | None:
        """The (request, response) validation middlewares for ``route``, or None when it isn't validated.

        The one place the core reaches validation: the middleware module (and pydantic) loads here,
        on a validated route's first call.
        """
        enabled = route.openapi.get("enable_validation")
        if not (self._enable_validation if enabled is None else enabled):
            return None
        if self._validation_middlewares is None:
            from powertools.event_handler.openapi.requirements import require_pydantic

            require_pydantic("enable_validation")
            from powertools.event_handler.middlewares.openapi_validation import (
                OpenAPIRequestValidationMiddleware,
                OpenAPIResponseValidationMiddleware,
            )

            self._validation_middlewares = (
                OpenAPIRequestValidationMiddleware(),
                OpenAPIResponseValidationMiddleware(
                    validation_serializer=self._custom_serializer,
                    has_response_validation_error=self._response_validation_error_http_code is not None,
                ),
            )
        return self._validation_middlewares

    def _push_processed_stack_frame(self, frame: str) -> None:
        self.processed_stack_frames.append(frame)

    # --- registration -----------------------------------------------------------------------

    def _register_route(
        self, rule: str, methods: tuple[str, ...], options: RouteOptions
    ) -> Callable[[AnyCallableT], AnyCallableT]:
        if options.openapi.get("custom_response_validation_http_code") is not None and not self._enable_validation:
            raise ValidationConfigurationError(
                "'custom_response_validation_http_code' cannot be set for route when enable_validation is False "
                "on resolver."
            )

        def register(func: AnyCallableT) -> AnyCallableT:
            cors_enabled = self._cors_enabled if options.cors is None else options.cors
            for item in methods:
                http_method = item.upper()
                route = Route(
                    http_method,
                    rule,
                    func,
                    cors_enabled,
                    options.compress,
                    options.cache_control,
                    list(options.middlewares),
                    options.status_code,
                    options.openapi,
                )
                self._warn_duplicate(http_method, rule)
                self._routes.add(http_method, rule, route)
                self._route_list.append(route)
                if cors_enabled:
                    self._cors_methods.add(http_method)
            return func

        return register

    def _warn_duplicate(self, method: str, rule: str) -> None:
        key = f"{method} {rule}"
        if key in self._route_keys:
            import warnings

            warnings.warn(
                f"A route like this was already registered. method: '{method}' rule: '{rule}'",
                stacklevel=4,
            )
        self._route_keys.add(key)

    def include_router(self, router: Router, prefix: str | None = None) -> None:
        """Add a Router's routes (under ``prefix``), middlewares, exception handlers and context."""
        self.context.update(**router._context)
        router.api_resolver = self
        if router._router_middlewares:
            self.use(router._router_middlewares)
        self._exception_handlers.update(router._exception_handlers)
        for rule, methods, options, func in router._registrations:
            if prefix:
                rule = prefix if rule == "/" else f"{prefix}{rule}"
            self._register_route(rule, methods, options)(func)

    # --- resolution -------------------------------------------------------------------------

    def __call__(self, event: Mapping[str, Any], context: LambdaContext) -> dict[str, Any]:
        return self.resolve(event, context)

    def _prepare(self, event: Mapping[str, Any], context: LambdaContext) -> None:
        if type(event) is not dict and isinstance(event, BaseProxyEvent):  # the ABC check is slow
            import warnings

            warnings.warn(
                "You don't need to serialize event to Event Source Data Class when using Event Handler; "
                "see issue #1152",
                stacklevel=3,
            )
            event = event.raw_event  # an already-wrapped event still works
        if self._debug:
            # One line: CloudWatch turns every printed line into its own log event.
            print(json.dumps(redacted(event), separators=(",", ":"), cls=Encoder, default=str))
        self._current_event = self._to_proxy_event(event)
        self._lambda_context = context
        if self._debug:
            self.processed_stack_frames = []

    def resolve(self, event: Mapping[str, Any], context: LambdaContext) -> dict[str, Any]:
        """Route ``event`` to its function and return the integration's response dict.

        Raises InvalidEventError when the event is not this integration's HTTP event.
        """
        self._prepare(event, context)
        try:
            too_large = self._reject_oversized()
            if too_large is not None:
                return too_large
            method, path = self._method_and_path()
            found = self._routes.match(method, path)
            if found is None:
                builder = self._call_route(self._not_found_route(method, path), {})
            else:
                route, arguments = found
                self.context["_route"], self.context["_path"] = route, path
                builder = self._call_route(route, arguments)
            response = self._build_response(builder)
        finally:
            self.clear_context()
        if self._debug:
            self._print_processed_stack()
        return response

    async def resolve_async(self, event: Mapping[str, Any], context: LambdaContext) -> dict[str, Any]:
        """``resolve`` for apps with ``async def`` routes or middlewares: ``asyncio.run(app.resolve_async(...))``."""
        self._prepare(event, context)
        try:
            too_large = self._reject_oversized()
            if too_large is not None:
                return too_large
            method, path = self._method_and_path()
            found = self._routes.match(method, path)
            if found is None:
                builder = await self._call_route_async(self._not_found_route(method, path), {})
            else:
                route, arguments = found
                self.append_context(_route=route, _path=path)
                builder = await self._call_route_async(route, arguments)
            response = self._build_response(builder)
        finally:
            self.clear_context()
        self._print_processed_stack()
        return response

    def _print_processed_stack(self) -> None:
        if self._debug and self.processed_stack_frames:
            print("\nProcessed Middlewares:\n" + "\n".join(self.processed_stack_frames))

    def _to_proxy_event(self, event: Mapping[str, Any]) -> BaseProxyEvent:
        return self._event_class(event, self._json_body_deserializer)

    def _method_and_path(self) -> tuple[str, str]:
        event: BaseProxyEvent = self._current_event  # type: ignore[assignment]  # set by _prepare
        method = event.http_method
        path = event.path
        if not isinstance(method, str) or not isinstance(path, str):
            raise InvalidEventError(f"{type(event).__name__} has a non-string HTTP method or path", field="path")
        return method.upper(), (self._remove_prefix(path) if self._strip_prefixes else path)

    def _reject_oversized(self) -> dict[str, Any] | None:
        raw = self._current_event._data  # type: ignore[union-attr]  # set by _prepare
        # REST and ALB send each header in both maps, the single map keeping only the last value
        # of a repeated header: the larger of the two is the request's size (adding them would
        # count every header twice; taking the single map alone misses 1,000 repeats of one header).
        size = max(header_bytes(raw.get("headers")), header_bytes(raw.get("multiValueHeaders")))
        if size <= MAX_HEADER_BYTES:
            return None
        body = {"statusCode": 431, "message": f"Request headers too large: {size} bytes, limit {MAX_HEADER_BYTES}"}
        return self._build_response(
            ResponseBuilder(Response(431, content_types.APPLICATION_JSON, body), self._serializer)
        )

    def _remove_prefix(self, path: str) -> str:
        if not self._strip_prefixes:
            return path
        for prefix in self._strip_prefixes:
            if isinstance(prefix, str):
                if path == prefix:
                    return "/"
                if prefix and path.startswith(f"{prefix}/"):
                    return path[len(prefix) :]
            elif isinstance(prefix, re.Pattern):
                path = prefix.sub("", path)
                if not path:
                    return "/"
            # anything else is skipped, as upstream does
        return path

    def _not_found_route(self, method: str, path: str) -> Route:
        def not_found_handler() -> Response:
            if self._cors and method == "OPTIONS":
                # A CORS preflight: answer it with the methods CORS-enabled routes accept.
                allow = {"Access-Control-Allow-Methods": CORSConfig.build_allow_methods(self._cors_methods)}
                return Response(status_code=204, content_type=None, headers=allow, body="")
            handler = self._lookup_exception_handler(NotFoundError)
            if handler is not None:
                return self._to_response(handler(NotFoundError()))
            return Response(
                status_code=404,
                content_type=content_types.APPLICATION_JSON,
                body={"statusCode": 404, "message": "Not found"},
            )

        route = Route(method, ".*", not_found_handler, cors=self._cors_enabled, compress=False)
        self.append_context(_route=route, _path=path)
        return route

    def _call_route(self, route: Route, arguments: dict[str, str]) -> ResponseBuilder:
        try:
            # Every frame of the chain already returns _to_response(...), so this is a Response.
            response = route(self._router_middlewares, self, arguments)
            return ResponseBuilder(response, self._serializer, route)
        except Exception as exc:
            return self._handle_exception(exc, route)

    async def _call_route_async(self, route: Route, arguments: dict[str, str]) -> ResponseBuilder:
        try:
            result = await route.call_async(self._router_middlewares, self, arguments)
            return ResponseBuilder(self._to_response(result), self._serializer, route)
        except Exception as exc:
            return self._handle_exception(exc, route)

    def _lookup_exception_handler(self, exc_type: type[BaseException]) -> Callable[..., Any] | None:
        if not self._exception_handlers:
            return None
        for cls in exc_type.__mro__:
            handler = self._exception_handlers.get(cls)
            if handler is not None:
                return handler
        return None

    def _handle_exception(self, exc: Exception, route: Route) -> ResponseBuilder:
        raised = exc
        if getattr(exc, "_handled_as_cause", False) and type(exc) not in self._exception_handlers:
            # A Depends() function failed: handle what it raised as if the route had raised it.
            cause = exc.__cause__
            exc = cause if isinstance(cause, Exception) else exc
        handler = self._lookup_exception_handler(type(exc))
        if handler is not None:
            try:
                return ResponseBuilder(self._to_response(handler(exc)), self._serializer, route)
            except ServiceError as raised_by_handler:
                exc = raised_by_handler
            except Exception as raised_by_handler:
                _name_route(raised_by_handler, route, "in its exception handler")
                raise
        to_http_response = getattr(exc, "_to_http_response", None)  # the OpenAPI validation errors
        if to_http_response is not None:
            return ResponseBuilder(to_http_response(self, route), self._serializer, route)
        if isinstance(exc, ServiceError):
            body = {"statusCode": exc.status_code, "message": exc.msg}
            return ResponseBuilder(
                Response(exc.status_code, content_types.APPLICATION_JSON, body), self._serializer, route
            )
        if isinstance(exc, InvalidEventError):
            # The client sent a body that isn't valid base64 or JSON (or is nested too deeply): their error.
            body = {"statusCode": 400, "message": str(exc)}
            return ResponseBuilder(Response(400, content_types.APPLICATION_JSON, body), self._serializer, route)
        if self._debug:
            import logging  # loaded on the error path only: logging costs milliseconds of cold start
            import traceback

            logging.getLogger("powertools.event_handler").error(
                "Unhandled exception in route %s %s", route.method, route.path, exc_info=exc
            )
            text = "".join(traceback.format_exception(exc))
            return ResponseBuilder(Response(500, content_types.TEXT_PLAIN, text), self._serializer, route)
        # As upstream: unhandled errors leave resolve() so Lambda's Errors metric, alarms,
        # retries and X-Ray faults see them. Register exception_handler(Exception) for a JSON 500.
        _name_route(raised, route, "")
        raise raised

    def _to_response(self, result: Any) -> Response:
        """dict/list/str/bytes -> 200 JSON (or the route's status_code); (body, status) tuples too."""
        if isinstance(result, Response):
            return result
        if isinstance(result, tuple) and len(result) == 2:
            body, status_code = result
        else:
            route = self.context.get("_route")
            body, status_code = result, (route.status_code if route is not None else 200)
        return Response(status_code, content_types.APPLICATION_JSON, body)  # positional: no kwargs dict per request

    def _build_response(self, builder: ResponseBuilder) -> dict[str, Any]:
        try:
            return builder.build(self._current_event, self._cors)  # type: ignore[arg-type]  # set by _prepare
        except Exception as exc:  # e.g. a return value the serializer can't encode
            if builder.route is not None:
                _name_route(exc, builder.route, "while serializing its response")
            raise


class APIGatewayRestResolver(ApiGatewayResolver):
    """API Gateway REST API (payload 1.0). Trailing slashes in rules and paths are ignored."""

    _proxy_event_type = ProxyEventType.APIGatewayProxyEvent
    _trailing_slashes = True


class APIGatewayHttpResolver(ApiGatewayResolver):
    """API Gateway HTTP API (payload 2.0)."""

    _proxy_event_type = ProxyEventType.APIGatewayProxyEventV2


class ALBResolver(ApiGatewayResolver):
    """Application Load Balancer targets, with or without multi-value headers."""

    _proxy_event_type = ProxyEventType.ALBEvent

    def __init__(
        self,
        cors: CORSConfig | None = None,
        debug: bool | None = None,
        serializer: Callable[[Any], str] | None = None,
        strip_prefixes: list[str | re.Pattern[str]] | None = None,
        enable_validation: bool = False,
        response_validation_error_http_code: int | None = None,
        json_body_deserializer: Callable[[str], Any] | None = None,
        decode_query_parameters: bool = False,
    ) -> None:
        super().__init__(
            None,
            cors,
            debug,
            serializer,
            strip_prefixes,
            enable_validation,
            response_validation_error_http_code,
            json_body_deserializer,
        )
        self.decode_query_parameters = decode_query_parameters

    def _to_proxy_event(self, event: Mapping[str, Any]) -> BaseProxyEvent:
        proxy_event = super()._to_proxy_event(event)
        if hasattr(proxy_event, "decode_query_parameters"):
            proxy_event.decode_query_parameters = self.decode_query_parameters
        return proxy_event

    def _to_response(self, result: Any) -> Response:
        # ALB answers 502 to a Response with a null body, so send an empty one instead.
        if isinstance(result, Response) and result.body is None:
            result.body = ""
        return super()._to_response(result)
