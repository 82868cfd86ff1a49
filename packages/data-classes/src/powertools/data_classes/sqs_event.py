"""Amazon SQS event: the common SQS shapes plus decoding of nested S3 and SNS events."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from powertools.common.events import sqs as _common
from powertools.common.events.sqs import SQSMessageAttribute, SQSMessageAttributes, SQSRecordAttributes
from powertools.common.exceptions import InvalidEventError

if TYPE_CHECKING:  # pragma: no cover
    from powertools.data_classes.s3_event import S3Event
    from powertools.data_classes.sns_event import SNSMessage

__all__ = ["SQSEvent", "SQSMessageAttribute", "SQSMessageAttributes", "SQSRecord", "SQSRecordAttributes"]


class SQSRecord(_common.SQSRecord):
    """An SQS message, plus decoding of the S3 and SNS events SQS often carries.

    The shapes of those nested events live in this package, so the decoding does too;
    powertools.common keeps only what batch processing reads.
    """

    @property
    def decoded_nested_s3_event(self) -> S3Event:
        """The body as an ``S3Event`` (S3 -> SQS notifications)."""
        from powertools.data_classes.s3_event import S3Event

        return S3Event(self._body_object("S3"))

    @property
    def decoded_nested_sns_event(self) -> SNSMessage:
        """The body as an ``SNSMessage`` (SNS -> SQS without raw delivery)."""
        from powertools.data_classes.sns_event import SNSMessage

        return SNSMessage(self._body_object("SNS"))

    def _body_object(self, kind: str) -> Mapping[str, Any]:
        body = self.json_body
        if not isinstance(body, Mapping):
            raise InvalidEventError(f"body is not a JSON object holding an {kind} event", field="body")
        return body


class SQSEvent(_common.SQSEvent):
    """A batch of SQS messages."""

    @property
    def records(self) -> Iterator[SQSRecord]:
        for record in super().records:
            yield SQSRecord(record.raw_event, self._json_deserializer)
