"""powertools.event_handler: route API Gateway, ALB, Function URL, VPC Lattice and AppSync events to functions.

    from powertools.event_handler import APIGatewayRestResolver

    app = APIGatewayRestResolver()

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> dict:
        return {"id": todo_id}

    def lambda_handler(event, context):
        return app.resolve(event, context)

Names load on first use, so importing this package is cheap.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.3.1"

_EXPORTS = {
    "ALBResolver": ".api_gateway",
    "APIGatewayHttpResolver": ".api_gateway",
    "APIGatewayRestResolver": ".api_gateway",
    "ApiGatewayResolver": ".api_gateway",
    "ProxyEventType": ".api_gateway",
    "Router": ".api_gateway",
    "LambdaFunctionUrlResolver": ".lambda_function_url",
    "VPCLatticeResolver": ".vpc_lattice",
    "VPCLatticeV2Resolver": ".vpc_lattice",
    "AppSyncResolver": ".appsync",
    "ResolverNotFoundError": ".graphql_appsync.exceptions",
    "InvalidAppSyncEventError": ".graphql_appsync.exceptions",
    "AppSyncEventsResolver": ".events_appsync.appsync_events",
    "UnauthorizedException": ".events_appsync.exceptions",
    "CORSConfig": ".cors",
    "Response": ".response",
    "Cookie": ".cookies",
    "SameSite": ".cookies",
    "content_types": ".content_types",
    "BadRequestError": ".exceptions",
    "ForbiddenError": ".exceptions",
    "InternalServerError": ".exceptions",
    "NotFoundError": ".exceptions",
    "RequestEntityTooLargeError": ".exceptions",
    "RequestTimeoutError": ".exceptions",
    "ServiceError": ".exceptions",
    "ServiceUnavailableError": ".exceptions",
    "UnauthorizedError": ".exceptions",
    "ValidationConfigurationError": ".exceptions",
    "ValidationNotAvailableError": ".exceptions",
    "BaseMiddlewareHandler": ".middlewares.base",
    "BedrockAgentResolver": ".bedrock_agent",
    "BedrockResponse": ".bedrock_agent",
    "BedrockAgentFunctionResolver": ".bedrock_agent_function",
    "BedrockFunctionResponse": ".bedrock_agent_function",
    "NextMiddleware": ".middlewares.base",
    "Depends": ".depends",
    "DependencyResolutionError": ".depends",
    "Request": ".request",
}

__all__ = [*sorted(_EXPORTS), "__version__"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.event_handler import content_types
    from powertools.event_handler.api_gateway import (
        ALBResolver,
        APIGatewayHttpResolver,
        ApiGatewayResolver,
        APIGatewayRestResolver,
        ProxyEventType,
        Router,
    )
    from powertools.event_handler.appsync import AppSyncResolver
    from powertools.event_handler.bedrock_agent import BedrockAgentResolver, BedrockResponse
    from powertools.event_handler.bedrock_agent_function import BedrockAgentFunctionResolver, BedrockFunctionResponse
    from powertools.event_handler.cookies import Cookie, SameSite
    from powertools.event_handler.cors import CORSConfig
    from powertools.event_handler.depends import DependencyResolutionError, Depends
    from powertools.event_handler.events_appsync.appsync_events import AppSyncEventsResolver
    from powertools.event_handler.events_appsync.exceptions import UnauthorizedException
    from powertools.event_handler.exceptions import (
        BadRequestError,
        ForbiddenError,
        InternalServerError,
        NotFoundError,
        RequestEntityTooLargeError,
        RequestTimeoutError,
        ServiceError,
        ServiceUnavailableError,
        UnauthorizedError,
        ValidationConfigurationError,
        ValidationNotAvailableError,
    )
    from powertools.event_handler.graphql_appsync.exceptions import InvalidAppSyncEventError, ResolverNotFoundError
    from powertools.event_handler.lambda_function_url import LambdaFunctionUrlResolver
    from powertools.event_handler.middlewares.base import BaseMiddlewareHandler, NextMiddleware
    from powertools.event_handler.request import Request
    from powertools.event_handler.response import Response
    from powertools.event_handler.vpc_lattice import VPCLatticeResolver, VPCLatticeV2Resolver
