"""``process_partial_response`` and friends: a whole handler in one call."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

from powertools.batch.base import AsyncBatchProcessor, BasePartialBatchProcessor, BatchProcessor
from powertools.batch.exceptions import UnexpectedBatchTypeError
from powertools.batch.types import PartialItemFailureResponse
from powertools.common.middleware import lambda_handler_decorator
from powertools.common.warnings import PowertoolsDeprecationWarning

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Awaitable, Callable

    from powertools.common.typing import LambdaContext

__all__ = ["async_batch_processor", "async_process_partial_response", "batch_processor", "process_partial_response"]


def _records(event: Any, processor: BasePartialBatchProcessor) -> list[dict[str, Any]]:
    records = event.get("Records") if isinstance(event, Mapping) else None
    if not isinstance(records, list):
        found = "no event object" if not isinstance(event, Mapping) else "no 'Records' list"
        raise UnexpectedBatchTypeError(
            f"Expected a {processor.event_type.value} batch event, found {found}. "
            "Possible values are: SQS, KinesisDataStreams, DynamoDBStreams"
        )
    return records


def process_partial_response(
    event: dict[str, Any],
    record_handler: Callable[..., Any],
    processor: BasePartialBatchProcessor,
    context: LambdaContext | None = None,
) -> PartialItemFailureResponse:
    """Process every record of ``event`` and return the response Lambda expects."""
    records = _records(event, processor)
    with processor(records, record_handler, context):
        processor.process()
    return processor.response()


def async_process_partial_response(
    event: dict[str, Any],
    record_handler: Callable[..., Awaitable[Any]],
    processor: AsyncBatchProcessor,
    context: LambdaContext | None = None,
) -> PartialItemFailureResponse:
    """As :func:`process_partial_response`, with an ``async def`` record handler run concurrently."""
    records = _records(event, processor)
    with processor(records, record_handler, context):
        processor.async_process()
    return processor.response()


@lambda_handler_decorator
def batch_processor(
    handler: Callable[..., Any],
    event: dict[str, Any],
    context: LambdaContext,
    record_handler: Callable[..., Any],
    processor: BatchProcessor,
) -> Any:
    """Deprecated upstream in v3: process the batch, then call the handler (which returns ``processor.response()``)."""
    warnings.warn(
        "The `batch_processor` decorator is deprecated in V3 and will be removed in the next major version. "
        "Use `process_partial_response` function instead.",
        category=PowertoolsDeprecationWarning,
        stacklevel=2,
    )
    with processor(_records(event, processor), record_handler, lambda_context=context):
        processor.process()
    return handler(event, context)


@lambda_handler_decorator
def async_batch_processor(
    handler: Callable[..., Any],
    event: dict[str, Any],
    context: LambdaContext,
    record_handler: Callable[..., Awaitable[Any]],
    processor: AsyncBatchProcessor,
) -> Any:
    """Deprecated upstream in v3: the async form of :func:`batch_processor`."""
    warnings.warn(
        "The `async_batch_processor` decorator is deprecated in V3 and will be removed in the next major version. "
        "Use `async_process_partial_response` function instead.",
        category=PowertoolsDeprecationWarning,
        stacklevel=2,
    )
    with processor(_records(event, processor), record_handler, lambda_context=context):
        processor.async_process()
    return handler(event, context)
