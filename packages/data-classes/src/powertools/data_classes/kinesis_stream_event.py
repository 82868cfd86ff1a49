"""Amazon Kinesis Data Streams event (the shapes live in powertools.common.events.kinesis)."""

from __future__ import annotations

from powertools.common.dict_wrapper import parse_json
from powertools.common.events.kinesis import (
    KinesisStreamEvent,
    KinesisStreamRecord,
    KinesisStreamRecordPayload,
    KinesisStreamWindow,
)
from powertools.data_classes._fields import mapping
from powertools.data_classes.cloud_watch_logs_event import CloudWatchLogsDecodedData, decompress_gzip

__all__ = [
    "KinesisStreamEvent",
    "KinesisStreamRecord",
    "KinesisStreamRecordPayload",
    "KinesisStreamWindow",
    "extract_cloudwatch_logs_from_event",
    "extract_cloudwatch_logs_from_record",
]


def extract_cloudwatch_logs_from_record(record: KinesisStreamRecord) -> CloudWatchLogsDecodedData:
    """The CloudWatch Logs batch a subscription filter wrote into one Kinesis record."""
    raw = decompress_gzip(record.kinesis.data_as_bytes(), field="kinesis.data")
    parsed = parse_json(raw, field="kinesis.data", deserializer=record.kinesis._json_deserializer)
    return CloudWatchLogsDecodedData(mapping(parsed, "kinesis.data"))


def extract_cloudwatch_logs_from_event(event: KinesisStreamEvent) -> list[CloudWatchLogsDecodedData]:
    """Every record's CloudWatch Logs batch."""
    return [extract_cloudwatch_logs_from_record(record) for record in event.records]
