"""API Gateway WebSocket API event ($connect, $disconnect, $default and custom routes)."""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper, decode_base64, parse_json
from powertools.common.events.proxy import CaseInsensitiveDict
from powertools.data_classes._fields import Field, Section, mapping, utf8

__all__ = [
    "APIGatewayWebSocketEvent",
    "APIGatewayWebSocketEventIdentity",
    "APIGatewayWebSocketEventRequestContext",
]


class APIGatewayWebSocketEventIdentity(DictWrapper):
    source_ip = Field[str]("sourceIp")
    user_agent = Field[str]("userAgent")


class APIGatewayWebSocketEventRequestContext(DictWrapper):
    route_key = Field[str]("routeKey", "``$connect``, ``$disconnect``, ``$default`` or a custom route.")
    disconnect_status_code = Field[int]("disconnectStatusCode")
    message_id = Field[str]("messageId", "MESSAGE events only.")
    event_type = Field[str]("eventType", "CONNECT, MESSAGE or DISCONNECT.")
    extended_request_id = Field[str]("extendedRequestId")
    request_time = Field[str]("requestTime")
    message_direction = Field[str]("messageDirection", "Always ``IN``.")
    disconnect_reason = Field[str]("disconnectReason")
    stage = Field[str]("stage")
    connected_at = Field[int]("connectedAt", "Epoch milliseconds.")
    request_time_epoch = Field[int]("requestTimeEpoch", "Epoch milliseconds.")
    identity = Section(APIGatewayWebSocketEventIdentity, "identity")
    request_id = Field[str]("requestId")
    domain_name = Field[str]("domainName")
    connection_id = Field[str]("connectionId", "Post back to the client with this id.")
    api_id = Field[str]("apiId")


class APIGatewayWebSocketEvent(DictWrapper):
    """A WebSocket connection, message or disconnection."""

    is_base64_encoded = Field[bool]("isBase64Encoded")
    body = Field[str]("body")
    request_context = Section(APIGatewayWebSocketEventRequestContext, "requestContext")

    def _case_insensitive(self, key: str) -> CaseInsensitiveDict:
        # Upstream lower-cases the keys of all four maps and gives {} when the event has none.
        return CaseInsensitiveDict(mapping(self._data.get(key) or {}, key))

    @property
    def headers(self) -> CaseInsensitiveDict:
        """Handshake headers ($connect only), keys lower-cased, looked up case-insensitively."""
        return self._case_insensitive("headers")

    @property
    def multi_value_headers(self) -> CaseInsensitiveDict:
        """Handshake headers as lists ($connect only), keys lower-cased; empty otherwise."""
        return self._case_insensitive("multiValueHeaders")

    @property
    def query_string_parameters(self) -> CaseInsensitiveDict:
        """Query parameters of the handshake ($connect only), names lower-cased as upstream; empty otherwise."""
        return self._case_insensitive("queryStringParameters")

    @property
    def multi_value_query_string_parameters(self) -> CaseInsensitiveDict:
        """Query parameters as lists ($connect only), names lower-cased as upstream; empty otherwise."""
        return self._case_insensitive("multiValueQueryStringParameters")

    @property
    def decoded_body(self) -> str | None:
        """The body, base64-decoded when API Gateway encoded it (cached)."""

        def decode() -> str | None:
            body = self.body
            if body is None or not self.is_base64_encoded:
                return body
            return utf8(decode_base64(body, field="body"), "body")

        return self._cached("decoded_body", decode)

    @property
    def json_body(self) -> Any:
        """The (decoded) body parsed as JSON (cached); None without a body."""
        return self._cached(
            "json_body", lambda: parse_json(self.decoded_body, field="body", deserializer=self._json_deserializer)
        )
