"""Behaviours matched to upstream 3.37 (issue 13), each as a user sees it."""

from __future__ import annotations

import base64
import gzip
import json
from decimal import Decimal

import pytest

from powertools.common.exceptions import InvalidEventError
from powertools.data_classes import (
    ActiveMQEvent,
    AWSConfigRuleEvent,
    CloudWatchLogsEvent,
    DynamoDBStreamEvent,
    KafkaEvent,
    PreTokenGenerationV2TriggerEvent,
)
from powertools.data_classes.aws_config_rule_event import (
    AWSConfigConfigurationChanged,
    AWSConfigOversizedConfiguration,
    AWSConfigScheduledNotification,
)


def test_activemq_message_advances_then_stops(load_event) -> None:
    event = ActiveMQEvent(load_event("activemq"))
    ids = [m["messageID"] for m in load_event("activemq")["messages"]]
    assert [event.message.message_id for _ in ids] == ids
    with pytest.raises(StopIteration):
        _ = event.message
    assert [m.message_id for m in event.messages] == ids  # `messages` starts over each time


def test_kafka_record_advances_then_stops(load_event) -> None:
    raw = load_event("kafka_self_managed")
    event = KafkaEvent(raw)
    offsets = [r["offset"] for batch in raw["records"].values() for r in batch]
    assert [event.record.offset for _ in offsets] == offsets
    with pytest.raises(StopIteration):
        _ = event.record
    assert next(KafkaEvent({"records": {}}).records, None) is None


def test_kafka_header_values() -> None:
    event = KafkaEvent(
        {"records": {"t-0": [{"value": "", "headers": [{"Trace": [104, 105]}, {"signed": [-1, -128, 0, 127]}]}]}}
    )
    headers = event.record.decoded_headers
    assert headers["trace"] == b"hi"
    assert headers["SIGNED"] == b"\xff\x80\x00\x7f"


@pytest.mark.parametrize("value", [5, "abc", [256], [1.5], [None], {"a": 1}, [-129], [True]])
def test_kafka_header_that_is_not_a_byte_list_is_a_typed_error(value: object) -> None:
    # bytes(5) would be five zero bytes; a bool is not a byte value either
    record = KafkaEvent({"records": {"t-0": [{"value": "", "headers": [{"retries": value}]}]}}).record
    with pytest.raises(InvalidEventError, match=r"headers\.retries must be a list of byte values") as caught:
        _ = record.decoded_headers
    assert caught.value.field == "headers.retries"


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"records": [1]}, "records"),
        ({"records": {"t-0": 5}}, "records.t-0"),
        ({"records": {"t-0": [5]}}, "records"),
        ({"records": {"t-0": [{"headers": "x"}]}}, "headers"),
        ({"records": {"t-0": [{"headers": [5]}]}}, "headers"),
        ({"records": {"t-0": [{"value": 5}]}}, "value"),
        ({"records": {"t-0": [{"key": ["k"]}]}}, "key"),
    ],
)
def test_kafka_wrong_typed_fields_name_the_field(raw: dict, field: str) -> None:
    def read_everything() -> None:
        for record in KafkaEvent(raw).records:
            _ = (record.decoded_key, record.decoded_value, record.decoded_headers)

    with pytest.raises(InvalidEventError) as caught:
        read_everything()
    assert caught.value.field == field


def test_kafka_json_value_deeply_nested() -> None:
    value = base64.b64encode(b"[" * 50_000 + b"]" * 50_000).decode()
    with pytest.raises(InvalidEventError, match="value is JSON nested too deeply"):
        _ = KafkaEvent({"records": {"t-0": [{"value": value}]}}).record.json_value


def test_cloudwatch_logs_extracted_fields_default_and_deep_json() -> None:
    document = {"logEvents": [{"id": "1", "message": "m"}, {"id": "2", "extractedFields": {"ip": "10.0.0.1"}}]}
    data = base64.b64encode(gzip.compress(json.dumps(document).encode())).decode()
    events = CloudWatchLogsEvent({"awslogs": {"data": data}}).parse_logs_data().log_events
    assert [e.extracted_fields for e in events] == [{}, {"ip": "10.0.0.1"}]
    deep = base64.b64encode(gzip.compress(b"[" * 100_000 + b"]" * 100_000)).decode()
    with pytest.raises(InvalidEventError, match=r"awslogs\.data is JSON nested too deeply"):
        CloudWatchLogsEvent({"awslogs": {"data": deep}}).parse_logs_data()


