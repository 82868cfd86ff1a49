"""Debug mode: when it is on, and the event as it may be printed (credentials masked)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["DEBUG_ENV", "debug_enabled", "redacted"]

DEBUG_ENV = "POWERTOOLS_EVENT_HANDLER_DEBUG"
# Header values debug output never prints.
_SECRET_HEADERS = frozenset({"authorization", "cookie", "x-api-key", "x-amz-security-token", "proxy-authorization"})


def debug_enabled(debug: bool | None) -> bool:
    if debug is not None:
        return debug
    from powertools.common.config import env_bool, is_dev_mode

    return env_bool(DEBUG_ENV) or is_dev_mode()


def redacted(event: Any, depth: int = 0) -> Any:
    """A copy of the event safe to print: credentials masked wherever they appear.

    Header names in ``_SECRET_HEADERS`` (any case, at any depth: headers,
    multiValueHeaders, nested authorizer payloads), ``apiKey`` (API Gateway's
    ``requestContext.identity.apiKey``) and cookie lists are replaced by ``*****``.
    """
    if depth > 64:  # debug printing must not recurse without bound on hostile input
        return "*****"
    if isinstance(event, Mapping):
        copy: dict[Any, Any] = {}
        for name, value in event.items():
            lowered = name.lower() if isinstance(name, str) else name
            if lowered in _SECRET_HEADERS or lowered == "apikey" or (lowered == "cookies" and value):
                copy[name] = ["*****"] if lowered == "cookies" else "*****"
            else:
                copy[name] = redacted(value, depth + 1)
        return copy
    if isinstance(event, list):
        return [redacted(item, depth + 1) for item in event]
    return event
