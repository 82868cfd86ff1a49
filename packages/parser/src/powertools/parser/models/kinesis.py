"""Amazon Kinesis Data Streams event; ``data`` is decoded from base64 to bytes."""

from typing import Any, Literal

from pydantic import BaseModel, field_validator

from powertools.common.dict_wrapper import parse_json
from powertools.parser.models._decoders import b64decode, gunzip
from powertools.parser.models.cloudwatch import CloudWatchLogsDecode


class KinesisDataStreamRecordPayload(BaseModel):
    kinesisSchemaVersion: str
    partitionKey: str
    sequenceNumber: str
    data: bytes | type[BaseModel] | BaseModel  # base64 in the event, bytes here
    approximateArrivalTimestamp: float

    @field_validator("data", mode="before")
    @classmethod
    def _decode_data(cls, value: Any) -> bytes:
        return b64decode(value)


class KinesisDataStreamRecord(BaseModel):
    eventSource: Literal["aws:kinesis"]
    eventVersion: str
    eventID: str
    eventName: Literal["aws:kinesis:record"]
    invokeIdentityArn: str
    awsRegion: str
    eventSourceARN: str
    kinesis: KinesisDataStreamRecordPayload

    def decompress_zlib_record_data_as_json(self) -> dict[str, Any]:
        """The record's zlib/gzip-compressed JSON data (e.g. CloudWatch Logs delivered via Kinesis)."""
        if not isinstance(self.kinesis.data, bytes):
            raise ValueError("We can only decompress bytes data, not custom models.")
        decoded: dict[str, Any] = parse_json(gunzip(self.kinesis.data), field="kinesis.data")
        return decoded


class KinesisDataStreamModel(BaseModel):
    Records: list[KinesisDataStreamRecord]


def extract_cloudwatch_logs_from_event(event: KinesisDataStreamModel) -> list[CloudWatchLogsDecode]:
    """Every record of a Kinesis event carrying CloudWatch Logs subscription data, decoded."""
    return [extract_cloudwatch_logs_from_record(record) for record in event.Records]


def extract_cloudwatch_logs_from_record(record: KinesisDataStreamRecord) -> CloudWatchLogsDecode:
    """One Kinesis record carrying CloudWatch Logs subscription data, decoded."""
    return CloudWatchLogsDecode.model_validate(record.decompress_zlib_record_data_as_json())
