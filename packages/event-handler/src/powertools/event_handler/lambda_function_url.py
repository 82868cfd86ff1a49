"""Routing for Lambda Function URLs."""

from __future__ import annotations

from powertools.event_handler.api_gateway import ApiGatewayResolver, ProxyEventType

__all__ = ["LambdaFunctionUrlResolver"]


class LambdaFunctionUrlResolver(ApiGatewayResolver):
    """Lambda Function URL events (payload 2.0 shape; ``cookies`` list in responses)."""

    _proxy_event_type = ProxyEventType.LambdaFunctionUrlEvent
