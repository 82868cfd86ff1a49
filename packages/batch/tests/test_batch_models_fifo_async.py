"""Records as pydantic models, FIFO ordering, async handlers, legacy decorators, subclass hooks."""

from __future__ import annotations

import asyncio
import json
import warnings
from typing import Any

import pytest

from powertools.batch import (
    AsyncBatchProcessor,
    BatchProcessor,
    EventType,
    SqsFifoPartialProcessor,
    async_batch_processor,
    async_process_partial_response,
    batch_processor,
    process_partial_response,
)
from powertools.batch.exceptions import SQSFifoCircuitBreakerError, SQSFifoMessageGroupCircuitBreakerError
from powertools.common.events.sqs import SQSRecord
from powertools.common.warnings import PowertoolsDeprecationWarning
from powertools.parser import BaseModel, Json
from powertools.parser.models import DynamoDBStreamRecordModel, SqsRecordModel


class Order(BaseModel):
    item: str
    quantity: int


class OrderRecord(SqsRecordModel):
    body: Json[Order]  # type: ignore[assignment]


def sqs_event(*bodies: Any, groups: list[str] | None = None) -> dict[str, Any]:
    records = []
    for i, body in enumerate(bodies):
        attributes = {
            "ApproximateReceiveCount": "1",
            "SentTimestamp": "1545082649183",
            "SenderId": "AIDAIENQZJOLO23YVJ4VO",
            "ApproximateFirstReceiveTimestamp": "1545082649185",
        }
        if groups:
            attributes.update(MessageGroupId=groups[i], MessageDeduplicationId=f"d-{i}", SequenceNumber=str(i))
        records.append(
            {
                "messageId": f"m-{i}",
                "receiptHandle": f"rh-{i}",
                "body": body if isinstance(body, str) else json.dumps(body),
                "attributes": attributes,
                "messageAttributes": {},
                "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:my-queue",
                "awsRegion": "us-east-2",
            }
        )
    return {"Records": records}


def test_model_records_reach_the_handler_validated() -> None:
    got: list[Order] = []
    event = sqs_event({"item": "book", "quantity": 2}, {"item": "pen", "quantity": 1})
    processor = BatchProcessor(EventType.SQS, model=OrderRecord)
    response = process_partial_response(event, lambda record: got.append(record.body), processor)
    assert response == {"batchItemFailures": []}
    assert got == [Order(item="book", quantity=2), Order(item="pen", quantity=1)]


def test_a_record_the_model_rejects_fails_with_its_identifier() -> None:
    event = sqs_event({"item": "book", "quantity": 2}, {"item": "pen"}, "not json at all")
    processor = BatchProcessor(EventType.SQS, model=OrderRecord)
    response = process_partial_response(event, lambda record: record.body.quantity, processor)
    assert response == {"batchItemFailures": [{"itemIdentifier": "m-1"}, {"itemIdentifier": "m-2"}]}
    # Reported as the data class, since the model could not be built.
    assert all(isinstance(r, SQSRecord) for r in processor.fail_messages)
    assert [type(e[1]).__name__ for e in processor.exceptions] == ["ValidationError", "ValidationError"]


def test_a_model_without_the_identifier_field_still_reports_it() -> None:
    class BodyOnly(BaseModel):
        body: str

    event = sqs_event("a", "b")

    def handler(record: BodyOnly) -> None:
        if record.body == "b":
            raise ValueError("b")

    response = process_partial_response(event, handler, BatchProcessor(EventType.SQS, model=BodyOnly))
    # The model dropped messageId; the report falls back to the record it came from.
    assert response == {"batchItemFailures": [{"itemIdentifier": "m-1"}]}


def test_dynamodb_model(load_event: Any) -> None:
    event = load_event("dynamodb_stream_batch")
    processor = BatchProcessor(EventType.DynamoDBStreams, model=DynamoDBStreamRecordModel)

    def handler(record: DynamoDBStreamRecordModel) -> None:
        if record.dynamodb.SequenceNumber.endswith("240"):
            raise RuntimeError("x")

    assert process_partial_response(event, handler, processor) == {
        "batchItemFailures": [{"itemIdentifier": "4421584565755183669174880240"}]
    }


def fails_on(*bad: str) -> Any:
    def handler(record: SQSRecord) -> str:
        if record.body in bad:
            raise ValueError(record.body)
        return record.body

    return handler


def test_fifo_stops_at_the_first_failure() -> None:
    event = sqs_event("a", "b", "c", "d", groups=["g1", "g2", "g1", "g2"])
    processor = SqsFifoPartialProcessor()
    response = process_partial_response(event, fails_on("b"), processor)
    assert response == {"batchItemFailures": [{"itemIdentifier": f"m-{i}"} for i in (1, 2, 3)]}
    assert [e[0] for e in processor.exceptions] == [ValueError, SQSFifoCircuitBreakerError, SQSFifoCircuitBreakerError]
    assert [r.body for r in processor.success_messages] == ["a"]


