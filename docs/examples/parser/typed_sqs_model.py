from powertools.common.typing import LambdaContext
from powertools.parser import BaseModel, Json, event_parser
from powertools.parser.models import SqsModel, SqsRecordModel


class Order(BaseModel):
    order_id: str
    total: float


class OrderRecord(SqsRecordModel):
    body: Json[Order]


class OrderQueueEvent(SqsModel):
    Records: list[OrderRecord]


@event_parser
def lambda_handler(event: OrderQueueEvent, context: LambdaContext) -> dict:
    # the whole SQS event, typed: ids, attributes and each body as an Order
    return {record.messageId: record.body.total for record in event.Records}
