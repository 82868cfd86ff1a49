"""Dependency injection for route functions: ``Annotated[T, Depends(get_t)]`` parameters.

    def get_tenant(request: Request) -> str:
        return request.headers.get("x-tenant", "default")

    @app.get("/orders")
    def list_orders(tenant: Annotated[str, Depends(get_tenant)]) -> dict:
        return {"tenant": tenant}

A route's parameters are read once, on its first call, and only when its annotations name
``Depends`` or ``Request`` (``route.may_inject`` is a cheap scan the core runs when it builds a
route's chain); other routes never load this module. Dependencies are plain (sync) callables whose own
parameters may be ``Depends()`` or ``Request``; each is called once per request unless
``use_cache=False``, and ``app.dependency_overrides[fn] = other`` swaps one (for tests).
No pydantic here: dependency injection works with and without ``enable_validation``.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

if TYPE_CHECKING:
    from powertools.event_handler.api_gateway import ApiGatewayResolver

__all__ = [
    "DependencyResolutionError",
    "Depends",
    "injecting_call",
    "is_depends_annotation",
    "is_request_annotation",
    "middleware_plan",
]


class DependencyResolutionError(Exception):
    """A dependency could not be resolved: it raised (the original error is ``__cause__``) or is not callable.

    An ``exception_handler`` registered for the original error's class answers it, as if the route
    had raised it; one registered for ``DependencyResolutionError`` takes precedence.
    """

    # The core hands the cause to exception handlers (duck-typed: the core never imports this module).
    _handled_as_cause = True


class Depends:
    """Declares that a parameter's value is what ``dependency()`` returns: ``Annotated[T, Depends(fn)]``.

    ``use_cache=True`` (the default) calls ``dependency`` once per request however many parameters
    (of the route and of other dependencies) ask for it; ``False`` calls it for each one.
    """

    __slots__ = ("dependency", "use_cache")

    def __init__(self, dependency: Callable[..., Any], *, use_cache: bool = True) -> None:
        if not callable(dependency):
            raise DependencyResolutionError(
                f"Depends() requires a callable, got {type(dependency).__name__}: {dependency!r}"
            )
        self.dependency = dependency
        self.use_cache = use_cache

    def __repr__(self) -> str:
        name = getattr(self.dependency, "__name__", repr(self.dependency))
        return f"Depends({name}{'' if self.use_cache else ', use_cache=False'})"


# --- recognising the annotations ------------------------------------------------------------


def _without_none(annotation: Any) -> Any:
    """``X | None`` -> ``X`` (Python 3.10 adds ``Optional`` to a parameter whose default is None)."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def is_request_annotation(annotation: Any) -> bool:
    from powertools.event_handler.request import Request

    return _without_none(annotation) is Request


def is_depends_annotation(annotation: Any) -> Depends | None:
    """The ``Depends`` in ``Annotated[T, Depends(fn)]`` (or ``... | None``), else None."""
    annotation = _without_none(annotation)
    if get_origin(annotation) is Annotated:
        for item in get_args(annotation)[1:]:
            if isinstance(item, Depends):
                return item
    return None


# --- what to inject into one callable, read once --------------------------------------------


class _Plan:
    """The injected parameters of one callable: those typed ``Request`` and the ``Depends()`` ones."""

    __slots__ = ("dependencies", "request_params", "validated_params")

    def __init__(self) -> None:
        self.request_params: list[str] = []
        self.dependencies: list[tuple[str, Depends, _Plan]] = []
        # The other parameters: under enable_validation a dependency gets their validated values.
        self.validated_params: list[str] = []

    @property
    def empty(self) -> bool:
        return not self.request_params and not self.dependencies


def _plan_for(func: Callable[..., Any], building: tuple[Callable[..., Any], ...] = ()) -> _Plan:
    plan = _Plan()
    try:
        hints = typing.get_type_hints(func, include_extras=True)
    except Exception as exc:  # a NameError from a string annotation, most often
        name = getattr(func, "__qualname__", repr(func))
        raise DependencyResolutionError(f"cannot resolve the type hints of {name}: {exc}") from exc
    for name, annotation in hints.items():
        if name == "return":
            continue
        if is_request_annotation(annotation):
            plan.request_params.append(name)
            continue
        depends = is_depends_annotation(annotation)
        if depends is None:
            plan.validated_params.append(name)
            continue
        if depends.dependency in building or depends.dependency is func:
            chain = " -> ".join(getattr(item, "__name__", repr(item)) for item in (*building, func, depends.dependency))
            raise DependencyResolutionError(f"Circular dependency: {chain}")
        plan.dependencies.append((name, depends, _plan_for(depends.dependency, (*building, func))))
    return plan


