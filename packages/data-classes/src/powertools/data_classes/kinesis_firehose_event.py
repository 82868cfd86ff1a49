"""Amazon Data Firehose data transformation event and the response it expects."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from powertools.common.dict_wrapper import DictWrapper, decode_base64, parse_json
from powertools.common.exceptions import PowertoolsError
from powertools.data_classes._fields import Field, Records, Section, utf8

__all__ = [
    "FirehoseResponseError",
    "KinesisFirehoseDataTransformationRecord",
    "KinesisFirehoseDataTransformationRecordMetadata",
    "KinesisFirehoseDataTransformationResponse",
    "KinesisFirehoseEvent",
    "KinesisFirehoseRecord",
    "KinesisFirehoseRecordMetadata",
    "encode_data",
]

FirehoseResult = Literal["Ok", "Dropped", "ProcessingFailed"]
_RESULTS = ("Ok", "Dropped", "ProcessingFailed")


class FirehoseResponseError(PowertoolsError, ValueError):
    """A transformation response Firehose would reject (unknown result, no records)."""


@dataclass(repr=False, order=False)
class KinesisFirehoseDataTransformationRecordMetadata:
    """Partition keys for dynamic partitioning."""

    partition_keys: dict[str, str] = field(default_factory=dict)

    def asdict(self) -> dict[str, Any]:
        return {"partitionKeys": self.partition_keys} if self.partition_keys is not None else {}


@dataclass(repr=False, order=False)
class KinesisFirehoseDataTransformationRecord:
    """One transformed record; ``data`` is base64-encoded."""

    record_id: str
    result: FirehoseResult = "Ok"
    data: str = ""
    metadata: KinesisFirehoseDataTransformationRecordMetadata | None = None
    json_serializer: Callable[..., str] = json.dumps
    json_deserializer: Callable[..., Any] = json.loads

    def __post_init__(self) -> None:
        if self.result not in _RESULTS:
            raise FirehoseResponseError(f"result must be one of {', '.join(_RESULTS)}, got {self.result!r}")

    def asdict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"recordId": self.record_id, "result": self.result, "data": self.data}
        if self.metadata:
            record["metadata"] = self.metadata.asdict()
        return record

    @property
    def data_as_bytes(self) -> bytes:
        return decode_base64(self.data, field="data") if self.data else b""

    @property
    def data_as_text(self) -> str:
        return utf8(self.data_as_bytes, "data")

    @property
    def data_as_json(self) -> Any:
        return parse_json(self.data_as_text, field="data", deserializer=self.json_deserializer) if self.data else {}


@dataclass(repr=False, order=False)
class KinesisFirehoseDataTransformationResponse:
    """What the transformation function returns: one entry per received record."""

    records: list[KinesisFirehoseDataTransformationRecord] = field(default_factory=list)

    def add_record(self, record: KinesisFirehoseDataTransformationRecord) -> None:
        self.records.append(record)

    def asdict(self) -> dict[str, Any]:
        if not self.records:
            raise FirehoseResponseError("Firehose doesn't accept an empty response: add a record for each input record")
        return {"records": [record.asdict() for record in self.records]}


class KinesisFirehoseRecordMetadata(DictWrapper):
    """``kinesisRecordMetadata``: where the record sat in the source Kinesis stream."""

    shard_id = Field[str]("shardId")
    partition_key = Field[str]("partitionKey")
    approximate_arrival_timestamp = Field[int]("approximateArrivalTimestamp", "Epoch milliseconds.")
    sequence_number = Field[str]("sequenceNumber")
    subsequence_number = Field[int]("subsequenceNumber")


class KinesisFirehoseRecord(DictWrapper):
    approximate_arrival_timestamp = Field[int]("approximateArrivalTimestamp", "Epoch milliseconds.")
    record_id = Field[str]("recordId")
    data = Field[str]("data", "Base64-encoded.")
    metadata = Section(KinesisFirehoseRecordMetadata, "kinesisRecordMetadata", optional=True)

    @property
    def data_as_bytes(self) -> bytes:
        return self._cached("data_as_bytes", lambda: decode_base64(self.data or "", field="data"))

    @property
    def data_as_text(self) -> str:
        return utf8(self.data_as_bytes, "data")

    @property
    def data_as_json(self) -> Any:
        """The decoded data parsed as JSON (cached)."""
        return self._cached(
            "data_as_json", lambda: parse_json(self.data_as_text, field="data", deserializer=self._json_deserializer)
        )

    def build_data_transformation_response(
        self,
        result: FirehoseResult = "Ok",
        data: str = "",
        metadata: KinesisFirehoseDataTransformationRecordMetadata | None = None,
    ) -> KinesisFirehoseDataTransformationRecord:
        """The response entry for this record; ``data`` must already be base64-encoded."""
        return KinesisFirehoseDataTransformationRecord(
            record_id=self.record_id or "", result=result, data=data, metadata=metadata
        )


class KinesisFirehoseEvent(DictWrapper):
    """A batch of records to transform."""

    invocation_id = Field[str]("invocationId")
    delivery_stream_arn = Field[str]("deliveryStreamArn")
    source_kinesis_stream_arn = Field[str]("sourceKinesisStreamArn", "Only when the source is a Kinesis stream.")
    region = Field[str]("region")
    records = Records(KinesisFirehoseRecord, "records")


def encode_data(data: bytes | str) -> str:
    """Base64 text for a response's ``data`` (a helper; upstream users call ``base64.b64encode``)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return base64.b64encode(raw).decode("ascii")
