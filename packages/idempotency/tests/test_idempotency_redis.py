"""The Redis layer against a real redis-server: locking, records, orphans."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from powertools.idempotency import IdempotencyConfig, RedisCachePersistenceLayer, idempotent, idempotent_function
from powertools.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyPersistenceConfigError,
    IdempotencyPersistenceLayerError,
    IdempotencyValidationError,
)


@pytest.fixture
def store(redis: Any, monkeypatch: pytest.MonkeyPatch) -> RedisCachePersistenceLayer:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")
    return RedisCachePersistenceLayer(url=redis.url)


def stored(redis: Any) -> dict[str, Any]:
    client = redis.client()
    keys = [key.decode() for key in client.keys("*")]
    return {key: json.loads(client.get(key)) for key in keys if not key.endswith(":lock")}


def test_first_call_runs_repeat_is_answered(store: RedisCachePersistenceLayer, redis: Any, lambda_context: Any) -> None:
    runs: list[int] = []

    @idempotent(persistence_store=store)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        runs.append(1)
        return {"order": event["order"]}

    assert handler({"order": 1}, lambda_context) == {"order": 1}
    assert handler({"order": 1}, lambda_context) == {"order": 1}
    assert runs == [1]
    ((key, record),) = stored(redis).items()
    assert key.startswith("orders-fn.")
    assert "#" in key
    assert record["status"] == "COMPLETED"
    assert record["data"] == '{"order": 1}'
    ttl = redis.client().ttl(key)
    assert 3590 <= ttl <= 3600  # the record's expiry is the key's TTL


def test_exception_deletes_and_in_progress_blocks(
    store: RedisCachePersistenceLayer, redis: Any, lambda_context: Any
) -> None:
    @idempotent(persistence_store=store)
    def failing(event: dict[str, Any], context: Any) -> None:
        raise ValueError("declined")

    with pytest.raises(ValueError, match="declined"):
        failing({"n": 1}, lambda_context)
    assert stored(redis) == {}

    @idempotent(persistence_store=store)
    def reentrant(event: dict[str, Any], context: Any) -> str:
        with pytest.raises(IdempotencyAlreadyInProgressError):
            reentrant(event, context)
        return "ok"

    assert reentrant({"n": 2}, lambda_context) == "ok"


def test_timed_out_in_progress_record_is_taken_over(store: RedisCachePersistenceLayer, redis: Any) -> None:
    from powertools.common.typing import LocalLambdaContext

    runs: list[str] = []

    @idempotent(persistence_store=store)
    def handler(event: dict[str, Any], context: Any) -> str:
        runs.append(context.aws_request_id)
        if context.aws_request_id == "first":
            raise SystemExit  # killed by the runtime: no cleanup
        return "second"

    with pytest.raises(SystemExit):
        handler({"n": 3}, LocalLambdaContext(aws_request_id="first", timeout_seconds=0.05))
    assert next(iter(stored(redis).values()))["status"] == "INPROGRESS"
    time.sleep(0.1)
    assert handler({"n": 3}, LocalLambdaContext(aws_request_id="second")) == "second"
    assert runs == ["first", "second"]
    assert any(key.endswith(b":lock") for key in redis.client().keys("*"))  # taken over under the lock


def test_payload_validation_survives_completion(store: RedisCachePersistenceLayer, lambda_context: Any) -> None:
    config = IdempotencyConfig(event_key_jmespath="id", payload_validation_jmespath="amount")

    @idempotent(persistence_store=store, config=config)
    def handler(event: dict[str, Any], context: Any) -> int:
        return int(event["amount"])

    assert handler({"id": "a", "amount": 5}, lambda_context) == 5
    assert handler({"id": "a", "amount": 5}, lambda_context) == 5  # the hash is still stored
    with pytest.raises(IdempotencyValidationError):
        handler({"id": "a", "amount": 6}, lambda_context)


def test_client_given_and_function_keys(redis: Any) -> None:
    store = RedisCachePersistenceLayer(client=redis.client())
    runs: list[int] = []

    @idempotent_function(data_keyword_argument="order", persistence_store=store)
    def process(order: dict[str, Any]) -> int:
        runs.append(1)
        return order["n"] * 2

    with pytest.warns(UserWarning, match="remaining time"):
        assert process(order={"n": 4}) == process(order={"n": 4}) == 8
    assert runs == [1]


def test_unreachable_redis_names_the_endpoint(lambda_context: Any) -> None:
    from powertools_testing.util import free_port

    port = free_port()
    store = RedisCachePersistenceLayer(host="127.0.0.1", port=port, ssl=False)

    @idempotent(persistence_store=store)
    def handler(event: dict[str, Any], context: Any) -> int:
        return 1

    with pytest.raises(IdempotencyPersistenceLayerError) as info:
        handler({"n": 1}, lambda_context)
    assert f"Redis (standalone at 127.0.0.1:{port}): ConnectionError" in str(info.value)


def test_unknown_mode_is_a_config_error() -> None:
    with pytest.raises(IdempotencyPersistenceConfigError, match="Mode sharded not supported"):
        RedisCachePersistenceLayer(host="x", mode="sharded").client  # type: ignore[arg-type]  # noqa: B018


def test_cluster_mode(redis_cluster: Any, lambda_context: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")
    store = RedisCachePersistenceLayer(host=redis_cluster.host, port=redis_cluster.port, mode="cluster", ssl=False)
    runs: list[int] = []

    @idempotent(persistence_store=store)
    def handler(event: dict[str, Any], context: Any) -> int:
        runs.append(event["n"])
        return event["n"] * 10

    for n in range(12):  # keys hash to slots on all three nodes
        assert handler({"n": n}, lambda_context) == n * 10
        assert handler({"n": n}, lambda_context) == n * 10
    assert runs == list(range(12))
    client = redis_cluster.client()
    keys = [k.decode() for k in client.keys(target_nodes="all")]
    assert len(keys) == 12
    assert all(json.loads(client.get(k))["status"] == "COMPLETED" for k in keys)
