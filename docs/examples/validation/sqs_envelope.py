from powertools.common.typing import LambdaContext
from powertools.validation import envelopes, validator

ORDER = {
    "type": "object",
    "required": ["order_id", "quantity"],
    "properties": {
        "order_id": {"type": "string"},
        "quantity": {"type": "integer", "minimum": 1},
    },
}


@validator(inbound_schema={"type": "array", "items": ORDER}, envelope=envelopes.SQS)
def lambda_handler(orders: list[dict], context: LambdaContext) -> dict:
    # orders: every SQS body, JSON-decoded and validated
    return {"units": sum(order["quantity"] for order in orders)}
