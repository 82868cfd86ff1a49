from powertools.common.typing import LambdaContext
from powertools.parser import BaseModel, ValidationError, parse


class Order(BaseModel):
    order_id: str
    total: float


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    try:
        order = parse(event["body"], Order)  # JSON text; a dict works too
    except ValidationError as error:
        missing = [".".join(map(str, e["loc"])) for e in error.errors()]  # e.g. ["total"]
        return {"statusCode": 400, "body": f"invalid order: {', '.join(missing)}"}
    return {"statusCode": 200, "body": f"{order.order_id}: {order.total:.2f}"}
