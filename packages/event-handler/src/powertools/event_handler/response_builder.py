"""Turning a Response into the dict each integration expects back from Lambda."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from powertools.event_handler.cors import CORSConfig

if TYPE_CHECKING:
    from powertools.common.events.proxy import BaseProxyEvent
    from powertools.event_handler.response import Response
    from powertools.event_handler.route import Route

__all__ = ["ResponseBuilder"]


def _accepts_gzip(event: BaseProxyEvent) -> bool:
    encoding = event.resolved_headers_field.get("accept-encoding", "")
    if isinstance(encoding, list):
        encoding = ",".join(encoding)
    return isinstance(encoding, str) and "gzip" in encoding


def _origin(event: BaseProxyEvent) -> str | None:
    origin = event.resolved_headers_field.get("origin")
    if isinstance(origin, list):
        origin = origin[0] if origin else None
    return origin


class ResponseBuilder:
    """Applies the route's CORS, cache-control and compression settings, then encodes the body."""

    __slots__ = ("response", "route", "serializer")

    def __init__(self, response: Response, serializer: Callable[[Any], str], route: Route | None = None) -> None:
        self.response = response
        self.serializer = serializer
        self.route = route

    def _apply_route_settings(self, event: BaseProxyEvent, cors: CORSConfig | None) -> None:
        route = self.route
        response = self.response
        if route is None or not (route.adjusts_response or response.compress):
            return
        if route.cors:
            config = cors or CORSConfig()
            allowed = config.allowed_origin(_origin(event))
            if allowed is not None:
                response.headers.update(config.to_dict(allowed))
        if route.cache_control:
            # Errors must not be cached by browsers or CDNs.
            response.headers["Cache-Control"] = route.cache_control if response.status_code == 200 else "no-cache"
        wants_gzip = response.compress if response.compress is not None else route.compress
        if wants_gzip and response.body is not None and _accepts_gzip(event):
            self._compress()

    def _compress(self) -> None:
        import zlib

        body = self.response.body
        raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        gzip = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)  # wbits+16: the gzip container
        self.response.body = gzip.compress(raw) + gzip.flush()
        self.response.headers["Content-Encoding"] = "gzip"

    def build(self, event: BaseProxyEvent, cors: CORSConfig | None = None) -> dict[str, Any]:
        """The proxy integration response: statusCode, body, isBase64Encoded and the headers keys."""
        response = self.response
        # A str body is already encoded; serializing it again would double-quote it.
        if response.is_json() and not isinstance(response.body, str):
            response.body = self.serializer(response.body)
        route = self.route
        if route is not None and (route.adjusts_response or response.compress):  # most routes adjust nothing
            self._apply_route_settings(event, cors)
        if isinstance(response.body, (bytes, bytearray, memoryview)):
            response.base64_encoded = True
            response.body = base64.b64encode(bytes(response.body)).decode("ascii")
        return {
            "statusCode": response.status_code,
            "body": response.body,
            "isBase64Encoded": response.base64_encoded,
            **event.header_serializer().serialize(response.headers, response.cookies),
        }
