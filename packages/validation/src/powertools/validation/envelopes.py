"""Built-in envelopes: JMESPath expressions that unwrap the payload of common event sources.

The same constants as ``powertools.common.jmespath.envelopes``, re-exported under
upstream's import path (``aws_lambda_powertools.utilities.validation.envelopes``).
"""

from __future__ import annotations

from powertools.common.jmespath.envelopes import (
    API_GATEWAY_HTTP,
    API_GATEWAY_REST,
    CLOUDWATCH_EVENTS_SCHEDULED,
    CLOUDWATCH_LOGS,
    EVENTBRIDGE,
    KINESIS_DATA_STREAM,
    S3_EVENTBRIDGE_SQS,
    S3_KINESIS_FIREHOSE,
    S3_SNS_KINESIS_FIREHOSE,
    S3_SNS_SQS,
    S3_SQS,
    SNS,
    SQS,
)

__all__ = [
    "API_GATEWAY_HTTP",
    "API_GATEWAY_REST",
    "CLOUDWATCH_EVENTS_SCHEDULED",
    "CLOUDWATCH_LOGS",
    "EVENTBRIDGE",
    "KINESIS_DATA_STREAM",
    "S3_EVENTBRIDGE_SQS",
    "S3_KINESIS_FIREHOSE",
    "S3_SNS_KINESIS_FIREHOSE",
    "S3_SNS_SQS",
    "S3_SQS",
    "SNS",
    "SQS",
]
