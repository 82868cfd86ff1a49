"""The fulfilment consumer: one Lambda function reading the fulfilment SQS queue.

Each message reserves stock for one order line. A message that can't be processed is
reported in ``batchItemFailures``, so SQS redelivers only that one (the function's event
source mapping has ``ReportBatchItemFailures`` on); the others are deleted.
"""

from __future__ import annotations

import os
from typing import Any

import boto3
from orders_models import FulfilmentMessage

from powertools.batch import BatchProcessor, EventType, process_partial_response
from powertools.batch.types import PartialItemFailureResponse
from powertools.common.typing import LambdaContext
from powertools.data_classes import SQSRecord
from powertools.logger import Logger
from powertools.metrics import Metrics, MetricUnit
from powertools.tracer import Tracer
from powertools.validation import validate

FULFILMENT_TABLE = os.environ.get("FULFILMENT_TABLE", "fulfilment")

# The queue's contract, checked before the message is trusted (JSON Schema).
MESSAGE_SCHEMA = {
    "type": "object",
    "required": ["order_id", "sku", "quantity"],
    "properties": {
        "order_id": {"type": "string", "minLength": 1},
        "sku": {"type": "string", "minLength": 1},
        "quantity": {"type": "integer", "minimum": 1},
    },
}

logger = Logger(service="fulfilment")
tracer = Tracer(service="fulfilment")
metrics = Metrics(namespace="Shop", service="fulfilment")
processor = BatchProcessor(event_type=EventType.SQS, logger=logger)  # failures logged with their error
_dynamodb: Any = None


@tracer.capture_method
def reserve(record: SQSRecord) -> None:
    global _dynamodb
    validate(event=record.json_body, schema=MESSAGE_SCHEMA)
    message = FulfilmentMessage.model_validate(record.json_body)
    if _dynamodb is None:
        _dynamodb = boto3.client("dynamodb")
    _dynamodb.update_item(
        TableName=FULFILMENT_TABLE,
        Key={"order_id": {"S": message.order_id}},
        UpdateExpression="ADD reserved_units :q SET last_sku = :s",
        ExpressionAttributeValues={":q": {"N": str(message.quantity)}, ":s": {"S": message.sku}},
    )
    metrics.add_metric(name="UnitsReserved", unit=MetricUnit.Count, value=message.quantity)
    logger.info("stock reserved", extra={"order_id": message.order_id, "sku": message.sku})


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=reserve, processor=processor, context=context)
