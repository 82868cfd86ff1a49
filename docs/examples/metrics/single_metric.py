from powertools.common.typing import LambdaContext
from powertools.metrics import MetricUnit, single_metric


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    with single_metric(
        name="Refunds", unit=MetricUnit.Count, value=1, namespace="Shop", default_dimensions={"reason": "damaged"}
    ) as metric:
        metric.add_dimension(name="channel", value=event["channel"])
    return {"refunded": event["order_id"]}
