"""What inject_lambda_context adds to records, and how it finds the event and context."""

from __future__ import annotations

import functools
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a cold-start cost)
if TYPE_CHECKING:
    from typing import Any

LAMBDA_INITIALIZATION_TYPE_ENV = "AWS_LAMBDA_INITIALIZATION_TYPE"
CO_COROUTINE = 0x80

# True until the first decorated invocation in this process (any Logger) has started.
is_cold_start = True

# The request id of the invocation running now: keys log buffers when there is no X-Ray trace id.
current_request_id: str | None = None


def take_cold_start() -> bool:
    """True exactly once per process: on the first invocation, unless it is provisioned concurrency."""
    global is_cold_start
    if not is_cold_start:  # every warm invocation: no environment lookup
        return False
    if os.environ.get(LAMBDA_INITIALIZATION_TYPE_ENV) == "provisioned-concurrency":
        is_cold_start = False
        return False
    cold, is_cold_start = is_cold_start, False
    return cold


class LambdaContextModel:
    """The Lambda context fields every record of an invocation carries."""

    __slots__ = ("function_arn", "function_memory_size", "function_name", "function_request_id")

    def __init__(
        self,
        function_name: str = "UNDEFINED",
        function_memory_size: int = 128,
        function_arn: str = "UNDEFINED",
        function_request_id: str = "UNDEFINED",
    ) -> None:
        self.function_name = function_name
        self.function_memory_size = function_memory_size
        self.function_arn = function_arn
        self.function_request_id = function_request_id

    def as_keys(self) -> dict[str, Any]:
        return {
            "function_name": self.function_name,
            "function_memory_size": self.function_memory_size,
            "function_arn": self.function_arn,
            "function_request_id": self.function_request_id,
        }


def build_lambda_context_model(context: Any) -> LambdaContextModel:
    """Read the four fields; a context missing one leaves that key out instead of failing the handler."""
    return LambdaContextModel(
        function_name=getattr(context, "function_name", None),  # type: ignore[arg-type]
        function_memory_size=getattr(context, "memory_limit_in_mb", None),  # type: ignore[arg-type]
        function_arn=getattr(context, "invoked_function_arn", None),  # type: ignore[arg-type]
        function_request_id=getattr(context, "aws_request_id", None),  # type: ignore[arg-type]
    )


def context_keys(cold_start: bool, context: Any) -> dict[str, Any]:
    """The keys inject_lambda_context appends, built in one dict (same values as the model's)."""
    return {
        "cold_start": cold_start,
        "function_name": getattr(context, "function_name", None),
        "function_memory_size": getattr(context, "memory_limit_in_mb", None),
        "function_arn": getattr(context, "invoked_function_arn", None),
        "function_request_id": getattr(context, "aws_request_id", None),
    }


def _is_context(value: Any) -> bool:
    return hasattr(value, "aws_request_id") and hasattr(value, "function_name")


def split_event_and_context(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, Any]:
    """``(event, context)`` for ``handler(event, context)`` and ``method(self, event, context)`` alike."""
    if "context" in kwargs or "event" in kwargs:
        return kwargs.get("event", args[0] if args else None), kwargs.get("context")
    if len(args) >= 3 and not _is_context(args[1]) and _is_context(args[2]):
        return args[1], args[2]  # a method: args[0] is self
    if len(args) >= 2:
        return args[0], args[1]
    return (args[0] if args else None), None


def extract_event(event: Any) -> Any:
    """What log_event writes: the raw dict behind event data classes and models."""
    raw = getattr(event, "raw_event", None)
    if raw is not None:
        return raw
    dump = getattr(event, "model_dump", None)
    if callable(dump) and not isinstance(event, type):
        return dump()
    if hasattr(type(event), "__dataclass_fields__"):
        import dataclasses

        return dataclasses.asdict(event)
    return event


def is_coroutine_function(func: Any) -> bool:
    """inspect.iscoroutinefunction without importing inspect (a cold-start cost)."""
    inspect = sys.modules.get("inspect")
    if inspect is not None:
        return bool(inspect.iscoroutinefunction(func))
    while isinstance(func, functools.partial):
        func = func.func
    func = getattr(func, "__func__", func)
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & CO_COROUTINE)
