"""20 OS processes call the same idempotent handler at the same moment: the body runs once.

Side effects are counted outside the processes (a DynamoDB counter item, a Redis INCR), so a
duplicate run anywhere is seen. Processes are forked after a barrier is set up; each builds its
own SDK client, as separate Lambda execution environments would.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from typing import Any

import boto3
import pytest

from powertools.common.typing import LocalLambdaContext
from powertools.idempotency import DynamoDBPersistenceLayer, RedisCachePersistenceLayer, idempotent
from powertools.idempotency.exceptions import IdempotencyAlreadyInProgressError

PROCESSES = 20


def run_all(make_store: Any, count_effect: Any, payload_of: Any) -> list[str]:
    """Fork PROCESSES workers that wait on one barrier, then invoke; return each one's outcome."""
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(PROCESSES)
    outcomes = ctx.Queue()

    def worker(index: int) -> None:
        import time

        store = make_store()

        @idempotent(persistence_store=store)
        def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
            count_effect(event["order"])
            time.sleep(0.3)  # long enough for the others to arrive while this runs
            return {"charged": event["order"]}

        barrier.wait(timeout=60)
        try:
            result = handler({"order": payload_of(index)}, LocalLambdaContext(timeout_seconds=30))
            outcomes.put(f"result:{result['charged']}")
        except IdempotencyAlreadyInProgressError:
            outcomes.put("in-progress")
        except Exception as exc:  # reported to the parent, which fails the test
            outcomes.put(f"error:{type(exc).__name__}:{exc}")

    processes = [ctx.Process(target=worker, args=(i,)) for i in range(PROCESSES)]
    for process in processes:
        process.start()
    results = [outcomes.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    assert [p.exitcode for p in processes] == [0] * PROCESSES
    return results


@pytest.fixture
def dynamodb_counter(table: str) -> Any:
    boto3.client("dynamodb").create_table(
        TableName="effects",
        KeySchema=[{"AttributeName": "order", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "order", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )

    def count(order: Any) -> None:
        boto3.session.Session().client("dynamodb").update_item(
            TableName="effects",
            Key={"order": {"S": str(order)}},
            UpdateExpression="ADD runs :one",
            ExpressionAttributeValues={":one": {"N": "1"}},
        )

    def totals() -> dict[str, int]:
        items = boto3.client("dynamodb").scan(TableName="effects")["Items"]
        return {i["order"]["S"]: int(i["runs"]["N"]) for i in items}

    count.totals = totals  # type: ignore[attr-defined]
    return count


def test_dynamodb_same_payload_runs_once(table: str, dynamodb_counter: Any) -> None:
    outcomes = run_all(lambda: DynamoDBPersistenceLayer(table_name=table), dynamodb_counter, lambda i: "o-1")
    assert dynamodb_counter.totals() == {"o-1": 1}  # the body ran exactly once across 20 processes
    tally = Counter(o.split(":")[0] for o in outcomes)
    assert set(tally) <= {"result", "in-progress"}, outcomes
    assert tally["result"] >= 1
    assert tally["result"] + tally["in-progress"] == PROCESSES
    print(f"\nDynamoDB, one payload, {PROCESSES} processes: body runs 1, outcomes {dict(tally)}")


def test_dynamodb_distinct_payloads_each_run_once(table: str, dynamodb_counter: Any) -> None:
    outcomes = run_all(lambda: DynamoDBPersistenceLayer(table_name=table), dynamodb_counter, lambda i: f"o-{i}")
    assert dynamodb_counter.totals() == {f"o-{i}": 1 for i in range(PROCESSES)}
    assert sorted(outcomes) == sorted(f"result:o-{i}" for i in range(PROCESSES))


@pytest.fixture
def redis_counter(redis: Any) -> Any:
    def count(order: Any) -> None:
        redis.client().incr(f"effects:{order}")

    def totals() -> dict[str, int]:
        client = redis.client()
        return {k.decode().split(":", 1)[1]: int(client.get(k)) for k in client.keys("effects:*")}

    count.totals = totals  # type: ignore[attr-defined]
    return count


def test_redis_same_payload_runs_once(redis: Any, redis_counter: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")
    outcomes = run_all(lambda: RedisCachePersistenceLayer(url=redis.url), redis_counter, lambda i: "o-1")
    assert redis_counter.totals() == {"o-1": 1}
    tally = Counter(o.split(":")[0] for o in outcomes)
    assert set(tally) <= {"result", "in-progress"}, outcomes
    assert tally["result"] + tally["in-progress"] == PROCESSES
    print(f"\nRedis, one payload, {PROCESSES} processes: body runs 1, outcomes {dict(tally)}")


def test_redis_distinct_payloads_each_run_once(redis: Any, redis_counter: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")
    outcomes = run_all(lambda: RedisCachePersistenceLayer(url=redis.url), redis_counter, lambda i: f"o-{i}")
    assert redis_counter.totals() == {f"o-{i}": 1 for i in range(PROCESSES)}
    assert sorted(outcomes) == sorted(f"result:o-{i}" for i in range(PROCESSES))


@pytest.fixture
def cluster_counter(redis_cluster: Any) -> Any:
    def count(order: Any) -> None:
        redis_cluster.client().incr(f"effects:{order}")

    def totals() -> dict[str, int]:
        client = redis_cluster.client()
        keys = client.keys("effects:*", target_nodes="all")
        return {k.decode().split(":", 1)[1]: int(client.get(k)) for k in keys}

    count.totals = totals  # type: ignore[attr-defined]
    return count


def test_redis_cluster_same_payload_runs_once(
    redis_cluster: Any, cluster_counter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")

    def make_store() -> RedisCachePersistenceLayer:
        return RedisCachePersistenceLayer(host=redis_cluster.host, port=redis_cluster.port, mode="cluster", ssl=False)

    outcomes = run_all(make_store, cluster_counter, lambda i: "o-1")
    assert cluster_counter.totals() == {"o-1": 1}
    tally = Counter(o.split(":")[0] for o in outcomes)
    assert set(tally) <= {"result", "in-progress"}, outcomes
    assert tally["result"] + tally["in-progress"] == PROCESSES
    print(f"\nRedis Cluster, one payload, {PROCESSES} processes: body runs 1, outcomes {dict(tally)}")


def test_redis_cluster_distinct_payloads_each_run_once(
    redis_cluster: Any, cluster_counter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")

    def make_store() -> RedisCachePersistenceLayer:
        return RedisCachePersistenceLayer(host=redis_cluster.host, port=redis_cluster.port, mode="cluster", ssl=False)

    outcomes = run_all(make_store, cluster_counter, lambda i: f"o-{i}")
    assert cluster_counter.totals() == {f"o-{i}": 1 for i in range(PROCESSES)}
    assert sorted(outcomes) == sorted(f"result:o-{i}" for i in range(PROCESSES))
