"""A 100-record SQS batch with every 10th record failing, reported as batchItemFailures."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from tools.bench.adapter import Api
from tools.bench.events import load_event
from tools.bench.workloads._support import CONTEXT
from tools.bench.workloads.base import Call, Target, Workload

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
        target=Target(0.8),
    ),
]


# --- AsyncBatchProcessor with an I/O-bound handler ----------------------------------------

ASYNC_RECORDS = 50
IO_SECONDS = 0.01  # one awaited call per record


def _async_build(records: int) -> Callable[[Api], Call]:
    def build(api: Api) -> Call:
        batch = api.module("batch")
        processor = batch.AsyncBatchProcessor(event_type=batch.EventType.SQS)
        event = sqs_batch_event()
        event["Records"] = event["Records"][:records]

        async def record_handler(record: Any) -> int:
            await asyncio.sleep(IO_SECONDS)
            return len(record.body)

        return lambda: batch.async_process_partial_response(
            event=event, record_handler=record_handler, processor=processor, context=CONTEXT
        )

    return build


def _async_bare(records: int) -> Callable[[], Call]:
    def bare() -> Call:
        bodies = [r["body"] for r in sqs_batch_event()["Records"][:records]]

        async def one(body: str) -> int:
            await asyncio.sleep(IO_SECONDS)
            return len(body)

        async def all_of_them() -> dict[str, Any]:
            await asyncio.gather(*(one(b) for b in bodies))
            return {"batchItemFailures": []}

        return lambda: asyncio.run(all_of_them())

    return bare


WORKLOADS += [
    Workload(
        name="batch.async_io_1",
        utility="batch",
        description="AsyncBatchProcessor, one SQS record whose handler awaits 10 ms",
        build=_async_build(1),
        bare=_async_bare(1),
    ),
    Workload(
        name="batch.async_io_50",
        utility="batch",
        description="AsyncBatchProcessor, 50 SQS records whose handlers each await 10 ms (concurrently)",
        build=_async_build(ASYNC_RECORDS),
        bare=_async_bare(ASYNC_RECORDS),
        target=Target(3.0, against="batch.async_io_1"),
    ),
]
