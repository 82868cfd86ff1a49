"""Integrations with third-party HTTP clients."""

from __future__ import annotations

from typing import Any

from powertools.tracer.exceptions import MissingDependencyError


def aiohttp_trace_config() -> Any:
    """An ``aiohttp.TraceConfig`` that records each request as an X-Ray subsegment.

    Pass it as ``aiohttp.ClientSession(trace_configs=[aiohttp_trace_config()])``.
    """
    try:
        from aws_xray_sdk.ext.aiohttp.client import aws_xray_trace_config
    except ImportError as exc:
        raise MissingDependencyError("aiohttp_trace_config", "aiohttp") from exc
    return aws_xray_trace_config()
