from opentelemetry.sdk.trace import TracerProvider

from powertools.common.typing import LambdaContext
from powertools.tracer import OpenTelemetryProvider, Tracer

provider = TracerProvider()  # add your exporter's span processor here
tracer = Tracer(service="orders", provider=OpenTelemetryProvider(tracer_provider=provider))


@tracer.capture_method
def get_order(order_id: str) -> dict:
    return {"id": order_id, "status": "shipped"}


@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return {"statusCode": 200, "order": get_order(event["orderId"])}
