"""Apache Kafka events: Amazon MSK and self-managed clusters. Keys, values and headers are decoded."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, field_validator

from powertools.parser.models._decoders import b64decode, header_bytes, utf8

SERVERS_DELIMITER = ","


class KafkaRecordSchemaMetadata(BaseModel):
    dataFormat: str
    schemaId: str


class KafkaRecordModel(BaseModel):
    topic: str
    partition: int
    offset: int
    timestamp: datetime
    timestampType: str
    key: bytes | None = None
    value: str | type[BaseModel]
    headers: list[dict[str, bytes]]
    keySchemaMetadata: KafkaRecordSchemaMetadata | None = None
    valueSchemaMetadata: KafkaRecordSchemaMetadata | None = None

    @field_validator("key", mode="before")
    @classmethod
    def _decode_key(cls, value: Any) -> Any:
        return None if value is None else b64decode(value)

    @field_validator("value", mode="before")
    @classmethod
    def _decode_value(cls, value: Any) -> str:
        return utf8(b64decode(value))

    @field_validator("headers", mode="before")
    @classmethod
    def _decode_headers(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [
            {name: header_bytes(raw) if isinstance(raw, list) else raw for name, raw in header.items()}
            if isinstance(header, dict)
            else header
            for header in value
        ]


class KafkaBaseEventModel(BaseModel):
    bootstrapServers: list[str]
    records: dict[str, list[KafkaRecordModel]]

    @field_validator("bootstrapServers", mode="before")
    @classmethod
    def _split_servers(cls, value: Any) -> Any:
        return value.split(SERVERS_DELIMITER) if isinstance(value, str) and value else value


class KafkaSelfManagedEventModel(KafkaBaseEventModel):
    eventSource: Literal["SelfManagedKafka"]


class KafkaMskEventModel(KafkaBaseEventModel):
    eventSource: Literal["aws:kafka"]
    eventSourceArn: str
