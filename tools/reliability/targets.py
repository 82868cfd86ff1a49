"""What the suite drives besides events: the HTTP resolvers and a feature-flags store in memory."""

from __future__ import annotations

from typing import Any

from powertools.event_handler import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    LambdaFunctionUrlResolver,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
)
from powertools.feature_flags import StoreProvider

__all__ = ["HTTP_RESOLVERS", "MemoryStore", "http_resolvers"]

# resolver, samples, where the method / path / query / body / base64 flag live in its events
HTTP_RESOLVERS: dict[str, tuple[type[Any], list[str], dict[str, str]]] = {
    "APIGatewayRestResolver": (
        APIGatewayRestResolver,
        ["apigw_rest", "apigw_rest_post_json"],
        {"method": "httpMethod", "path": "path", "query": "queryStringParameters", "body": "body",
         "b64": "isBase64Encoded"},
    ),
    "APIGatewayHttpResolver": (
        APIGatewayHttpResolver,
        ["apigw_http", "apigw_http_iam"],
        {"method": "requestContext.http.method", "path": "rawPath", "query": "queryStringParameters",
         "body": "body", "b64": "isBase64Encoded"},
    ),
    "ALBResolver": (
        ALBResolver,
        ["alb", "alb_multi_value"],
        {"method": "httpMethod", "path": "path", "query": "queryStringParameters", "body": "body",
         "b64": "isBase64Encoded"},
    ),
    "LambdaFunctionUrlResolver": (
        LambdaFunctionUrlResolver,
        ["function_url", "function_url_iam"],
        {"method": "requestContext.http.method", "path": "rawPath", "query": "queryStringParameters",
         "body": "body", "b64": "isBase64Encoded"},
    ),
    "VPCLatticeResolver": (
        VPCLatticeResolver,
        ["vpc_lattice_v1"],
        {"method": "method", "path": "raw_path", "query": "query_string_parameters", "body": "body",
         "b64": "is_base64_encoded"},
    ),
    "VPCLatticeV2Resolver": (
        VPCLatticeV2Resolver,
        ["vpc_lattice_v2"],
        {"method": "method", "path": "path", "query": "queryStringParameters", "body": "body",
         "b64": "isBase64Encoded"},
    ),
}  # fmt: skip


def http_resolvers() -> dict[str, tuple[type[Any], str, tuple[str, str]]]:
    """Per resolver: its class, its first sample, and where its events keep the method and the path."""
    return {
        name: (resolver, samples[0], (where["method"], where["path"]))
        for name, (resolver, samples, where) in HTTP_RESOLVERS.items()
    }


class MemoryStore(StoreProvider):
    """A user-written store (the documented extension point) holding one document."""

    def __init__(self, document: Any) -> None:
        self.document = document

    @property
    def get_raw_configuration(self) -> dict[str, Any]:
        return self.document

    def get_configuration(self) -> dict[str, Any]:
        return self.document