def test_fifo_skip_group_on_error_holds_back_only_that_group() -> None:
    event = sqs_event("a", "b", "c", "d", "e", groups=["g1", "g2", "g1", "g2", "g3"])
    processor = SqsFifoPartialProcessor(skip_group_on_error=True)
    response = process_partial_response(event, fails_on("b"), processor)
    assert response == {"batchItemFailures": [{"itemIdentifier": "m-1"}, {"itemIdentifier": "m-3"}]}
    assert [r.body for r in processor.success_messages] == ["a", "c", "e"]
    assert processor.exceptions[1][0] is SQSFifoMessageGroupCircuitBreakerError
    # A new batch forgets the failed groups.
    assert process_partial_response(sqs_event("d", groups=["g2"]), fails_on(), processor) == {"batchItemFailures": []}


def test_fifo_with_a_model() -> None:
    event = sqs_event({"item": "a", "quantity": 1}, {"item": "b"}, {"item": "c", "quantity": 1}, groups=["g", "g", "g"])
    response = process_partial_response(event, lambda record: record.body, SqsFifoPartialProcessor(model=OrderRecord))
    assert response == {"batchItemFailures": [{"itemIdentifier": "m-1"}, {"itemIdentifier": "m-2"}]}


def test_async_handlers_run_concurrently_and_keep_order() -> None:
    running = 0
    peak = 0

    async def handler(record: SQSRecord) -> str:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.01)
        running -= 1
        if record.body == "3":
            raise ValueError("three")
        return record.body

    processor = AsyncBatchProcessor(EventType.SQS)
    event = sqs_event(*[str(i) for i in range(50)])
    response = async_process_partial_response(event, handler, processor)
    assert response == {"batchItemFailures": [{"itemIdentifier": "m-3"}]}
    assert peak == 50  # all in flight at once, not one after the other
    assert [r.body for r in processor.success_messages] == [str(i) for i in range(50) if i != 3]


def test_async_in_lambda_reuses_one_event_loop(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    monkeypatch.setenv("LAMBDA_TASK_ROOT", str(tmp_path))
    loops: list[Any] = []

    async def handler(record: SQSRecord) -> None:
        loops.append(asyncio.get_running_loop())

    processor = AsyncBatchProcessor(EventType.SQS)
    async_process_partial_response(sqs_event("a"), handler, processor)
    async_process_partial_response(sqs_event("b"), handler, processor)
    assert loops[0] is loops[1]


def test_legacy_decorators_warn_and_still_work(lambda_context: Any) -> None:
    processor = BatchProcessor(EventType.SQS)

    @batch_processor(record_handler=fails_on("b"), processor=processor)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return processor.response()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert handler(sqs_event("a", "b"), lambda_context) == {"batchItemFailures": [{"itemIdentifier": "m-1"}]}
    assert [w.category for w in caught] == [PowertoolsDeprecationWarning]

    aprocessor = AsyncBatchProcessor(EventType.SQS)

    async def arecord(record: SQSRecord) -> None:
        if record.body == "a":
            raise ValueError

    @async_batch_processor(record_handler=arecord, processor=aprocessor)
    def ahandler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return aprocessor.response()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert ahandler(sqs_event("a", "b"), lambda_context) == {"batchItemFailures": [{"itemIdentifier": "m-0"}]}


def test_subclass_hooks_see_every_record() -> None:
    calls: list[tuple[str, str]] = []

    class Audited(BatchProcessor):
        def success_handler(self, record: Any, result: Any) -> Any:
            calls.append(("ok", record.message_id))
            return super().success_handler(record, result)

        def failure_handler(self, record: Any, exception: Any) -> Any:
            calls.append(("failed", record.message_id))
            return super().failure_handler(record, exception)

    response = process_partial_response(sqs_event("a", "b", "c"), fails_on("b"), Audited(EventType.SQS))
    assert calls == [("ok", "m-0"), ("failed", "m-1"), ("ok", "m-2")]
    assert response == {"batchItemFailures": [{"itemIdentifier": "m-1"}]}


def test_failures_are_logged_to_the_given_logger(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    log = logging.getLogger("orders-consumer")
    with caplog.at_level(logging.WARNING, logger="orders-consumer"):
        process_partial_response(sqs_event("a", "b"), fails_on("b"), BatchProcessor(EventType.SQS, logger=log))
    assert [r.getMessage() for r in caplog.records] == ["Record processing exception; skipping this record"]
    assert caplog.records[0].exc_info is not None
    assert caplog.records[0].exc_info[0] is ValueError
