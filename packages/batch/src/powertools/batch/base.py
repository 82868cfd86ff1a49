"""Batch processors: run a handler per record, collect failures, answer with the failed ones.

Lambda deletes (SQS) or checkpoints past (Kinesis, DynamoDB Streams) every record not named
in ``batchItemFailures``; a record missing from both lists would be lost, so every record
ends up in exactly one of ``success_messages`` / ``fail_messages``, in batch order.
"""

from __future__ import annotations

import logging
import os
import sys
from abc import ABC, abstractmethod
from typing import Any, ClassVar, Protocol

from powertools.batch.exceptions import BatchProcessingError, ExceptionInfo, UnexpectedBatchTypeError
from powertools.batch.types import EventType, PartialItemFailureResponse, PartialItemFailures
from powertools.common.dict_wrapper import DictWrapper, new_wrapper, wrap_section
from powertools.common.events.dynamodb import DynamoDBRecord
from powertools.common.events.kinesis import KinesisStreamRecord
from powertools.common.events.sqs import SQSRecord

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    import asyncio
    from collections.abc import Callable

    from powertools.common.typing import LambdaContext

__all__ = [
    "AsyncBatchProcessor",
    "BasePartialBatchProcessor",
    "BasePartialProcessor",
    "BatchProcessor",
    "EventType",
    "FailureResponse",
    "SuccessResponse",
]

logger = logging.getLogger(__name__)


class WarningLogger(Protocol):
    """What the ``logger=`` argument needs: a stdlib ``logging.Logger`` or a powertools ``Logger``."""

    def warning(self, msg: Any, *args: Any, **kwargs: Any) -> Any: ...


SuccessResponse = tuple[str, Any, Any]  # ("success", handler result, record)
FailureResponse = tuple[str, str, Any]  # ("fail", "<exception class>:<message>", record)

_RECORD_CLASSES: dict[EventType, type[DictWrapper]] = {
    EventType.SQS: SQSRecord,
    EventType.KinesisDataStreams: KinesisStreamRecord,
    EventType.DynamoDBStreams: DynamoDBRecord,
}


def _accepts_lambda_context(handler: Callable[..., Any]) -> bool:
    code = getattr(handler, "__code__", None)
    if code is not None and not hasattr(handler, "__wrapped__"):
        # A plain function: read its parameter names without importing inspect.
        names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
        return "lambda_context" in names
    import inspect

    return "lambda_context" in inspect.signature(handler).parameters


class BasePartialProcessor(ABC):
    """Runs ``handler`` over ``records``; subclasses say how a record is processed and reported."""

    lambda_context: LambdaContext

    def __init__(self, logger: WarningLogger | None = None) -> None:
        self.success_messages: list[Any] = []
        self.fail_messages: list[Any] = []
        self.exceptions: list[ExceptionInfo] = []
        self.logger = logger
        self.records: list[Any] = []
        self._handler_accepts_lambda_context = False
        self._own_success_handler = True

    @abstractmethod
    def _prepare(self) -> None:
        """Reset state before a batch."""

    @abstractmethod
    def _clean(self) -> None:
        """Settle the outcome after a batch."""

    @abstractmethod
    def _process_record(self, record: dict[str, Any]) -> SuccessResponse | FailureResponse:
        """Run the handler on one record (sync processors)."""

    @abstractmethod
    async def _async_process_record(self, record: dict[str, Any]) -> SuccessResponse | FailureResponse:
        """Run the handler on one record (async processors)."""

    def process(self) -> list[SuccessResponse | FailureResponse]:
        """Every record, one after the other, in batch order."""
        return [self._process_record(record) for record in self.records]

    def async_process(self) -> list[SuccessResponse | FailureResponse]:
        """Every record concurrently on an event loop; results in batch order."""
        import asyncio

        async def gather() -> list[SuccessResponse | FailureResponse]:
            return list(await asyncio.gather(*(self._async_process_record(r) for r in self.records)))

        if os.environ.get("LAMBDA_TASK_ROOT"):
            # In Lambda the loop outlives the invocation, so clients bound to it (aiohttp,
            # aioboto3) created in one invocation keep working in the next.
            return _lambda_loop().run_until_complete(gather())
        return asyncio.run(gather())

    def __enter__(self) -> BasePartialProcessor:
        self._prepare()
        return self

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        self._clean()

    def __call__(
        self,
        records: list[dict[str, Any]],
        handler: Callable[..., Any],
        lambda_context: LambdaContext | None = None,
    ) -> BasePartialProcessor:
        """Set the batch: ``with processor(records, handler, context) as batch: batch.process()``."""
        self.records = records
        self.handler = handler
        self._own_success_handler = type(self).success_handler is not BasePartialProcessor.success_handler
        if lambda_context is None:
            self._handler_accepts_lambda_context = False
        else:
            self.lambda_context = lambda_context
            self._handler_accepts_lambda_context = _accepts_lambda_context(handler)
        return self

    def success_handler(self, record: Any, result: Any) -> SuccessResponse:
        """Keep a record that was processed; override to add behaviour (call super)."""
        self.success_messages.append(record)
        return ("success", result, record)

    def failure_handler(self, record: Any, exception: ExceptionInfo) -> FailureResponse:
        """Keep a record that failed and its error; override to add behaviour (call super)."""
        description = f"{exception[0]}:{exception[1]}"
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("Record processing exception: %s", description)
        if self.logger is not None and exception[2] is not None:
            self.logger.warning("Record processing exception; skipping this record", exc_info=exception)
        self.exceptions.append(exception)
        self.fail_messages.append(record)
        return ("fail", description, record)


