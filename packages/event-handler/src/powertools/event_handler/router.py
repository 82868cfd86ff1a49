"""Router classes named after each integration, so ``router.current_event`` is typed for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from powertools.event_handler.api_gateway import Router

if TYPE_CHECKING:
    from powertools.common.events.alb import ALBEvent
    from powertools.common.events.api_gateway import APIGatewayProxyEvent, APIGatewayProxyEventV2
    from powertools.common.events.function_url import LambdaFunctionUrlEvent
    from powertools.common.events.vpc_lattice import VPCLatticeEvent, VPCLatticeEventV2

__all__ = [
    "ALBRouter",
    "APIGatewayHttpRouter",
    "APIGatewayRouter",
    "LambdaFunctionUrlRouter",
    "VPCLatticeRouter",
    "VPCLatticeV2Router",
]


class APIGatewayRouter(Router):
    """Router for APIGatewayRestResolver apps."""

    @property
    def current_event(self) -> APIGatewayProxyEvent:
        return super().current_event


class APIGatewayHttpRouter(Router):
    """Router for APIGatewayHttpResolver apps."""

    @property
    def current_event(self) -> APIGatewayProxyEventV2:
        return super().current_event


class ALBRouter(Router):
    """Router for ALBResolver apps."""

    @property
    def current_event(self) -> ALBEvent:
        return super().current_event


class LambdaFunctionUrlRouter(Router):
    """Router for LambdaFunctionUrlResolver apps."""

    @property
    def current_event(self) -> LambdaFunctionUrlEvent:
        return super().current_event


class VPCLatticeRouter(Router):
    """Router for VPCLatticeResolver apps."""

    @property
    def current_event(self) -> VPCLatticeEvent:
        return super().current_event


class VPCLatticeV2Router(Router):
    """Router for VPCLatticeV2Resolver apps."""

    @property
    def current_event(self) -> VPCLatticeEventV2:
        return super().current_event
