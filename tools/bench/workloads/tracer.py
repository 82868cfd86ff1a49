"""capture_method, with tracing disabled (unit tests, local runs) and enabled (inside Lambda).

The enabled workload runs as in a Lambda invocation: LAMBDA_TASK_ROOT and a sampled
_X_AMZN_TRACE_ID are set before the X-Ray SDK loads (so its global recorder uses the Lambda
context and sends each subsegment as it ends), and AWS_XRAY_DAEMON_ADDRESS points at a UDP
socket this worker binds on 127.0.0.1: nothing leaves the machine. The fingerprint reads the
first call's datagram from that socket. During timing nobody reads it; once its receive buffer
is full the kernel drops further datagrams, which costs the sender the same as a delivery.
"""

from __future__ import annotations

import json
import os
import socket
from typing import Any

from tools.bench.adapter import Api
from tools.bench.workloads.base import Call, Target, Workload

SERVICE = "bench"
TRACE_ROOT = "1-6566c2b1-3f7a2c1e9d8b7a6f5e4d3c2b"
TRACE_PARENT = "53995c3f42cd8ad8"
LAMBDA_ENV = {
    "LAMBDA_TASK_ROOT": "/var/task",
    "_X_AMZN_TRACE_ID": f"Root={TRACE_ROOT};Parent={TRACE_PARENT};Sampled=1",
}
# Fields that differ on every run (random ids, clock times); checked apart from the rest.
VOLATILE = ("id", "start_time", "end_time", "trace_id", "parent_id")


def build(api: Api) -> Call:
    tracer = api.get("tracer", "Tracer")(service=SERVICE)

    @tracer.capture_method
    def add(a: int, b: int) -> int:
        return a + b

    return lambda: add(1, 2)


def bare() -> Call:
    def add(a: int, b: int) -> int:
        return a + b

    return lambda: add(1, 2)


class LocalDaemon:
    """A UDP socket on 127.0.0.1 standing in for Lambda's X-Ray daemon."""

    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.socket.bind(("127.0.0.1", 0))
        self.address = f"127.0.0.1:{self.socket.getsockname()[1]}"

    def drain(self, first_timeout_s: float = 2.0) -> list[dict[str, Any]]:
        """Every document waiting on the socket (waits up to `first_timeout_s` for the first one)."""
        documents: list[dict[str, Any]] = []
        self.socket.settimeout(first_timeout_s)
        try:
            while True:
                datagram = self.socket.recv(65535)
                _header, _, body = datagram.partition(b"\n")
                documents.append(json.loads(body))
                self.socket.settimeout(0)
        except (BlockingIOError, TimeoutError):
            return documents


_daemon: LocalDaemon | None = None


def _start_daemon() -> str:
    """Bind the socket and point the SDK at it; before aws_xray_sdk loads, which reads the address once."""
    global _daemon
    if _daemon is None:
        _daemon = LocalDaemon()
    os.environ["AWS_XRAY_DAEMON_ADDRESS"] = _daemon.address
    return _daemon.address


def _check_recorder(address: str) -> None:
    from aws_xray_sdk.core import xray_recorder

    emitter = xray_recorder.emitter
    if f"{emitter.ip}:{emitter.port}" != address:  # the SDK loaded before the address was set
        raise RuntimeError(f"X-Ray SDK sends to {emitter.ip}:{emitter.port}, not the local daemon {address}")


def build_enabled(api: Api) -> Call:
    address = _start_daemon()
    tracer = api.get("tracer", "Tracer")(service=SERVICE)

    @tracer.capture_method
    def get_order(order_id: str) -> dict[str, str]:
        tracer.put_annotation(key="OrderId", value=order_id)
        return {"id": order_id, "status": "shipped"}

    _check_recorder(address)
    return lambda: get_order("o-42")


# What capture_method calls the nested get_order: module + qualname, "<locals>" sanitized for X-Ray.
METHOD_NAME = "tools.bench.workloads.tracer.build_enabled.locals.get_order"


def bare_enabled() -> Call:
    """The floor: the same subsegment written with aws_xray_sdk's recorder directly."""
    address = _start_daemon()
    from aws_xray_sdk.core import xray_recorder

    _check_recorder(address)

    def get_order(order_id: str) -> dict[str, str]:
        subsegment = xray_recorder.begin_subsegment(f"## {METHOD_NAME}")
        try:
            subsegment.put_annotation("OrderId", order_id)
            response = {"id": order_id, "status": "shipped"}
            subsegment.put_metadata(f"{METHOD_NAME} response", response, SERVICE)
            return response
        finally:
            xray_recorder.end_subsegment()

    return lambda: get_order("o-42")


def sent_subsegments(result: Any, lines: list[str]) -> dict[str, Any]:
    """The call's result and the subsegment documents the first call sent, without ids and times."""
    documents = _daemon.drain() if _daemon is not None else []
    return {
        "result": result,
        "subsegments": [{k: v for k, v in doc.items() if k not in VOLATILE} for doc in documents],
        "in_invocation_trace": [
            doc.get("trace_id") == TRACE_ROOT and doc.get("parent_id") == TRACE_PARENT for doc in documents
        ],
    }


WORKLOADS = [
    Workload(
        name="tracer.capture_method (disabled)",
        utility="tracer",
        description="call a capture_method-decorated function with POWERTOOLS_TRACE_DISABLED=true",
        build=build,
        bare=bare,
        target=Target(1.2, "bare"),
        env={"POWERTOOLS_TRACE_DISABLED": "true"},
    ),
    Workload(
        name="tracer.capture_method (traced)",
        utility="tracer",
        description=(
            "call a capture_method-decorated function that adds one annotation, inside a sampled "
            "Lambda trace; one subsegment per call sent over UDP to a local socket"
        ),
        build=build_enabled,
        bare=bare_enabled,
        fingerprint=sent_subsegments,
        env=LAMBDA_ENV,
    ),
]
