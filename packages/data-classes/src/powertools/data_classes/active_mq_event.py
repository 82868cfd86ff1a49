"""Amazon MQ for ActiveMQ event."""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper, parse_json
from powertools.data_classes._fields import Field, Records, base64_text

__all__ = ["ActiveMQEvent", "ActiveMQMessage"]


class ActiveMQMessage(DictWrapper):
    message_id = Field[str]("messageID")
    message_type = Field[str]("messageType", "``jms/text-message`` or ``jms/bytes-message``.")
    data = Field[str]("data", "Base64-encoded body.")
    connection_id = Field[str]("connectionId")
    redelivered = Field[bool]("redelivered")
    timestamp = Field[int]("timestamp", "Epoch milliseconds.")
    broker_in_time = Field[int]("brokerInTime")
    broker_out_time = Field[int]("brokerOutTime")
    properties = Field[dict[str, Any]]("properties", "Custom JMS properties.")
    delivery_mode = Field[int]("deliveryMode")

    @property
    def correlation_id(self) -> str | None:
        """The JMS correlation id. Amazon MQ sends ``correlationId``; upstream reads ``correlationID``
        (so always None on real events); both spellings are read here."""
        value = self._data.get("correlationId")
        return self._data.get("correlationID") if value is None else value

    reply_to = Field[str]("replyTo")
    get_type = Field[str]("type")
    expiration = Field[int]("expiration")
    priority = Field[int]("priority")

    @property
    def destination_physicalname(self) -> str | None:
        return self._section("destination").get("physicalName")

    @property
    def decoded_data(self) -> str | None:
        return self._cached("decoded_data", lambda: base64_text(self.data, "data"))

    @property
    def json_data(self) -> Any:
        return self._cached(
            "json_data", lambda: parse_json(self.decoded_data, field="data", deserializer=self._json_deserializer)
        )


class ActiveMQEvent(DictWrapper):
    event_source = Field[str]("eventSource")
    event_source_arn = Field[str]("eventSourceArn")
    messages = Records(ActiveMQMessage, "messages")

    @property
    def message(self) -> ActiveMQMessage:
        """The next message: each access advances, and ``StopIteration`` follows the last (as upstream)."""
        return next(self._cached("message_iterator", lambda: self.messages))
