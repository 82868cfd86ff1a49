"""Amazon DynamoDB Streams event (the shapes live in powertools.common.events.dynamodb)."""

from __future__ import annotations

from powertools.common.events.dynamodb import (
    DynamoDBRecord,
    DynamoDBRecordEventName,
    DynamoDBStreamEvent,
    DynamoDBStreamWindow,
    StreamRecord,
    StreamViewType,
    TypeDeserializer,
)

__all__ = [
    "DynamoDBRecord",
    "DynamoDBRecordEventName",
    "DynamoDBStreamEvent",
    "DynamoDBStreamWindow",
    "StreamRecord",
    "StreamViewType",
    "TypeDeserializer",
]
