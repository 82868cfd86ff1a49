"""docs/packages/logger.md: each example invoked, the JSON records it writes to stdout checked."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest

from powertools.common.typing import LocalLambdaContext
from powertools.logger import lambda_context as invocation
from powertools.logger.context_keys import clear_context_keys

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}[+-]\d{4}$")
TRACE_ID = "1-5759e988-bd862e3fe1be46a994272793"


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test is a new sandbox: cold start, no keys or handlers left by another test's Logger."""
    for variable in ("POWERTOOLS_SERVICE_NAME", "POWERTOOLS_LOG_LEVEL", "LOG_LEVEL", "AWS_LAMBDA_LOG_LEVEL"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("_X_AMZN_TRACE_ID", f"Root={TRACE_ID};Parent=557abcec3ee5a047;Sampled=1")
    monkeypatch.setattr(invocation, "is_cold_start", True)
    monkeypatch.setattr(invocation, "current_request_id", None)
    _forget_loggers()  # another suite may have configured a Logger of the same service
    yield
    _forget_loggers()


def _forget_loggers() -> None:
    clear_context_keys()
    for name in ("payment", "orders"):
        stdlib = logging.getLogger(name)
        stdlib.handlers.clear()
        for attr in ("init", "powertools_handler", "powertools_buffer_config", "powertools_buffer_cache"):
            stdlib.__dict__.pop(attr, None)


def records(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]
    for line in lines:
        assert TIMESTAMP.match(line["timestamp"]), line["timestamp"]
    return lines


def context(request_id: str) -> LocalLambdaContext:
    return LocalLambdaContext(function_name="checkout", aws_request_id=request_id)


def test_getting_started_writes_the_documented_record(
    load_example: Any, load_event: Any, documented: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_example("logger/getting_started.py")

    response = example.lambda_handler(load_event("apigw_rest"), context("c6af9ac6-7b61-11e6-9a41-93e8deadbeef"))

    assert response == {"statusCode": 200}
    [record] = records(capsys)
    [shown] = documented("packages/logger.md", "logger/getting_started.py")
    assert list(record) == list(shown)  # the key order is part of the format
    assert record == {**shown, "timestamp": record["timestamp"]}
    assert record["correlation_id"] == load_event("apigw_rest")["requestContext"]["requestId"]


def test_adding_keys_scopes_each_key(load_example: Any, capsys: pytest.CaptureFixture[str]) -> None:
    example = load_example("logger/adding_keys.py")

    assert example.lambda_handler({"customer_id": "c-1", "order_id": "o-9"}, context("r-1")) == {"refunded": True}

    lambda_keys = {
        "cold_start": True,
        "function_name": "checkout",
        "function_memory_size": 128,
        "function_arn": "arn:aws:lambda:us-east-1:123456789012:function:checkout",
        "function_request_id": "r-1",
    }
    own_keys = [{k: v for k, v in r.items() if k not in {"level", "location", "timestamp"}} for r in records(capsys)]
    base = {"service": "payment", **lambda_keys}
    trace = {"xray_trace_id": TRACE_ID}
    assert own_keys == [
        {"message": "Charged", **base, "amount": 10, "currency": "EUR", **trace},
        {"message": "Customer found", **base, "customer_id": "c-1", **trace},
        {"message": "Refunding", **base, "customer_id": "c-1", "step": "refund", **trace},
        {"message": "Refunded", **base, "correlation_id": "o-9", "request": "r-1", **trace},
        {"message": "Done", "service": "payment", **trace},  # clear_state drops the context keys too
    ]


def test_adding_keys_clear_state_starts_every_invocation_clean(
    load_example: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_example("logger/adding_keys.py")
    example.lambda_handler({"customer_id": "c-1", "order_id": "o-9"}, context("r-1"))
    capsys.readouterr()

    example.logger.append_keys(leftover="yes")
    example.lambda_handler({"customer_id": "c-2", "order_id": "o-10"}, context("r-2"))

    first = records(capsys)[0]
    assert "leftover" not in first
    assert first["cold_start"] is False


def test_buffering_writes_held_debug_records_only_when_an_error_is_logged(
    load_example: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_example("logger/buffering.py")

    assert example.lambda_handler({"id": "o-1", "amount": 10}, context("r-1")) == {"status": "charged"}
    assert records(capsys) == []  # the debug record stayed in the buffer and died with the invocation

    assert example.lambda_handler({"id": "o-2", "amount": 1000}, context("r-2")) == {"status": "declined"}
    written = records(capsys)
    assert [(r["level"], r["message"], r["order_id"], r["function_request_id"]) for r in written] == [
        ("DEBUG", "fetched order", "o-2", "r-2"),
        ("ERROR", "charge failed", "o-2", "r-2"),
    ]
    assert written[0]["location"] == "lambda_handler:18"  # where it was logged, not where it was flushed


def test_buffering_flushes_on_an_uncaught_error(load_example: Any, capsys: pytest.CaptureFixture[str]) -> None:
    example = load_example("logger/buffering.py")

    with pytest.raises(TypeError):
        example.lambda_handler({"id": "o-3", "amount": "a lot"}, context("r-3"))

    assert [(r["level"], r["message"]) for r in records(capsys)] == [("DEBUG", "fetched order")]
