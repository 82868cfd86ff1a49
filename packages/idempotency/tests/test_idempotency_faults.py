"""The store stops in the middle of a call (its process is paused with SIGSTOP, then resumed).

What must hold: a typed IdempotencyPersistenceLayerError naming the store; after the store comes
back the body is not run again while the first invocation could still be running; and the
in-progress record is not stuck: once that invocation's deadline passes, a retry takes it over.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config

from powertools.common.typing import LocalLambdaContext
from powertools.idempotency import DynamoDBPersistenceLayer, RedisCachePersistenceLayer, idempotent
from powertools.idempotency.exceptions import IdempotencyAlreadyInProgressError, IdempotencyPersistenceLayerError
from powertools_testing.moto_service import MotoServer

FAST_FAIL = Config(connect_timeout=1, read_timeout=1, retries={"max_attempts": 1, "mode": "standard"})


def exercise(store: Any, pid: int, store_name: str, read_status: Any) -> list[str]:
    runs: list[str] = []

    @idempotent(persistence_store=store)
    def handler(event: dict[str, Any], context: Any) -> str:
        runs.append(context.aws_request_id)
        if context.aws_request_id == "first":
            os.kill(pid, signal.SIGSTOP)  # the store stops after the body's side effect
        return "charged"

    try:
        with pytest.raises(IdempotencyPersistenceLayerError) as info:
            handler({"order": 1}, LocalLambdaContext(aws_request_id="first", timeout_seconds=3))
    finally:
        os.kill(pid, signal.SIGCONT)
    assert str(info.value).startswith("Failed to update record state to success in idempotency store - (" + store_name)
    # Back again. The paused store may have received the completed record before the client gave
    # up (it is applied on resume) or not: either way a retry must not run the body again now.
    try:
        second = handler({"order": 1}, LocalLambdaContext(aws_request_id="retry-too-soon"))
    except IdempotencyAlreadyInProgressError:
        second = "in progress"
    assert runs == ["first"]
    print(f"\n{store_name}: retry after the store resumed answered {second!r}")
    if second == "in progress":
        assert read_status() == "INPROGRESS"
        time.sleep(3.2)  # past the first invocation's deadline: the record is not stuck
        assert handler({"order": 1}, LocalLambdaContext(aws_request_id="retry-later")) == "charged"
    else:
        assert second == "charged"
    assert read_status() == "COMPLETED"
    return runs


def test_dynamodb_stops_mid_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, aws: Any) -> None:
    moto = MotoServer(tmp_path)
    moto.start()
    try:
        # The table is made with default timeouts (a busy machine may take over 1 s to answer);
        # only the store's client fails fast once the server is stopped.
        setup = boto3.client("dynamodb", endpoint_url=moto.endpoint_url)
        setup.create_table(
            TableName="payments",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        client = boto3.client("dynamodb", endpoint_url=moto.endpoint_url, config=FAST_FAIL)

        def status() -> str:
            (item,) = client.scan(TableName="payments")["Items"]
            return str(item["status"]["S"])

        assert moto.pid is not None
        store = DynamoDBPersistenceLayer(table_name="payments", boto3_client=client)
        runs = exercise(store, moto.pid, "DynamoDB table 'payments'", status)
        assert runs in (["first"], ["first", "retry-later"])
    finally:
        moto.stop()


def test_redis_stops_mid_call(redis: Any, redis_server: Any) -> None:
    import json

    import redis as redis_lib

    client = redis_lib.Redis(host=redis.host, port=redis.port, socket_timeout=1, socket_connect_timeout=1)

    def status() -> str:
        keys = [k for k in client.keys("*") if not k.endswith(b":lock")]
        return str(json.loads(client.get(keys[0]))["status"])

    assert redis_server.pid is not None
    runs = exercise(RedisCachePersistenceLayer(client=client), redis_server.pid, "Redis (client given)", status)
    assert runs in (["first"], ["first", "retry-later"])
