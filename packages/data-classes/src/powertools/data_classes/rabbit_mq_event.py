"""Amazon MQ for RabbitMQ event."""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper, parse_json
from powertools.data_classes._fields import Field, Section, base64_text, mapping, sequence

__all__ = ["BasicProperties", "RabbitMQEvent", "RabbitMessage"]


class BasicProperties(DictWrapper):
    content_type = Field[str]("contentType")
    content_encoding = Field[str]("contentEncoding")
    headers = Field[dict[str, Any]]("headers", 'String headers arrive as ``{"bytes": [...]}``.')
    delivery_mode = Field[int]("deliveryMode")
    priority = Field[int]("priority")
    correlation_id = Field[str]("correlationId")
    reply_to = Field[str]("replyTo")
    expiration = Field[str]("expiration")
    message_id = Field[str]("messageId")
    timestamp = Field[str]("timestamp")
    get_type = Field[str]("type")
    user_id = Field[str]("userId")
    app_id = Field[str]("appId")
    cluster_id = Field[str]("clusterId")
    body_size = Field[int]("bodySize")


class RabbitMessage(DictWrapper):
    basic_properties = Section(BasicProperties, "basicProperties")
    redelivered = Field[bool]("redelivered")
    data = Field[str]("data", "Base64-encoded body.")

    @property
    def decoded_data(self) -> str | None:
        return self._cached("decoded_data", lambda: base64_text(self.data, "data"))

    @property
    def json_data(self) -> Any:
        return self._cached(
            "json_data", lambda: parse_json(self.decoded_data, field="data", deserializer=self._json_deserializer)
        )


class RabbitMQEvent(DictWrapper):
    """Messages by ``queue::virtual-host``."""

    event_source = Field[str]("eventSource")
    event_source_arn = Field[str]("eventSourceArn")

    @property
    def rmq_messages_by_queue(self) -> dict[str, list[RabbitMessage]]:
        queues = mapping(self._data.get("rmqMessagesByQueue") or {}, "rmqMessagesByQueue")
        return {
            queue: [RabbitMessage(mapping(m, queue), self._json_deserializer) for m in sequence(messages, queue)]
            for queue, messages in queues.items()
        }
