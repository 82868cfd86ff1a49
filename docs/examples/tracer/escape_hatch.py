from powertools.common.typing import LambdaContext
from powertools.tracer import Tracer

tracer = Tracer(service="orders")


def write_batch(items: list[dict]) -> int:
    return len(items)  # e.g. a DynamoDB BatchWriteItem


@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    with tracer.provider.in_subsegment("## batch write") as subsegment:
        subsegment.put_annotation("Items", len(event["items"]))
        written = write_batch(event["items"])
    return {"written": written}