_LOOP: asyncio.AbstractEventLoop | None = None


def _lambda_loop() -> asyncio.AbstractEventLoop:
    global _LOOP
    import asyncio

    if _LOOP is None or _LOOP.is_closed():
        _LOOP = asyncio.new_event_loop()
        asyncio.set_event_loop(_LOOP)
    return _LOOP


class BasePartialBatchProcessor(BasePartialProcessor):
    """A processor for one event type, answering Lambda with ``batchItemFailures``."""

    DEFAULT_RESPONSE: ClassVar[PartialItemFailureResponse] = {"batchItemFailures": []}

    def __init__(
        self,
        event_type: EventType,
        model: Any = None,
        raise_on_entire_batch_failure: bool = True,
        logger: WarningLogger | None = None,
    ) -> None:
        if not isinstance(event_type, EventType):
            names = ", ".join(EventType.__members__)
            raise ValueError(f"event_type must be an EventType ({names}), got {event_type!r}")
        self.event_type = event_type
        self.model = model
        self.raise_on_entire_batch_failure = raise_on_entire_batch_failure
        self.batch_response: PartialItemFailureResponse = {"batchItemFailures": []}
        self._record_class: type[DictWrapper] = _RECORD_CLASSES[event_type]
        self._plain_record = bool(self._record_class._plain_init)  # may be built without __init__
        # The raw record behind each model instance of this batch, for its identifier: a model
        # may not keep messageId. Instances stay referenced until the next batch, so ids are unique.
        self._raw_by_id: dict[int, Any] = {}
        super().__init__(logger=logger)

    def response(self) -> PartialItemFailureResponse:
        """``{"batchItemFailures": [{"itemIdentifier": ...}, ...]}`` for the last batch."""
        return self.batch_response

    def _prepare(self) -> None:
        self.success_messages.clear()
        self.fail_messages.clear()
        self.exceptions.clear()
        self._raw_by_id.clear()
        self.batch_response = {"batchItemFailures": []}

    def _clean(self) -> None:
        if not self.fail_messages:
            logger.debug("All %d records successfully processed", len(self.success_messages))
            return
        if self.raise_on_entire_batch_failure and self._entire_batch_failed():
            raise BatchProcessingError(
                msg=f"All records failed processing. {len(self.exceptions)} individual errors logged separately below.",
                child_exceptions=self.exceptions,
            )
        self.batch_response = {"batchItemFailures": self._get_messages_to_report()}

    def _has_messages_to_report(self) -> bool:
        return bool(self.fail_messages)

    def _entire_batch_failed(self) -> bool:
        return len(self.exceptions) == len(self.records)

    def _get_messages_to_report(self) -> list[PartialItemFailures]:
        return [{"itemIdentifier": self._identifier(record)} for record in self.fail_messages]

    def _identifier(self, record: Any) -> str:
        """messageId (SQS) or sequence number (streams), from a data class or a model."""
        raw = self._raw_by_id.get(id(record))
        if raw is None:
            raw = _raw(record)
        try:
            if self.event_type is EventType.SQS:
                value = raw["messageId"]
            elif self.event_type is EventType.KinesisDataStreams:
                value = raw["kinesis"]["sequenceNumber"]
            else:
                value = raw["dynamodb"]["SequenceNumber"]
        except (KeyError, TypeError):
            value = None
        if not isinstance(value, str) or not value:
            # Without an identifier the record can't be reported failed, and leaving it out
            # would make Lambda delete it: fail the whole batch so it is retried instead.
            field = {"SQS": "messageId", "KinesisDataStreams": "kinesis.sequenceNumber"}.get(
                self.event_type.value, "dynamodb.SequenceNumber"
            )
            raise UnexpectedBatchTypeError(
                f"A failed {self.event_type.value} record has no {field}: it can't be reported in "
                "batchItemFailures, so the whole batch fails and will be retried",
                child_exceptions=self.exceptions,
            )
        return value

    def _to_batch_type(self, record: dict[str, Any], event_type: EventType, model: Any = None) -> Any:
        """The record as ``model`` (pydantic's ``model_validate``) or as the event type's data class."""
        if model is not None:
            return model.model_validate(record)
        return _RECORD_CLASSES[event_type](record)

    def _convert_or_fail(self, record: dict[str, Any]) -> tuple[Any, bool]:
        """(record for the handler, True), or (the failure entry, False) when the model rejects it."""
        if self.model is None:
            return wrap_section(self._record_class, record), True
        try:
            data = self.model.model_validate(record)
        except Exception:
            # The record fails, reported by the identifier it has even though the model can't be built.
            logger.debug("Record cannot be converted to customer's model; converting without model")
            return self._register_model_validation_error_record(record), False
        self._raw_by_id[id(data)] = record
        return data, True

    def _register_model_validation_error_record(self, record: dict[str, Any]) -> FailureResponse:
        return self.failure_handler(record=self._record_class(record), exception=sys.exc_info())