def _solve(
    plan: _Plan, app: Any, overrides: dict[Callable[..., Any], Callable[..., Any]], cache: dict[Any, Any]
) -> dict[str, Any]:
    """The injected keyword arguments of one callable, calling its dependencies (depth first)."""
    values: dict[str, Any] = {}
    if plan.request_params:
        request = app.request
        for name in plan.request_params:
            values[name] = request
    for param_name, depends, sub_plan in plan.dependencies:
        dependency = depends.dependency
        if overrides and dependency in overrides:
            dependency = overrides[dependency]
            sub_plan = _plan_for(dependency)  # the replacement's own parameters, not the original's
        if depends.use_cache and dependency in cache:
            values[param_name] = cache[dependency]
            continue
        arguments = _solve(sub_plan, app, overrides, cache)
        if sub_plan.validated_params:
            validated = app.context.get(VALUES_KEY)
            if validated:
                for name in sub_plan.validated_params:
                    if name in validated:
                        arguments[name] = validated[name]
        try:
            value = dependency(**arguments)
        except Exception as exc:
            name = getattr(dependency, "__name__", repr(dependency))
            raise DependencyResolutionError(
                f"Failed to resolve dependency '{name}' for parameter '{param_name}': {exc}"
            ) from exc
        if depends.use_cache:
            cache[dependency] = value
        values[param_name] = value
    return values


# Set by the request validation middleware: every validated value, the dependencies' own included.
VALUES_KEY = "_dependency_values"
CACHE_KEY = "_dependency_cache"  # app.context key, set once a middleware resolved a dependency


def solve(plan: _Plan, app: Any) -> dict[str, Any]:
    """Resolve ``plan`` for the current request, sharing results with the middlewares that resolved some."""
    cache = app.context.get(CACHE_KEY)
    return _solve(plan, app, getattr(app, "dependency_overrides", None) or {}, {} if cache is None else cache)


class _MiddlewareInjection:
    """The Request and Depends() values of a function middleware (its parameters after ``app, next``)."""

    __slots__ = ("plan",)

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan

    def solve(self, app: Any) -> dict[str, Any]:
        cache = app.context.get(CACHE_KEY)
        if cache is None:
            cache = app.context[CACHE_KEY] = {}  # the route's dependencies reuse what middlewares resolved
        return _solve(self.plan, app, getattr(app, "dependency_overrides", None) or {}, cache)


def middleware_plan(middleware: Callable[..., Any]) -> _MiddlewareInjection | None:
    """What to inject into a function middleware, or None (class-based middlewares get nothing, as upstream)."""
    if not isinstance(middleware, types.FunctionType):
        return None
    if middleware not in _middleware_plans:  # async chains are rebuilt per request: read each signature once
        plan = _plan_for(middleware)
        _middleware_plans[middleware] = None if plan.empty else _MiddlewareInjection(plan)
    return _middleware_plans[middleware]


_middleware_plans: dict[Callable[..., Any], _MiddlewareInjection | None] = {}


# --- the route's last frame -----------------------------------------------------------------


class _InjectingCall:
    """Calls the route function with its path (or validated) values plus the injected ones."""

    __slots__ = ("func", "plan")

    def __init__(self, func: Callable[..., Any], plan: _Plan) -> None:
        self.func = func
        self.plan = plan

    @property
    def __name__(self) -> str:
        return getattr(self.func, "__name__", "route")

    def _arguments(self, app: ApiGatewayResolver) -> dict[str, Any]:
        arguments = dict(app.context.get("_route_args", {}))  # a copy: Request.path_parameters reads the original
        arguments.update(solve(self.plan, app))
        return arguments

    def __call__(self, app: ApiGatewayResolver) -> Any:
        return app._to_response(self.func(**self._arguments(app)))


class _AsyncInjectingCall(_InjectingCall):
    __slots__ = ()

    async def __call__(self, app: ApiGatewayResolver) -> Any:
        import inspect

        result = self.func(**self._arguments(app))
        if inspect.isawaitable(result):
            result = await result
        return app._to_response(result)


_route_plans: dict[Callable[..., Any], _Plan] = {}  # async chains are rebuilt per request; plans are not


def injecting_call(func: Callable[..., Any], is_async: bool = False) -> _InjectingCall | None:
    """The last frame of ``func``'s chain when it has injected parameters, else None."""
    plan = _route_plans.get(func)
    if plan is None:
        plan = _route_plans[func] = _plan_for(func)
    if plan.empty:
        return None
    return _AsyncInjectingCall(func, plan) if is_async else _InjectingCall(func, plan)
