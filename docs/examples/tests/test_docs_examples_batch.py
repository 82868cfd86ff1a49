"""docs/packages/batch.md: each example run on an SQS batch, its partial-failure response checked."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from powertools.batch.exceptions import BatchProcessingError


def sqs_batch(load_event: Any, bodies: list[str]) -> dict[str, Any]:
    template = load_event("sqs")["Records"][0]
    records = []
    for n, body in enumerate(bodies):
        record = copy.deepcopy(template)
        record["messageId"] = f"msg-{n}"
        record["body"] = body
        records.append(record)
    return {"Records": records}


def test_sqs_reports_only_the_failed_record(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("batch/sqs_partial_failures.py")
    event = sqs_batch(
        load_event,
        [json.dumps({"sku": "KB-01", "quantity": 2}), json.dumps({"sku": "MS-02", "quantity": 1})],
    )

    assert example.lambda_handler(event, lambda_context) == {"batchItemFailures": [{"itemIdentifier": "msg-1"}]}
    assert example.stock == {"KB-01": 3, "MS-02": 0}


def test_sqs_every_record_failing_raises(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("batch/sqs_partial_failures.py")
    event = sqs_batch(load_event, [json.dumps({"sku": "MS-02", "quantity": 1})])

    with pytest.raises(BatchProcessingError) as raised:
        example.lambda_handler(event, lambda_context)
    assert [str(e[1]) for e in raised.value.child_exceptions] == ["not enough MS-02 in stock"]


def test_typed_records_fail_a_body_that_does_not_match(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("batch/typed_records.py")
    event = sqs_batch(load_event, [json.dumps({"sku": "KB-01", "quantity": 2}), json.dumps({"sku": "KB-01"})])

    assert example.lambda_handler(event, lambda_context) == {"batchItemFailures": [{"itemIdentifier": "msg-1"}]}
    assert example.reserved == [example.Order(sku="KB-01", quantity=2)]
