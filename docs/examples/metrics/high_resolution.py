from powertools.common.typing import LambdaContext
from powertools.metrics import MetricResolution, Metrics, MetricUnit

metrics = Metrics(namespace="Pricing", service="quotes")


@metrics.log_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    metrics.add_metric(name="QuoteLatency", unit=MetricUnit.Microseconds, value=850, resolution=MetricResolution.High)
    metrics.add_metric(name="Quotes", unit=MetricUnit.Count, value=1)  # standard resolution (60 s)
    return {"price": event["base"] * 1.2}
