"""Faults: the idempotency store (moto DynamoDB, real redis-server) stops and restarts mid-run.

A run charges 12 orders. While order 6's body runs, the store goes down; orders 7-11 arrive while
it is down; then it comes back on the same port with its data. What must hold:

- every failure is ``IdempotencyPersistenceLayerError`` naming the store, never a bare SDK error;
- a body never runs while the store is down (orders 7-11 ran 0 times before the restart);
- no record is half-written: every stored record is INPROGRESS with a deadline, or COMPLETED with
  the response the body returned;
- after the restart no body runs twice while its first run could still be going: order 6 is
  "already in progress" until its Lambda deadline passes, then one retry takes it over (the one
  at-least-once case: its body finished but the result never reached the store);
- a restart *during* a body (a blip) still stores the result: that body runs once.

The Lambda-timeout path runs the handler in a child process that is killed mid-body when its
deadline passes (as the Lambda service does); a retry after the deadline runs the body once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from powertools.common.typing import LocalLambdaContext
from powertools.idempotency import DynamoDBPersistenceLayer, RedisCachePersistenceLayer, idempotent
from powertools.idempotency.exceptions import IdempotencyAlreadyInProgressError, IdempotencyPersistenceLayerError
from tools.reliability.ledger import LEDGER
from tools.reliability.services import RestartableMoto, RestartableRedis

ORDERS = 12
FAULT_AT = 6  # the store stops while this order's body runs
BLIP_AT = 3  # the store restarts (down and up again) while this order's body runs
DEADLINE_S = 2  # each invocation's Lambda timeout
CLAIM = "typed error; no body run while down or twice before its deadline; no half-written record"
TIMEOUT_CLAIM = "in-progress record expires at the Lambda deadline; the retry runs the body once"


@dataclass
class Store:
    name: str  # as the error names it
    layer: Any
    stop: Callable[[], None]
    start: Callable[[], None]
    records: Callable[[], list[dict[str, Any]]]  # every stored record, decoded
    child_setup: str  # Python source making `layer` in a child process


@pytest.fixture(params=["dynamodb", "redis"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "dynamodb":
        moto = RestartableMoto()
        moto.start()
        client = moto.client("dynamodb")
        table = f"payments-{uuid.uuid4().hex[:8]}"  # moto's backends live on in this process
        client.create_table(
            TableName=table,
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )

        def dynamodb_records() -> list[dict[str, Any]]:
            items = moto.client("dynamodb").scan(TableName=table)["Items"]
            return [{name: next(iter(value.values())) for name, value in item.items()} for item in items]

        setup = f"""
            import boto3
            from botocore.config import Config
            from powertools.idempotency import DynamoDBPersistenceLayer
            client = boto3.client("dynamodb", endpoint_url="{moto.endpoint_url}", region_name="us-east-1",
                aws_access_key_id="testing", aws_secret_access_key="testing")
            layer = DynamoDBPersistenceLayer(table_name="{table}", boto3_client=client)
        """
        try:
            yield Store(
                f"DynamoDB table '{table}'",
                DynamoDBPersistenceLayer(table_name=table, boto3_client=client),
                moto.stop,
                moto.start,
                dynamodb_records,
                setup,
            )
        finally:
            moto.stop()
    else:
        server = RestartableRedis(tmp_path)
        server.start()

        def redis_records() -> list[dict[str, Any]]:
            with server.fast_client() as client:
                keys = [key for key in client.keys("*") if not key.endswith(b":lock")]
                return [json.loads(client.get(key)) | {"id": key.decode()} for key in keys]

        setup = f"""
            import redis
            from powertools.idempotency import RedisCachePersistenceLayer
            layer = RedisCachePersistenceLayer(client=redis.Redis(host="127.0.0.1", port={server.port}))
        """
        try:
            yield Store(
                "Redis (client given)",
                RedisCachePersistenceLayer(client=server.fast_client()),
                server.stop,
                server.start,
                redis_records,
                setup,
            )
        finally:
            server.stop()


def assert_whole(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every record is complete for its status; returns them by order number."""
    by_order: dict[str, dict[str, Any]] = {}
    for record in records:
        assert record["status"] in ("INPROGRESS", "COMPLETED"), record
        assert int(record["expiration"]) > time.time(), record
        if record["status"] == "INPROGRESS":
            assert int(record["in_progress_expiration"]) > 0, record
            assert "data" not in record, record
        else:
            order = json.loads(record["data"])["charged"]
            by_order[str(order)] = record
            continue
        by_order[f"inprogress-{len(by_order)}"] = record
    return by_order


def context(request_id: str) -> LocalLambdaContext:
    return LocalLambdaContext(aws_request_id=request_id, timeout_seconds=DEADLINE_S)


