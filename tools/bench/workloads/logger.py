"""logger.info with two extra keys, as one structured JSON line."""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from tools.bench.adapter import Api
from tools.bench.workloads._support import last_json_line
from tools.bench.workloads.base import Call, Target, Workload

MESSAGE = "order processed"
EXTRA = {"order_id": "ord-1001", "amount": 19.99}


def build(api: Api) -> Call:
    logger = api.get("logger", "Logger")(service="bench", stream=sys.stdout)

    def call() -> None:
        logger.info(MESSAGE, extra=EXTRA)

    return call


def bare() -> Call:
    stream = sys.stdout

    def call() -> None:
        # The same record by hand: level, caller, message, local timestamp with ms, service, extra keys.
        frame = sys._getframe(0)
        now = time.time()
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(now)) + f",{int(now % 1 * 1000):03d}+0000"
        record = {
            "level": "INFO",
            "location": f"{frame.f_code.co_name}:{frame.f_lineno}",
            "message": MESSAGE,
            "timestamp": stamp,
            "service": "bench",
            **EXTRA,
        }
        stream.write(json.dumps(record, separators=(",", ":"), default=str) + "\n")

    return call


def fingerprint(result: Any, lines: list[str]) -> dict[str, Any]:
    record = last_json_line(lines)
    # Time and caller line differ by nature; the keys, their order and the other values must not.
    return {"keys": list(record), "values": {k: v for k, v in record.items() if k not in ("timestamp", "location")}}


class _Context:
    """The fields of Lambda's context object that inject_lambda_context reads."""

    function_name = "bench-fn"
    memory_limit_in_mb = 128
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:bench-fn"
    aws_request_id = "c6af9ac6-7b61-11e6-9a41-93e812345678"


CONTEXT_KEYS = {
    "cold_start": False,
    "function_name": _Context.function_name,
    "function_memory_size": _Context.memory_limit_in_mb,
    "function_arn": _Context.invoked_function_arn,
    "function_request_id": _Context.aws_request_id,
}


def build_injected(api: Api) -> Call:
    logger = api.get("logger", "Logger")(service="bench", stream=sys.stdout)

    @logger.inject_lambda_context
    def handler(event: dict[str, Any], context: Any) -> None:
        logger.info(MESSAGE)

    context = _Context()
    handler({}, context)  # the cold start happens once, outside the timed calls
    return lambda: handler({}, context)


def bare_injected() -> Call:
    stream = sys.stdout
    context = _Context()

    def handler(event: dict[str, Any], context: Any) -> None:
        # By hand: what the decorator adds (context keys, per invocation) around one record.
        keys = {
            "cold_start": False,
            "function_name": context.function_name,
            "function_memory_size": context.memory_limit_in_mb,
            "function_arn": context.invoked_function_arn,
            "function_request_id": context.aws_request_id,
        }
        frame = sys._getframe(0)
        now = time.time()
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(now)) + f",{int(now % 1 * 1000):03d}+0000"
        record = {
            "level": "INFO",
            "location": f"{frame.f_code.co_name}:{frame.f_lineno}",
            "message": MESSAGE,
            "timestamp": stamp,
            "service": "bench",
            **keys,
        }
        stream.write(json.dumps(record, separators=(",", ":"), default=str) + "\n")

    return lambda: handler({}, context)


WORKLOADS = [
    Workload(
        name="logger.info",
        utility="logger",
        description="logger.info with two extra keys, one JSON line written",
        build=build,
        bare=bare,
        fingerprint=fingerprint,
        target=Target(0.6),
    ),
    Workload(
        name="logger.inject_lambda_context",
        utility="logger",
        description="a handler decorated with inject_lambda_context logging one line (warm invocation)",
        build=build_injected,
        bare=bare_injected,
        fingerprint=fingerprint,
        target=Target(0.5),
    ),
]
