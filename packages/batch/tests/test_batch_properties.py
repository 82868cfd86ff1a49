"""Properties that hold for any batch and any failure pattern (hypothesis).

Every record ends up either succeeded or failed, never both, never neither, in batch order,
and every failure is reported by its own record's identifier. FIFO never reports a success
after a failure (of the same group with ``skip_group_on_error``). The number of cases tried is
printed at the end of the module (``pytest -s`` shows it).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powertools.batch import BatchProcessor, EventType, SqsFifoPartialProcessor, process_partial_response
from powertools.batch.exceptions import BatchProcessingError
from powertools.parser import BaseModel, Json
from powertools.parser.models import SqsRecordModel

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TRIED: Counter[str] = Counter()

EXCEPTIONS = [ValueError, KeyError, TypeError, RuntimeError, ZeroDivisionError, AttributeError, OSError, Exception]


class Payload(BaseModel):
    n: int


class PayloadRecord(SqsRecordModel):
    body: Json[Payload]  # type: ignore[assignment]


@pytest.fixture(scope="module", autouse=True)
def report_cases() -> Any:
    yield
    print("\nbatch property cases tried:", dict(sorted(TRIED.items())))


# Per record: its message group, and what happens to it ("ok", an exception class, or "bad" =
# a body the model rejects).
outcomes = st.one_of(st.just("ok"), st.sampled_from(EXCEPTIONS), st.just("bad"))
batches = st.lists(st.tuples(st.sampled_from(["g1", "g2", "g3"]), outcomes), min_size=1, max_size=30)


def build(batch: list[tuple[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    records, plan = [], {}
    for i, (group, outcome) in enumerate(batch):
        message_id = f"id-{i}"
        plan[message_id] = outcome
        body = "not json" if outcome == "bad" else json.dumps({"n": i})
        records.append(
            {
                "messageId": message_id,
                "receiptHandle": "rh",
                "body": body,
                "attributes": {
                    "MessageGroupId": group,
                    "ApproximateReceiveCount": "1",
                    "SentTimestamp": "1",
                    "SenderId": "s",
                    "ApproximateFirstReceiveTimestamp": "1",
                },
                "messageAttributes": {},
                "md5OfBody": "x",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:q",
                "awsRegion": "us-east-1",
            }
        )
    return {"Records": records}, plan


def handler_for(plan: dict[str, Any], seen: list[str]) -> Any:
    def handler(record: Any) -> None:
        message_id = record.messageId if hasattr(record, "messageId") else record.message_id
        seen.append(message_id)
        outcome = plan[message_id]
        if outcome == "bad":  # no model: the handler itself can't read the body
            json.loads(record.body if isinstance(record.body, str) else "x")
        elif outcome != "ok":
            raise outcome("planned failure")

    return handler


def run(processor: Any, event: dict[str, Any], plan: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
    seen: list[str] = []
    try:
        response = process_partial_response(event, handler_for(plan, seen), processor)
        failed = [item["itemIdentifier"] for item in response["batchItemFailures"]]
    except BatchProcessingError as error:
        failed = [r["messageId"] for r in event["Records"]]
        children = len(error.child_exceptions)
        assert children == len(event["Records"])  # the error is the outcome under test
    ids = [r["messageId"] for r in event["Records"]]
    succeeded = [_id(r) for r in processor.success_messages]
    # Every record exactly once, in one of the two lists, each list in batch order.
    assert sorted(succeeded + failed, key=ids.index) == ids
    assert not set(succeeded) & set(failed)
    assert failed == sorted(failed, key=ids.index)
    assert succeeded == sorted(succeeded, key=ids.index)
    return ids, succeeded, failed


def _id(record: Any) -> str:
    return record.messageId if hasattr(record, "messageId") else record.message_id


@SETTINGS
@given(batch=batches, use_model=st.booleans())
def test_standard_processor_accounts_for_every_record(batch: list[tuple[str, Any]], use_model: bool) -> None:
    TRIED["standard"] += 1
    event, plan = build(batch)
    processor = BatchProcessor(EventType.SQS, model=PayloadRecord if use_model else None)
    ids, _succeeded, failed = run(processor, event, plan)
    expected_failed = [i for i in ids if plan[i] != "ok"]
    assert failed == expected_failed


@SETTINGS
@given(batch=batches, skip_group=st.booleans())
def test_fifo_never_succeeds_after_a_failure(batch: list[tuple[str, Any]], skip_group: bool) -> None:
    TRIED["fifo"] += 1
    event, plan = build(batch)
    processor = SqsFifoPartialProcessor(model=PayloadRecord, skip_group_on_error=skip_group)
    ids, succeeded, failed = run(processor, event, plan)
    groups = {r["messageId"]: r["attributes"]["MessageGroupId"] for r in event["Records"]}
    for message_id in succeeded:
        earlier = ids[: ids.index(message_id)]
        blocking = [i for i in earlier if i in failed and (not skip_group or groups[i] == groups[message_id])]
        assert not blocking, f"{message_id} succeeded after {blocking}"
    # And a record is held back only because of an earlier failure, never without a cause.
    for message_id in failed:
        if plan[message_id] == "ok":
            earlier = ids[: ids.index(message_id)]
            assert any(
                i in failed and plan[i] != "ok" and (not skip_group or groups[i] == groups[message_id]) for i in earlier
            )
