"""Amazon Data Firehose (Kinesis Firehose) data-transformation event; ``data`` is decoded to bytes."""

from typing import Any

from pydantic import BaseModel, PositiveInt, field_validator

from powertools.parser.models._decoders import b64decode


class KinesisFirehoseRecordMetadata(BaseModel):
    shardId: str
    partitionKey: str
    approximateArrivalTimestamp: PositiveInt
    sequenceNumber: str
    subsequenceNumber: int


class KinesisFirehoseRecord(BaseModel):
    data: bytes | type[BaseModel]  # base64 in the event, bytes here
    recordId: str
    approximateArrivalTimestamp: PositiveInt
    kinesisRecordMetadata: KinesisFirehoseRecordMetadata | None = None

    @field_validator("data", mode="before")
    @classmethod
    def _decode_data(cls, value: Any) -> bytes:
        return b64decode(value)


class KinesisFirehoseModel(BaseModel):
    invocationId: str
    deliveryStreamArn: str
    region: str
    sourceKinesisStreamArn: str | None = None
    records: list[KinesisFirehoseRecord]
