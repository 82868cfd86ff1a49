"""The shared services (moto, redis, X-Ray capture) work through real clients from a package's tests."""

from typing import Any


def test_moto_server_through_boto3(aws: Any) -> None:
    import boto3

    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName="common-q")["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="hello")
    messages = sqs.receive_message(QueueUrl=url)["Messages"]
    assert [m["Body"] for m in messages] == ["hello"]


def test_redis_server_round_trip(redis: Any) -> None:
    import redis as redis_client

    client = redis_client.Redis(host=redis.host, port=redis.port)
    client.set("k", "v", ex=10)
    assert client.get("k") == b"v"
    assert client.ttl("k") > 0


def test_xray_capture_decodes_segments(xray_daemon: Any) -> None:
    from aws_xray_sdk.core import xray_recorder

    # The recorder is process-wide: say what this test relies on (subsegments sent inside their
    # segment, not streamed one by one as Lambda mode does) and put it back afterwards.
    threshold = xray_recorder.streaming_threshold
    xray_recorder.configure(
        daemon_address=xray_daemon.address, context_missing="LOG_ERROR", sampling=False, streaming_threshold=30
    )
    try:
        segment = xray_recorder.begin_segment("common-test")
        segment.put_annotation("Service", "common")
        with xray_recorder.in_subsegment("## child"):
            pass
        xray_recorder.end_segment()
    finally:
        xray_recorder.configure(streaming_threshold=threshold)
    [doc] = xray_daemon.wait_for(1)
    assert doc["name"] == "common-test"
    assert doc["annotations"] == {"Service": "common"}
    assert [sub["name"] for sub in doc["subsegments"]] == ["## child"]
