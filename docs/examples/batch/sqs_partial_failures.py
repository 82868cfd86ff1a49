from powertools.batch import BatchProcessor, EventType, process_partial_response
from powertools.batch.types import PartialItemFailureResponse
from powertools.common.events.sqs import SQSRecord
from powertools.common.typing import LambdaContext

processor = BatchProcessor(event_type=EventType.SQS)
stock = {"KB-01": 5, "MS-02": 0}  # stands in for your inventory service


def reserve_stock(sku: str, quantity: int) -> None:
    if stock.get(sku, 0) < quantity:
        raise ValueError(f"not enough {sku} in stock")
    stock[sku] -= quantity


def record_handler(record: SQSRecord) -> None:
    order = record.json_body
    reserve_stock(order["sku"], order["quantity"])  # raise to fail this record only


def lambda_handler(event: dict, context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
