"""Faults: moto (SQS queue + the DynamoDB table each record writes to) stops in the middle of a batch.

30 orders wait in a queue. Each record handler writes its order to a table, guarded so a second
write of the same order fails. Round 1: the service stops after the 4th write of a batch of 10;
round 2: it is down for a whole batch; later rounds drain the queue. After each round the test
does what the Lambda service does with the response: delete the messages not named in
``batchItemFailures`` (or none, when the handler raised), make the rest visible again.

What must hold: the failed writes are exactly the ``batchItemFailures``; a batch where every
record failed raises ``BatchProcessingError`` (so Lambda retries all of it); at the end every
order is in the table exactly once, the queue is empty and no write ran twice.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from powertools.batch import BatchProcessor, EventType, process_partial_response
from powertools.batch.exceptions import BatchProcessingError
from powertools.common.events.sqs import SQSRecord
from powertools.common.typing import LocalLambdaContext
from powertools.idempotency import IdempotencyConfig, RedisCachePersistenceLayer, idempotent_function
from powertools_testing.events import sqs_event_from_messages
from tools.reliability.ledger import LEDGER
from tools.reliability.services import RestartableMoto, RestartableRedis

ORDERS = 30
TARGET = "batch: SQS + DynamoDB stopped and restarted mid-batch"
CLAIM = "failures = batchItemFailures; whole-batch failure raises; every message once, none lost"


def receive(sqs: Any, url: str, most: int) -> list[dict[str, Any]]:
    reply = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=most, VisibilityTimeout=60)
    return list(reply.get("Messages", []))


def settle(sqs: Any, url: str, messages: list[dict[str, Any]], failed: set[str]) -> None:
    for message in messages:
        if message["MessageId"] in failed:
            sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0)
        else:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])


def test_sqs_batch_survives_the_service_stopping() -> None:
    moto = RestartableMoto()
    moto.start()
    try:
        run(moto)
    finally:
        moto.stop()


def run(moto: RestartableMoto) -> None:
    sqs, ddb = moto.client("sqs"), moto.client("dynamodb")
    suffix = uuid.uuid4().hex[:8]  # moto's backends live on in this process
    url = sqs.create_queue(QueueName=f"orders-{suffix}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    table = f"shipped-{suffix}"
    ddb.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "n", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "n", "AttributeType": "N"}],
        BillingMode="PAY_PER_REQUEST",
    )
    for start in range(0, ORDERS, 10):
        entries = [{"Id": str(n), "MessageBody": json.dumps({"n": n})} for n in range(start, start + 10)]
        sqs.send_message_batch(QueueUrl=url, Entries=entries)

    written: Counter[int] = Counter()
    failed_writes: list[str] = []
    plan: dict[str, Any] = {"stop_after": None}

    def ship(record: SQSRecord) -> None:
        n = record.json_body["n"]
        if plan["stop_after"] is not None and sum(written.values()) == plan["stop_after"]:
            plan["stop_after"] = None
            moto.stop()
            LEDGER.fault("faults", TARGET, CLAIM)
        try:
            ddb.put_item(TableName=table, Item={"n": {"N": str(n)}}, ConditionExpression="attribute_not_exists(n)")
        except Exception:
            failed_writes.append(record.message_id)
            raise
        written[n] += 1

    processor = BatchProcessor(EventType.SQS)

    # Round 1: the service stops after the 4th write of this batch.
    messages = receive(sqs, url, 10)
    assert len(messages) == 10
    plan["stop_after"] = 4
    response = process_partial_response(sqs_event_from_messages(messages, arn), ship, processor)
    LEDGER.invocation("faults", TARGET, CLAIM)
    failures = {item["itemIdentifier"] for item in response["batchItemFailures"]}
    assert failures == set(failed_writes)
    assert len(failures) == 6
    moto.start()
    settle(sqs, url, messages, failures)

    # Round 2: down for the whole batch: the handler raises, Lambda returns every message.
    messages = receive(sqs, url, 10)
    assert len(messages) == 10
    failed_writes.clear()
    moto.stop()
    LEDGER.fault("faults", TARGET, CLAIM)
    with pytest.raises(BatchProcessingError, match="All records failed processing"):
        process_partial_response(sqs_event_from_messages(messages, arn), ship, processor)
    LEDGER.invocation("faults", TARGET, CLAIM)
    assert len(failed_writes) == 10
    moto.start()
    settle(sqs, url, messages, {m["MessageId"] for m in messages})

    # Then drain: bounded, each round settles at least one message.
    for _ in range(ORDERS):
        messages = receive(sqs, url, 10)
        if not messages:
            break
        response = process_partial_response(sqs_event_from_messages(messages, arn), ship, processor)
        LEDGER.invocation("faults", TARGET, CLAIM)
        assert response == {"batchItemFailures": []}
        settle(sqs, url, messages, set())

    assert written == Counter(range(ORDERS))  # every order written once
    items = ddb.scan(TableName=table)["Items"]
    assert sorted(int(item["n"]["N"]) for item in items) == list(range(ORDERS))
    attributes = sqs.get_queue_attributes(
        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]
    assert attributes == {"ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "0"}


IDEMPOTENT_TARGET = "batch + idempotency: redis-server stopped and restarted mid-batch"
IDEMPOTENT_CLAIM = "no message lost; no charge twice except the one whose save failed, and only after its deadline"


def test_idempotent_batch_survives_redis_stopping(tmp_path: Path) -> None:
    moto, redis = RestartableMoto(), RestartableRedis(tmp_path)
    moto.start()
    redis.start()
    try:
        run_idempotent(moto, redis)
    finally:
        redis.stop()
        moto.stop()


def run_idempotent(moto: RestartableMoto, redis: RestartableRedis) -> None:
    sqs = moto.client("sqs")
    url = sqs.create_queue(QueueName=f"charges-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    for start in range(0, 20, 10):
        entries = [{"Id": str(n), "MessageBody": json.dumps({"n": n})} for n in range(start, start + 10)]
        sqs.send_message_batch(QueueUrl=url, Entries=entries)

    charges: Counter[int] = Counter()
    charged_at: defaultdict[int, list[float]] = defaultdict(list)
    config = IdempotencyConfig()
    store = RedisCachePersistenceLayer(client=redis.fast_client())
    stop_at: dict[str, int | None] = {"n": None}

    @idempotent_function(data_keyword_argument="order", persistence_store=store, config=config)
    def charge(order: dict[str, int]) -> dict[str, int]:
        charges[order["n"]] += 1
        charged_at[order["n"]].append(time.time())
        if order["n"] == stop_at["n"]:
            stop_at["n"] = None
            redis.stop()  # after the charge, before its result is stored
            LEDGER.fault("faults", IDEMPOTENT_TARGET, IDEMPOTENT_CLAIM)
        return {"charged": order["n"]}

    def record_handler(record: SQSRecord) -> None:
        charge(order=record.json_body)

    processor = BatchProcessor(EventType.SQS)

    started_at: list[float] = []  # when each invocation's Lambda clock started

    def invoke(messages: list[dict[str, Any]]) -> set[str]:
        started_at.append(time.time())
        context = LocalLambdaContext(timeout_seconds=2)
        config.register_lambda_context(context)
        try:
            response = process_partial_response(sqs_event_from_messages(messages, arn), record_handler, processor)
        except BatchProcessingError:
            failed = {m["MessageId"] for m in messages}
        else:
            failed = {item["itemIdentifier"] for item in response["batchItemFailures"]}
        LEDGER.invocation("faults", IDEMPOTENT_TARGET, IDEMPOTENT_CLAIM)
        settle(sqs, url, messages, failed)
        return failed

    messages = receive(sqs, url, 10)
    in_flight = json.loads(messages[4]["Body"])["n"]
    stop_at["n"] = in_flight
    failed = invoke(messages)
    assert len(failed) == 6  # the in-flight one and the five after it
    assert len(charges) == 5  # nothing charged while redis was down
    redis.start()

    deadline = time.time() + 8  # bounded: the in-progress record expires ~2 s after its claim
    while time.time() < deadline:
        messages = receive(sqs, url, 10)
        if not messages:
            break
        if not invoke(messages):
            continue
        time.sleep(0.5)  # only the in-flight order is left failing, until its deadline passes
    assert receive(sqs, url, 10) == []
    expected = Counter(range(20)) + Counter([in_flight])  # the in-flight charge: at-least-once
    assert charges == expected
    first, second = charged_at[in_flight]
    # Not before the Lambda timeout of the invocation that charged first had passed (its clock
    # started before the charge, so the gap between the two charges alone may be a bit under 2 s).
    first_started = max(t for t in started_at if t <= first)
    assert second - first_started >= 2
    with redis.fast_client() as client:
        keys = [key for key in client.keys("*") if not key.endswith(b":lock")]
        statuses = Counter(json.loads(client.get(key))["status"] for key in keys)
    assert statuses == Counter({"COMPLETED": 20})
