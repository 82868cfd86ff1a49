from powertools.common.typing import LambdaContext
from powertools.metrics.provider.datadog import DatadogMetrics

metrics = DatadogMetrics(namespace="shop", default_tags={"env": "prod"})


@metrics.log_metrics(capture_cold_start_metric=True)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    metrics.add_metric(name="orders", value=len(event["items"]), product="latte")  # keyword arguments are tags
    return {"ordered": len(event["items"])}
