import os
from collections.abc import Iterator

import pytest
from aws_xray_sdk.core.recorder import AWSXRayRecorder

from powertools_testing.xray_daemon import XRayDaemon, decode_datagram, flatten


@pytest.fixture
def recorder(xray_daemon: XRayDaemon, monkeypatch: pytest.MonkeyPatch) -> Iterator[AWSXRayRecorder]:
    # Outside Lambda, so begin_segment is allowed; a fresh recorder reads
    # AWS_XRAY_DAEMON_ADDRESS (set by xray_daemon) and leaves the global one alone.
    monkeypatch.delenv("LAMBDA_TASK_ROOT", raising=False)
    monkeypatch.delenv("AWS_LAMBDA_FUNCTION_NAME", raising=False)
    recorder = AWSXRayRecorder()
    recorder.configure(sampling=False, context_missing="LOG_ERROR")
    yield recorder
    recorder.clear_trace_entities()
    recorder.emitter._socket.close()  # the SDK's UDPEmitter has no close()


def test_segment_with_subsegment(xray_daemon: XRayDaemon, recorder: AWSXRayRecorder) -> None:
    assert recorder.emitter.ip == "127.0.0.1"
    assert recorder.emitter.port == xray_daemon.port

    segment = recorder.begin_segment("handler")
    subsegment = recorder.begin_subsegment("## fetch_orders")
    assert subsegment is not None
    subsegment.put_annotation("order_id", "42")
    subsegment.put_metadata("response", {"count": 1}, "orders")
    recorder.end_subsegment()
    recorder.end_segment()

    [document] = xray_daemon.wait_for(1)
    assert document["name"] == "handler"
    assert document["id"] == segment.id
    assert document["trace_id"] == segment.trace_id

    entities = {entity["name"]: entity for entity in xray_daemon.subsegments()}
    assert set(entities) == {"handler", "## fetch_orders"}
    child = entities["## fetch_orders"]
    assert child["id"] == subsegment.id
    assert child["parent_id"] == segment.id
    assert child["annotations"] == {"order_id": "42"}
    assert child["metadata"] == {"orders": {"response": {"count": 1}}}
    assert entities["handler"]["parent_id"] is None


def test_streamed_subsegments_are_separate_documents(xray_daemon: XRayDaemon, recorder: AWSXRayRecorder) -> None:
    assert xray_daemon.documents() == []  # cleared between tests
    recorder.configure(streaming_threshold=0)  # stream every finished subsegment
    segment = recorder.begin_segment("handler")
    recorder.begin_subsegment("first")
    recorder.end_subsegment()
    recorder.end_segment()

    documents = xray_daemon.wait_for(2)
    assert [doc["name"] for doc in documents] == ["first", "handler"]
    streamed = documents[0]
    assert streamed["type"] == "subsegment"
    assert streamed["parent_id"] == segment.id
    assert streamed["trace_id"] == segment.trace_id
    assert [(e["name"], e["parent_id"]) for e in xray_daemon.subsegments()] == [
        ("first", segment.id),
        ("handler", None),
    ]


def test_wait_for_times_out_with_a_clear_message(xray_daemon: XRayDaemon) -> None:
    with pytest.raises(AssertionError, match="expected 1 X-Ray document"):
        xray_daemon.wait_for(1, timeout=0.2)


def test_env_var_is_set(xray_daemon: XRayDaemon) -> None:
    assert os.environ["AWS_XRAY_DAEMON_ADDRESS"] == xray_daemon.address


def test_decode_and_flatten() -> None:
    assert decode_datagram(b'{"format": "json", "version": 1}\n{"name": "a"}') == {"name": "a"}
    assert decode_datagram(b'{"name": "no header"}') is None
    assert decode_datagram(b'{"format": "json", "version": 1}\nnot json') is None
    tree = {"id": "1", "name": "root", "subsegments": [{"id": "2", "name": "c", "subsegments": [{"id": "3"}]}]}
    assert [(e["id"], e["parent_id"]) for e in flatten([tree])] == [("1", None), ("2", "1"), ("3", "2")]
    assert all("subsegments" not in e for e in flatten([tree]))
