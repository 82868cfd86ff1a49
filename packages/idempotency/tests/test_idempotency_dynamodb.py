"""@idempotent and @idempotent_function over a real DynamoDB API (moto in server mode)."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from pydantic import BaseModel

from powertools.idempotency import DynamoDBPersistenceLayer, IdempotencyConfig, idempotent, idempotent_function
from powertools.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyKeyError,
    IdempotencyValidationError,
)


@dataclass
class Receipt:
    order: str
    total: int


class Confirmation(BaseModel):
    order: str
    ok: bool


def items(table: str) -> list[dict[str, Any]]:
    return boto3.client("dynamodb").scan(TableName=table)["Items"]


def layer(table: str, requests: Any, **kwargs: Any) -> DynamoDBPersistenceLayer:
    return DynamoDBPersistenceLayer(table_name=table, boto3_client=requests.attach(boto3.client("dynamodb")), **kwargs)


def test_first_call_runs_and_a_repeat_gets_the_stored_response(table: str, requests: Any, lambda_context: Any) -> None:
    runs: list[dict[str, Any]] = []

    @idempotent(persistence_store=layer(table, requests))
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        runs.append(event)
        return {"statusCode": 200, "order": event["order"]}

    event = {"order": 7, "amount": "12.50"}
    assert handler(event, lambda_context) == {"statusCode": 200, "order": 7}
    assert dict(requests) == {"PutItem": 1, "UpdateItem": 1}
    requests.clear()
    assert handler(event, lambda_context) == {"statusCode": 200, "order": 7}
    assert dict(requests) == {"PutItem": 1}  # the failed condition returned the record: no GetItem
    assert len(runs) == 1

    (item,) = items(table)
    digest = hashlib.md5(json.dumps(event, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
    module = handler.__wrapped__.__module__ if hasattr(handler, "__wrapped__") else __name__
    assert item["id"] == {
        "S": f"orders-fn.{module}.test_first_call_runs_and_a_repeat_gets_the_stored_response.<locals>.handler#{digest}"
    }
    assert item["status"] == {"S": "COMPLETED"}
    assert item["data"] == {"S": '{"order": 7, "statusCode": 200}'}
    assert abs(int(item["expiration"]["N"]) - (time.time() + 3600)) < 5
    deadline = int(item["in_progress_expiration"]["N"])  # the Lambda's deadline, in ms
    assert abs(deadline - (time.time() * 1000 + lambda_context.get_remaining_time_in_millis())) < 5_000


def test_an_exception_deletes_the_record_and_propagates(table: str, requests: Any, lambda_context: Any) -> None:
    attempts: list[int] = []

    class PaymentDeclined(Exception):
        pass

    @idempotent(persistence_store=layer(table, requests))
    def handler(event: dict[str, Any], context: Any) -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise PaymentDeclined("card declined")
        return "charged"

    with pytest.raises(PaymentDeclined, match="card declined"):
        handler({"order": 1}, lambda_context)
    assert items(table) == []  # so the retry runs
    assert handler({"order": 1}, lambda_context) == "charged"
    assert len(attempts) == 2


def test_a_running_invocation_blocks_a_second_one(table: str, requests: Any, lambda_context: Any) -> None:
    store = layer(table, requests)

    @idempotent(persistence_store=store)
    def handler(event: dict[str, Any], context: Any) -> str:
        # While this runs, the same event arrives again.
        with pytest.raises(
            IdempotencyAlreadyInProgressError, match=r"Execution already in progress with idempotency key: =orders-fn\."
        ):
            handler(event, context)
        return "done"

    assert handler({"order": 2}, lambda_context) == "done"


def test_a_timed_out_invocation_is_taken_over(table: str, requests: Any) -> None:
    from powertools.common.typing import LocalLambdaContext

    store = layer(table, requests)
    runs: list[str] = []

    @idempotent(persistence_store=store)
    def handler(event: dict[str, Any], context: Any) -> str:
        runs.append(context.aws_request_id)
        if context.aws_request_id == "first":
            raise SystemExit  # the runtime killing a timed-out invocation: no cleanup happens
        return "second ran"

    with pytest.raises(SystemExit):
        handler({"order": 3}, LocalLambdaContext(aws_request_id="first", timeout_seconds=0.05))
    (item,) = items(table)
    assert item["status"] == {"S": "INPROGRESS"}
    time.sleep(0.1)  # past the first invocation's deadline
    assert handler({"order": 3}, LocalLambdaContext(aws_request_id="second")) == "second ran"
    assert runs == ["first", "second"]


def test_an_expired_completed_record_is_replaced(table: str, requests: Any, lambda_context: Any) -> None:
    runs: list[int] = []

    @idempotent(persistence_store=layer(table, requests), config=IdempotencyConfig(expires_after_seconds=1))
    def handler(event: dict[str, Any], context: Any) -> int:
        runs.append(1)
        return len(runs)

    assert handler({"order": 4}, lambda_context) == 1
    assert handler({"order": 4}, lambda_context) == 1
    time.sleep(2.1)
    assert handler({"order": 4}, lambda_context) == 2
    assert len(items(table)) == 1


def test_event_key_jmespath_and_payload_validation(table: str, requests: Any, lambda_context: Any) -> None:
    config = IdempotencyConfig(
        event_key_jmespath="powertools_json(body).order_id", payload_validation_jmespath="powertools_json(body).amount"
    )

    @idempotent(persistence_store=layer(table, requests), config=config)
    def handler(event: dict[str, Any], context: Any) -> str:
        return json.loads(event["body"])["amount"]

    first = {"body": json.dumps({"order_id": "o-1", "amount": 10}), "requestContext": {"requestId": "a"}}
    same_key_other_request = {
        "body": json.dumps({"order_id": "o-1", "amount": 10}),
        "requestContext": {"requestId": "b"},
    }
    tampered = {"body": json.dumps({"order_id": "o-1", "amount": 99})}
    assert handler(first, lambda_context) == 10
    assert handler(same_key_other_request, lambda_context) == 10
    with pytest.raises(IdempotencyValidationError, match="Payload does not match stored record for this event key"):
        handler(tampered, lambda_context)
    (item,) = items(table)
    assert item["validation"] == {"S": hashlib.md5(b"10", usedforsecurity=False).hexdigest()}


def test_missing_key_warns_or_raises(table: str, requests: Any, lambda_context: Any) -> None:
    runs: list[int] = []

    @idempotent(persistence_store=layer(table, requests), config=IdempotencyConfig(event_key_jmespath="order_id"))
    def lenient(event: dict[str, Any], context: Any) -> int:
        runs.append(1)
        return 1

    with pytest.warns(UserWarning, match="No idempotency key value found. Skipping persistence layer"):
        lenient({"other": 1}, lambda_context)
    assert items(table) == []

    strict_config = IdempotencyConfig(event_key_jmespath="order_id", raise_on_no_idempotency_key=True)

    @idempotent(persistence_store=layer(table, requests), config=strict_config)
    def strict(event: dict[str, Any], context: Any) -> int:
        return 1

    with pytest.raises(IdempotencyKeyError, match="No data found to create a hashed idempotency_key"):
        strict({"other": 1}, lambda_context)


def test_unserializable_payload_is_a_key_error_naming_the_type(table: str, requests: Any) -> None:
    @idempotent_function(data_keyword_argument="order", persistence_store=layer(table, requests))
    def process(order: Any) -> int:
        return 1

    with pytest.raises(
        IdempotencyKeyError, match="a dict\\) can't be serialized to JSON to hash it: Object of type object"
    ):
        process(order={"x": object()})


def test_response_hook_sees_the_stored_response_and_record(table: str, requests: Any, lambda_context: Any) -> None:
    seen: list[Any] = []

    def hook(response: Any, record: Any) -> Any:
        seen.append((response, record.status))
        return {**response, "replayed": True}

    @idempotent(persistence_store=layer(table, requests), config=IdempotencyConfig(response_hook=hook))
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return {"ok": True}

    assert handler({"n": 1}, lambda_context) == {"ok": True}
    assert handler({"n": 1}, lambda_context) == {"ok": True, "replayed": True}
    assert seen == [({"ok": True}, "COMPLETED")]


def test_local_cache_answers_without_a_request(table: str, requests: Any, lambda_context: Any) -> None:
    @idempotent(persistence_store=layer(table, requests), config=IdempotencyConfig(use_local_cache=True))
    def handler(event: dict[str, Any], context: Any) -> int:
        return 5

    handler({"n": 1}, lambda_context)
    requests.clear()
    assert handler({"n": 1}, lambda_context) == 5
    assert dict(requests) == {}


def test_idempotent_function_with_dataclass_and_pydantic_outputs(table: str, requests: Any) -> None:
    from powertools.idempotency.serialization.dataclass import DataclassSerializer
    from powertools.idempotency.serialization.pydantic import PydanticSerializer

    store = layer(table, requests)
    runs: list[str] = []

    @idempotent_function(data_keyword_argument="order", persistence_store=store, output_serializer=DataclassSerializer)
    def bill(order: dict[str, Any]) -> Receipt:
        runs.append("bill")
        return Receipt(order=order["id"], total=3)

    @idempotent_function(data_keyword_argument="order", persistence_store=store, output_serializer=PydanticSerializer)
    def confirm(order: dict[str, Any]) -> Confirmation:
        runs.append("confirm")
        return Confirmation(order=order["id"], ok=True)

    assert bill(order={"id": "o-1"}) == bill(order={"id": "o-1"}) == Receipt(order="o-1", total=3)
    assert confirm(order={"id": "o-1"}) == confirm(order={"id": "o-1"}) == Confirmation(order="o-1", ok=True)
    assert type(confirm(order={"id": "o-1"})) is Confirmation
    assert runs == ["bill", "confirm"]
    assert len(items(table)) == 2  # one record per function


def test_the_keyword_argument_is_required(table: str, requests: Any) -> None:
    @idempotent_function(data_keyword_argument="order", persistence_store=layer(table, requests))
    def process(order: dict[str, Any]) -> int:
        return 1

    with pytest.raises(RuntimeError, match="Unable to extract 'order' from keyword arguments"):
        process({"id": 1})


def test_async_functions(table: str, requests: Any) -> None:
    import asyncio

    runs: list[int] = []

    @idempotent_function(data_keyword_argument="order", persistence_store=layer(table, requests))
    async def process(order: dict[str, Any]) -> dict[str, Any]:
        runs.append(1)
        await asyncio.sleep(0)
        return {"done": order["id"]}

    assert asyncio.run(process(order={"id": 9})) == {"done": 9}
    assert asyncio.run(process(order={"id": 9})) == {"done": 9}
    assert runs == [1]


def test_disabled_by_environment(
    table: str, requests: Any, lambda_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from powertools.common.warnings import PowertoolsUserWarning

    monkeypatch.setenv("POWERTOOLS_IDEMPOTENCY_DISABLED", "true")
    runs: list[int] = []

    @idempotent(persistence_store=layer(table, requests))
    def handler(event: dict[str, Any], context: Any) -> int:
        runs.append(1)
        return 1

    for _ in range(2):
        with pytest.warns(PowertoolsUserWarning, match="Disabling idempotency is intended for development"):
            handler({"n": 1}, lambda_context)
    assert runs == [1, 1]
    assert dict(requests) == {}


def test_sort_key_layout(
    aws: Any, requests: Any, lambda_context: Any, monkeypatch: pytest.MonkeyPatch, idem_helpers: Any
) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")
    idem_helpers.create_table("shared", sort_key=True)

    @idempotent(persistence_store=layer("shared", requests, sort_key_attr="sk"))
    def handler(event: dict[str, Any], context: Any) -> int:
        return 1

    handler({"n": 1}, lambda_context)
    (item,) = items("shared")
    assert item["id"] == {"S": "idempotency#orders-fn"}
    assert item["sk"]["S"].startswith("orders-fn.")


def test_store_errors_name_the_table(aws: Any, lambda_context: Any) -> None:
    from powertools.idempotency.exceptions import IdempotencyPersistenceLayerError

    @idempotent(persistence_store=DynamoDBPersistenceLayer(table_name="no-such-table"))
    def handler(event: dict[str, Any], context: Any) -> int:
        return 1

    with pytest.raises(IdempotencyPersistenceLayerError) as info:
        handler({"n": 1}, lambda_context)
    assert str(info.value).startswith(
        "Failed to save in progress record to idempotency store - (DynamoDB table 'no-such-table': "
        "ResourceNotFoundException"
    )


def test_an_unresolvable_return_annotation_is_named(table: str, requests: Any) -> None:
    from powertools.idempotency.exceptions import IdempotencyNoSerializationModelError
    from powertools.idempotency.serialization.dataclass import DataclassSerializer

    @dataclass
    class Local:
        n: int

    with pytest.raises(
        IdempotencyNoSerializationModelError, match=r"The return annotation 'Local' of .*can't be resolved"
    ):

        @idempotent_function(
            data_keyword_argument="order",
            persistence_store=layer(table, requests),
            output_serializer=DataclassSerializer,
        )
        def make(order: dict[str, Any]) -> Local:
            return Local(1)


def test_unserializable_response_is_named_and_the_record_is_not_left_completed(table: str, requests: Any) -> None:
    from powertools.idempotency.exceptions import IdempotencyPersistenceLayerError

    @idempotent_function(data_keyword_argument="order", persistence_store=layer(table, requests))
    def process(order: dict[str, Any]) -> Any:
        return {"when": object()}

    with pytest.raises(IdempotencyPersistenceLayerError) as info:
        process(order={"id": 1})
    assert "The function's response (a dict) can't be stored as JSON: Object of type object" in str(info.value)
    (item,) = items(table)
    assert item["status"] == {"S": "INPROGRESS"}  # bounded by in_progress_expiration, as upstream
