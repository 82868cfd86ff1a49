"""Real queues and streams (moto in server mode), handled the way the Lambda service does.

The Lambda service deletes every SQS message not named in ``batchItemFailures``; the tests do
the same with real SDK calls and then read the queue back: nothing lost, nothing twice.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from typing import Any

import boto3

from powertools.batch import BatchProcessor, EventType, SqsFifoPartialProcessor, process_partial_response
from powertools.common.events.kinesis import KinesisStreamRecord
from powertools.common.events.sqs import SQSRecord
from powertools_testing.events import sqs_event_from_messages


def receive(sqs: Any, url: str, wanted: int, visibility: int = 60) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    for _ in range(wanted):  # bounded: at least one message per call while any is visible
        reply = sqs.receive_message(
            QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=visibility, AttributeNames=["All"]
        )
        got = reply.get("Messages", [])
        if not got:
            break
        messages += got
        if len(messages) >= wanted:
            break
    return messages


def settle(sqs: Any, url: str, messages: list[dict[str, Any]], response: dict[str, Any]) -> None:
    """What Lambda does with the response: delete what succeeded, leave the rest to reappear."""
    failed = {item["itemIdentifier"] for item in response["batchItemFailures"]}
    for message in messages:
        if message["MessageId"] in failed:
            # Ends the visibility timeout now rather than waiting for it.
            sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0)
        else:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])


def test_sqs_50_messages_some_failing_lose_nothing(aws: Any) -> None:
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName="orders")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    for start in range(0, 50, 10):
        sqs.send_message_batch(
            QueueUrl=url,
            Entries=[{"Id": str(n), "MessageBody": json.dumps({"n": n})} for n in range(start, start + 10)],
        )
    messages = receive(sqs, url, 50)
    assert len(messages) == 50

    processed: Counter[int] = Counter()

    def handler(record: SQSRecord) -> None:
        n = record.json_body["n"]
        if n % 7 == 3:
            raise ValueError(f"order {n} is out of stock")
        processed[n] += 1

    response = process_partial_response(sqs_event_from_messages(messages, arn), handler, BatchProcessor(EventType.SQS))
    failing = {n for n in range(50) if n % 7 == 3}
    assert len(response["batchItemFailures"]) == len(failing) == 7
    settle(sqs, url, messages, response)

    left = receive(sqs, url, 50, visibility=30)
    assert sorted(json.loads(m["Body"])["n"] for m in left) == sorted(failing)  # precisely the failed ones
    assert set(processed) == set(range(50)) - failing
    assert set(processed.values()) == {1}


def test_fifo_queue_keeps_group_order_across_retries(aws: Any) -> None:
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName="orders.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sent: dict[str, list[int]] = {"g0": [], "g1": [], "g2": []}
    for n in range(30):
        group = f"g{n % 3}"
        sent[group].append(n)
        sqs.send_message(
            QueueUrl=url, MessageBody=json.dumps({"n": n}), MessageGroupId=group, MessageDeduplicationId=f"d{n}"
        )

    attempts: Counter[int] = Counter()
    done: dict[str, list[int]] = {"g0": [], "g1": [], "g2": []}

    def handler(record: SQSRecord) -> None:
        n = record.json_body["n"]
        attempts[n] += 1
        if n in (4, 17) and attempts[n] == 1:  # fail once, succeed when redelivered
            raise RuntimeError(f"transient failure on {n}")
        done[record.attributes.message_group_id or ""].append(n)

    processor = SqsFifoPartialProcessor(skip_group_on_error=True)
    for _ in range(40):  # bounded: each round settles at least one message
        messages = receive(sqs, url, 10)
        if not messages:
            break
        response = process_partial_response(sqs_event_from_messages(messages, arn), handler, processor)
        settle(sqs, url, messages, response)
    assert done == sent  # every message once, in its group's order, despite the failures
    assert attempts[4] == 2
    assert attempts[17] == 2


def test_kinesis_records_from_the_stream(aws: Any) -> None:
    kinesis = boto3.client("kinesis")
    kinesis.create_stream(StreamName="clicks", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="clicks")["StreamDescription"]["StreamARN"]
    kinesis.put_records(
        StreamName="clicks",
        Records=[{"Data": json.dumps({"n": n}).encode(), "PartitionKey": f"user-{n}"} for n in range(12)],
    )
    shard = kinesis.list_shards(StreamName="clicks")["Shards"][0]["ShardId"]
    iterator = kinesis.get_shard_iterator(StreamName="clicks", ShardId=shard, ShardIteratorType="TRIM_HORIZON")
    got = kinesis.get_records(ShardIterator=iterator["ShardIterator"])["Records"]
    assert len(got) == 12
    event = {
        "Records": [
            {
                "kinesis": {
                    "kinesisSchemaVersion": "1.0",
                    "partitionKey": r["PartitionKey"],
                    "sequenceNumber": r["SequenceNumber"],
                    "data": base64.b64encode(r["Data"]).decode(),
                    "approximateArrivalTimestamp": r["ApproximateArrivalTimestamp"].timestamp(),
                },
                "eventSource": "aws:kinesis",
                "eventVersion": "1.0",
                "eventID": f"{shard}:{r['SequenceNumber']}",
                "eventName": "aws:kinesis:record",
                "invokeIdentityArn": "arn:aws:iam::123456789012:role/consumer",
                "awsRegion": "us-east-1",
                "eventSourceARN": arn,
            }
            for r in got
        ]
    }

    def handler(record: KinesisStreamRecord) -> None:
        if record.kinesis.data_as_json()["n"] in (5, 9):
            raise ValueError("bad click")

    response = process_partial_response(event, handler, BatchProcessor(EventType.KinesisDataStreams))
    assert response == {
        "batchItemFailures": [
            {"itemIdentifier": got[5]["SequenceNumber"]},
            {"itemIdentifier": got[9]["SequenceNumber"]},
        ]
    }