def _raw(record: Any) -> Any:
    """The record's JSON-like data: a data class's dict, a model's dump, or the record itself."""
    if isinstance(record, DictWrapper):
        return record._data
    dump = getattr(record, "model_dump", None)
    if dump is not None:
        return dump(by_alias=True)
    return record


class BatchProcessor(BasePartialBatchProcessor):
    """Processes records one after the other with a synchronous handler."""

    def _process_record(self, record: dict[str, Any]) -> SuccessResponse | FailureResponse:
        data: Any
        if self.model is None and type(record) is dict and self._plain_record:
            # wrap_section written out: the common case, where a call is a fifth of the overhead.
            data = new_wrapper(self._record_class)
            data._data = record
        elif self.model is None:
            data = wrap_section(self._record_class, record)
        else:
            data, valid = self._convert_or_fail(record)
            if not valid:
                return data
        try:
            if self._handler_accepts_lambda_context:
                result = self.handler(record=data, lambda_context=self.lambda_context)
            else:
                result = self.handler(record=data)
        except Exception:
            return self.failure_handler(data, sys.exc_info())
        if self._own_success_handler:
            return self.success_handler(data, result)
        # success_handler's two steps, without the call (a third of the per-record overhead).
        self.success_messages.append(data)
        return ("success", result, data)

    async def _async_process_record(self, record: dict[str, Any]) -> SuccessResponse | FailureResponse:
        raise NotImplementedError("BatchProcessor runs synchronous handlers; use AsyncBatchProcessor")


class AsyncBatchProcessor(BasePartialBatchProcessor):
    """Processes records concurrently with an ``async def`` handler."""

    def _process_record(self, record: dict[str, Any]) -> SuccessResponse | FailureResponse:
        raise NotImplementedError("AsyncBatchProcessor runs async handlers; use BatchProcessor")

    async def _async_process_record(self, record: dict[str, Any]) -> SuccessResponse | FailureResponse:
        data, valid = self._convert_or_fail(record)
        if not valid:
            return data
        try:
            if self._handler_accepts_lambda_context:
                result = await self.handler(record=data, lambda_context=self.lambda_context)
            else:
                result = await self.handler(record=data)
        except Exception:
            return self.failure_handler(record=data, exception=sys.exc_info())
        return self.success_handler(record=data, result=result)
