"""Amazon SQS event (the batch utility and data classes both read it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from powertools.common.dict_wrapper import DictWrapper, parse_json
from powertools.common.exceptions import InvalidEventError

__all__ = [
    "SQSEvent",
    "SQSMessageAttribute",
    "SQSMessageAttributes",
    "SQSRecord",
    "SQSRecordAttributes",
]


class SQSRecordAttributes(DictWrapper):
    """The system attributes SQS attaches to each message."""

    @property
    def aws_trace_header(self) -> str | None:
        return self._data.get("AWSTraceHeader")

    @property
    def approximate_receive_count(self) -> str | None:
        return self._data.get("ApproximateReceiveCount")

    @property
    def sent_timestamp(self) -> str | None:
        return self._data.get("SentTimestamp")

    @property
    def sender_id(self) -> str | None:
        return self._data.get("SenderId")

    @property
    def approximate_first_receive_timestamp(self) -> str | None:
        return self._data.get("ApproximateFirstReceiveTimestamp")

    @property
    def sequence_number(self) -> str | None:
        """FIFO queues only."""
        return self._data.get("SequenceNumber")

    @property
    def message_group_id(self) -> str | None:
        """FIFO queues only."""
        return self._data.get("MessageGroupId")

    @property
    def message_deduplication_id(self) -> str | None:
        """FIFO queues only."""
        return self._data.get("MessageDeduplicationId")

    @property
    def dead_letter_queue_source_arn(self) -> str | None:
        return self._data.get("DeadLetterQueueSourceArn")


class SQSMessageAttribute(DictWrapper):
    """One user-defined message attribute."""

    @property
    def string_value(self) -> str | None:
        return self._data.get("stringValue")

    @property
    def binary_value(self) -> str | None:
        """Base64-encoded, as SQS delivers it."""
        return self._data.get("binaryValue")

    @property
    def data_type(self) -> str | None:
        return self._data.get("dataType")


class SQSMessageAttributes(dict[str, Any]):
    """Message attributes by name; lookups give ``SQSMessageAttribute`` or None."""

    def __getitem__(self, key: str) -> SQSMessageAttribute | None:
        item = super().get(key)
        return None if item is None else SQSMessageAttribute(item)

    def get(self, key: str, default: Any = None) -> Any:
        item = super().get(key)
        return default if item is None else SQSMessageAttribute(item)

    def items(self) -> list[tuple[str, SQSMessageAttribute]]:  # type: ignore[override]
        return [(key, SQSMessageAttribute(value)) for key, value in super().items() if value is not None]


class SQSRecord(DictWrapper):
    """One SQS message."""

    @property
    def message_id(self) -> str | None:
        return self._data.get("messageId")

    @property
    def receipt_handle(self) -> str | None:
        return self._data.get("receiptHandle")

    @property
    def body(self) -> str | None:
        return self._data.get("body")

    @property
    def json_body(self) -> Any:
        """The body parsed as JSON (once per record); None when there is no body."""
        return self._cached(
            "json_body", lambda: parse_json(self.body, field="body", deserializer=self._json_deserializer)
        )

    @property
    def attributes(self) -> SQSRecordAttributes:
        return SQSRecordAttributes(self._section("attributes"))

    @property
    def message_attributes(self) -> SQSMessageAttributes:
        return SQSMessageAttributes(self._section("messageAttributes"))

    @property
    def md5_of_body(self) -> str | None:
        return self._data.get("md5OfBody")

    @property
    def event_source(self) -> str | None:
        return self._data.get("eventSource")

    @property
    def event_source_arn(self) -> str | None:
        return self._data.get("eventSourceARN")

    @property
    def aws_region(self) -> str | None:
        return self._data.get("awsRegion")

    @property
    def queue_url(self) -> str | None:
        """The queue's URL, derived from ``eventSourceARN`` (``arn:aws:sqs:region:account:name``)."""
        arn = self.event_source_arn
        if not isinstance(arn, str):
            return None
        parts = arn.split(":")
        if len(parts) != 6:
            raise InvalidEventError(f"eventSourceARN is not an SQS queue ARN: {arn!r}", field="eventSourceARN")
        region, account_id, name = parts[3], parts[4], parts[5]
        suffix = ".amazonaws.com.cn" if parts[1] == "aws-cn" else ".amazonaws.com"
        return f"https://sqs.{region}{suffix}/{account_id}/{name}"


class SQSEvent(DictWrapper):
    """A batch of SQS messages."""

    @property
    def records(self) -> Iterator[SQSRecord]:
        records = self._data.get("Records")
        if records is None:
            return
        if not isinstance(records, list):
            raise InvalidEventError("Records must be a list", field="Records")
        for record in records:
            yield SQSRecord(record, self._json_deserializer)
