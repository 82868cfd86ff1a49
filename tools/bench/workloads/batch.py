"""A 100-record SQS batch with every 10th record failing, reported as batchItemFailures."""

from __future__ import annotations

import json
from typing import Any

from tools.bench.adapter import Api
from tools.bench.events import load_event
from tools.bench.workloads._support import CONTEXT
from tools.bench.workloads.base import Call, Workload

RECORDS = 100


class RecordFailedError(Exception):
    pass


def sqs_batch_event() -> dict[str, Any]:
    event: dict[str, Any] = load_event("sqs")
    template = event["Records"][0]
    event["Records"] = [
        {
            **template,
            "messageId": f"00000000-0000-4000-8000-{index:012d}",
            "body": json.dumps({"id": index, "fail": index % 10 == 0}),
        }
        for index in range(RECORDS)
    ]
    return event


def _handle(body: str) -> int:
    payload = json.loads(body)
    if payload["fail"]:
        raise RecordFailedError(f"record {payload['id']} failed")
    return int(payload["id"])


def build(api: Api) -> Call:
    batch = api.module("batch")
    processor = batch.BatchProcessor(event_type=batch.EventType.SQS)
    event = sqs_batch_event()

    def record_handler(record: Any) -> int:
        return _handle(record.body)

    return lambda: batch.process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=CONTEXT
    )


def bare() -> Call:
    event = sqs_batch_event()

    def process(event: dict[str, Any]) -> dict[str, Any]:
        failures = []
        for record in event["Records"]:
            try:
                _handle(record["body"])
            except Exception:
                failures.append({"itemIdentifier": record["messageId"]})
        return {"batchItemFailures": failures}

    return lambda: process(event)


WORKLOADS = [
    Workload(
        name="batch.sqs_100",
        utility="batch",
        description="BatchProcessor + process_partial_response over 100 SQS records, 10 failing",
        build=build,
        bare=bare,
    ),
]
