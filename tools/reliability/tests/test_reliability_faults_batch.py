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
import uuid
from collections import Counter
from typing import Any

import pytest

from powertools.batch import BatchProcessor, EventType, process_partial_response
from powertools.batch.exceptions import BatchProcessingError
from powertools.common.events.sqs import SQSRecord
from powertools_testing.events import sqs_event_from_messages
from tools.reliability.ledger import LEDGER
from tools.reliability.services import RestartableMoto

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
