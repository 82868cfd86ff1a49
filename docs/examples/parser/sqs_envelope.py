from powertools.common.typing import LambdaContext
from powertools.parser import BaseModel, envelopes, event_parser


class Order(BaseModel):
    order_id: str
    total: float


@event_parser(model=Order, envelope=envelopes.SqsEnvelope)
def lambda_handler(orders: list[Order], context: LambdaContext) -> list[str]:
    return [order.order_id for order in orders]
