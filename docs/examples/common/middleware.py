from collections.abc import Callable

from powertools.common.middleware import lambda_handler_decorator
from powertools.common.typing import LambdaContext


@lambda_handler_decorator(trace_execution=True)
def require_tenant(
    handler: Callable[[dict, LambdaContext], dict], event: dict, context: LambdaContext, header: str = "x-tenant-id"
) -> dict:
    if header not in (event.get("headers") or {}):
        return {"statusCode": 400, "body": f"missing {header}"}
    return handler(event, context)


@require_tenant(header="x-tenant")
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return {"statusCode": 200, "body": f"hello, {event['headers']['x-tenant']}"}
