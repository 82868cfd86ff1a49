"""Turn a handler's proxy response dict back into an HTTP status, header list and body."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any

from powertools.event_handler.dev_server.errors import DevServerError

# Payload 2.0 integrations accept any JSON value and wrap it as a 200 response.
_WRAPS_PLAIN_VALUES = frozenset({"http", "function-url"})


class MalformedResponseError(DevServerError):
    """The handler returned something its integration would reject (API Gateway answers 502)."""


@dataclass
class HttpResponse:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


def text_response(status: int, message: str) -> HttpResponse:
    return HttpResponse(status, [("Content-Type", "text/plain; charset=utf-8")], message.encode("utf-8") + b"\n")


def _header_pairs(result: dict[str, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    single = result.get("headers") or {}
    multi = result.get("multiValueHeaders") or {}
    if not isinstance(single, dict) or not isinstance(multi, dict):
        raise MalformedResponseError("'headers' and 'multiValueHeaders' must be objects")
    for name, values in multi.items():
        for value in values if isinstance(values, list) else [values]:
            pairs.append((str(name), str(value)))
    multi_names = {name.lower() for name in multi}
    for name, value in single.items():
        if name.lower() in multi_names:
            continue  # API Gateway lets multiValueHeaders win for the same name
        # Lattice v2 may answer with lists in plain headers.
        for item in value if isinstance(value, list) else [value]:
            pairs.append((str(name), str(item)))
    for cookie in result.get("cookies") or []:
        pairs.append(("Set-Cookie", str(cookie)))
    return pairs


def _body_bytes(result: dict[str, Any]) -> bytes:
    body = result.get("body")
    if body is None:
        return b""
    if not isinstance(body, str):
        raise MalformedResponseError(f"'body' must be a string, not {type(body).__name__}")
    if result.get("isBase64Encoded") or result.get("is_base64_encoded"):
        try:
            return base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise MalformedResponseError(f"'isBase64Encoded' is true but 'body' is not base64: {exc}") from None
    return body.encode("utf-8")


def to_http(result: Any, format_name: str) -> HttpResponse:
    """The HTTP response the integration would send for the handler's return value."""
    if not (isinstance(result, dict) and "statusCode" in result):
        if format_name in _WRAPS_PLAIN_VALUES:
            text = result if isinstance(result, str) else json.dumps(result)
            return HttpResponse(200, [("Content-Type", "application/json")], text.encode("utf-8"))
        raise MalformedResponseError(f"the handler returned {type(result).__name__} without a 'statusCode'")
    try:
        status = int(result["statusCode"])
    except (TypeError, ValueError):
        raise MalformedResponseError(f"'statusCode' {result['statusCode']!r} is not an integer") from None
    if not 100 <= status <= 599:
        raise MalformedResponseError(f"'statusCode' {status} is not an HTTP status")
    return HttpResponse(status, _header_pairs(result), _body_bytes(result))
