"""Envelopes extract exactly the payloads users expect, and reject the wrong event shape clearly."""

from __future__ import annotations

import base64
import json
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from powertools.parser import envelopes, parse


class Order(BaseModel):
    orderId: str
    customerId: str
    total: float
    currency: str


class Task(BaseModel):
    id: int
    fail: bool
    payload: str


def orders(*numbers: int) -> list[str]:
    return [f"ord-{n}" for n in numbers]


def test_sqs_envelope(load_event: Any) -> None:
    parsed = parse(load_event("sqs"), Order, envelopes.SqsEnvelope)
    assert parsed == [
        Order(orderId="ord-1001", customerId="cust-201", total=19.99, currency="USD"),
        Order(orderId="ord-1002", customerId="cust-202", total=39.98, currency="USD"),
    ]


def test_sqs_envelope_batch_in_order(load_event: Any) -> None:
    parsed = parse(load_event("sqs_batch_mixed"), Task, envelopes.SqsEnvelope)
    assert [(t.id, t.fail) for t in parsed] == [(1, False), (2, True), (3, False), (4, True), (5, False)]


def test_sqs_envelope_with_type_adapter_and_str(load_event: Any) -> None:
    event = load_event("sqs")
    as_dicts = parse(event, TypeAdapter(dict[str, Any]), envelopes.SqsEnvelope)
    assert [d["orderId"] for d in as_dicts] == orders(1001, 1002)
    raw = parse(event, str, envelopes.SqsEnvelope)
    assert raw == [record["body"] for record in event["Records"]]


def test_sqs_envelope_accepts_the_event_as_json_text(load_event: Any) -> None:
    parsed = parse(json.dumps(load_event("sqs")), Order, envelopes.SqsEnvelope)
    assert [o.orderId for o in parsed] == orders(1001, 1002)


def test_sns_envelope(load_event: Any) -> None:
    assert [o.orderId for o in parse(load_event("sns"), Order, envelopes.SnsEnvelope)] == orders(1003)


def test_sns_sqs_envelope(load_event: Any) -> None:
    assert [o.orderId for o in parse(load_event("sns_sqs"), Order, envelopes.SnsSqsEnvelope)] == orders(1004)


def test_kinesis_envelope(load_event: Any) -> None:
    parsed = parse(load_event("kinesis_stream"), Order, envelopes.KinesisDataStreamEnvelope)
    assert [o.orderId for o in parsed] == orders(1005, 1006)


def test_kinesis_envelope_gunzips_compressed_data(load_event: Any) -> None:
    import gzip

    event = load_event("kinesis_batch")
    event["Records"][0]["kinesis"]["data"] = base64.b64encode(gzip.compress(b'{"id": 9, "fail": false}')).decode()
    parsed = parse(event, dict[str, Any], envelopes.KinesisDataStreamEnvelope)
    assert parsed[0] == {"id": 9, "fail": False}
    event["Records"][1]["kinesis"]["data"] = base64.b64encode(b"\xff\xfe not gzip").decode()
    with pytest.raises(ValidationError, match="KinesisDataStreamEnvelope") as info:
        parse(event, dict[str, Any], envelopes.KinesisDataStreamEnvelope)
    assert info.value.errors()[0]["loc"] == ("Records", 1, "kinesis", "data")


def test_firehose_envelope(load_event: Any) -> None:
    parsed = parse(load_event("kinesis_firehose"), str, envelopes.KinesisFirehoseEnvelope)
    assert len(parsed) == 3
    assert json.loads(parsed[0])["orderId"].startswith("ord-")


def test_dynamodb_envelope(load_event: Any) -> None:
    class Row(BaseModel):
        pk: str
        id: Decimal
        fail: bool

    parsed = parse(load_event("dynamodb_stream_batch"), Row, envelopes.DynamoDBStreamEnvelope)
    assert parsed == [
        {"NewImage": Row(pk="TASK#1", id=Decimal(1), fail=False), "OldImage": None},
        {"NewImage": Row(pk="TASK#2", id=Decimal(2), fail=True), "OldImage": None},
        {"NewImage": Row(pk="TASK#3", id=Decimal(3), fail=False), "OldImage": None},
    ]


def test_kafka_envelope_msk_and_self_managed(load_event: Any) -> None:
    msk = parse(load_event("kafka_msk"), Order, envelopes.KafkaEnvelope)
    self_managed = parse(load_event("kafka_self_managed"), Order, envelopes.KafkaEnvelope)
    assert [o.orderId for o in msk] == [o.orderId for o in self_managed]
    assert len(msk) == 3


def test_cloudwatch_logs_envelope(load_event: Any) -> None:
    lines = parse(load_event("cloudwatch_logs"), str, envelopes.CloudWatchLogsEnvelope)
    assert lines[0].startswith("START RequestId:")
    assert json.loads(lines[1])["message"] == "Order created"


def test_eventbridge_envelope(load_event: Any) -> None:
    detail = parse(load_event("eventbridge"), dict[str, Any], envelopes.EventBridgeEnvelope)
    assert detail["order"]["orderId"] == "ord-1001"


def test_http_envelopes_return_the_body(load_event: Any) -> None:
    class Todo(BaseModel):
        title: str
        completed: bool

    assert parse(load_event("apigw_rest_post_json"), Todo, envelopes.ApiGatewayEnvelope) == Todo(
        title="Buy milk", completed=False
    )
    assert parse(load_event("apigw_rest"), Todo, envelopes.ApiGatewayEnvelope) is None  # GET: no body
    http_body = parse(load_event("apigw_http_iam"), dict[str, Any], envelopes.ApiGatewayV2Envelope)
    assert http_body == json.loads(load_event("apigw_http_iam")["body"])


