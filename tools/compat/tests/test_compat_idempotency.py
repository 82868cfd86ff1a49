"""Idempotency: records written by upstream are read by ours and the other way round.

The same handler (same module, same name, so the same key) is decorated by each flavour; the
flavour that runs first stores the record, the other must answer from it without running.
"""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from tools.compat.harness import OURS, UPSTREAM, Flavour, SimpleLambdaContext

PAIRS = [(UPSTREAM, OURS), (OURS, UPSTREAM)]


def make_handler(pt: Flavour, store: Any, runs: list[str], config: Any = None) -> Any:
    def charge(event: dict[str, Any], context: Any) -> dict[str, Any]:
        runs.append(pt.name)
        return {"charged": event["order"], "by": pt.name}

    # The same qualified name in both flavours: the key is <function name>.<module>.<qualname>#<hash>.
    charge.__qualname__ = "charge"
    return pt.idempotency.idempotent(persistence_store=store, config=config)(charge)


@pytest.fixture
def table(aws: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "payments")
    boto3.client("dynamodb").create_table(
        TableName="idem",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    return "idem"


@pytest.mark.parametrize(("writer", "reader"), PAIRS, ids=["upstream-writes", "ours-writes"])
def test_dynamodb_records_are_shared(table: str, writer: Flavour, reader: Flavour) -> None:
    runs: list[str] = []
    event = {"order": 42, "amount": "9.99", "items": ["a", "b"]}
    config_for = lambda pt: pt.idempotency.IdempotencyConfig(payload_validation_jmespath="amount")  # noqa: E731
    first = make_handler(
        writer,
        writer.module("idempotency", "persistence.dynamodb").DynamoDBPersistenceLayer(table_name=table),
        runs,
        config_for(writer),
    )
    second = make_handler(
        reader,
        reader.module("idempotency", "persistence.dynamodb").DynamoDBPersistenceLayer(table_name=table),
        runs,
        config_for(reader),
    )
    stored = first(event, SimpleLambdaContext())
    assert second(event, SimpleLambdaContext()) == stored == {"charged": 42, "by": writer.name}
    assert runs == [writer.name]  # the reader answered from the writer's record
    (item,) = boto3.client("dynamodb").scan(TableName=table)["Items"]
    assert item["id"]["S"].startswith("payments.")
    assert set(item) == {"id", "status", "expiration", "in_progress_expiration", "data", "validation"}


@pytest.mark.parametrize(("writer", "reader"), PAIRS, ids=["upstream-writes", "ours-writes"])
def test_redis_records_are_shared(
    redis: Any, writer: Flavour, reader: Flavour, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "payments")
    runs: list[str] = []

    def store(pt: Flavour) -> Any:
        import redis as redis_lib

        client = redis_lib.Redis(host=redis.host, port=redis.port, decode_responses=True)
        return pt.module("idempotency", "persistence.redis").RedisCachePersistenceLayer(client=client)

    first = make_handler(writer, store(writer), runs)
    second = make_handler(reader, store(reader), runs)
    stored = first({"order": 7}, SimpleLambdaContext())
    assert second({"order": 7}, SimpleLambdaContext()) == stored
    assert runs == [writer.name]
    client = redis.client()
    (key,) = client.keys("*")
    assert json.loads(client.get(key))["status"] == "COMPLETED"


def _reentrant_outcome(pt: Flavour, table: str) -> list[str]:
    store = pt.module("idempotency", "persistence.dynamodb").DynamoDBPersistenceLayer(table_name=table)
    caught: list[str] = []

    def reentrant(event: dict[str, Any], context: Any) -> str:
        try:
            wrapped(event, context)
        except Exception as exc:
            caught.append(f"{type(exc).__name__}: {str(exc).split('#')[0]}")
        return "ok"

    reentrant.__qualname__ = "reentrant"
    wrapped = pt.idempotency.idempotent(persistence_store=store)(reentrant)
    wrapped({"order": pt.name}, SimpleLambdaContext())
    return caught


def test_in_progress_error_text_is_the_same(table: str) -> None:
    ours, upstream = _reentrant_outcome(OURS, table), _reentrant_outcome(UPSTREAM, table)
    key = "payments.tools.compat.tests.test_compat_idempotency.reentrant"
    assert (
        ours
        == upstream
        == [f"IdempotencyAlreadyInProgressError: Execution already in progress with idempotency key: ={key}"]
    )
