"""docs/packages/parser.md: each example run on a sample event, then on one that doesn't match."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from powertools.parser import ValidationError


def test_parse_answers_with_the_order_or_what_is_missing(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("parser/parse_order.py")
    event = load_event("apigw_rest_post_json")

    event["body"] = json.dumps({"order_id": "ord-1", "total": 9.5})
    assert example.lambda_handler(event, lambda_context) == {"statusCode": 200, "body": "ord-1: 9.50"}
    event["body"] = json.dumps({"order_id": "ord-1"})
    assert example.lambda_handler(event, lambda_context) == {"statusCode": 400, "body": "invalid order: total"}

    assert example.parse({"order_id": "ord-1", "total": "9.5"}, example.Order) == example.Order(
        order_id="ord-1", total=9.5
    )


def test_event_parser_takes_the_model_from_the_hint_or_the_argument(load_example: Any, lambda_context: Any) -> None:
    example = load_example("parser/event_parser_decorator.py")
    event = {"order_id": "ord-1", "total": 12.5}

    assert example.lambda_handler(event, lambda_context) == {"total": 12.5}
    assert example.refund_handler(event, lambda_context) == {"refund": -12.5}
    with pytest.raises(ValidationError) as raised:
        example.lambda_handler({"order_id": "ord-1", "total": "a lot"}, lambda_context)
    assert [e["loc"] for e in raised.value.errors()] == [("total",)]


def sqs_event(load_event: Any, bodies: list[str]) -> dict[str, Any]:
    template = load_event("sqs")["Records"][0]
    return {
        "Records": [{**copy.deepcopy(template), "messageId": f"msg-{n}", "body": body} for n, body in enumerate(bodies)]
    }


def test_sqs_envelope_parses_every_body(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("parser/sqs_envelope.py")
    bodies = [json.dumps({"order_id": "ord-1", "total": 1}), json.dumps({"order_id": "ord-2", "total": 2})]

    assert example.lambda_handler(sqs_event(load_event, bodies), lambda_context) == ["ord-1", "ord-2"]

    with pytest.raises(ValidationError) as raised:
        example.lambda_handler(sqs_event(load_event, [bodies[0], "not json"]), lambda_context)
    assert raised.value.errors()[0]["type"] == "json_invalid"
    assert raised.value.title == "SqsEnvelope"

    with pytest.raises(ValidationError) as raised:
        example.lambda_handler({"Records": [{"body": bodies[0]}]}, lambda_context)  # not an SQS record
    assert raised.value.title == "SqsEnvelope"
    assert ("Records", 0, "messageId") in [e["loc"] for e in raised.value.errors()]


def test_typed_sqs_model(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("parser/typed_sqs_model.py")
    bodies = [json.dumps({"order_id": "ord-1", "total": 1.5}), json.dumps({"order_id": "ord-2", "total": 2})]

    assert example.lambda_handler(sqs_event(load_event, bodies), lambda_context) == {"msg-0": 1.5, "msg-1": 2.0}

    with pytest.raises(ValidationError) as raised:
        example.lambda_handler(sqs_event(load_event, [json.dumps({"order_id": "ord-3"})]), lambda_context)
    assert [e["loc"] for e in raised.value.errors()] == [("Records", 0, "body", "total")]
