"""Helpers shared by the compat tests (importable as ``tools.compat.harness``).

Test modules run under ``--import-mode=importlib`` and can't import their conftest, so the
context object, output capture and normalisers live here.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from tools.compat.flavours import FLAVOURS, OURS, UPSTREAM, Flavour

# Both flavours' default log timestamp: 2026-11-29 08:19:49,853+0000
LOG_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}[+-]\d{4}$")


@dataclass
class SimpleLambdaContext:
    """The handful of context attributes both flavours read; upstream has no LocalLambdaContext."""

    function_name: str = "compat-fn"
    function_version: str = "$LATEST"
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:compat-fn"
    memory_limit_in_mb: int = 256
    aws_request_id: str = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    log_group_name: str = "/aws/lambda/compat-fn"
    log_stream_name: str = "2026/11/29/[$LATEST]abcdef"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


class LogStream(io.StringIO):
    """A Logger's stream, read back as one JSON document per line."""

    def documents(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.getvalue().splitlines() if line]


def stamp(document: dict[str, Any]) -> dict[str, Any]:
    """Check the log timestamp's format, then replace it so whole records compare."""
    assert LOG_TIMESTAMP.match(document["timestamp"]), document["timestamp"]
    return {**document, "timestamp": "<ts>"}


def read_json_documents(text: str) -> list[Any]:
    """Every JSON document in ``text`` (compact one per line, or indented)."""
    decoder = json.JSONDecoder()
    documents, position = [], 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            return documents
        document, position = decoder.raw_decode(text, position)
        documents.append(document)


@contextmanager
def captured_stdout() -> Iterator[io.StringIO]:
    """stdout for the block, independent of pytest's capture (both flavours print EMF)."""
    buffer, previous = io.StringIO(), sys.stdout
    sys.stdout = buffer
    try:
        yield buffer
    finally:
        sys.stdout = previous


def error_summary(exc: BaseException) -> tuple[str, str]:
    """(class name, message) of an error, for comparing failures across flavours."""
    return type(exc).__name__, str(exc)


def reset_logger_state(flavour: Flavour) -> None:
    """A new sandbox: cold again, no invocation, no thread-local keys."""
    if flavour is UPSTREAM:
        import aws_lambda_powertools.logging.logger as upstream_logger

        upstream_logger.is_cold_start = True
    else:
        from powertools.logger import lambda_context
        from powertools.logger.context_keys import clear_context_keys

        lambda_context.is_cold_start = True
        lambda_context.current_request_id = None
        clear_context_keys()


def reset_metrics_state(flavour: Flavour) -> None:
    """Forget metrics, dimensions, metadata and default dimensions; cold again."""
    if flavour is UPSTREAM:
        from aws_lambda_powertools.metrics import metrics as upstream_metrics
        from aws_lambda_powertools.metrics.provider import cold_start

        for shared in ("_metrics", "_dimensions", "_metadata", "_default_dimensions"):
            getattr(upstream_metrics.Metrics, shared).clear()
        cold_start.reset_cold_start_flag()
    else:
        from powertools.metrics.metrics import reset_shared_state
        from powertools.metrics.provider import cold_start as our_cold_start

        reset_shared_state()
        our_cold_start.reset_cold_start_flag()


__all__ = [
    "FLAVOURS",
    "OURS",
    "UPSTREAM",
    "Flavour",
    "LogStream",
    "SimpleLambdaContext",
    "captured_stdout",
    "error_summary",
    "read_json_documents",
    "reset_logger_state",
    "reset_metrics_state",
    "stamp",
]
