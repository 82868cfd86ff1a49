"""Envelopes: built-in constants on the sample events, custom expressions, broken ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import powertools.common.exceptions as common_exceptions
from powertools.common.jmespath import PowertoolsFunctions
from powertools.common.jmespath import envelopes as common_envelopes
from powertools.validation import InvalidEnvelopeExpressionError, SchemaValidationError, envelopes, validate
from powertools.validation import exceptions as validation_exceptions

LoadEvent = Callable[[str], Any]

ORDER = {
    "type": "object",
    "required": ["orderId", "customerId", "total", "currency"],
    "properties": {
        "orderId": {"type": "string", "pattern": "^ord-"},
        "customerId": {"type": "string"},
        "total": {"type": "number", "minimum": 0},
        "currency": {"enum": ["USD", "EUR"]},
    },
}
ORDERS = {"type": "array", "items": ORDER}


def test_envelope_constants_are_commons() -> None:
    names = [name for name in dir(common_envelopes) if name.isupper()]
    assert names == sorted(envelopes.__all__)
    for name in names:
        assert getattr(envelopes, name) == getattr(common_envelopes, name)
    assert envelopes.API_GATEWAY_REST == "powertools_json(body)"
    assert envelopes.SQS == "Records[*].powertools_json(body)"


def test_invalid_envelope_error_is_commons_class() -> None:
    assert validation_exceptions.InvalidEnvelopeExpressionError is common_exceptions.InvalidEnvelopeExpressionError
    with pytest.raises(common_exceptions.InvalidEnvelopeExpressionError) as caught:
        validate({"a": 1}, {"type": "object"}, envelope="a[")
    assert caught.value.expression == "a["
    assert str(caught.value).startswith("Invalid JMESPath envelope expression 'a['")


def test_api_gateway_rest(load_event: LoadEvent) -> None:
    schema = {"type": "object", "properties": {"title": {"type": "string"}, "done": {"default": False}}}
    result = validate(load_event("apigw_rest_post_json"), schema, envelope=envelopes.API_GATEWAY_REST)
    assert result == {
        "title": "Buy milk",
        "completed": False,
        "priority": 2,
        "tags": ["groceries", "home"],
        "done": False,
    }


def test_api_gateway_http_function_url(load_event: LoadEvent) -> None:
    schema = {"type": "object", "required": ["event", "plan"], "properties": {"plan": {"enum": ["free", "pro"]}}}
    assert validate(load_event("function_url"), schema, envelope=envelopes.API_GATEWAY_HTTP) == {
        "event": "signup",
        "plan": "pro",
    }


def test_sqs(load_event: LoadEvent) -> None:
    assert validate(load_event("sqs"), ORDERS, envelope=envelopes.SQS) == [
        {"orderId": "ord-1001", "customerId": "cust-201", "total": 19.99, "currency": "USD"},
        {"orderId": "ord-1002", "customerId": "cust-202", "total": 39.98, "currency": "USD"},
    ]


def test_sns(load_event: LoadEvent) -> None:
    assert validate(load_event("sns"), ORDER, envelope=envelopes.SNS) == {
        "orderId": "ord-1003",
        "customerId": "cust-203",
        "total": 59.97,
        "currency": "USD",
    }


def test_kinesis(load_event: LoadEvent) -> None:
    result = validate(load_event("kinesis_stream"), ORDERS, envelope=envelopes.KINESIS_DATA_STREAM)
    assert [order["orderId"] for order in result] == ["ord-1005", "ord-1006"]


def test_eventbridge(load_event: LoadEvent) -> None:
    schema = {"type": "object", "required": ["order"], "properties": {"order": ORDER}}
    result = validate(load_event("eventbridge"), schema, envelope=envelopes.EVENTBRIDGE)
    assert result["order"]["orderId"] == "ord-1001"
    assert (
        validate(
            load_event("eventbridge_scheduled"), {"type": "object"}, envelope=envelopes.CLOUDWATCH_EVENTS_SCHEDULED
        )
        == {}
    )


def test_cloudwatch_logs(load_event: LoadEvent) -> None:
    schema = {"type": "array", "items": {"type": "object", "required": ["id", "timestamp", "message"]}}
    result = validate(load_event("cloudwatch_logs"), schema, envelope=envelopes.CLOUDWATCH_LOGS)
    assert result[0]["message"].startswith("START RequestId: 2f6a4b8c-1d3e-4f5a-9b7c-8d0e1f2a3b4c")


def test_invalid_record_in_a_batch_is_named_by_index(load_event: LoadEvent) -> None:
    event = load_event("sqs")
    event["Records"][1]["body"] = '{"orderId": "x-1", "customerId": "c", "total": 1, "currency": "USD"}'
    with pytest.raises(SchemaValidationError) as caught:
        validate(event, ORDERS, envelope=envelopes.SQS)
    assert caught.value.validation_message == "data[1].orderId must match pattern ^ord-"
    assert caught.value.path == ["data", "1", "orderId"]


def test_body_that_is_not_json_raises_invalid_envelope_error(load_event: LoadEvent) -> None:
    event = load_event("apigw_rest_post_json")
    event["body"] = "{not json"
    with pytest.raises(InvalidEnvelopeExpressionError) as caught:
        validate(event, {"type": "object"}, envelope=envelopes.API_GATEWAY_REST)
    assert caught.value.expression == "powertools_json(body)"
    assert "not valid JSON" in caught.value.reason


def test_envelope_selecting_nothing_says_so() -> None:
    with pytest.raises(SchemaValidationError) as caught:
        validate({"detail-type": "x"}, {"type": "object"}, envelope="detail")
    assert caught.value.message == (
        "Failed schema validation. Error: data must be object, Path: ['data'] "
        "(envelope 'detail' selected nothing from the event)"
    )


def test_custom_expression_and_custom_functions() -> None:
    def upper(self: PowertoolsFunctions, value: str) -> str:
        return value.upper()

    # What jmespath's @signature decorator sets; done by hand so the tests import only powertools.
    upper.signature = ({"types": ["string"]},)  # type: ignore[attr-defined]
    Upper = type("Upper", (PowertoolsFunctions,), {"_func_upper": upper})

    event = {"payload": [{"code": "ab"}, {"code": "cd"}]}
    schema = {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]+$"}}
    result = validate(event, schema, envelope="payload[*].upper(code)", jmespath_options={"custom_functions": Upper()})
    assert result == ["AB", "CD"]
