from powertools.common.typing import LambdaContext
from powertools.data_classes import APIGatewayAuthorizerRequestEvent, APIGatewayAuthorizerResponse

# token -> tenant; in a real function, a look-up in your session store or identity provider
SESSIONS = {"Bearer tnt_42_9f8e7d6c5b4a3f2e1d0c": "tenant-42"}


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    request = APIGatewayAuthorizerRequestEvent(event)
    tenant = SESSIONS.get(request.get_header_value("authorization") or "")
    if request.method_arn is None:
        raise ValueError("not an API Gateway authorizer request: no methodArn")
    policy = APIGatewayAuthorizerResponse.from_route_arn(
        request.method_arn, principal_id=tenant or "anonymous", context={"tenant": tenant}
    )
    if tenant is not None and request.get_header_value("x-tenant-id") == tenant:
        policy.allow_route("GET", "/todos/*")
    else:
        policy.deny_all_routes()
    return policy.asdict()
