"""Amazon MSK and self-managed Apache Kafka events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from powertools.common.dict_wrapper import DictWrapper, decode_base64, parse_json
from powertools.common.events.proxy import CaseInsensitiveDict
from powertools.common.exceptions import InvalidEventError
from powertools.data_classes._fields import Field, Section, mapping, sequence

__all__ = [
    "KafkaEvent",
    "KafkaEventBase",
    "KafkaEventRecord",
    "KafkaEventRecordBase",
    "KafkaEventRecordSchemaMetadata",
]


class KafkaEventRecordSchemaMetadata(DictWrapper):
    """Set when the event source mapping validates records against a schema registry."""

    data_format = Field[str]("dataFormat", "AVRO, JSON or PROTOBUF.")
    schema_id = Field[str]("schemaId")


class KafkaEventRecordBase(DictWrapper):
    topic = Field[str]("topic")
    partition = Field[int]("partition")
    offset = Field[int]("offset")
    timestamp = Field[int]("timestamp", "Epoch milliseconds.")
    timestamp_type = Field[str]("timestampType", "CREATE_TIME or LOG_APPEND_TIME.")
    key_schema_metadata = Section(KafkaEventRecordSchemaMetadata, "keySchemaMetadata", optional=True)
    value_schema_metadata = Section(KafkaEventRecordSchemaMetadata, "valueSchemaMetadata", optional=True)


class KafkaEventRecord(KafkaEventRecordBase):
    """One Kafka record; key, value and header values arrive encoded."""

    key = Field[str]("key", "Base64-encoded; None for un-keyed messages.")
    value = Field[str]("value", "Base64-encoded.")

    @property
    def decoded_key(self) -> bytes | None:
        key = self.key
        return None if key is None else decode_base64(key, field="key")

    @property
    def decoded_value(self) -> bytes:
        return self._cached("decoded_value", lambda: decode_base64(self.value or "", field="value"))

    @property
    def json_value(self) -> Any:
        """The decoded value parsed as JSON (cached)."""
        return self._cached(
            "json_value", lambda: parse_json(self.decoded_value, field="value", deserializer=self._json_deserializer)
        )

    @property
    def headers(self) -> list[dict[str, list[int]]]:
        """As delivered: a list of ``{name: [byte, ...]}``."""
        return sequence(self._data.get("headers"), "headers")

    @property
    def decoded_headers(self) -> dict[str, bytes]:
        """Header values as bytes, looked up case-insensitively."""

        def decode() -> CaseInsensitiveDict:
            decoded = CaseInsensitiveDict()
            for chunk in self.headers:
                for name, raw in mapping(chunk, "headers").items():
                    decoded[name] = _header_bytes(name, raw)
            return decoded

        return self._cached("decoded_headers", decode)


def _header_bytes(name: str, raw: Any) -> bytes:
    """A header value (a list of byte values) as bytes.

    Java clients send bytes signed (-128..127), as upstream handles; anything but a list of
    such numbers is a typed error (``bytes(5)`` would silently give five zero bytes).
    """
    if isinstance(raw, list) and all(type(b) is int and -128 <= b <= 255 for b in raw):
        return bytes(b & 0xFF for b in raw)
    raise InvalidEventError(f"headers.{name} must be a list of byte values (-128..255)", field=f"headers.{name}")


class KafkaEventBase(DictWrapper):
    event_source = Field[str]("eventSource", "``aws:kafka`` (MSK) or ``SelfManagedKafka``.")
    event_source_arn = Field[str]("eventSourceArn", "MSK only.")
    bootstrap_servers = Field[str]("bootstrapServers", "Comma-separated ``host:port`` list.")

    @property
    def decoded_bootstrap_servers(self) -> list[str]:
        servers = self.bootstrap_servers
        return servers.split(",") if isinstance(servers, str) and servers else []


class KafkaEvent(KafkaEventBase):
    """A batch of Kafka records, grouped by ``topic-partition`` in the raw event."""

    @property
    def records(self) -> Iterator[KafkaEventRecord]:
        """Every record of every partition, in order."""
        partitions = mapping(self._data.get("records") or {}, "records")
        batches = [sequence(batch, f"records.{name}") for name, batch in partitions.items()]
        return (KafkaEventRecord(mapping(r, "records"), self._json_deserializer) for batch in batches for r in batch)

    @property
    def record(self) -> KafkaEventRecord:
        """The next record: each access advances, and ``StopIteration`` follows the last (as upstream)."""
        return next(self._cached("record_iterator", lambda: self.records))
