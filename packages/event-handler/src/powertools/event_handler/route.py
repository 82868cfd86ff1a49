"""A registered route and the middleware chain that wraps its function."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from powertools.event_handler.api_gateway import ApiGatewayResolver

__all__ = ["MiddlewareFrame", "Route", "RouteOptions"]

Middleware = Callable[..., Any]


class RouteOptions:
    """What ``route(...)`` was given besides the rule and methods, as one value to pass around.

    A plain class, not a dataclass: ``dataclasses`` imports ``inspect``, a cold-start cost.
    ``openapi`` holds summary, tags, ... as given; no OpenAPI document is generated yet.
    """

    __slots__ = ("cache_control", "compress", "cors", "middlewares", "openapi", "status_code")

    def __init__(
        self,
        cors: bool | None,
        compress: bool,
        cache_control: str | None,
        status_code: int,
        middlewares: tuple[Middleware, ...],
        openapi: dict[str, Any],
    ) -> None:
        self.cors = cors
        self.compress = compress
        self.cache_control = cache_control
        self.status_code = status_code
        self.middlewares = middlewares
        self.openapi = openapi


class Route:
    """One (method, rule) -> function registration with its per-route settings.

    The OpenAPI fields (summary, tags, ...) are stored as given; nothing reads them yet.
    """

    def __init__(
        self,
        method: str,
        path: str,
        func: Callable[..., Any],
        cors: bool,
        compress: bool,
        cache_control: str | None = None,
        middlewares: list[Middleware] | None = None,
        status_code: int = 200,
        openapi: dict[str, Any] | None = None,
    ) -> None:
        self.method = method.upper()
        self.path = path
        self.func = func
        self.cors = cors
        self.compress = compress
        self.cache_control = cache_control
        self.middlewares = list(middlewares or [])
        self.status_code = status_code
        self.openapi = openapi or {}
        # Most routes set none of these; the response builder skips its checks for them.
        self.adjusts_response = bool(cors or compress or cache_control)
        self._stack: Callable[[Any], Any] | None = None
        self._stack_generation = -1
        self._dependant: Any = None  # the analysed signature, built by validation or OpenAPI on first use

    def __repr__(self) -> str:
        return f"Route({self.method} {self.path} -> {getattr(self.func, '__name__', self.func)!r})"

    def __call__(
        self, router_middlewares: list[Middleware], app: ApiGatewayResolver, route_arguments: dict[str, str]
    ) -> Any:
        """Run the route through its middleware chain (built once, rebuilt after ``app.use``)."""
        generation = app._middleware_generation
        if self._stack is None or self._stack_generation != generation:
            self._stack = self._build_stack(router_middlewares, app._validation_frames(self))
            self._stack_generation = generation
        app.context["_route_args"] = route_arguments
        return self._stack(app)

    def _chain(
        self, router_middlewares: list[Middleware], validation: tuple[Middleware, Middleware] | None
    ) -> list[Middleware]:
        # Request validation first (middlewares see validated arguments), then global middlewares,
        # the route's own, and response validation right around the function itself.
        if validation is None:
            return [*router_middlewares, *self.middlewares]
        return [validation[0], *router_middlewares, *self.middlewares, validation[1]]

    def _build_stack(
        self, router_middlewares: list[Middleware], validation: tuple[Middleware, Middleware] | None = None
    ) -> Callable[[Any], Any]:
        stack: Callable[[Any], Any] = _last_frame(self.func, is_async=False)
        for middleware in reversed(self._chain(router_middlewares, validation)):
            stack = MiddlewareFrame(middleware, stack)
        return stack

    async def call_async(
        self, router_middlewares: list[Middleware], app: ApiGatewayResolver, route_arguments: dict[str, str]
    ) -> Any:
        """Async twin of ``__call__``: async middlewares are awaited, sync ones run in a worker thread."""
        app.append_context(_route_args=route_arguments)
        stack: Callable[[Any], Any] = _last_frame(self.func, is_async=True)
        for middleware in reversed(self._chain(router_middlewares, app._validation_frames(self))):
            stack = AsyncMiddlewareFrame(middleware, stack)
        return await stack(app)


def may_inject(func: Callable[..., Any]) -> bool:
    """A cheap look at ``func``'s annotations: could it have ``Depends()`` or ``Request`` parameters?

    Import-free, so routes without either never load the dependency-injection module. A false
    positive costs one closer look; string annotations naming either word answer True.
    """
    annotations = getattr(func, "__annotations__", None)
    if not annotations or not isinstance(annotations, dict):
        return False
    for name, annotation in annotations.items():
        if name == "return":
            continue
        if isinstance(annotation, str):
            if "Depends" in annotation or "Request" in annotation:
                return True
            continue
        metadata = getattr(annotation, "__metadata__", None)
        if metadata is not None and any(type(item).__name__ == "Depends" for item in metadata):
            return True
        candidates = (annotation, *(getattr(annotation, "__args__", None) or ()))
        if any(getattr(candidate, "__name__", None) == "Request" for candidate in candidates):
            return True
    return False


def _last_frame(func: Callable[..., Any], is_async: bool) -> Callable[[Any], Any]:
    """The frame that calls the route function; it also injects Depends()/Request values when asked to."""
    if may_inject(func):
        from powertools.event_handler.depends import injecting_call

        frame = injecting_call(func, is_async)
        if frame is not None:
            return frame
    return _CallRouteAsync(func) if is_async else _CallRoute(func)


class _CallRoute:
    """The last frame: call the function with the path values and normalise its result to a Response."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[..., Any]) -> None:
        self.func = func

    @property
    def __name__(self) -> str:
        return getattr(self.func, "__name__", "route")

    def __call__(self, app: ApiGatewayResolver) -> Any:
        return app._to_response(self.func(**app.context.get("_route_args", {})))