@pytest.mark.parametrize(
    ("envelope", "event_name"),
    [
        ("LambdaFunctionUrlEnvelope", "function_url"),
        ("VpcLatticeEnvelope", "vpc_lattice_v1"),
        ("VpcLatticeV2Envelope", "vpc_lattice_v2"),
        ("ApiGatewayWebSocketEnvelope", "apigw_websocket_message"),
    ],
)
def test_body_envelopes_match_json_body(envelope: str, event_name: str, load_event: Any) -> None:
    event = load_event(event_name)
    body = event.get("body")
    if event.get("isBase64Encoded") or event.get("is_base64_encoded"):
        body = base64.b64decode(body).decode()
    expected = json.loads(body) if body else None
    assert parse(event, Any, getattr(envelopes, envelope)) == expected


def test_bedrock_envelopes(load_event: Any) -> None:
    agent = load_event("bedrock_agent")
    function = load_event("bedrock_agent_function")
    agent["inputText"] = json.dumps({"city": "Lisbon"})
    function["inputText"] = '"plain question"'
    assert parse(agent, dict[str, str], envelopes.BedrockAgentEnvelope) == {"city": "Lisbon"}
    assert parse(function, str, envelopes.BedrockAgentFunctionEnvelope) == '"plain question"'


# --- wrong shapes and bad payloads --------------------------------------------------------------


def test_wrong_event_shape_names_envelope_and_missing_key(load_event: Any) -> None:
    with pytest.raises(ValidationError) as info:
        parse(load_event("sns"), Order, envelopes.SqsEnvelope)
    assert info.value.title == "SqsEnvelope"
    assert [(e["loc"], e["type"]) for e in info.value.errors()][:4] == [
        (("Records", 0, "messageId"), "missing"),
        (("Records", 0, "receiptHandle"), "missing"),
        (("Records", 0, "body"), "missing"),
        (("Records", 0, "attributes"), "missing"),
    ]
    assert str(info.value).startswith("9 validation errors for SqsEnvelope\nRecords.0.messageId\n  Field required")


@pytest.mark.parametrize(
    ("envelope", "event_name", "missing"),
    [
        ("EventBridgeEnvelope", "sqs", ("version",)),
        ("SnsEnvelope", "sqs", ("Records", 0, "EventSource")),
        ("DynamoDBStreamEnvelope", "eventbridge", ("Records",)),
        ("KafkaEnvelope", "sqs", ("bootstrapServers",)),
        ("ApiGatewayEnvelope", "eventbridge", ("resource",)),
        ("ApiGatewayV2Envelope", "eventbridge", ("routeKey",)),
        ("CloudWatchLogsEnvelope", "sqs", ("awslogs",)),
        ("KinesisFirehoseEnvelope", "sqs", ("invocationId",)),
        ("KinesisDataStreamEnvelope", "sqs", ("Records", 0, "kinesis")),
        ("SnsSqsEnvelope", "sns", ("Records", 0, "messageId")),
    ],
)
def test_every_envelope_names_itself_on_wrong_shape(
    envelope: str, event_name: str, missing: tuple[Any, ...], load_event: Any
) -> None:
    with pytest.raises(ValidationError) as info:
        parse(load_event(event_name), dict[str, Any], getattr(envelopes, envelope))
    assert info.value.title == envelope
    assert (missing, "missing") in [(e["loc"], e["type"]) for e in info.value.errors()]


def test_non_dict_event_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="SqsEnvelope") as info:
        parse(None, Order, envelopes.SqsEnvelope)
    assert info.value.errors()[0]["type"] in ("dict_type", "model_type")


def test_body_that_is_not_json_is_a_validation_error(load_event: Any) -> None:
    event = load_event("sqs")
    event["Records"][1]["body"] = "not json"
    with pytest.raises(ValidationError) as info:
        parse(event, Order, envelopes.SqsEnvelope)
    assert [(e["loc"], e["type"]) for e in info.value.errors()] == [(("Records", 1, "body"), "json_invalid")]


def test_invalid_payload_reports_record_and_field(load_event: Any) -> None:
    event = load_event("sqs_batch_mixed")
    event["Records"][3]["body"] = json.dumps({"id": "four", "fail": True, "payload": "task-4"})
    with pytest.raises(ValidationError) as info:
        parse(event, Task, envelopes.SqsEnvelope)
    assert [(e["loc"], e["type"]) for e in info.value.errors()] == [(("Records", 3, "body", "id"), "int_parsing")]


def test_not_json_in_single_payload_envelope(load_event: Any) -> None:
    event = load_event("apigw_rest_post_json")
    event["body"] = "{broken"
    with pytest.raises(ValidationError) as info:
        parse(event, Order, envelopes.ApiGatewayEnvelope)
    assert info.value.errors()[0]["type"] == "json_invalid"


def test_sns_envelope_with_unhashable_model_takes_the_generic_path(load_event: Any) -> None:
    adapter = TypeAdapter(Order)
    assert [o.orderId for o in parse(load_event("sns"), adapter, envelopes.SnsEnvelope)] == orders(1003)
    assert [o.orderId for o in parse(load_event("sns_sqs"), adapter, envelopes.SnsSqsEnvelope)] == orders(1004)
    assert len(parse(load_event("kafka_msk"), adapter, envelopes.KafkaEnvelope)) == 3
    rows = parse(load_event("dynamodb_stream_batch"), TypeAdapter(dict[str, Any]), envelopes.DynamoDBStreamEnvelope)
    assert rows[0]["NewImage"]["pk"] == "TASK#1"
