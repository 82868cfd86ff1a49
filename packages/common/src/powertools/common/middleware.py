"""Build handler decorators ("middlewares") from plain functions.

@lambda_handler_decorator
def log_event(handler, event, context):
    print(event)
    return handler(event, context)

@lambda_handler_decorator
def with_header(handler, event, context, header: str = "x"):
    ...

@with_header(header="y")   # options are keyword-only
@log_event
def handler(event, context): ...
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar, cast

from powertools.common.config import TRACE_MIDDLEWARES_ENV, env_bool
from powertools.common.debug import get_debug_logger
from powertools.common.exceptions import MiddlewareInvalidArgumentError

logger = get_debug_logger(__name__)

Handler = Callable[..., Any]
F = TypeVar("F", bound=Callable[..., Any])


def lambda_handler_decorator(decorator: Callable[..., Any] | None = None, trace_execution: bool | None = None) -> Any:
    """Turn ``decorator(handler, event, context, **options)`` into a handler decorator.

    With ``trace_execution`` (or POWERTOOLS_TRACE_MIDDLEWARES) each run of the
    middleware is recorded as an X-Ray subsegment named ``## <middleware name>``.
    """
    if decorator is None:
        return functools.partial(lambda_handler_decorator, trace_execution=trace_execution)

    trace = env_bool(TRACE_MIDDLEWARES_ENV, default=False, choice=trace_execution)
    middleware_name = decorator.__qualname__

    @functools.wraps(decorator)
    def factory(handler: Handler | None = None, **options: Any) -> Any:
        if handler is None:
            return functools.partial(factory, **options)
        if not callable(handler):
            raise MiddlewareInvalidArgumentError(
                f"{middleware_name} takes its options as keyword arguments only, got {handler!r}"
            )

        if inspect.iscoroutinefunction(handler):

            @functools.wraps(handler)
            async def async_wrapper(event: Any, context: Any, **kwargs: Any) -> Any:
                bound = _bind(handler, kwargs)
                with _subsegment(middleware_name, trace):
                    result = decorator(bound, event, context, **options)
                    return await result if inspect.isawaitable(result) else result

            return async_wrapper

        @functools.wraps(handler)
        def wrapper(event: Any, context: Any, **kwargs: Any) -> Any:
            logger.debug("Running middleware %s", middleware_name)
            with _subsegment(middleware_name, trace):
                return decorator(_bind(handler, kwargs), event, context, **options)

        return wrapper

    return factory


def _bind(handler: Handler, kwargs: dict[str, Any]) -> Handler:
    return functools.partial(handler, **kwargs) if kwargs else handler


def _subsegment(name: str, enabled: bool) -> AbstractContextManager[Any]:
    """An X-Ray subsegment when tracing is requested and possible, otherwise nothing."""
    if not enabled:
        return nullcontext()
    try:
        from aws_xray_sdk.core import xray_recorder
    except ImportError:
        logger.debug("aws-xray-sdk is not installed; middleware %s runs untraced", name)
        return nullcontext()
    return cast(AbstractContextManager[Any], xray_recorder.in_subsegment(name=f"## {name}"))
