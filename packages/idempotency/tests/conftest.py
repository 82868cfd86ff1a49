"""A DynamoDB table (moto server) per test and a request counter on the layer's client."""

from __future__ import annotations

from collections import Counter
from typing import Any

import boto3
import pytest


def create_table(name: str, sort_key: bool = False) -> None:
    keys = [{"AttributeName": "id", "KeyType": "HASH"}]
    attributes = [{"AttributeName": "id", "AttributeType": "S"}]
    if sort_key:
        keys.append({"AttributeName": "sk", "KeyType": "RANGE"})
        attributes.append({"AttributeName": "sk", "AttributeType": "S"})
    boto3.client("dynamodb").create_table(
        TableName=name, KeySchema=keys, AttributeDefinitions=attributes, BillingMode="PAY_PER_REQUEST"
    )


class Requests(Counter[str]):
    """DynamoDB operations a client sent, counted as they leave it (``before-send``)."""

    def attach(self, client: Any) -> Any:
        def count(request: Any, **_: Any) -> None:
            self[request.headers["X-Amz-Target"].decode().split(".")[-1]] += 1

        client.meta.events.register("before-send.dynamodb", count)
        return client


@pytest.fixture
def table(aws: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")
    create_table("idempotency")
    return "idempotency"


@pytest.fixture
def requests() -> Requests:
    return Requests()


@pytest.fixture
def idem_helpers() -> Any:
    class Helpers:
        create_table = staticmethod(create_table)

    return Helpers
