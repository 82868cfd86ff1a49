from powertools.common.typing import LambdaContext
from powertools.parameters import get_parameters_by_name


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    values = get_parameters_by_name(
        {
            "/orders/endpoint": None,  # the defaults below
            "/orders/limits.json": {"transform": "auto"},  # parsed as JSON
            "/orders/api-key": {"decrypt": True, "max_age": 60},
        },
        max_age=600,
        lambda_context=context,  # throttling retries stay within this invocation
    )
    limits = values["/orders/limits.json"]
    return {"endpoint": values["/orders/endpoint"], "max_items": limits["max_items"]}
