"""Each event source through process_partial_response: what the handler gets, what Lambda gets back."""

from __future__ import annotations

import json
from typing import Any

import pytest

from powertools.batch import BatchProcessingError, BatchProcessor, EventType, process_partial_response
from powertools.batch.exceptions import UnexpectedBatchTypeError
from powertools.common.events.dynamodb import DynamoDBRecord
from powertools.common.events.kinesis import KinesisStreamRecord
from powertools.common.events.sqs import SQSRecord


def test_sqs_reports_the_failed_message_ids(load_event: Any) -> None:
    event = load_event("sqs_fifo")  # four messages
    seen: list[str] = []

    def handler(record: SQSRecord) -> str:
        assert isinstance(record, SQSRecord)
        seen.append(record.message_id)
        if record.message_id.startswith(("3b20", "e8cc")):
            raise ValueError(f"cannot ship {record.message_id}")
        return record.body

    response = process_partial_response(event=event, record_handler=handler, processor=BatchProcessor(EventType.SQS))
    assert response == {
        "batchItemFailures": [
            {"itemIdentifier": "3b20d04e-220f-451e-b454-5b3eb0f4dc09"},
            {"itemIdentifier": "e8ccdfb9-7f54-4a60-8ade-9b3287a153f1"},
        ]
    }
    assert seen == [r["messageId"] for r in event["Records"]]  # every record, in order


def test_kinesis_reports_sequence_numbers(load_event: Any) -> None:
    event = load_event("kinesis_batch")

    def handler(record: KinesisStreamRecord) -> Any:
        assert isinstance(record, KinesisStreamRecord)
        return record.kinesis.data_as_json()

    processor = BatchProcessor(EventType.KinesisDataStreams)
    event["Records"][1]["kinesis"]["data"] = "bm90IGpzb24="  # "not json"
    response = process_partial_response(event=event, record_handler=handler, processor=processor)
    assert response == {"batchItemFailures": [{"itemIdentifier": event["Records"][1]["kinesis"]["sequenceNumber"]}]}
    assert [m.kinesis.sequence_number for m in processor.success_messages] == [
        event["Records"][0]["kinesis"]["sequenceNumber"],
        event["Records"][2]["kinesis"]["sequenceNumber"],
    ]


def test_dynamodb_streams_report_sequence_numbers(load_event: Any) -> None:
    event = load_event("dynamodb_stream_batch")

    def handler(record: DynamoDBRecord) -> str:
        assert isinstance(record, DynamoDBRecord)
        if record.dynamodb.sequence_number.endswith("598"):
            raise RuntimeError("downstream unavailable")
        return record.event_name.value

    response = process_partial_response(
        event=event, record_handler=handler, processor=BatchProcessor(EventType.DynamoDBStreams)
    )
    assert response == {"batchItemFailures": [{"itemIdentifier": "4421584565755183983334145598"}]}


def test_all_failed_raises_with_every_child_exception(load_event: Any) -> None:
    event = load_event("sqs")

    def handler(record: SQSRecord) -> None:
        raise KeyError(record.message_id)

    with pytest.raises(BatchProcessingError) as info:
        process_partial_response(event=event, record_handler=handler, processor=BatchProcessor(EventType.SQS))
    assert str(info.value).startswith("All records failed processing. 2 individual errors logged separately below.")
    children = info.value.child_exceptions
    assert [c[0] for c in children] == [KeyError, KeyError]
    assert [c[1].args[0] for c in children] == [r["messageId"] for r in event["Records"]]  # type: ignore[union-attr]
    assert "Traceback" in str(info.value)  # each record's traceback is in the message


def test_all_failed_without_raising_reports_every_record(load_event: Any) -> None:
    event = load_event("sqs")

    def handler(record: SQSRecord) -> None:
        raise ValueError("no")

    processor = BatchProcessor(EventType.SQS, raise_on_entire_batch_failure=False)
    response = process_partial_response(event=event, record_handler=handler, processor=processor)
    assert response == {"batchItemFailures": [{"itemIdentifier": r["messageId"]} for r in event["Records"]]}


def test_empty_batch_answers_no_failures() -> None:
    processor = BatchProcessor(EventType.SQS)
    assert process_partial_response(event={"Records": []}, record_handler=print, processor=processor) == {
        "batchItemFailures": []
    }


@pytest.mark.parametrize(
    ("event", "found"),
    [({}, "no 'Records' list"), ({"Records": "x"}, "no 'Records' list"), (None, "no event object")],
)
def test_an_event_that_is_not_a_batch_is_a_typed_error(event: Any, found: str) -> None:
    with pytest.raises(UnexpectedBatchTypeError, match=f"Expected a SQS batch event, found {found}"):
        process_partial_response(event=event, record_handler=print, processor=BatchProcessor(EventType.SQS))


def test_a_failed_record_without_identifier_fails_the_whole_batch() -> None:
    event = {"Records": [{"messageId": "ok-1", "body": "1"}, {"body": "boom"}]}

    def handler(record: SQSRecord) -> int:
        return int(record.body)

    with pytest.raises(UnexpectedBatchTypeError, match="has no messageId"):
        process_partial_response(event=event, record_handler=handler, processor=BatchProcessor(EventType.SQS))


def test_handler_results_and_context_manager_use(load_event: Any) -> None:
    records = load_event("sqs")["Records"]
    processor = BatchProcessor(EventType.SQS)

    def handler(record: SQSRecord) -> str:
        if record.message_id == records[1]["messageId"]:
            raise ValueError("second one")
        return record.body.upper()

    with processor(records, handler) as batch:
        processed = batch.process()
    assert processed[0] == ("success", records[0]["body"].upper(), processor.success_messages[0])
    assert processed[1][0] == "fail"
    assert processed[1][1] == "<class 'ValueError'>:second one"
    assert processor.fail_messages[0].message_id == records[1]["messageId"]
    assert [e[0] for e in processor.exceptions] == [ValueError]
    assert processor.response() == {"batchItemFailures": [{"itemIdentifier": records[1]["messageId"]}]}
    # The next batch starts clean.
    with processor(records[:1], handler) as batch:
        batch.process()
    assert processor.response() == {"batchItemFailures": []}
    assert len(processor.success_messages) == 1
    assert processor.fail_messages == []


def test_lambda_context_reaches_handlers_that_ask_for_it(load_event: Any, lambda_context: Any) -> None:
    got: list[Any] = []

    def with_context(record: SQSRecord, lambda_context: Any) -> None:
        got.append(lambda_context.aws_request_id)

    def without(record: SQSRecord) -> None:
        got.append("no context")

    event = load_event("sqs")
    process_partial_response(event, with_context, BatchProcessor(EventType.SQS), lambda_context)
    process_partial_response(event, without, BatchProcessor(EventType.SQS), lambda_context)
    assert got == [lambda_context.aws_request_id] * 2 + ["no context"] * 2


def test_base_exceptions_are_not_swallowed(load_event: Any) -> None:
    def handler(record: SQSRecord) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        process_partial_response(load_event("sqs"), handler, BatchProcessor(EventType.SQS))


def test_event_type_must_be_an_event_type() -> None:
    with pytest.raises(ValueError, match="event_type must be an EventType"):
        BatchProcessor("SQS")  # type: ignore[arg-type]


def test_json_body_of_records_is_parsed_once_per_access(load_event: Any) -> None:
    event = {"Records": [{"messageId": "m", "body": json.dumps({"a": 1})}]}
    out: list[Any] = []
    process_partial_response(event, lambda record: out.append(record.json_body), BatchProcessor(EventType.SQS))
    assert out == [{"a": 1}]
