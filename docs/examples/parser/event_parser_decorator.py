from powertools.common.typing import LambdaContext
from powertools.parser import BaseModel, event_parser


class Order(BaseModel):
    order_id: str
    total: float


@event_parser  # the model is the type hint of the first parameter
def lambda_handler(event: Order, context: LambdaContext) -> dict:
    return {"total": event.total}


@event_parser(model=Order)  # or given explicitly
def refund_handler(event: Order, context: LambdaContext) -> dict:
    return {"refund": -event.total}