def test_store_stops_and_restarts_mid_run(store: Store) -> None:
    runs: Counter[int] = Counter()
    target = f"idempotency: {store.name.split(' ')[0]} stopped and restarted mid-run"

    @idempotent(persistence_store=store.layer)
    def handler(event: dict[str, Any], _: Any) -> dict[str, int]:
        order = event["order"]
        runs[order] += 1
        if order == BLIP_AT and runs[order] == 1:
            store.stop()
            store.start()
            LEDGER.fault("faults", target, CLAIM)
        if order == FAULT_AT and runs[order] == 1:
            store.stop()
            LEDGER.fault("faults", target, CLAIM)
        return {"charged": order}

    outcomes: dict[int, Any] = {}
    fault_deadline = 0.0
    for order in range(ORDERS):
        if order == FAULT_AT:
            fault_deadline = time.time() + DEADLINE_S
        try:
            outcomes[order] = handler({"order": order}, context(f"first-{order}"))
        except IdempotencyPersistenceLayerError as exc:
            outcomes[order] = "store error" if store.name in str(exc) else str(exc)
        LEDGER.invocation("faults", target, CLAIM)
    assert outcomes == {n: {"charged": n} if n < FAULT_AT else "store error" for n in range(ORDERS)}
    assert runs == Counter(range(FAULT_AT + 1))  # nothing ran while the store was down

    store.start()
    records = store.records()
    whole = assert_whole(records)
    assert sorted(k for k in whole if not k.startswith("inprogress")) == sorted(str(n) for n in range(FAULT_AT))
    # Order 6 claimed its record before the stop: it is INPROGRESS (the save of its result failed).
    assert [r["status"] for r in records].count("INPROGRESS") == 1

    retried: dict[int, Any] = {}
    for order in range(ORDERS):
        try:
            retried[order] = handler({"order": order}, context(f"retry-{order}"))
        except IdempotencyAlreadyInProgressError:
            retried[order] = "in progress"
        LEDGER.invocation("faults", target, CLAIM)
    if time.time() < fault_deadline:  # the usual case: the retry came before order 6's deadline
        assert retried[FAULT_AT] == "in progress"
        assert runs[FAULT_AT] == 1
    assert {n: v for n, v in retried.items() if n != FAULT_AT} == {
        n: {"charged": n} for n in range(ORDERS) if n != FAULT_AT
    }

    time.sleep(max(0.0, fault_deadline - time.time()) + 1.1)  # past the deadline (second resolution)
    assert handler({"order": FAULT_AT}, context("after-deadline")) == {"charged": FAULT_AT}
    assert handler({"order": FAULT_AT}, context("once-more")) == {"charged": FAULT_AT}
    LEDGER.invocation("faults", target, CLAIM, 2)

    expected = Counter(range(ORDERS)) + Counter([FAULT_AT])  # order 6: the one at-least-once case
    assert runs == expected
    final = assert_whole(store.records())
    assert sorted(final, key=int) == [str(n) for n in range(ORDERS)]
    assert all(record["status"] == "COMPLETED" for record in final.values())


CHILD = """
import os, sys, time
from powertools.common.typing import LocalLambdaContext
from powertools.idempotency import idempotent
{setup}

@idempotent(persistence_store=layer, key_prefix="charge")
def handler(event, context):
    with open(sys.argv[1], "a") as side_effects:
        side_effects.write("child\\n")
    print(f"body started {{time.time()}}", flush=True)
    time.sleep(60)  # the Lambda service kills the process at the deadline
    return "never"

handler({{"order": 42}}, LocalLambdaContext(aws_request_id="timed-out", timeout_seconds={deadline}))
"""


def test_lambda_timeout_leaves_an_in_progress_record_that_expires(store: Store, tmp_path: Path) -> None:
    target = f"idempotency: Lambda timeout mid-body ({store.name.split(' ')[0]})"
    side_effects = tmp_path / "side_effects.txt"
    source = CHILD.format(setup=textwrap.dedent(store.child_setup), deadline=DEADLINE_S)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_ENDPOINT_URL")}
    child = subprocess.Popen(
        [sys.executable, "-c", source, str(side_effects)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    runs: list[str] = []

    @idempotent(persistence_store=store.layer, key_prefix="charge")  # the same key as the child's
    def handler(event: dict[str, Any], ctx: Any) -> str:
        runs.append(ctx.aws_request_id)
        return "charged"

    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the body has started
        assert line.startswith(b"body started "), child.stderr.read() if child.stderr else b""
        deadline = float(line.split()[-1]) + DEADLINE_S  # its context was made just before
        # While the first invocation runs, a retry must not run the body.
        with pytest.raises(IdempotencyAlreadyInProgressError):
            handler({"order": 42}, context("retry-too-soon"))
        time.sleep(max(0.0, deadline - time.time()))
    finally:
        child.kill()  # the Lambda service ends the invocation at its timeout
        child.wait(5)
    LEDGER.fault("faults", target, TIMEOUT_CLAIM)
    LEDGER.invocation("faults", target, TIMEOUT_CLAIM, 2)

    (record,) = store.records()
    assert record["status"] == "INPROGRESS"
    time.sleep(max(0.0, deadline + 1.1 - time.time()))  # deadlines have second resolution
    assert handler({"order": 42}, context("retry")) == "charged"
    assert handler({"order": 42}, context("retry-again")) == "charged"
    LEDGER.invocation("faults", target, TIMEOUT_CLAIM, 2)
    assert runs == ["retry"]
    assert side_effects.read_text() == "child\n"
    (record,) = store.records()
    assert record["status"] == "COMPLETED"
    assert json.loads(record["data"]) == "charged"
