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
]
