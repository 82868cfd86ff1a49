"""Amazon SQS event (the shapes live in powertools.common.events.sqs)."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from powertools.common.events.sqs import (
    SQSEvent,
    SQSMessageAttribute,
    SQSMessageAttributes,
    SQSRecord,
    SQSRecordAttributes,
    register_nested_event,
)

__all__ = ["SQSEvent", "SQSMessageAttribute", "SQSMessageAttributes", "SQSRecord", "SQSRecordAttributes"]


def _s3_event(body: Mapping[str, Any]) -> Any:
    return importlib.import_module("powertools.data_classes.s3_event").S3Event(body)


def _sns_message(body: Mapping[str, Any]) -> Any:
    return importlib.import_module("powertools.data_classes.sns_event").SNSMessage(body)


# SQSRecord.decoded_nested_*_event build these shapes, which common cannot import.
register_nested_event("s3", _s3_event)
register_nested_event("sns", _sns_message)
