from powertools.common.typing import LambdaContext
from powertools.metrics import Metrics, MetricUnit

metrics = Metrics(namespace="ServerlessAirline", service="booking")


@metrics.log_metrics(capture_cold_start_metric=True)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    metrics.add_dimension(name="environment", value="prod")
    metrics.add_metric(name="SuccessfulBooking", unit=MetricUnit.Count, value=1)
    return {"booked": event["flight"]}
