from pydantic import BaseModel, Json

from powertools.batch import BatchProcessor, EventType, process_partial_response
from powertools.batch.types import PartialItemFailureResponse
from powertools.common.typing import LambdaContext
from powertools.parser.models import SqsRecordModel


class Order(BaseModel):
    sku: str
    quantity: int


class OrderRecord(SqsRecordModel):
    body: Json[Order]


processor = BatchProcessor(event_type=EventType.SQS, model=OrderRecord)
reserved: list[Order] = []


def record_handler(record: OrderRecord) -> None:
    reserved.append(record.body)  # already an Order: a body that doesn't match never gets here


def lambda_handler(event: dict, context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
