"""API Gateway REST API (payload 1.0): the request body."""

from __future__ import annotations

from powertools.parser.envelopes._single import SinglePayloadEnvelope
from powertools.parser.models.apigw import APIGatewayProxyEventModel


class ApiGatewayEnvelope(SinglePayloadEnvelope):
    """Returns ``body`` validated into the model (``None`` when absent)."""

    event_model = APIGatewayProxyEventModel
    payload_field = "body"
