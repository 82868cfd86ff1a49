"""Partial batch failures for SQS, Kinesis and DynamoDB Streams (upstream: aws_lambda_powertools.utilities.batch).

from powertools.batch import BatchProcessor, EventType, process_partial_response

processor = BatchProcessor(event_type=EventType.SQS)

def handler(event, context):
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.1.1"

_EXPORTS = {
    "AsyncBatchProcessor": ".base",
    "BasePartialBatchProcessor": ".base",
    "BasePartialProcessor": ".base",
    "BatchProcessor": ".base",
    "EventType": ".types",
    "FailureResponse": ".base",
    "SuccessResponse": ".base",
    "BatchTypeModels": ".types",
    "ExceptionInfo": ".exceptions",
    "BatchProcessingError": ".exceptions",
    "SqsFifoPartialProcessor": ".sqs_fifo_partial_processor",
    "async_batch_processor": ".decorators",
    "async_process_partial_response": ".decorators",
    "batch_processor": ".decorators",
    "process_partial_response": ".decorators",
}

__all__ = [*sorted(_EXPORTS), "__version__"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.batch.base import (
        AsyncBatchProcessor,
        BasePartialBatchProcessor,
        BasePartialProcessor,
        BatchProcessor,
        FailureResponse,
        SuccessResponse,
    )
    from powertools.batch.decorators import (
        async_batch_processor,
        async_process_partial_response,
        batch_processor,
        process_partial_response,
    )
    from powertools.batch.exceptions import BatchProcessingError, ExceptionInfo
    from powertools.batch.sqs_fifo_partial_processor import SqsFifoPartialProcessor
    from powertools.batch.types import BatchTypeModels, EventType
