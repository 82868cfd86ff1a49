"""The traced versions of each kind of callable ``capture_method`` accepts.

Every wrapper opens one subsegment named ``## <label>`` around the work, records the
result as ``<label> response`` and an exception as ``<label> error`` metadata, and
re-raises. A ``Recording`` carries what differs per decorated function.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from dataclasses import dataclass, field

from powertools.tracer.capture import record_metadata

# Not typing.TYPE_CHECKING: importing `typing` adds to every cold start.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import AsyncIterator, Callable, Iterator
    from typing import Any

    from powertools.tracer.base import BaseProvider


@dataclass(frozen=True)
class Recording:
    label: str  # e.g. "app.Orders.get" or "handler"
    namespace: str
    capture_response: bool
    capture_error: bool
    provider: Callable[[], BaseProvider]  # resolved per call: the provider is shared, set up lazily
    # Built once here rather than on every call.
    name: str = field(init=False)  # "## <label>"
    response_key: str = field(init=False)
    error_key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", f"## {self.label}")
        object.__setattr__(self, "response_key", f"{self.label} response")
        object.__setattr__(self, "error_key", f"{self.label} error")

    def response(self, segment: Any, value: Any) -> None:
        if self.capture_response and value is not None and segment is not None:
            record_metadata(self.provider(), segment, self.response_key, value, self.namespace)

    def error(self, segment: Any, error: BaseException) -> None:
        if self.capture_error:
            record_metadata(self.provider(), segment, self.error_key, error, self.namespace)


def kind_of(method: Callable[..., Any]) -> str:
    """Which wrapper fits: coroutine, async generator, generator, (async) context manager, or plain."""
    if inspect.iscoroutinefunction(method):
        return "coroutine"
    if inspect.isasyncgenfunction(method):
        return "async_generator"
    if inspect.isgeneratorfunction(method):
        return "generator"
    # @contextmanager returns a plain function whose __wrapped__ is the generator.
    wrapped = getattr(method, "__wrapped__", None)
    if wrapped is not None and inspect.isgeneratorfunction(wrapped):
        return "context_manager"
    if wrapped is not None and inspect.isasyncgenfunction(wrapped):
        return "async_context_manager"
    return "plain"


def wrap(method: Callable[..., Any], recording: Recording) -> Callable[..., Any]:
    return _WRAPPERS[kind_of(method)](method, recording)


def _plain(method: Callable[..., Any], rec: Recording) -> Callable[..., Any]:
    @functools.wraps(method)
    def traced(*args: Any, **kwargs: Any) -> Any:
        provider = rec.provider()
        with provider.in_subsegment(name=rec.name) as segment:
            try:
                result = method(*args, **kwargs)
            except Exception as error:
                rec.error(segment, error)
                raise
            if rec.capture_response and result is not None and segment is not None:  # rec.response, inlined
                record_metadata(provider, segment, rec.response_key, result, rec.namespace)
            return result

    return traced


def _coroutine(method: Callable[..., Any], rec: Recording) -> Callable[..., Any]:
    @functools.wraps(method)
    async def traced(*args: Any, **kwargs: Any) -> Any:
        async with rec.provider().in_subsegment_async(name=rec.name) as segment:
            try:
                result = await method(*args, **kwargs)
            except Exception as error:
                rec.error(segment, error)
                raise
            rec.response(segment, result)
            return result

    return traced


def _generator(method: Callable[..., Any], rec: Recording) -> Callable[..., Any]:
    @functools.wraps(method)
    def traced(*args: Any, **kwargs: Any) -> Any:
        closed_early = False
        with rec.provider().in_subsegment(name=rec.name) as segment:
            try:
                result = yield from method(*args, **kwargs)
            except GeneratorExit:
                # The consumer stopped early (break, close()): a normal end, not a fault.
                closed_early = True
            except Exception as error:
                rec.error(segment, error)
                raise
            else:
                rec.response(segment, result)
        if closed_early:
            return None
        return result

    return traced


def _async_generator(method: Callable[..., Any], rec: Recording) -> Callable[..., Any]:
    @functools.wraps(method)
    async def traced(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async with rec.provider().in_subsegment_async(name=rec.name) as segment:
            try:
                async for item in method(*args, **kwargs):
                    yield item
            except GeneratorExit:
                pass  # the consumer stopped early (break, aclose()): a normal end
            except Exception as error:
                rec.error(segment, error)
                raise

    return traced


def _context_manager(method: Callable[..., Any], rec: Recording) -> Callable[..., Any]:
    @functools.wraps(method)
    @contextlib.contextmanager
    def traced(*args: Any, **kwargs: Any) -> Iterator[Any]:
        with rec.provider().in_subsegment(name=rec.name) as segment:
            try:
                with method(*args, **kwargs) as value:
                    yield value
            except Exception as error:
                rec.error(segment, error)
                raise
            rec.response(segment, value)

    return traced


def _async_context_manager(method: Callable[..., Any], rec: Recording) -> Callable[..., Any]:
    @functools.wraps(method)
    @contextlib.asynccontextmanager
    async def traced(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async with rec.provider().in_subsegment_async(name=rec.name) as segment:
            try:
                async with method(*args, **kwargs) as value:
                    yield value
            except Exception as error:
                rec.error(segment, error)
                raise
            rec.response(segment, value)

    return traced


_WRAPPERS: dict[str, Callable[[Callable[..., Any], Recording], Callable[..., Any]]] = {
    "plain": _plain,
    "coroutine": _coroutine,
    "generator": _generator,
    "async_generator": _async_generator,
    "context_manager": _context_manager,
    "async_context_manager": _async_context_manager,
}
