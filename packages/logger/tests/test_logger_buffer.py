"""Log buffering: records held per invocation, written on error, bounded, never leaking."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from powertools.common.exceptions import ConfigurationError
from powertools.common.typing import LocalLambdaContext
from powertools.logger import Logger, LoggerBufferConfig, PowertoolsUserWarning


def test_buffer_flushed_on_error_log(service: str, output: Any, stamp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_X_AMZN_TRACE_ID", "Root=1-67c39786-5908a82a246fb67f3089263f")
    logger = Logger(service=service, stream=output, buffer_config=LoggerBufferConfig())
    context = LocalLambdaContext(function_name="orders", aws_request_id="req-1")

    @logger.inject_lambda_context
    def handler(event: dict[str, Any], context: Any) -> None:
        logger.debug("fetching order", order_id=1)
        logger.info("order fetched")  # INFO is above the buffer level: written at once
        logger.error("charging failed")

    lines = {"handler": sys._getframe().f_lineno - 4}
    handler({}, context)

    common = [
        ("timestamp", "<ts>"),
        ("service", service),
        ("cold_start", True),
        ("function_name", "orders"),
        ("function_memory_size", 128),
        ("function_arn", "arn:aws:lambda:us-east-1:123456789012:function:orders"),
        ("function_request_id", "req-1"),
    ]
    trace = [("xray_trace_id", "1-67c39786-5908a82a246fb67f3089263f")]
    info, debug, error = (list(stamp(d).items()) for d in output.documents())
    assert info == [
        ("level", "INFO"),
        ("location", f"handler:{lines['handler'] + 1}"),
        ("message", "order fetched"),
        *common,
        *trace,
    ]
    assert debug == [
        ("level", "DEBUG"),
        ("location", f"handler:{lines['handler']}"),
        ("message", "fetching order"),
        *common,
        ("order_id", 1),
        *trace,
    ]
    assert error == [
        ("level", "ERROR"),
        ("location", f"handler:{lines['handler'] + 2}"),
        ("message", "charging failed"),
        *common,
        *trace,
    ]


def test_buffer_is_dropped_when_nothing_goes_wrong(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, buffer_config=LoggerBufferConfig(buffer_at_verbosity="INFO"))

    @logger.inject_lambda_context
    def handler(event: dict[str, Any], context: Any) -> None:
        logger.debug("quiet debug")
        logger.info("quiet info")
        logger.warning("loud")

    handler({}, LocalLambdaContext(aws_request_id="r1"))

    # A second invocation that fails: only its own records come out.
    @logger.inject_lambda_context
    def failing(event: dict[str, Any], context: Any) -> None:
        logger.info("second invocation")
        logger.exception("failed")

    failing({}, LocalLambdaContext(aws_request_id="r2"))
    assert [(d["message"], d["function_request_id"]) for d in output.documents()] == [
        ("loud", "r1"),
        ("second invocation", "r2"),
        ("failed", "r2"),
    ]


def test_buffer_does_not_leak_across_invocations_without_decorator(
    service: str, output: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    logger = Logger(service=service, stream=output, buffer_config=LoggerBufferConfig())
    monkeypatch.setenv("_X_AMZN_TRACE_ID", "Root=1-aaaaaaaa-000000000000000000000001")
    logger.debug("first invocation")
    monkeypatch.setenv("_X_AMZN_TRACE_ID", "Root=1-aaaaaaaa-000000000000000000000002")
    logger.debug("second invocation")
    logger.flush_buffer()
    assert [d["message"] for d in output.documents()] == ["second invocation"]


def test_flush_on_uncaught_error(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, buffer_config=LoggerBufferConfig(flush_on_error_log=False))

    @logger.inject_lambda_context(flush_buffer_on_uncaught_error=True)
    def handler(event: dict[str, Any], context: Any) -> None:
        logger.debug("step 1")
        logger.error("handled error, no flush")
        raise RuntimeError("crash")

    with pytest.raises(RuntimeError):
        handler({}, LocalLambdaContext())
    assert [d["message"] for d in output.documents()] == ["handled error, no flush", "step 1"]


def test_buffer_bound_evicts_oldest_and_warns(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, buffer_config=LoggerBufferConfig(max_bytes=1000))
    for number in range(20):
        logger.debug(f"line {number:02d}", padding="x" * 60)
    with pytest.warns(PowertoolsUserWarning, match="evicted"):
        logger.flush_buffer()
    messages = [d["message"] for d in output.documents()]
    assert messages == [f"line {n:02d}" for n in range(20 - len(messages), 20)]
    assert 0 < len(messages) < 20


def test_record_larger_than_buffer_is_written_at_once(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, buffer_config=LoggerBufferConfig(max_bytes=200))
    with pytest.warns(PowertoolsUserWarning, match="exceeds total cache size 200 bytes"):
        logger.debug("big", payload="y" * 500)
    assert output.documents()[0]["message"] == "big"


def test_clear_buffer(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, buffer_config=LoggerBufferConfig())
    logger.debug("gone")
    logger.clear_buffer()
    logger.flush_buffer()
    assert output.getvalue() == ""


def test_child_logger_buffers_with_parent_config(service: str, output: Any) -> None:
    Logger(service=service, stream=output, buffer_config=LoggerBufferConfig())
    child = Logger(service=service, child=True)
    child.debug("held")
    assert output.getvalue() == ""
    child.error("child failed")
    assert [d["message"] for d in output.documents()] == ["held", "child failed"]


@pytest.mark.parametrize(
    ("kwargs", "variable"),
    [({"max_bytes": 0}, "max_bytes"), ({"buffer_at_verbosity": "ERROR"}, "buffer_at_verbosity")],
)
def test_invalid_buffer_config(kwargs: dict[str, Any], variable: str) -> None:
    with pytest.raises(ConfigurationError, match=variable):
        LoggerBufferConfig(**kwargs)
