from powertools.common.typing import LambdaContext
from powertools.tracer import Tracer

tracer = Tracer(service="orders")  # or POWERTOOLS_SERVICE_NAME


@tracer.capture_method
def get_order(order_id: str) -> dict:
    tracer.put_annotation("OrderId", order_id)  # indexed: filter traces by it
    tracer.put_metadata("source", {"cache": "miss"})  # not indexed: context for a trace
    return {"id": order_id, "status": "shipped"}


@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return {"statusCode": 200, "order": get_order(event["orderId"])}
