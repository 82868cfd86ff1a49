from powertools.common.jmespath import InvalidEnvelopeExpressionError, envelopes, query
from powertools.common.typing import LambdaContext


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    try:
        orders = query(event, envelopes.SQS)  # every SQS body, JSON-decoded
    except InvalidEnvelopeExpressionError as error:  # e.g. a body that isn't JSON
        return {"rejected": error.expression, "reason": error.reason}
    return {"total": sum(order["total"] for order in orders), "orders": [order["orderId"] for order in orders]}
