"""Which integration's event (and response) format a resolver speaks, and the event class for it."""

from __future__ import annotations

from enum import Enum

from powertools.common.events.proxy import BaseProxyEvent

__all__ = ["ProxyEventType", "event_class"]


class ProxyEventType(Enum):
    """Which integration's event (and response) format a resolver speaks."""

    APIGatewayProxyEvent = "APIGatewayProxyEvent"
    APIGatewayProxyEventV2 = "APIGatewayProxyEventV2"
    ALBEvent = "ALBEvent"
    BedrockAgentEvent = "BedrockAgentEvent"
    VPCLatticeEvent = "VPCLatticeEvent"
    VPCLatticeEventV2 = "VPCLatticeEventV2"
    LambdaFunctionUrlEvent = "LambdaFunctionUrlEvent"


def event_class(proxy_type: ProxyEventType) -> type[BaseProxyEvent]:
    # Imported on demand so a REST app never loads the Lattice or ALB shapes.
    if proxy_type is ProxyEventType.APIGatewayProxyEvent:
        from powertools.common.events.api_gateway import APIGatewayProxyEvent

        return APIGatewayProxyEvent
    if proxy_type is ProxyEventType.APIGatewayProxyEventV2:
        from powertools.common.events.api_gateway import APIGatewayProxyEventV2

        return APIGatewayProxyEventV2
    if proxy_type is ProxyEventType.LambdaFunctionUrlEvent:
        from powertools.common.events.function_url import LambdaFunctionUrlEvent

        return LambdaFunctionUrlEvent
    if proxy_type is ProxyEventType.VPCLatticeEvent:
        from powertools.common.events.vpc_lattice import VPCLatticeEvent

        return VPCLatticeEvent
    if proxy_type is ProxyEventType.VPCLatticeEventV2:
        from powertools.common.events.vpc_lattice import VPCLatticeEventV2

        return VPCLatticeEventV2
    if proxy_type is ProxyEventType.BedrockAgentEvent:
        from powertools.event_handler.bedrock_agent_event import BedrockAgentEvent

        return BedrockAgentEvent
    if proxy_type is ProxyEventType.ALBEvent:
        from powertools.common.events.alb import ALBEvent

        return ALBEvent
    raise ValueError(f"{proxy_type} is not an HTTP proxy event type this resolver can route")
