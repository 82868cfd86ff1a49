"""API Gateway HTTP API (payload 2.0): the request body."""

from __future__ import annotations

from powertools.parser.envelopes._single import SinglePayloadEnvelope
from powertools.parser.models.apigwv2 import APIGatewayProxyEventV2Model


class ApiGatewayV2Envelope(SinglePayloadEnvelope):
    """Returns ``body`` validated into the model (``None`` when absent)."""

    event_model = APIGatewayProxyEventV2Model
    payload_field = "body"
