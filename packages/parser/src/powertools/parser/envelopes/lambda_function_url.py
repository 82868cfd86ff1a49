"""Lambda Function URL: the request body."""

from __future__ import annotations

from powertools.parser.envelopes._single import SinglePayloadEnvelope
from powertools.parser.models.lambda_function_url import LambdaFunctionUrlModel


class LambdaFunctionUrlEnvelope(SinglePayloadEnvelope):
    """Returns ``body`` validated into the model (``None`` when absent)."""

    event_model = LambdaFunctionUrlModel
    payload_field = "body"
