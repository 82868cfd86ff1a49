"""Lambda Function URL event: the HTTP API payload 2.0 shape."""

from __future__ import annotations

from powertools.common.events.api_gateway import APIGatewayProxyEventV2

__all__ = ["LambdaFunctionUrlEvent"]


class LambdaFunctionUrlEvent(APIGatewayProxyEventV2):
    """A request to a function URL. Fields an HTTP API sends but a URL doesn't
    (``routeKey`` is ``$default``, no stage variables) read as their empty defaults."""
