import base64
import gzip
import json
from typing import Any

import jmespath.functions
import pytest

from powertools.common.exceptions import InvalidEnvelopeExpressionError
from powertools.common.jmespath import PowertoolsFunctions, envelopes, query


def _gzip_b64(payload: Any) -> str:
    return base64.b64encode(gzip.compress(json.dumps(payload).encode())).decode()


def test_api_gateway_body_envelope() -> None:
    event = {"body": '{"name": "ada"}', "headers": {}}
    assert query(event, envelopes.API_GATEWAY_REST) == {"name": "ada"}
    assert query(event, envelopes.API_GATEWAY_HTTP) == {"name": "ada"}


def test_sqs_envelope_returns_every_body() -> None:
    event = {"Records": [{"body": '{"id": 1}'}, {"body": '{"id": 2}'}]}
    assert query(event, envelopes.SQS) == [{"id": 1}, {"id": 2}]


def test_sns_envelope() -> None:
    event = {"Records": [{"Sns": {"Message": '{"order": 7}'}}]}
    assert query(event, envelopes.SNS) == {"order": 7}


def test_eventbridge_and_scheduled_envelopes() -> None:
    assert query({"detail": {"a": 1}}, envelopes.EVENTBRIDGE) == {"a": 1}
    assert query({"detail": {}}, envelopes.CLOUDWATCH_EVENTS_SCHEDULED) == {}


def test_kinesis_envelope_decodes_base64_json() -> None:
    data = base64.b64encode(b'{"temp": 21}').decode()
    assert query({"Records": [{"kinesis": {"data": data}}]}, envelopes.KINESIS_DATA_STREAM) == [{"temp": 21}]


def test_cloudwatch_logs_envelope_decompresses() -> None:
    payload = {"logEvents": [{"id": "1", "message": "hello"}, {"id": "2", "message": "bye"}]}
    event = {"awslogs": {"data": _gzip_b64(payload)}}
    assert query(event, envelopes.CLOUDWATCH_LOGS) == payload["logEvents"]


def test_s3_envelopes() -> None:
    s3 = {"Records": [{"s3": {"object": {"key": "a.txt"}}}]}
    assert query({"Records": [{"body": json.dumps(s3)}]}, envelopes.S3_SQS) == [s3["Records"][0]]
    sns_body = json.dumps({"Message": json.dumps(s3)})
    assert query({"Records": [{"body": sns_body}]}, envelopes.S3_SNS_SQS) == [s3["Records"][0]]
    firehose = {"records": [{"data": base64.b64encode(json.dumps(s3).encode()).decode()}]}
    assert query(firehose, envelopes.S3_KINESIS_FIREHOSE) == [s3["Records"][0]]
    firehose_sns = {"records": [{"data": base64.b64encode(sns_body.encode()).decode()}]}
    assert query(firehose_sns, envelopes.S3_SNS_KINESIS_FIREHOSE) == [s3["Records"][0]]
    bridge = {"Records": [{"body": json.dumps({"detail": {"bucket": "b"}})}]}
    assert query(bridge, envelopes.S3_EVENTBRIDGE_SQS) == [{"bucket": "b"}]


def test_invalid_expression_names_the_expression() -> None:
    with pytest.raises(InvalidEnvelopeExpressionError) as info:
        query({}, "Records[*.body")
    assert info.value.expression == "Records[*.body"
    assert "Records[*.body" in str(info.value)


def test_malformed_json_body_is_a_typed_error() -> None:
    with pytest.raises(InvalidEnvelopeExpressionError, match="not valid JSON"):
        query({"body": "{not json"}, envelopes.API_GATEWAY_REST)


def test_malformed_base64_is_a_typed_error() -> None:
    with pytest.raises(InvalidEnvelopeExpressionError, match="not valid base64"):
        query({"Records": [{"kinesis": {"data": "%%%"}}]}, envelopes.KINESIS_DATA_STREAM)


def test_not_gzip_is_a_typed_error() -> None:
    data = base64.b64encode(b"plain text").decode()
    with pytest.raises(InvalidEnvelopeExpressionError, match="not gzip"):
        query({"awslogs": {"data": data}}, envelopes.CLOUDWATCH_LOGS)


def test_missing_body_is_a_typed_error_not_a_key_error() -> None:
    with pytest.raises(InvalidEnvelopeExpressionError, match="invalid type"):
        query({"headers": {}}, envelopes.API_GATEWAY_REST)


def test_custom_functions_keep_the_builtins() -> None:
    class Upper(PowertoolsFunctions):
        @jmespath.functions.signature({"types": ["string"]})
        def _func_upper(self, value: str) -> str:
            return value.upper()

    event = {"body": '{"name": "ada"}'}
    assert query(event, "powertools_json(body).name | upper(@)", {"custom_functions": Upper()}) == "ADA"


def test_non_string_envelope_is_rejected() -> None:
    with pytest.raises(InvalidEnvelopeExpressionError, match="must be a string"):
        query({}, 42)  # type: ignore[arg-type]
