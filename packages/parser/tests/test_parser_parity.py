"""Behaviours matched to upstream 3.37, and compressed payloads inflated with a bound (issue 13)."""

from __future__ import annotations

import base64
import gzip
import json
import tracemalloc
import zlib
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from powertools.common.compression import InvalidCompressedDataError
from powertools.parser import envelopes, event_parser, models, parse
from powertools.parser.models.kinesis import extract_cloudwatch_logs_from_event


class Order(BaseModel):
    orderId: str


@pytest.mark.parametrize("envelope", [True, [1], ["SqsEnvelope"], "SqsEnvelope", 1, {"a": 1}, False, 0, ""], ids=repr)
def test_a_value_that_is_not_an_envelope_is_ignored(envelope: Any) -> None:
    assert parse({"orderId": "o-1"}, Order, envelope=envelope) == Order(orderId="o-1")

    @event_parser(model=Order, envelope=envelope)
    def handler(event: Order, context: Any) -> str:
        return event.orderId

    assert handler({"orderId": "o-2"}, None) == "o-2"


def _cloudwatch_data(document: Any) -> str:
    return base64.b64encode(gzip.compress(json.dumps(document).encode())).decode()


LOGS = {
    "messageType": "DATA_MESSAGE",
    "owner": "123456789012",
    "logGroup": "/aws/lambda/orders",
    "logStream": "2024/05/14/[$LATEST]abc",
    "subscriptionFilters": ["all"],
    "logEvents": [{"id": "1", "timestamp": 1715681730401, "message": '{"orderId": "o-7"}'}],
}


def test_awslogs_data_given_as_base64_bytes() -> None:
    text = _cloudwatch_data(LOGS)
    as_text = models.CloudWatchLogsModel.model_validate({"awslogs": {"data": text}})
    as_bytes = models.CloudWatchLogsModel.model_validate({"awslogs": {"data": text.encode()}})
    assert as_bytes == as_text
    assert as_bytes.awslogs.decoded_data.logGroup == "/aws/lambda/orders"
    parsed = parse({"awslogs": {"data": text.encode()}}, Order, envelopes.CloudWatchLogsEnvelope)
    assert parsed == [Order(orderId="o-7")]


def _bomb(size_mib: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    chunk = b" " * (1024 * 1024)
    return b"".join(compressor.compress(chunk) for _ in range(size_mib)) + compressor.flush()


def test_cloudwatch_logs_bomb_is_refused_with_bounded_memory() -> None:
    event = {"awslogs": {"data": base64.b64encode(_bomb(256)).decode()}}
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError, match="unable to decompress data"):
            parse(event, Order, envelopes.CloudWatchLogsEnvelope)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 80 * 1024 * 1024  # the 64 MiB limit plus one step, not 256 MiB


def _kinesis_event(data: bytes) -> dict[str, Any]:
    return {
        "Records": [
            {
                "eventSource": "aws:kinesis",
                "eventVersion": "1.0",
                "eventID": "shardId-000000000000:1",
                "eventName": "aws:kinesis:record",
                "invokeIdentityArn": "arn:aws:iam::123456789012:role/r",
                "awsRegion": "us-east-1",
                "eventSourceARN": "arn:aws:kinesis:us-east-1:123456789012:stream/s",
                "kinesis": {
                    "kinesisSchemaVersion": "1.0",
                    "partitionKey": "p",
                    "sequenceNumber": "1",
                    "data": base64.b64encode(data).decode(),
                    "approximateArrivalTimestamp": 1715681730.4,
                },
            }
        ]
    }


def test_kinesis_cloudwatch_logs_helper_inflates_and_refuses_bombs() -> None:
    good = models.KinesisDataStreamModel.model_validate(_kinesis_event(gzip.compress(json.dumps(LOGS).encode())))
    assert extract_cloudwatch_logs_from_event(good)[0].logGroup == "/aws/lambda/orders"
    bomb = models.KinesisDataStreamModel.model_validate(_kinesis_event(_bomb(128)))
    with pytest.raises(InvalidCompressedDataError, match="inflates to more than") as caught:
        extract_cloudwatch_logs_from_event(bomb)
    assert isinstance(caught.value, zlib.error)  # what upstream raises for bad data


def test_kinesis_envelope_refuses_a_bomb_as_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="Unable to decode and/or decompress data"):
        parse(_kinesis_event(_bomb(128)), Order, envelopes.KinesisDataStreamEnvelope)


def test_kinesis_helper_deep_json_is_a_typed_error() -> None:
    deep = models.KinesisDataStreamModel.model_validate(_kinesis_event(gzip.compress(b"[" * 100_000 + b"]" * 100_000)))
    with pytest.raises(ValueError, match="nested too deeply"):
        extract_cloudwatch_logs_from_event(deep)
