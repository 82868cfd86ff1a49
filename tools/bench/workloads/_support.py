"""Small helpers shared by workloads (stdlib only)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass
class BenchContext:
    """Just enough of a Lambda context for handlers that read it."""

    function_name: str = "bench-function"
    function_version: str = "$LATEST"
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:bench-function"
    memory_limit_in_mb: int = 128
    aws_request_id: str = "52fdfc07-2182-454f-963f-5f0f9a621d72"
    log_group_name: str = "/aws/lambda/bench-function"
    log_stream_name: str = "2024/05/14/[$LATEST]bench"

    def get_remaining_time_in_millis(self) -> int:
        return 300_000


CONTEXT = BenchContext()


def last_json_line(lines: list[str]) -> dict[str, Any]:
    """The last printed line that is a JSON object (what a log or EMF call emitted)."""
    for line in reversed(lines):
        if line.startswith("{"):
            loaded = json.loads(line)
            if isinstance(loaded, dict):
                return loaded
    raise ValueError(f"no JSON object among the {len(lines)} printed lines")


def http_response(response: dict[str, Any]) -> dict[str, Any]:
    """The parts of a proxy-integration response a client sees: status, decoded body, content type."""
    headers = response.get("multiValueHeaders") or {}
    content_type = headers.get("Content-Type") or [(response.get("headers") or {}).get("Content-Type")]
    body = response.get("body")
    return {
        "statusCode": response["statusCode"],
        "body": json.loads(body) if body else body,
        "isBase64Encoded": response.get("isBase64Encoded", False),
        "contentType": list(content_type),
    }
