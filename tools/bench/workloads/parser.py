"""Parse a 10-record SQS event through SqsEnvelope into a user model."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from tools.bench.adapter import Api
from tools.bench.events import load_event
from tools.bench.workloads.base import Call, Target, Workload

RECORDS = 10


def sqs_orders_event(records: int = RECORDS) -> dict[str, Any]:
    event: dict[str, Any] = load_event("sqs")
    template = event["Records"][0]
    event["Records"] = [
        {
            **template,
            "messageId": f"00000000-0000-4000-8000-{index:012d}",
            "body": json.dumps(
                {"orderId": f"ord-{index}", "customerId": "cust-201", "total": 19.99, "currency": "USD"}
            ),
        }
        for index in range(records)
    ]
    return event


def build(api: Api) -> Call:
    parser = api.module("parser")

    class Order(parser.BaseModel):  # type: ignore[name-defined]  # pydantic model from the flavour
        orderId: str  # the payload's own key names
        customerId: str
        total: float
        currency: str

    envelope = api.module("parser.envelopes").SqsEnvelope
    event = sqs_orders_event()
    parse = parser.parse
    return lambda: parse(event=event, model=Order, envelope=envelope)


@dataclass
class Order:
    orderId: str
    customerId: str
    total: float
    currency: str


class OrderError(ValueError):
    pass


def _order(body: str) -> Order:
    data = json.loads(body)
    if not isinstance(data, dict):
        raise OrderError("body is not an object")
    for key in ("orderId", "customerId", "currency"):
        if not isinstance(data.get(key), str):
            raise OrderError(f"{key} must be a string")
    total = data.get("total")
    if not isinstance(total, (int, float)) or isinstance(total, bool):
        raise OrderError("total must be a number")
    return Order(data["orderId"], data["customerId"], float(total), data["currency"])


def bare() -> Call:
    event = sqs_orders_event()
    return lambda: [_order(record["body"]) for record in event["Records"]]


def fingerprint(result: Any, lines: list[str]) -> list[dict[str, Any]]:
    return [item.model_dump() if hasattr(item, "model_dump") else asdict(item) for item in result]


WORKLOADS = [
    Workload(
        name="parser.sqs_envelope",
        utility="parser",
        description="parse(event, model=Order, envelope=SqsEnvelope) over a 10-record SQS event",
        build=build,
        bare=bare,
        fingerprint=fingerprint,
        target=Target(0.8),
    ),
]
