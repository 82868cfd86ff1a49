"""Amazon Kinesis Data Streams event (the batch utility and data classes both read it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from powertools.common.compression import MAX_INFLATED_BYTES, inflate
from powertools.common.dict_wrapper import DictWrapper, decode_base64, parse_json
from powertools.common.events.text import decode_utf8
from powertools.common.exceptions import InvalidEventError

# A Kinesis record holds at most 1 MiB; refuse data that inflates absurdly (a zip bomb).
MAX_DECOMPRESSED_BYTES = MAX_INFLATED_BYTES

__all__ = ["KinesisStreamEvent", "KinesisStreamRecord", "KinesisStreamRecordPayload", "KinesisStreamWindow"]


class KinesisStreamRecordPayload(DictWrapper):
    """The ``kinesis`` part of a record: the data and where it sat in the shard."""

    @property
    def approximate_arrival_timestamp(self) -> float | None:
        return self._data.get("approximateArrivalTimestamp")

    @property
    def data(self) -> str | None:
        """Base64-encoded, as Kinesis delivers it."""
        return self._data.get("data")

    @property
    def kinesis_schema_version(self) -> str | None:
        return self._data.get("kinesisSchemaVersion")

    @property
    def partition_key(self) -> str | None:
        return self._data.get("partitionKey")

    @property
    def sequence_number(self) -> str | None:
        return self._data.get("sequenceNumber")

    def data_as_bytes(self) -> bytes:
        """The decoded data (cached)."""
        return self._cached("data_as_bytes", lambda: decode_base64(self.data or "", field="kinesis.data"))

    def data_as_text(self) -> str:
        """The decoded data as UTF-8 text."""
        return decode_utf8(self.data_as_bytes(), field="kinesis.data")

    def data_as_json(self) -> Any:
        """The decoded data parsed as JSON (cached)."""
        return self._cached(
            "data_as_json",
            lambda: parse_json(self.data_as_text(), field="kinesis.data", deserializer=self._json_deserializer),
        )

    def data_zlib_compressed_as_json(self) -> Any:
        """Data that was gzip/zlib-compressed before encoding (e.g. CloudWatch Logs subscriptions)."""
        raw = inflate(self.data_as_bytes(), field="kinesis.data", limit=MAX_DECOMPRESSED_BYTES)
        return parse_json(raw, field="kinesis.data", deserializer=self._json_deserializer)


class KinesisStreamRecord(DictWrapper):
    """One Kinesis record."""

    @property
    def aws_region(self) -> str | None:
        return self._data.get("awsRegion")

    @property
    def event_id(self) -> str | None:
        return self._data.get("eventID")

    @property
    def event_name(self) -> str | None:
        return self._data.get("eventName")

    @property
    def event_source(self) -> str | None:
        return self._data.get("eventSource")

    @property
    def event_source_arn(self) -> str | None:
        return self._data.get("eventSourceARN")

    @property
    def event_version(self) -> str | None:
        return self._data.get("eventVersion")

    @property
    def invoke_identity_arn(self) -> str | None:
        return self._data.get("invokeIdentityArn")

    @property
    def kinesis(self) -> KinesisStreamRecordPayload:
        return KinesisStreamRecordPayload(self._section("kinesis"), self._json_deserializer)


class KinesisStreamWindow(DictWrapper):
    """The tumbling window of a windowed aggregation."""

    @property
    def start(self) -> str | None:
        return self._data.get("start")

    @property
    def end(self) -> str | None:
        return self._data.get("end")


class KinesisStreamEvent(DictWrapper):
    """A batch of Kinesis records, with the window fields of tumbling-window aggregations."""

    @property
    def records(self) -> Iterator[KinesisStreamRecord]:
        records = self._data.get("Records")
        if records is None:
            return
        if not isinstance(records, list):
            raise InvalidEventError("Records must be a list", field="Records")
        for record in records:
            yield KinesisStreamRecord(record, self._json_deserializer)

    @property
    def window(self) -> KinesisStreamWindow | None:
        window = self._data.get("window")
        return None if window is None else KinesisStreamWindow(window)

    @property
    def state(self) -> dict[str, Any]:
        return dict(self._section("state"))

    @property
    def shard_id(self) -> str | None:
        return self._data.get("shardId")

    @property
    def event_source_arn(self) -> str | None:
        return self._data.get("eventSourceARN")

    @property
    def is_final_invoke_for_window(self) -> bool | None:
        return self._data.get("isFinalInvokeForWindow")

    @property
    def is_window_terminated_early(self) -> bool | None:
        return self._data.get("isWindowTerminatedEarly")
