"""SQS FIFO queues: keep the order of messages when one fails.

After a failure, the records that follow are not processed and are reported failed too, so
SQS redelivers them after the failed one, in order. With ``skip_group_on_error=True`` only
the records of the failed record's message group are held back; other groups go on.
"""

from __future__ import annotations

from typing import Any

from powertools.batch.base import BatchProcessor, FailureResponse, SuccessResponse, WarningLogger
from powertools.batch.exceptions import (
    ExceptionInfo,
    SQSFifoCircuitBreakerError,
    SQSFifoMessageGroupCircuitBreakerError,
)
from powertools.batch.types import EventType

__all__ = ["SqsFifoPartialProcessor"]


class SqsFifoPartialProcessor(BatchProcessor):
    """A BatchProcessor for SQS FIFO queues."""

    circuit_breaker_exc: ExceptionInfo = (
        SQSFifoCircuitBreakerError,
        SQSFifoCircuitBreakerError("A previous record failed processing"),
        None,
    )
    group_circuit_breaker_exc: ExceptionInfo = (
        SQSFifoMessageGroupCircuitBreakerError,
        SQSFifoMessageGroupCircuitBreakerError("A previous record from this message group failed processing"),
        None,
    )

    def __init__(self, model: Any = None, skip_group_on_error: bool = False, logger: WarningLogger | None = None):
        self._skip_group_on_error = skip_group_on_error
        self._current_group_id: str | None = None
        self._failed_group_ids: set[str] = set()
        super().__init__(EventType.SQS, model, logger=logger)

    def _process_record(self, record: dict[str, Any]) -> SuccessResponse | FailureResponse:
        attributes = record.get("attributes") if isinstance(record, dict) else None
        group = attributes.get("MessageGroupId") if isinstance(attributes, dict) else None
        # SQS sends a string; anything else (a hand-built event) still groups by a stable, hashable key.
        self._current_group_id = group if group is None or isinstance(group, str) else repr(group)
        if self._skip_group_on_error:
            held_back = self._current_group_id in self._failed_group_ids
        else:
            held_back = bool(self.fail_messages)
        if held_back:
            breaker = self.group_circuit_breaker_exc if self._skip_group_on_error else self.circuit_breaker_exc
            return self.failure_handler(record=self._record_class(record), exception=breaker)
        return super()._process_record(record)

    def failure_handler(self, record: Any, exception: ExceptionInfo) -> FailureResponse:
        if self._skip_group_on_error and self._current_group_id:
            self._failed_group_ids.add(self._current_group_id)
        return super().failure_handler(record, exception)

    def _clean(self) -> None:
        self._failed_group_ids.clear()
        self._current_group_id = None
        super()._clean()
