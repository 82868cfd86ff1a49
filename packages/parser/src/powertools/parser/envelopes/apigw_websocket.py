"""API Gateway WebSocket API: the message body."""

from __future__ import annotations

from powertools.parser.envelopes._single import SinglePayloadEnvelope
from powertools.parser.models.apigw_websocket import APIGatewayWebSocketMessageEventModel


class ApiGatewayWebSocketEnvelope(SinglePayloadEnvelope):
    """Returns ``body`` validated into the model (``None`` when absent)."""

    event_model = APIGatewayWebSocketMessageEventModel
    payload_field = "body"
