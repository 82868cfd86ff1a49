"""Bedrock Agents action groups: the user's ``inputText``."""

from __future__ import annotations

from powertools.parser.envelopes._single import SinglePayloadEnvelope
from powertools.parser.models.bedrock_agent import BedrockAgentEventModel, BedrockAgentFunctionEventModel


class BedrockAgentEnvelope(SinglePayloadEnvelope):
    """OpenAPI-schema action groups: returns ``inputText`` validated into the model."""

    event_model = BedrockAgentEventModel
    payload_field = "input_text"


class BedrockAgentFunctionEnvelope(SinglePayloadEnvelope):
    """Function-details action groups: returns ``inputText`` validated into the model."""

    event_model = BedrockAgentFunctionEventModel
    payload_field = "input_text"
