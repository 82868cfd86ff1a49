"""TypedDicts describing the documents the formatter produces (for type hints in custom formatters)."""

from __future__ import annotations

from typing import Any, TypedDict


class LogStackTraceFrame(TypedDict):
    file: str
    line: int | None
    function: str
    statement: str | None


class LogStackTrace(TypedDict):
    type: str
    value: str
    module: str
    frames: list[LogStackTraceFrame]


class LogRecord(TypedDict, total=False):
    level: str
    location: str
    message: Any
    timestamp: str | int
    service: str
    sampling_rate: float
    cold_start: bool
    function_name: str
    function_memory_size: int
    function_arn: str
    function_request_id: str
    correlation_id: str
    exception: str
    exception_name: str
    stack_trace: LogStackTrace
    xray_trace_id: str
