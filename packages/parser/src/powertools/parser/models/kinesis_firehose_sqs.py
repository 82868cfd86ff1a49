"""Firehose records whose data are whole SQS messages (e.g. an EventBridge Pipe from SQS)."""

import json
from typing import Any

from pydantic import BaseModel, PositiveInt, field_validator

from powertools.parser.models._decoders import b64decode
from powertools.parser.models.kinesis_firehose import KinesisFirehoseRecordMetadata
from powertools.parser.models.sqs import SqsRecordModel


class KinesisFirehoseSqsRecord(BaseModel):
    data: SqsRecordModel
    recordId: str
    approximateArrivalTimestamp: PositiveInt
    kinesisRecordMetadata: KinesisFirehoseRecordMetadata | None = None

    @field_validator("data", mode="before")
    @classmethod
    def _decode_data(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return value
        try:
            return json.loads(b64decode(value))
        except json.JSONDecodeError as exc:
            raise ValueError(f"data is not a JSON SQS message: {exc}") from None


class KinesisFirehoseSqsModel(BaseModel):
    invocationId: str
    deliveryStreamArn: str
    region: str
    sourceKinesisStreamArn: str | None = None
    records: list[KinesisFirehoseSqsRecord]
