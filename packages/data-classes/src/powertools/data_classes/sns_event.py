"""Amazon SNS event."""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper, parse_json
from powertools.data_classes._fields import Field, Records, Section

__all__ = ["SNSEvent", "SNSEventRecord", "SNSMessage", "SNSMessageAttribute"]


class SNSMessageAttribute(DictWrapper):
    get_type = Field[str]("Type", "String, String.Array, Number or Binary.")
    value = Field[str]("Value", "Binary values are base64-encoded.")


class SNSMessage(DictWrapper):
    """The notification itself.

    SNS spells the certificate and unsubscribe URLs ``...Url`` when it invokes Lambda and
    ``...URL`` when it delivers to SQS; both spellings are read.
    """

    signature_version = Field[str]("SignatureVersion")
    timestamp = Field[str]("Timestamp")
    signature = Field[str]("Signature")
    message_id = Field[str]("MessageId")
    message = Field[str]("Message")
    get_type = Field[str]("Type")
    topic_arn = Field[str]("TopicArn")
    subject = Field[str]("Subject")

    @property
    def signing_cert_url(self) -> str | None:
        return self._data.get("SigningCertUrl", self._data.get("SigningCertURL"))

    @property
    def unsubscribe_url(self) -> str | None:
        return self._data.get("UnsubscribeUrl", self._data.get("UnsubscribeURL"))

    @property
    def message_attributes(self) -> dict[str, SNSMessageAttribute]:
        return {name: SNSMessageAttribute(value) for name, value in self._section("MessageAttributes").items()}

    @property
    def json_message(self) -> Any:
        """``message`` parsed as JSON (cached)."""
        return self._cached(
            "json_message", lambda: parse_json(self.message, field="Sns.Message", deserializer=self._json_deserializer)
        )


class SNSEventRecord(DictWrapper):
    event_version = Field[str]("EventVersion")
    event_subscription_arn = Field[str]("EventSubscriptionArn")
    event_source = Field[str]("EventSource")
    sns = Section(SNSMessage, "Sns")


class SNSEvent(DictWrapper):
    """One SNS notification (Lambda always receives a single record)."""

    records = Records(SNSEventRecord)

    @property
    def record(self) -> SNSEventRecord:
        """The first record."""
        return next(self.records, SNSEventRecord({}))

    @property
    def sns_message(self) -> str | None:
        """The first record's message text."""
        return self.record.sns.message
