"""Route registration shared by every HTTP resolver and ``Router`` (``route``, the method decorators,
middlewares), and ``Router`` itself: routes kept until ``app.include_router``."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from powertools.event_handler.exceptions import NotFoundError, ValidationConfigurationError
from powertools.event_handler.route import RouteOptions

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from powertools.common.typing import LambdaContext
    from powertools.event_handler.api_gateway import ApiGatewayResolver
    from powertools.event_handler.request import Request

__all__ = ["AnyCallableT", "BaseRouter", "Middleware", "Router", "checked_status_code"]

AnyCallableT = TypeVar("AnyCallableT", bound=Callable[..., Any])
Middleware = Callable[..., Any]


class BaseRouter(ABC):
    """Route registration shared by resolvers and ``Router``: the method decorators and middlewares.

    ``route`` is declared once, here; a resolver registers routes at once and a ``Router``
    keeps them until ``include_router`` (``_register_route``).
    """

    _router_middlewares: list[Middleware]
    _exception_handlers: dict[type[BaseException], Callable[..., Any]]
    context: dict[str, Any]

    def route(
        self,
        rule: str,
        method: str | Sequence[str],
        cors: bool | None = None,
        compress: bool = False,
        cache_control: str | None = None,
        summary: str | None = None,
        description: str | None = None,
        responses: dict[int, Any] | None = None,
        response_description: str | None = None,
        tags: list[str] | None = None,
        operation_id: str | None = None,
        include_in_schema: bool = True,
        security: list[dict[str, list[str]]] | None = None,
        openapi_extensions: dict[str, Any] | None = None,
        deprecated: bool = False,
        enable_validation: bool | None = None,
        custom_response_validation_http_code: int | None = None,
        status_code: int = 200,
        middlewares: list[Middleware] | None = None,
    ) -> Callable[[AnyCallableT], AnyCallableT]:
        """Register a function for ``rule`` and one or more HTTP methods.

        ``rule`` is a path in which ``<name>`` captures one segment and is passed to the
        function as the keyword argument ``name``; it may use regular-expression syntax
        (``/static/.+``) for catch-all routes.
        """
        if not isinstance(rule, str):
            raise TypeError(f"route rule must be a str, got {type(rule).__name__}")
        openapi: dict[str, Any] = {
            key: value
            for key, value in (
                ("summary", summary),
                ("description", description),
                ("responses", responses),
                ("response_description", response_description),
                ("tags", tags),
                ("operation_id", operation_id),
                ("security", security),
                ("openapi_extensions", openapi_extensions),
                ("enable_validation", enable_validation),
                ("custom_response_validation_http_code", checked_status_code(custom_response_validation_http_code)),
            )
            if value is not None
        }
        openapi["include_in_schema"] = include_in_schema
        openapi["deprecated"] = deprecated
        methods = (method,) if isinstance(method, str) else tuple(method)
        options = RouteOptions(cors, compress, cache_control, status_code, tuple(middlewares or ()), openapi)
        return self._register_route(rule, methods, options)

    @abstractmethod
    def _register_route(
        self, rule: str, methods: tuple[str, ...], options: RouteOptions
    ) -> Callable[[AnyCallableT], AnyCallableT]:
        """The decorator that records ``rule`` for ``methods`` with ``options``."""

    def _method_route(self, method: str, rule: str, **options: Any) -> Callable[[AnyCallableT], AnyCallableT]:
        return self.route(rule, method, **options)

    def get(self, rule: str, **options: Any) -> Callable[[AnyCallableT], AnyCallableT]:
        """Register a GET route; options as for ``route`` (cors, compress, cache_control, middlewares, ...)."""
        return self._method_route("GET", rule, **options)

    def post(self, rule: str, **options: Any) -> Callable[[AnyCallableT], AnyCallableT]:
        return self._method_route("POST", rule, **options)

    def put(self, rule: str, **options: Any) -> Callable[[AnyCallableT], AnyCallableT]:
        return self._method_route("PUT", rule, **options)

    def delete(self, rule: str, **options: Any) -> Callable[[AnyCallableT], AnyCallableT]:
        return self._method_route("DELETE", rule, **options)

    def patch(self, rule: str, **options: Any) -> Callable[[AnyCallableT], AnyCallableT]:
        return self._method_route("PATCH", rule, **options)

    def head(self, rule: str, **options: Any) -> Callable[[AnyCallableT], AnyCallableT]:
        return self._method_route("HEAD", rule, **options)

    def use(self, middlewares: list[Middleware]) -> None:
        """Add middlewares that run, in this order, around every route."""
        self._router_middlewares = [*self._router_middlewares, *middlewares]

    def append_context(self, **additional_context: Any) -> None:
        """Share values between middlewares and routes for the current request (cleared after it)."""
        self.context.update(**additional_context)

    def clear_context(self) -> None:
        self.context.clear()

    def exception_handler(
        self, exc_class: type[BaseException] | list[type[BaseException]]
    ) -> Callable[[AnyCallableT], AnyCallableT]:
        """Register a function that turns an exception (and its subclasses) into a response."""

        def register(func: AnyCallableT) -> AnyCallableT:
            for cls in exc_class if isinstance(exc_class, list) else [exc_class]:
                self._exception_handlers[cls] = func
            return func

        return register

    def not_found(self, func: AnyCallableT | None = None) -> Any:
        """Register the function that answers requests no route matches (receives a NotFoundError)."""
        if func is None:
            return self.exception_handler(NotFoundError)
        return self.exception_handler(NotFoundError)(func)

    @property
    def request(self) -> Request:
        """The request being resolved (route, path values, headers, ...), for middlewares; RuntimeError outside one."""
        from powertools.event_handler.request import current_request

        return current_request(self)


def checked_status_code(code: int | None) -> int | None:
    """An HTTP status code given as an int or ``HTTPStatus``; ValidationConfigurationError for anything else."""
    if code is None:
        return None
    if isinstance(code, int) and 100 <= int(code) <= 599:
        return int(code)
    raise ValidationConfigurationError(f"'{code}' must be an integer representing an HTTP status code.")


class Router(BaseRouter):
    """Routes defined in another module, added to the app with ``app.include_router(router, prefix=...)``.

    After inclusion ``router.current_event``, ``router.lambda_context`` and
    ``router.context`` are the app's.
    """

    def __init__(self) -> None:
        self._registrations: list[tuple[str, tuple[str, ...], RouteOptions, Callable[..., Any]]] = []
        self._router_middlewares: list[Middleware] = []
        self._exception_handlers: dict[type[BaseException], Callable[..., Any]] = {}
        self._context: dict[str, Any] = {}
        self.api_resolver: ApiGatewayResolver | None = None

    def _resolver(self, attribute: str) -> ApiGatewayResolver:
        if self.api_resolver is None:
            raise RuntimeError(f"router.{attribute} is available once the router is added with app.include_router()")
        return self.api_resolver

    @property
    def current_event(self) -> Any:
        return self._resolver("current_event").current_event

    @property
    def lambda_context(self) -> LambdaContext:
        return self._resolver("lambda_context").lambda_context

    @property
    def context(self) -> dict[str, Any]:
        return self.api_resolver.context if self.api_resolver is not None else self._context

    @context.setter
    def context(self, value: dict[str, Any]) -> None:
        if self.api_resolver is not None:
            self.api_resolver.context = value
        else:
            self._context = value

    def _register_route(
        self, rule: str, methods: tuple[str, ...], options: RouteOptions
    ) -> Callable[[AnyCallableT], AnyCallableT]:
        def register(func: AnyCallableT) -> AnyCallableT:
            self._registrations.append((rule, methods, options, func))
            return func

        return register
