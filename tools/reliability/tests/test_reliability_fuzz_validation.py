"""Fuzz: ``powertools.validation.validate`` with every built-in envelope, on events like the samples.

Events are the envelope's samples with arbitrary values and hostile strings (bodies and base64
data nested 100,000 levels deep, gzip, invalid JSON), validated against a strict schema, a
permissive one and a recursive one. Only ``SchemaValidationError`` and
``InvalidEnvelopeExpressionError`` may leave: the payload does not conform, or the envelope
cannot decode this event. A bare KeyError/TypeError/RecursionError/JSONDecodeError fails the case.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import strategies as st

from powertools.validation import InvalidEnvelopeExpressionError, SchemaValidationError, envelopes, validate
from powertools_testing.events import load_event
from tools.reliability.ledger import LEDGER
from tools.reliability.strategies import LENGTHS, run_cases, with_hostile_text

CLAIM = "the validated payload, or SchemaValidationError/InvalidEnvelopeExpressionError"

ENVELOPE_SAMPLES: dict[str, list[str]] = {
    "API_GATEWAY_REST": ["apigw_rest_post_json", "apigw_rest"],
    "API_GATEWAY_HTTP": ["apigw_http_iam", "apigw_http"],
    "SQS": ["sqs", "sqs_batch_mixed"],
    "SNS": ["sns"],
    "EVENTBRIDGE": ["eventbridge"],
    "CLOUDWATCH_EVENTS_SCHEDULED": ["eventbridge_scheduled"],
    "KINESIS_DATA_STREAM": ["kinesis_stream"],
    "CLOUDWATCH_LOGS": ["cloudwatch_logs"],
    "S3_SNS_SQS": ["s3_sns_sqs"],
    "S3_SQS": ["s3_sqs"],
    "S3_SNS_KINESIS_FIREHOSE": ["kinesis_firehose"],
    "S3_KINESIS_FIREHOSE": ["kinesis_firehose"],
    "S3_EVENTBRIDGE_SQS": ["s3_eventbridge_sqs"],
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "strict object": {
        "type": "object",
        "required": ["orderId"],
        "properties": {"orderId": {"type": "string", "maxLength": 64}, "total": {"type": "number", "minimum": 0}},
    },
    "permissive": {},
    "recursive": {
        "$id": "https://example.com/tree.json",
        "anyOf": [
            {"type": ["string", "number", "boolean", "null"]},
            {"type": "array", "items": {"$ref": "#"}},
            {"type": "object", "additionalProperties": {"$ref": "#"}},
        ],
    },
    "array of objects": {"type": "array", "items": {"type": "object", "properties": {"id": {"default": "none"}}}},
}


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("name", sorted(ENVELOPE_SAMPLES))
def test_validate_with_every_envelope(name: str, length: str) -> None:
    events = with_hostile_text([load_event(sample) for sample in ENVELOPE_SAMPLES[name]])
    envelope = getattr(envelopes, name)

    def check(data: st.DataObject) -> None:
        event = data.draw(events, label="event")
        schema = SCHEMAS[data.draw(st.sampled_from(sorted(SCHEMAS)), label="schema")]
        LEDGER.case("fuzz", f"validation validate(envelope={name})", CLAIM)
        try:
            validate(event=event, schema=schema, envelope=envelope)
        except (SchemaValidationError, InvalidEnvelopeExpressionError):
            return

    run_cases(length, check)


def test_every_envelope_is_fuzzed() -> None:
    LEDGER.case("fuzz", "validation: every built-in envelope is in the fuzz", "the list covers the module")
    assert set(envelopes.__all__) == set(ENVELOPE_SAMPLES)
