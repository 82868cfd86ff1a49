"""Amazon SNS event, and the SNS notification JSON that SNS delivers to SQS."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, HttpUrl, model_validator


class SnsMsgAttributeModel(BaseModel):
    Type: str
    Value: str


class SnsNotificationModel(BaseModel):
    Subject: str | None = None
    TopicArn: str
    UnsubscribeUrl: HttpUrl
    Type: Literal["Notification"]
    MessageAttributes: dict[str, SnsMsgAttributeModel] | None = None
    Message: str | type[BaseModel]
    MessageId: str
    SigningCertUrl: HttpUrl | None = None  # absent for FIFO topics
    Signature: str | None = None  # absent for FIFO topics
    Timestamp: datetime
    SignatureVersion: str | None = None  # absent for FIFO topics

    @model_validator(mode="before")
    @classmethod
    def _sqs_spelling(cls, values: Any) -> Any:
        # Delivered to SQS, the notification spells these keys "URL" instead of "Url".
        if isinstance(values, dict) and ("UnsubscribeURL" in values or "SigningCertURL" in values):
            values = dict(values)
            values["UnsubscribeUrl"] = values.pop("UnsubscribeURL", None)
            values["SigningCertUrl"] = values.pop("SigningCertURL", None)
        return values


class SnsRecordModel(BaseModel):
    EventSource: Literal["aws:sns"]
    EventVersion: str
    EventSubscriptionArn: str
    Sns: SnsNotificationModel


class SnsModel(BaseModel):
    Records: list[SnsRecordModel]
