"""Routing for Amazon VPC Lattice targets, payload v1 and v2."""

from __future__ import annotations

from powertools.event_handler.api_gateway import ApiGatewayResolver, ProxyEventType

__all__ = ["VPCLatticeResolver", "VPCLatticeV2Resolver"]


class VPCLatticeResolver(ApiGatewayResolver):
    """VPC Lattice payload v1 (``raw_path``, ``method``, snake_case fields)."""

    _proxy_event_type = ProxyEventType.VPCLatticeEvent


class VPCLatticeV2Resolver(ApiGatewayResolver):
    """VPC Lattice payload v2 (``path``, multi-value headers and query strings)."""

    _proxy_event_type = ProxyEventType.VPCLatticeEventV2
