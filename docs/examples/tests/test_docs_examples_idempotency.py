"""docs/packages/idempotency.md: each example run twice on the same payload against DynamoDB in moto."""

from __future__ import annotations

import copy
import json
from typing import Any

import boto3
import pytest

TABLE = "IdempotencyTable"


@pytest.fixture
def table(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")
    client = boto3.client("dynamodb")
    client.create_table(
        TableName=TABLE,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    return client


def records(client: Any) -> list[dict[str, Any]]:
    return client.scan(TableName=TABLE)["Items"]


def test_charge_runs_once_and_the_repeat_gets_the_stored_response(
    load_example: Any, load_event: Any, lambda_context: Any, table: Any
) -> None:
    example = load_example("idempotency/charge_once.py")
    event = load_event("apigw_rest")
    event["body"] = json.dumps({"order_id": "ord-1", "amount": 42})

    first = example.lambda_handler(event, lambda_context)
    retry = copy.deepcopy(event)
    retry["requestContext"]["requestId"] = "another-request"  # only the order_id is the key
    second = example.lambda_handler(retry, lambda_context)

    assert second == first
    assert len(example.payments) == 1
    assert json.loads(first["body"]) == example.payments[0]
    (item,) = records(table)
    assert item["status"] == {"S": "COMPLETED"}
    assert json.loads(item["data"]["S"]) == first
    assert item["id"]["S"].startswith("orders-fn.")


def test_charge_a_different_order_runs_again(
    load_example: Any, load_event: Any, lambda_context: Any, table: Any
) -> None:
    example = load_example("idempotency/charge_once.py")
    for order_id in ("ord-1", "ord-2"):
        event = load_event("apigw_rest")
        event["body"] = json.dumps({"order_id": order_id, "amount": 42})
        example.lambda_handler(event, lambda_context)

    assert [p["order_id"] for p in example.payments] == ["ord-1", "ord-2"]
    assert len(records(table)) == 2


def test_reserve_runs_once_per_order_id(load_example: Any, load_event: Any, lambda_context: Any, table: Any) -> None:
    example = load_example("idempotency/reserve_stock.py")
    template = load_event("sqs")["Records"][0]
    bodies = [
        {"id": "o-1", "sku": "KB-01", "quantity": 2},
        {"id": "o-2", "sku": "KB-01", "quantity": 3},
        {"id": "o-1", "sku": "KB-01", "quantity": 2},  # the same order delivered again
    ]
    event = {"Records": [{**copy.deepcopy(template), "body": json.dumps(body)} for body in bodies]}

    results = example.lambda_handler(event, lambda_context)

    assert results == [
        {"order_id": "o-1", "left": 8},
        {"order_id": "o-2", "left": 5},
        {"order_id": "o-1", "left": 8},
    ]
    assert example.stock == {"KB-01": 5}
    items = records(table)
    assert len(items) == 2
    assert {item["status"]["S"] for item in items} == {"COMPLETED"}