class _CallRouteAsync(_CallRoute):
    async def __call__(self, app: ApiGatewayResolver) -> Any:
        import inspect

        result = self.func(**app.context.get("_route_args", {}))
        if inspect.isawaitable(result):
            result = await result
        return app._to_response(result)


class MiddlewareFrame:
    """One middleware and what comes after it; calling the frame runs ``middleware(app, next)``."""

    __slots__ = ("current_middleware", "injected", "next_middleware")

    def __init__(self, current_middleware: Middleware, next_middleware: Callable[[Any], Any]) -> None:
        self.current_middleware = current_middleware
        self.next_middleware = next_middleware
        # A function middleware may declare Request and Depends() parameters too (class-based ones may not).
        self.injected: Any = None
        if may_inject(current_middleware):
            from powertools.event_handler.depends import middleware_plan

            self.injected = middleware_plan(current_middleware)

    @property
    def __name__(self) -> str:
        return str(getattr(self.current_middleware, "__name__", type(self.current_middleware).__name__))

    def __str__(self) -> str:
        following = getattr(self.next_middleware, "__name__", "?")
        return f"[{self.__name__}] next call chain is {self.__name__} -> {following}"

    def __call__(self, app: ApiGatewayResolver) -> Any:
        if app._debug:
            app._push_processed_stack_frame(str(self))
        if self.injected is None:
            result = self.current_middleware(app, self.next_middleware)
        else:
            result = self.current_middleware(app, self.next_middleware, **self.injected.solve(app))
        # A middleware that answers early may return a dict or tuple like a route does.
        return app._to_response(result)


class AsyncMiddlewareFrame(MiddlewareFrame):
    __slots__ = ()

    async def __call__(self, app: ApiGatewayResolver) -> Any:
        import asyncio
        import inspect

        if app._debug:
            app._push_processed_stack_frame(str(self))
        middleware = self.current_middleware
        handler = getattr(middleware, "handler", middleware)
        injected = {} if self.injected is None else self.injected.solve(app)
        if inspect.iscoroutinefunction(middleware) or inspect.iscoroutinefunction(handler):
            return app._to_response(await middleware(app, self.next_middleware, **injected))
        # A sync middleware calls next_middleware(app) and expects a Response back, so it runs in a
        # worker thread while the rest of the chain runs on the event loop.
        loop = asyncio.get_running_loop()
        following = self.next_middleware

        def sync_next(app: ApiGatewayResolver) -> Any:
            return asyncio.run_coroutine_threadsafe(following(app), loop).result()

        sync_next.__name__ = getattr(following, "__name__", "next")
        return app._to_response(await asyncio.to_thread(middleware, app, sync_next, **injected))
