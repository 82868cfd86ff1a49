"""Bad input: typed errors naming the field, never a bare KeyError/TypeError from deep inside."""

from __future__ import annotations

import base64
import gzip
import json

import pytest

from powertools.common.exceptions import InvalidEventError
from powertools.data_classes import (
    APIGatewayAuthorizerTokenEvent,
    CloudWatchLogsEvent,
    DynamoDBStreamEvent,
    KafkaEvent,
    KinesisStreamEvent,
    S3Event,
    SQSEvent,
)
from powertools.data_classes.cloud_watch_logs_event import decompress_gzip
from powertools.data_classes.dynamo_db_stream_event import TypeDeserializer


def test_missing_sections_read_as_none_or_empty() -> None:
    event = S3Event({})
    assert list(event.records) == []
    assert event.bucket_name is None
    assert event.object_key is None
    assert event.record.s3.get_object.size is None
    sqs = SQSEvent({"Records": [{}]})
    record = next(sqs.records)
    assert (record.body, record.json_body, record.queue_url, record.attributes.sent_timestamp) == (None,) * 4


def test_non_object_event_is_a_typed_error() -> None:
    with pytest.raises(InvalidEventError, match="SQSEvent expects the event as a JSON object"):
        SQSEvent([1, 2])  # type: ignore[arg-type]


def test_records_of_the_wrong_type_name_the_field() -> None:
    with pytest.raises(InvalidEventError, match="Records must be a JSON array, got str") as info:
        S3Event({"Records": "oops"}).records  # noqa: B018
    assert info.value.field == "Records"
    with pytest.raises(InvalidEventError, match="Records must be a list"):
        list(SQSEvent({"Records": {"a": 1}}).records)
    with pytest.raises(InvalidEventError, match="s3 must be a JSON object"):
        S3Event({"Records": [{"s3": 5}]}).record.s3  # noqa: B018


def test_malformed_json_body() -> None:
    record = next(SQSEvent({"Records": [{"body": "{not json"}]}).records)
    with pytest.raises(InvalidEventError, match=r"body is not valid JSON: Expecting property name .* at position 1"):
        record.json_body  # noqa: B018


def test_malformed_base64() -> None:
    record = next(KinesisStreamEvent({"Records": [{"kinesis": {"data": "%%%"}}]}).records)
    with pytest.raises(InvalidEventError, match=r"kinesis\.data is not valid base64"):
        record.kinesis.data_as_bytes()
    kafka = KafkaEvent({"records": {"t-0": [{"value": "not base64!"}]}}).record
    with pytest.raises(InvalidEventError, match="value is not valid base64"):
        kafka.decoded_value  # noqa: B018


def test_non_utf8_data() -> None:
    data = base64.b64encode(b"\xff\xfe").decode()
    record = next(KinesisStreamEvent({"Records": [{"kinesis": {"data": data}}]}).records)
    with pytest.raises(InvalidEventError, match=r"kinesis\.data is not UTF-8 text"):
        record.kinesis.data_as_text()


def test_cloudwatch_logs_gzip_bomb_is_refused() -> None:
    bomb = gzip.compress(b"\0" * 2_000_000)
    with pytest.raises(InvalidEventError, match="inflates to more than 1000000 bytes"):
        decompress_gzip(bomb, field="awslogs.data", limit=1_000_000)
    with pytest.raises(InvalidEventError, match=r"awslogs\.data is not gzip/zlib compressed"):
        CloudWatchLogsEvent({"awslogs": {"data": base64.b64encode(b"plain").decode()}}).parse_logs_data()
    truncated = base64.b64encode(gzip.compress(json.dumps({"a": 1}).encode())[:-6]).decode()
    with pytest.raises(InvalidEventError, match="truncated"):
        CloudWatchLogsEvent({"awslogs": {"data": truncated}}).decompress_logs_data  # noqa: B018


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"N": "abc"}, "image.n is not a DynamoDB number"),
        ({"N": "1" * 39}, "image.n is not a DynamoDB number"),  # more digits than DynamoDB keeps
        ({"B": "!!"}, "image.n is not valid base64 binary"),
        ({"S": 1}, "image.n should hold a str, got int"),
        ({"X": "?"}, "image.n has unknown DynamoDB type 'X'"),
        ({"S": "a", "N": "1"}, "image.n is not a DynamoDB attribute value"),
        ("plain", "image.n is not a DynamoDB attribute value"),
    ],
)
def test_bad_dynamodb_values(value, message) -> None:
    with pytest.raises(InvalidEventError, match=message):
        TypeDeserializer().deserialize(value, field="image.n")


def test_bad_dynamodb_image_names_the_attribute() -> None:
    event = DynamoDBStreamEvent({"Records": [{"dynamodb": {"NewImage": {"price": {"N": "ten"}}}}]})
    with pytest.raises(InvalidEventError, match=r"NewImage\.price is not a DynamoDB number"):
        next(event.records).dynamodb.new_image  # noqa: B018


def test_unknown_enum_value_is_named() -> None:
    event = DynamoDBStreamEvent({"Records": [{"eventName": "UPSERT"}]})
    with pytest.raises(InvalidEventError, match="eventName='UPSERT' is not one of INSERT, MODIFY, REMOVE"):
        next(event.records).event_name  # noqa: B018


def test_bad_method_arn() -> None:
    with pytest.raises(InvalidEventError, match="not an API Gateway execute-api ARN"):
        APIGatewayAuthorizerTokenEvent({"methodArn": "arn:aws:s3:::bucket"}).parsed_arn  # noqa: B018


def test_kinesis_compressed_data(load_event) -> None:
    from powertools.data_classes.kinesis_stream_event import extract_cloudwatch_logs_from_event

    logs = load_event("cloudwatch_logs")["awslogs"]["data"]  # gzip JSON, as a subscription writes to Kinesis
    event = KinesisStreamEvent({"Records": [{"kinesis": {"data": logs}}]})
    record = next(event.records)
    assert record.kinesis.data_zlib_compressed_as_json()["messageType"] == "DATA_MESSAGE"
    (decoded,) = extract_cloudwatch_logs_from_event(event)
    assert decoded.log_events[0].message == record.kinesis.data_zlib_compressed_as_json()["logEvents"][0]["message"]
    bomb = base64.b64encode(gzip.compress(b" " * (65 * 1024 * 1024))).decode()
    with pytest.raises(InvalidEventError, match="inflates to more than"):
        next(
            KinesisStreamEvent({"Records": [{"kinesis": {"data": bomb}}]}).records
        ).kinesis.data_zlib_compressed_as_json()
