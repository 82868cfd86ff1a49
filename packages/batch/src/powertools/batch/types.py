"""The shapes of a partial batch response (upstream: ``utilities.batch.types``)."""

from __future__ import annotations

from enum import Enum
from typing import Any, TypedDict

__all__ = [
    "BatchSqsTypeModel",
    "BatchTypeModels",
    "EventType",
    "PartialItemFailureResponse",
    "PartialItemFailures",
]

# A pydantic model class for one record (e.g. powertools.parser's SqsRecordModel), or None.
# Typed loosely: this package never imports pydantic or powertools.parser.
BatchTypeModels = Any
BatchSqsTypeModel = Any


class EventType(Enum):
    """The event sources whose records can be reported failed one by one."""

    SQS = "SQS"
    KinesisDataStreams = "KinesisDataStreams"
    DynamoDBStreams = "DynamoDBStreams"


class PartialItemFailures(TypedDict):
    itemIdentifier: str


class PartialItemFailureResponse(TypedDict):
    batchItemFailures: list[PartialItemFailures]
