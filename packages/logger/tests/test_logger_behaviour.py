"""Levels, sampling, child loggers, custom formatters, keys, decorators and timestamps."""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import subprocess
import sys
import threading
from collections.abc import Iterable
from typing import Any

import pytest

from powertools.common.exceptions import ConfigurationError
from powertools.common.typing import LocalLambdaContext
from powertools.logger import (
    BasePowertoolsFormatter,
    InvalidLoggerSamplingRateError,
    InvalidLogKeyError,
    LambdaPowertoolsFormatter,
    Logger,
    OrphanedChildLoggerError,
    copy_config_to_registered_loggers,
)

# --- levels -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argument", "env", "expected"),
    [
        (None, {}, logging.INFO),
        ("debug", {}, logging.DEBUG),
        (logging.WARNING, {}, logging.WARNING),
        (None, {"POWERTOOLS_LOG_LEVEL": "ERROR"}, logging.ERROR),
        (None, {"LOG_LEVEL": "warn"}, logging.WARNING),
        (None, {"POWERTOOLS_LOG_LEVEL": "DEBUG", "LOG_LEVEL": "ERROR"}, logging.DEBUG),
        ("INFO", {"POWERTOOLS_LOG_LEVEL": "ERROR"}, logging.INFO),
    ],
)
def test_level_precedence(
    service: str, output: Any, monkeypatch: pytest.MonkeyPatch, argument: Any, env: dict[str, str], expected: int
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert Logger(service=service, stream=output, level=argument).log_level == expected


def test_lambda_advanced_logging_controls_win_and_warn(
    service: str, output: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_LAMBDA_LOG_LEVEL", "WARN")
    with pytest.warns(UserWarning, match=r"Current log level \(DEBUG\) does not match AWS Lambda Advanced Logging"):
        logger = Logger(service=service, stream=output, level="DEBUG")
    assert logger.log_level == logging.WARNING


def test_alc_without_powertools_level_is_silent(service: str, output: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_LAMBDA_LOG_LEVEL", "TRACE")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Logger(service=service, stream=output).log_level == logging.DEBUG


def test_invalid_level_names_the_source(service: str, output: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigurationError, match="level='VERBOSE' is not valid"):
        Logger(service=service, stream=output, level="VERBOSE")
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "loud")
    with pytest.raises(ConfigurationError, match="POWERTOOLS_LOG_LEVEL='loud'"):
        Logger(service=service + "b", stream=output)


def test_debug_is_dropped_below_level(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    logger.debug("hidden")
    logger.setLevel("DEBUG")
    logger.debug("shown")
    assert [d["message"] for d in output.documents()] == ["shown"]


# --- sampling --------------------------------------------------------------------------------


def test_sampling_rate_one_logs_debug_and_is_in_the_record(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, sampling_rate=1)
    logger.debug("sampled")
    [document] = output.documents()
    assert document["message"] == "sampled"
    assert document["sampling_rate"] == 1.0
    assert list(document)[4:6] == ["service", "sampling_rate"]


def test_sampling_is_decided_per_invocation(service: str, output: Any) -> None:
    random.seed(7)
    logger = Logger(service=service, stream=output, sampling_rate=0.5, level="INFO")

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug("debug line", invocation=event)

    for number in range(12):
        handler(number, LocalLambdaContext())

    # Replay the same random sequence: one draw at init (used by the cold start), one per warm invocation.
    replay = random.Random(7)
    draws = [replay.random() <= 0.5 for _ in range(12)]
    expected = [n for n, sampled in enumerate(draws) if sampled]
    logged = [d["invocation"] for d in output.documents()]
    assert logged == expected
    assert 0 < len(logged) < 12


@pytest.mark.parametrize("value", ["lots", "1.5", "-0.1"])
def test_invalid_sampling_rate(service: str, output: Any, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("POWERTOOLS_LOGGER_SAMPLE_RATE", value)
    with pytest.raises(InvalidLoggerSamplingRateError, match="POWERTOOLS_LOGGER_SAMPLE_RATE"):
        Logger(service=service, stream=output)


# --- child loggers and reuse ----------------------------------------------------------------------


def test_child_logger_shares_handler_and_keys(service: str, output: Any, stamp: Any) -> None:
    parent = Logger(service=service, stream=output)
    child = Logger(service=service, child=True)
    assert child.name == f"{service}.{__name__}"
    child.append_keys(order_id=1)
    line = sys._getframe().f_lineno + 1
    child.info("from child")
    parent.info("from parent")
    from_child, from_parent = (stamp(d) for d in output.documents())
    assert list(from_child.items()) == [
        ("level", "INFO"),
        ("location", f"test_child_logger_shares_handler_and_keys:{line}"),
        ("message", "from child"),
        ("timestamp", "<ts>"),
        ("service", service),
        ("order_id", 1),
    ]
    assert from_parent["order_id"] == 1
    assert from_parent["message"] == "from parent"


def test_orphan_child_cannot_change_keys(service: str) -> None:
    child = Logger(service=service, child=True)
    with pytest.raises(OrphanedChildLoggerError, match="no parent Logger"):
        child.append_keys(a=1)


def test_second_logger_for_a_service_reuses_the_first(service: str, output: Any) -> None:
    first = Logger(service=service, stream=output)
    second = Logger(service=service)
    second.append_keys(shared=True)
    first.info("one")
    assert len(logging.getLogger(service).handlers) == 1
    assert output.documents()[0]["shared"] is True


def test_records_are_not_duplicated_by_root_handlers(service: str, output: Any) -> None:
    root_output = __import__("io").StringIO()
    root_handler = logging.StreamHandler(root_output)
    logging.root.addHandler(root_handler)
    try:
        logger = Logger(service=service, stream=output)
        logger.info("once")
    finally:
        logging.root.removeHandler(root_handler)
    assert len(output.documents()) == 1
    assert root_output.getvalue() == ""


def test_copy_config_to_registered_loggers(service: str, output: Any) -> None:
    library = logging.getLogger(f"lib{service}")
    library.addHandler(logging.NullHandler())
    logger = Logger(service=service, stream=output)
    copy_config_to_registered_loggers(source_logger=logger, include={f"lib{service}"})
    library.info("from a library")
    [document] = output.documents()
    assert document["message"] == "from a library"
    assert document["name"] == f"lib{service}"
    assert library.propagate is False
    assert library.handlers == logger.handlers


# --- custom formatters ------------------------------------------------------------------------------


def test_subclassed_formatter_reshapes_the_document(service: str, output: Any, stamp: Any) -> None:
    class EventFormatter(LambdaPowertoolsFormatter):
        def serialize(self, log: dict[str, Any]) -> str:
            log["event"] = log.pop("message")
            return self.json_serializer(log)

    logger = Logger(service=service, stream=output, logger_formatter=EventFormatter())
    line = sys._getframe().f_lineno + 1
    logger.info("renamed", order_id=3)
    [document] = output.documents()
    assert list(stamp(document).items()) == [
        ("level", "INFO"),
        ("location", f"test_subclassed_formatter_reshapes_the_document:{line}"),
        ("timestamp", "<ts>"),
        ("service", service),
        ("order_id", 3),
        ("event", "renamed"),
    ]


def test_formatter_from_scratch(service: str, output: Any) -> None:
    class ScratchFormatter(BasePowertoolsFormatter):
        def __init__(self) -> None:
            self.keys: dict[str, Any] = {}
            super().__init__()

        def append_keys(self, **additional_keys: Any) -> None:
            self.keys.update(additional_keys)

        def get_current_keys(self) -> dict[str, Any]:
            return self.keys

        def remove_keys(self, keys: Iterable[str]) -> None:
            for key in keys:
                self.keys.pop(key, None)

        def clear_state(self) -> None:
            self.keys = {}

        def format(self, record: logging.LogRecord) -> str:
            return json.dumps({"event": super().format(record), **self.keys})

    logger = Logger(service=service, stream=output, logger_formatter=ScratchFormatter())
    logger.append_keys(tenant="acme")
    with logger.append_context_keys(step="charge"):
        logger.info("hello %s", "world")
    logger.info("after")
    assert output.documents() == [
        # Like upstream, a custom formatter receives every constructor key, None included.
        {"event": "hello world", "service": service, "sampling_rate": None, "tenant": "acme", "step": "charge"},
        {"event": "after", "service": service, "sampling_rate": None, "tenant": "acme"},
    ]


def test_reserved_key_with_non_string_value_is_rejected(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    with pytest.raises(InvalidLogKeyError, match="'location'"):
        logger.append_keys(location=5)


# --- keys ----------------------------------------------------------------------------------------------


def test_append_remove_get_and_clear_state(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, region="eu-west-1")
    logger.append_keys(order_id=1, customer="ana")
    logger.remove_keys(["customer"])
    assert logger.get_current_keys()["order_id"] == 1
    logger.info("a")
    logger.clear_state()
    logger.info("b")
    first, second = output.documents()
    assert first["order_id"] == 1
    assert "customer" not in first
    assert "order_id" not in second
    assert second["region"] == "eu-west-1"


def test_append_context_keys_restores_previous_values(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    logger.append_keys(step="init")
    with logger.append_context_keys(step="charge", order_id=9):
        logger.info("inside")
    logger.info("outside")
    inside, outside = output.documents()
    assert (inside["step"], inside["order_id"]) == ("charge", 9)
    assert outside["step"] == "init"
    assert "order_id" not in outside


def test_thread_safe_keys_stay_in_their_thread(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    logger.thread_safe_append_keys(request="main")

    def worker() -> None:
        logger.thread_safe_append_keys(request="worker")
        logger.info("worker")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    logger.info("main")
    assert logger.thread_safe_get_current_keys() == {"request": "main"}
    logger.thread_safe_remove_keys(["request"])
    logger.info("none")
    worker_doc, main_doc, none_doc = output.documents()
    assert (worker_doc["request"], main_doc["request"]) == ("worker", "main")
    assert "request" not in none_doc


def test_clear_state_decorator_drops_previous_invocation_keys(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)

    @logger.inject_lambda_context(clear_state=True)
    def handler(event: dict[str, Any], context: Any) -> None:
        if event.get("special"):
            logger.append_keys(special=True)
        logger.info("x")

    handler({"special": True}, LocalLambdaContext())
    handler({}, LocalLambdaContext())
    first, second = output.documents()
    assert first["special"] is True
    assert "special" not in second


# --- decorator shapes --------------------------------------------------------------------------------


def test_async_handler(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)

    @logger.inject_lambda_context
    async def handler(event: dict[str, Any], context: Any) -> str:
        logger.info("async")
        return "done"

    assert asyncio.run(handler({}, LocalLambdaContext(aws_request_id="a-1"))) == "done"
    assert output.documents()[0]["function_request_id"] == "a-1"
    assert asyncio.iscoroutinefunction(handler)


def test_method_handler(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)

    class Api:
        @logger.inject_lambda_context(log_event=True)
        def handle(self, event: dict[str, Any], context: Any) -> str:
            return event["id"]

    assert Api().handle({"id": "e-1"}, LocalLambdaContext(aws_request_id="m-1")) == "e-1"
    [document] = output.documents()
    assert document["message"] == {"id": "e-1"}
    assert document["function_request_id"] == "m-1"


def test_invalid_correlation_path_fails_at_decoration(service: str, output: Any) -> None:
    from powertools.common.exceptions import InvalidEnvelopeExpressionError

    logger = Logger(service=service, stream=output)
    with pytest.raises(InvalidEnvelopeExpressionError):
        logger.inject_lambda_context(correlation_id_path="requestContext.[")(lambda e, c: None)


def test_provisioned_concurrency_is_never_cold(service: str, output: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_LAMBDA_INITIALIZATION_TYPE", "provisioned-concurrency")
    logger = Logger(service=service, stream=output)
    logger.inject_lambda_context(lambda e, c: logger.info("x"))({}, LocalLambdaContext())
    assert output.documents()[0]["cold_start"] is False


# --- timestamps ------------------------------------------------------------------------------------------


def test_timestamp_options(service: str, output: Any) -> None:
    Logger(service=service, stream=output, utc=True).info("utc")
    Logger(service=service + "r", stream=output, use_rfc3339=True, utc=True).info("rfc")
    Logger(service=service + "d", stream=output, datefmt="%H:%M:%S.%F").info("fmt")
    Logger(service=service + "t", stream=output, datefmt="%Y %f", use_datetime_directive=True).info("dt")
    utc, rfc, fmt, dt = (d["timestamp"] for d in output.documents())
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}\+0000", utc)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00", rfc)
    assert re.fullmatch(r"\d{2}:\d{2}:\d{2}\.\d{3}", fmt)
    assert re.fullmatch(r"\d{4} \d{6}", dt)


def test_timestamp_matches_record_time(service: str) -> None:
    formatter = LambdaPowertoolsFormatter(utc=True)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", None, None)
    record.created, record.msecs = 1700000000.0421, 42.0
    assert formatter.formatTime(record) == "2023-11-14 22:13:20,042+0000"
    record.created, record.msecs = 1700000001.9, 900.0
    assert formatter.formatTime(record) == "2023-11-14 22:13:21,900+0000"


# --- process-level behaviour ----------------------------------------------------------------------------


def test_uncaught_exceptions_are_logged(tmp_path: Any) -> None:
    script = tmp_path / "app.py"
    script.write_text(
        "from powertools.logger import Logger\n"
        "logger = Logger(service='crash', log_uncaught_exceptions=True)\n"
        "raise RuntimeError('boom')\n"
    )
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    document = json.loads(result.stdout)
    assert (document["level"], document["message"], document["exception_name"]) == ("ERROR", "boom", "RuntimeError")
    assert result.returncode == 1


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.splitlines()[-1].split())


def test_import_and_first_log_load_nothing_heavy() -> None:
    baseline = _modules_after("pass")
    loaded = _modules_after("from powertools.logger import Logger\nLogger(service='x').info('y')") - baseline
    heavy = {"jmespath", "boto3", "botocore", "inspect", "datetime", "random", "asyncio", "dataclasses", "uuid"}
    assert loaded.isdisjoint(heavy), loaded & heavy


def test_package_root_import_loads_no_implementation() -> None:
    loaded = _modules_after("import powertools.logger")
    assert "logging" not in loaded - _modules_after("pass")
