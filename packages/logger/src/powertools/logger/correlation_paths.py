"""JMESPath expressions locating a request's correlation id in common event sources.

Use one as ``@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)``.
"""

from __future__ import annotations

API_GATEWAY_REST = "requestContext.requestId"
API_GATEWAY_HTTP = "requestContext.requestId"
API_GATEWAY_WEBSOCKET = "requestContext.requestId"
LAMBDA_FUNCTION_URL = "requestContext.requestId"
APPSYNC_AUTHORIZER = "requestContext.requestId"
APPSYNC_RESOLVER = 'request.headers."x-amzn-trace-id"'
APPLICATION_LOAD_BALANCER = 'headers."x-amzn-trace-id"'
VPC_LATTICE = 'headers."x-amzn-trace-id"'
EVENT_BRIDGE = "id"
S3_OBJECT_LAMBDA = "xAmzRequestId"
