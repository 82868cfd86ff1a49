"""The provider interface: implement it to send metrics to another backend."""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, TypeVar, cast, overload

from powertools.metrics.provider import cold_start

AnyCallableT = TypeVar("AnyCallableT", bound=Callable[..., Any])


class BaseProvider(ABC):
    """A metrics backend. ``log_metrics`` (flush after each invocation, cold start) comes for free."""

    @abstractmethod
    def add_metric(self, *args: Any, **kwargs: Any) -> Any:
        """Record a metric for the current invocation."""

    @abstractmethod
    def serialize_metric_set(self, *args: Any, **kwargs: Any) -> Any:
        """The recorded metrics in the backend's wire format."""

    @abstractmethod
    def flush_metrics(self, raise_on_empty_metrics: bool = False) -> None:
        """Publish the recorded metrics and clear them."""

    @abstractmethod
    def clear_metrics(self, *args: Any, **kwargs: Any) -> None:
        """Forget the recorded metrics without publishing them."""

    @abstractmethod
    def add_cold_start_metric(self, context: Any) -> Any:
        """Publish the ColdStart metric for this sandbox's first invocation."""

    @overload
    def log_metrics(
        self,
        lambda_handler: AnyCallableT,
        capture_cold_start_metric: bool = False,
        raise_on_empty_metrics: bool = False,
        **kwargs: Any,
    ) -> AnyCallableT: ...

    @overload
    def log_metrics(
        self,
        lambda_handler: None = None,
        capture_cold_start_metric: bool = False,
        raise_on_empty_metrics: bool = False,
        **kwargs: Any,
    ) -> Callable[[AnyCallableT], AnyCallableT]: ...

    def log_metrics(
        self,
        lambda_handler: AnyCallableT | None = None,
        capture_cold_start_metric: bool = False,
        raise_on_empty_metrics: bool = False,
        **kwargs: Any,
    ) -> AnyCallableT | Callable[[AnyCallableT], AnyCallableT]:
        """Decorate a handler (sync or async): flush metrics after every invocation, even a failing one."""
        if lambda_handler is None:
            return cast(
                "Callable[[AnyCallableT], AnyCallableT]",
                functools.partial(
                    self.log_metrics,
                    capture_cold_start_metric=capture_cold_start_metric,
                    raise_on_empty_metrics=raise_on_empty_metrics,
                    **kwargs,
                ),
            )
        handler = lambda_handler

        if _is_coroutine_function(handler):

            @functools.wraps(handler)
            async def async_decorate(event: Any, context: Any, *args: Any, **kw: Any) -> Any:
                if capture_cold_start_metric:
                    self._add_cold_start_metric(context)
                try:
                    return await handler(event, context, *args, **kw)
                finally:
                    self.flush_metrics(raise_on_empty_metrics)

            return cast(AnyCallableT, async_decorate)

        @functools.wraps(handler)
        def decorate(event: Any, context: Any, *args: Any, **kw: Any) -> Any:
            if capture_cold_start_metric:
                self._add_cold_start_metric(context)
            try:
                return handler(event, context, *args, **kw)
            finally:
                self.flush_metrics(raise_on_empty_metrics)

        return cast(AnyCallableT, decorate)

    def _add_cold_start_metric(self, context: Any) -> None:
        # Counted before the handler runs, so a cold start whose invocation fails is still counted.
        if not cold_start.is_cold_start:
            return
        cold_start.is_cold_start = False
        self.add_cold_start_metric(context)


_CO_COROUTINE = 0x80  # inspect.CO_COROUTINE, without importing inspect (milliseconds of cold start)


def _is_coroutine_function(function: Callable[..., Any]) -> bool:
    code = getattr(function, "__code__", None)
    if code is not None:
        return bool(code.co_flags & _CO_COROUTINE)
    import inspect  # partials and callable objects: rare enough to pay for inspect

    return inspect.iscoroutinefunction(function)
