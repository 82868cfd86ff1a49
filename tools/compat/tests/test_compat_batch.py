"""Batch: the same record handlers and events under upstream and ours, responses compared.

Differences asserted exactly as packages/batch/README.md documents them: an empty batch,
what ``success_messages`` holds, and a failed record without an identifier.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from powertools_testing.events import load_event
from tools.compat.harness import FLAVOURS, Flavour, SimpleLambdaContext, error_summary


def both(scenario: Callable[[Flavour], Any]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for flavour in FLAVOURS:
        try:
            results[flavour.name] = ("ok", scenario(flavour))
        except Exception as exc:
            results[flavour.name] = ("error", error_summary(exc))
    return results


def sqs_event(*bodies: str, groups: list[str] | None = None) -> dict[str, Any]:
    event = load_event("sqs")
    template = event["Records"][0]
    records = []
    for i, body in enumerate(bodies):
        attributes = dict(template["attributes"])
        if groups:
            attributes.update(MessageGroupId=groups[i], MessageDeduplicationId=f"d{i}", SequenceNumber=str(i))
        records.append({**template, "messageId": f"m-{i}", "body": body, "attributes": attributes})
    return {"Records": records}


def failing_on(*bad: str) -> Callable[..., Any]:
    def record_handler(record: Any) -> str:
        body = record.body
        if body in bad:
            raise ValueError(f"cannot process {body}")
        return body.upper()

    return record_handler


SCENARIOS: dict[str, Callable[[Flavour], Any]] = {
    "sqs_some_fail": lambda pt: pt.batch.process_partial_response(
        event=sqs_event("a", "b", "c", "d"),
        record_handler=failing_on("b", "d"),
        processor=pt.batch.BatchProcessor(event_type=pt.batch.EventType.SQS),
    ),
    "sqs_none_fail": lambda pt: pt.batch.process_partial_response(
        event=sqs_event("a", "b"),
        record_handler=failing_on(),
        processor=pt.batch.BatchProcessor(event_type=pt.batch.EventType.SQS),
    ),
    "sqs_all_fail_no_raise": lambda pt: pt.batch.process_partial_response(
        event=sqs_event("a", "b"),
        record_handler=failing_on("a", "b"),
        processor=pt.batch.BatchProcessor(event_type=pt.batch.EventType.SQS, raise_on_entire_batch_failure=False),
    ),
    "kinesis": lambda pt: pt.batch.process_partial_response(
        event=load_event("kinesis_batch"),
        record_handler=lambda record: json.loads(record.kinesis.data_as_text())["nope"],
        processor=pt.batch.BatchProcessor(
            event_type=pt.batch.EventType.KinesisDataStreams, raise_on_entire_batch_failure=False
        ),
    ),
    "dynamodb": lambda pt: pt.batch.process_partial_response(
        event=load_event("dynamodb_stream_batch"),
        record_handler=lambda record: 1 / (0 if record.dynamodb.sequence_number.endswith("240") else 1),
        processor=pt.batch.BatchProcessor(event_type=pt.batch.EventType.DynamoDBStreams),
    ),
    "fifo": lambda pt: pt.batch.process_partial_response(
        event=sqs_event("a", "b", "c", "d", groups=["g1", "g2", "g1", "g2"]),
        record_handler=failing_on("b"),
        processor=pt.batch.SqsFifoPartialProcessor(),
    ),
    "fifo_skip_group": lambda pt: pt.batch.process_partial_response(
        event=sqs_event("a", "b", "c", "d", "e", groups=["g1", "g2", "g1", "g2", "g3"]),
        record_handler=failing_on("b"),
        processor=pt.batch.SqsFifoPartialProcessor(skip_group_on_error=True),
    ),
    "with_context": lambda pt: pt.batch.process_partial_response(
        event=sqs_event("a", "b"),
        record_handler=lambda record, lambda_context: lambda_context.function_name if record.body == "a" else 1 / 0,
        processor=pt.batch.BatchProcessor(event_type=pt.batch.EventType.SQS),
        context=SimpleLambdaContext(),
    ),
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_same_response(name: str) -> None:
    results = both(SCENARIOS[name])
    assert results["ours"] == results["upstream"]
    assert results["ours"][0] == "ok"


def models(pt: Flavour) -> Any:
    from pydantic import BaseModel, Json

    class Order(BaseModel):
        item: str

    class OrderRecord(pt.parser_models.SqsRecordModel):  # type: ignore[name-defined,misc]
        body: Json[Order]

    seen: list[str] = []

    def record_handler(record: Any) -> None:
        seen.append(record.body.item)
        if record.body.item == "bad":
            raise ValueError("bad item")

    event = sqs_event(json.dumps({"item": "ok"}), json.dumps({"nope": 1}), "not json", json.dumps({"item": "bad"}))
    processor = pt.batch.BatchProcessor(event_type=pt.batch.EventType.SQS, model=OrderRecord)
    response = pt.batch.process_partial_response(event=event, record_handler=record_handler, processor=processor)
    return response, seen


def test_model_validation_failures_are_reported_like_upstream() -> None:
    results = both(models)
    assert results["ours"] == results["upstream"]
    assert results["ours"][1][0] == {"batchItemFailures": [{"itemIdentifier": f"m-{i}"} for i in (1, 2, 3)]}


def test_all_failed_raises_the_same_error() -> None:
    def scenario(pt: Flavour) -> Any:
        return pt.batch.process_partial_response(
            event=sqs_event("a"),
            record_handler=failing_on("a"),
            processor=pt.batch.BatchProcessor(event_type=pt.batch.EventType.SQS),
        )

    results = both(scenario)
    assert results["ours"][0] == results["upstream"][0] == "error"
    ours, upstream = results["ours"][1], results["upstream"][1]
    assert ours[0] == upstream[0] == "BatchProcessingError"
    first_line = "All records failed processing. 1 individual errors logged separately below."
    assert ours[1].splitlines()[0] == upstream[1].splitlines()[0] == first_line
    assert "ValueError: cannot process a" in ours[1]
    assert "ValueError: cannot process a" in upstream[1]


def test_context_manager_results_and_documented_success_record() -> None:
    def scenario(pt: Flavour) -> Any:
        processor = pt.batch.BatchProcessor(event_type=pt.batch.EventType.SQS)
        records = sqs_event("a", "b")["Records"]
        with processor(records, failing_on("b")) as batch:
            processed = batch.process()
        return (
            [(status, result) for status, result, _ in processed],
            [type(m).__name__ for m in processor.success_messages],
            [m["messageId"] for m in processor.success_messages],  # both answer a dict lookup
            processor.response(),
        )

    results = both(scenario)
    ours, upstream = results["ours"][1], results["upstream"][1]
    assert ours[0] == upstream[0]
    assert ours[2] == upstream[2] == ["m-0"]
    assert ours[3] == upstream[3]
    # Documented difference: success_messages holds the data class the handler got, not the dict.
    assert (upstream[1], ours[1]) == (["dict"], ["SQSRecord"])


def test_empty_batch_is_a_documented_difference() -> None:
    def scenario(pt: Flavour) -> Any:
        processor = pt.batch.BatchProcessor(event_type=pt.batch.EventType.SQS)
        return pt.batch.process_partial_response(event={"Records": []}, record_handler=print, processor=processor)

    results = both(scenario)
    assert results["ours"] == ("ok", {"batchItemFailures": []})
    assert results["upstream"][0] == "error"
    assert results["upstream"][1][0] == "UnexpectedBatchTypeError"


def test_legacy_decorator_same_response() -> None:
    def scenario(pt: Flavour) -> Any:
        processor = pt.batch.BatchProcessor(event_type=pt.batch.EventType.SQS)

        @pt.batch.batch_processor(record_handler=failing_on("a"), processor=processor)
        def handler(event: dict[str, Any], context: Any) -> Any:
            return processor.response()

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return handler(sqs_event("a", "b"), SimpleLambdaContext())

    results = both(scenario)
    assert results["ours"] == results["upstream"] == ("ok", {"batchItemFailures": [{"itemIdentifier": "m-0"}]})
