"""Integrations with third-party HTTP clients."""

from __future__ import annotations

from powertools.tracer.exceptions import MissingDependencyError

# Not typing.TYPE_CHECKING: importing `typing` adds to every cold start.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any


def aiohttp_trace_config() -> Any:
    """An ``aiohttp.TraceConfig`` that records each request as an X-Ray subsegment.

    Pass it as ``aiohttp.ClientSession(trace_configs=[aiohttp_trace_config()])``.
    """
    try:
        from aws_xray_sdk.ext.aiohttp.client import aws_xray_trace_config
    except ImportError as exc:
        raise MissingDependencyError("aiohttp_trace_config", "aiohttp") from exc
    return aws_xray_trace_config()
