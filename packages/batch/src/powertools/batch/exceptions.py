"""Batch processing errors (upstream: ``utilities.batch.exceptions``)."""

from __future__ import annotations

import traceback
from types import TracebackType

from powertools.common.exceptions import PowertoolsError

__all__ = [
    "BaseBatchProcessingError",
    "BatchProcessingError",
    "ExceptionInfo",
    "SQSFifoCircuitBreakerError",
    "SQSFifoMessageGroupCircuitBreakerError",
    "UnexpectedBatchTypeError",
]

# What sys.exc_info() returns for a record that failed.
ExceptionInfo = tuple[type[BaseException] | None, BaseException | None, TracebackType | None]


class BaseBatchProcessingError(PowertoolsError):
    def __init__(self, msg: str = "", child_exceptions: list[ExceptionInfo] | None = None) -> None:
        super().__init__(msg)
        self.msg = msg
        self.child_exceptions: list[ExceptionInfo] = child_exceptions or []

    def format_exceptions(self, parent_exception_str: str) -> str:
        """The message followed by each record's traceback."""
        parts = [f"{parent_exception_str}\n"]
        for kind, error, trace in self.child_exceptions:
            parts.append("".join(traceback.format_exception(kind, error, trace)))
        return "\n".join(parts)


class BatchProcessingError(BaseBatchProcessingError):
    """Every record of the batch failed; ``child_exceptions`` holds each record's error."""

    def __str__(self) -> str:
        return self.format_exceptions(super().__str__())


class UnexpectedBatchTypeError(BatchProcessingError):
    """The event is not a batch of the processor's event type (no ``Records`` list)."""


class SQSFifoCircuitBreakerError(PowertoolsError):
    """A FIFO record was not processed because an earlier record of the batch failed."""


class SQSFifoMessageGroupCircuitBreakerError(PowertoolsError):
    """A FIFO record was not processed because an earlier record of its message group failed."""
