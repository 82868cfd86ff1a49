"""Envelopes: extract the payload(s) from an event, then validate them into your model.

Each envelope loads (and builds the models of) its own event source only, on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from powertools.common.lazy import lazy_exports

_EXPORTS = {
    "BaseEnvelope": ".base",
    "Envelope": ".base",
    "ApiGatewayEnvelope": ".apigw",
    "ApiGatewayV2Envelope": ".apigwv2",
    "ApiGatewayWebSocketEnvelope": ".apigw_websocket",
    "BedrockAgentEnvelope": ".bedrock_agent",
    "BedrockAgentFunctionEnvelope": ".bedrock_agent",
    "CloudWatchLogsEnvelope": ".cloudwatch",
    "DynamoDBStreamEnvelope": ".dynamodb",
    "EventBridgeEnvelope": ".event_bridge",
    "KafkaEnvelope": ".kafka",
    "KinesisDataStreamEnvelope": ".kinesis",
    "KinesisFirehoseEnvelope": ".kinesis_firehose",
    "LambdaFunctionUrlEnvelope": ".lambda_function_url",
    "SnsEnvelope": ".sns",
    "SnsSqsEnvelope": ".sns",
    "SqsEnvelope": ".sqs",
    "VpcLatticeEnvelope": ".vpc_lattice",
    "VpcLatticeV2Envelope": ".vpc_latticev2",
}

__all__ = list(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.parser.envelopes.apigw import ApiGatewayEnvelope
    from powertools.parser.envelopes.apigw_websocket import ApiGatewayWebSocketEnvelope
    from powertools.parser.envelopes.apigwv2 import ApiGatewayV2Envelope
    from powertools.parser.envelopes.base import BaseEnvelope, Envelope
    from powertools.parser.envelopes.bedrock_agent import BedrockAgentEnvelope, BedrockAgentFunctionEnvelope
    from powertools.parser.envelopes.cloudwatch import CloudWatchLogsEnvelope
    from powertools.parser.envelopes.dynamodb import DynamoDBStreamEnvelope
    from powertools.parser.envelopes.event_bridge import EventBridgeEnvelope
    from powertools.parser.envelopes.kafka import KafkaEnvelope
    from powertools.parser.envelopes.kinesis import KinesisDataStreamEnvelope
    from powertools.parser.envelopes.kinesis_firehose import KinesisFirehoseEnvelope
    from powertools.parser.envelopes.lambda_function_url import LambdaFunctionUrlEnvelope
    from powertools.parser.envelopes.sns import SnsEnvelope, SnsSqsEnvelope
    from powertools.parser.envelopes.sqs import SqsEnvelope
    from powertools.parser.envelopes.vpc_lattice import VpcLatticeEnvelope
    from powertools.parser.envelopes.vpc_latticev2 import VpcLatticeV2Envelope