def test_cognito_v2_token_generation_can_be_assigned(load_event) -> None:
    event = PreTokenGenerationV2TriggerEvent(load_event("cognito_pre_token_generation_v2"))
    details = event.response.claims_scope_override_details
    details.id_token_generation = {"claimsToAddOrOverride": {"tier": "gold"}}
    details.access_token_generation = {"scopesToAdd": ["orders/read"]}
    details.access_token_generation.claims_to_suppress = ["email"]  # then edited through the wrapper
    assert event.raw_event["response"]["claimsAndScopeOverrideDetails"] == {
        "idTokenGeneration": {"claimsToAddOrOverride": {"tier": "gold"}},
        "accessTokenGeneration": {"scopesToAdd": ["orders/read"], "claimsToSuppress": ["email"]},
    }
    assert details.id_token_generation.claims_to_add_or_override == {"tier": "gold"}


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("1" + "0" * 45, Decimal("1E+45")),
        ("-12" + "0" * 60, Decimal("-1.2E+61")),
        ("", Decimal(0)),
        (".", Decimal(0)),
        ("1.50", Decimal("1.50")),
    ],
)
def test_dynamodb_numbers_as_upstream(number: str, expected: Decimal) -> None:
    event = DynamoDBStreamEvent({"Records": [{"dynamodb": {"NewImage": {"n": {"N": number}}}}]})
    value = next(event.records).dynamodb.new_image["n"]
    assert value == expected
    assert str(value) == str(expected)


@pytest.mark.parametrize("number", ["1" + "0" * 38 + "1", "1E+200", "NaN", "x", "1" * 500])
def test_dynamodb_numbers_dynamodb_cannot_store(number: str) -> None:
    event = DynamoDBStreamEvent({"Records": [{"dynamodb": {"NewImage": {"n": {"N": number}}}}]})
    with pytest.raises(InvalidEventError, match=r"NewImage\.n is not a DynamoDB number"):
        _ = next(event.records).dynamodb.new_image


def test_aws_config_rule_configuration_change(load_event) -> None:
    event = AWSConfigRuleEvent(load_event("aws_config_rule_configuration_changed"))
    invoking = event.invoking_event
    assert isinstance(invoking, AWSConfigConfigurationChanged)
    assert invoking.configuration_item.resource_type == "AWS::EC2::Instance"
    assert invoking.configuration_item.configuration["instanceType"] == "t3.micro"
    assert invoking.configuration_item_diff["changeType"] == "UPDATE"
    assert event.rule_parameters == {"desiredInstanceType": "t3.micro"}
    assert (event.config_rule_name, event.evalution_mode, event.event_left_scope) == (
        "s3-bucket-versioning-enabled",
        "DETECTIVE",
        False,
    )


def test_aws_config_rule_scheduled_and_oversized(load_event) -> None:
    scheduled = AWSConfigRuleEvent(load_event("aws_config_rule_scheduled")).invoking_event
    assert isinstance(scheduled, AWSConfigScheduledNotification)
    assert scheduled.accountid == "123456789012"
    oversized = AWSConfigRuleEvent(load_event("aws_config_rule_oversized"))
    assert isinstance(oversized.invoking_event, AWSConfigOversizedConfiguration)
    assert oversized.invoking_event.configuration_item_summary.change_type == "UPDATE"
    assert oversized.rule_parameters == {}  # the rule has none


@pytest.mark.parametrize(
    ("raw", "read", "match"),
    [
        ({"invokingEvent": "{oops"}, lambda e: e.invoking_event, "invokingEvent is not valid JSON"),
        ({"invokingEvent": "[1]"}, lambda e: e.invoking_event, "invokingEvent must be a JSON object"),
        ({"ruleParameters": "5"}, lambda e: e.rule_parameters, "ruleParameters must be a JSON object"),
        (
            {
                "invokingEvent": '{"messageType": "OversizedConfigurationItemChangeNotification", '
                '"configurationItemSummary": 5}'
            },
            lambda e: e.invoking_event.configuration_item_summary,
            "configurationItemSummary must be a JSON object",
        ),
    ],
)
def test_aws_config_rule_malformed_fields(raw: dict, read, match: str) -> None:
    with pytest.raises(InvalidEventError, match=match):
        read(AWSConfigRuleEvent(raw))


def test_aws_config_rule_bad_json_is_also_json_decode_error() -> None:
    with pytest.raises(json.JSONDecodeError):
        _ = AWSConfigRuleEvent({"invokingEvent": "{oops"}).invoking_event
