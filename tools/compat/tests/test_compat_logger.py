"""Logger: the same user code writes the same JSON records under both import paths.

Every scenario below is run once per flavour; records are compared whole (keys, key order,
values), with only the timestamp replaced after its format is checked.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from tools.compat.harness import (
    FLAVOURS,
    OURS,
    UPSTREAM,
    Flavour,
    LogStream,
    SimpleLambdaContext,
    reset_logger_state,
    stamp,
)

SERVICE = "compat_svc"
Records = list[dict[str, Any]]
Scenario = Callable[[Flavour, LogStream], None]


def _forget_stdlib_loggers() -> None:
    """Both flavours configure ``logging.getLogger(SERVICE)``; each run must find it pristine."""
    for name, stdlib in list(logging.root.manager.loggerDict.items()):
        # PlaceHolders (ancestors nobody created) must stay placeholders, or they'd become parents.
        if not isinstance(stdlib, logging.Logger) or (name != SERVICE and not name.startswith(f"{SERVICE}.")):
            continue
        stdlib.handlers.clear()
        stdlib.filters.clear()
        stdlib.setLevel(logging.NOTSET)
        for attr in list(vars(stdlib)):
            if attr.startswith(("init", "powertools")):
                del stdlib.__dict__[attr]


def run(scenario: Scenario) -> dict[str, Records]:
    """The scenario's records per flavour, timestamps checked and normalised."""
    results: dict[str, Records] = {}
    for flavour in FLAVOURS:
        reset_logger_state(flavour)
        _forget_stdlib_loggers()
        stream = LogStream()
        try:
            scenario(flavour, stream)
        finally:
            _forget_stdlib_loggers()
            reset_logger_state(flavour)
        results[flavour.name] = [_library_location(stamp(record)) for record in stream.documents()]
    return results


def _library_location(record: dict[str, Any]) -> dict[str, Any]:
    """`log_event=True` logs from inside the decorator: its line number is an implementation detail."""
    if re.fullmatch(r"decorate:\d+", str(record.get("location"))):
        return {**record, "location": "decorate:<line>"}
    return record


def _upstream_py310_exception_location(results: dict[str, Records]) -> None:
    """On Python 3.10 upstream's `logger.exception` reports its own line (`exception:<n>` inside
    aws_lambda_powertools) instead of the caller's; ours reports the caller as on 3.11+.
    That is an upstream bug on one Python version, so compare everything else."""
    if sys.version_info >= (3, 11):
        return
    for ours, upstream in zip(results["ours"], results["upstream"], strict=False):
        if upstream.get("level") == "ERROR" and re.fullmatch(r"exception:\d+", str(upstream.get("location"))):
            upstream["location"] = ours.get("location")


def assert_same(scenario: Scenario) -> Records:
    results = run(scenario)
    _upstream_py310_exception_location(results)
    assert results["ours"] == results["upstream"]
    # Same order of keys too: dict equality ignores it, log queries and humans don't.
    assert [list(r) for r in results["ours"]] == [list(r) for r in results["upstream"]]
    assert results["upstream"], "the scenario logged nothing"
    return results["upstream"]


# --- scenarios ---------------------------------------------------------------------------


def plain(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)
    logger.info("hello")
    logger.warning("careful %s of %d", "one", 2)
    logger.error({"a dict": "as message", "n": [1, 2]})
    logger.debug("not shown at INFO")


def extra_keys(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)
    logger.info("order placed", extra={"order_id": 42, "items": [{"sku": "a", "qty": 2}], "ok": True, "none": None})
    logger.info("second line has no extra")


def append_keys(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)
    logger.append_keys(tenant="t1", user={"id": 7, "roles": ["admin"]})
    logger.info("with keys")
    logger.append_keys(tenant="t2")
    logger.remove_keys(["user"])
    logger.info("tenant replaced, user removed")
    logger.append_context_keys  # noqa: B018  (public in both; exercised below)
    with logger.append_context_keys(scope="block"):
        logger.info("inside context keys")
    logger.info("after context keys")
    logger.clear_state()
    logger.info("after clear_state")


def thread_safe_keys(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)
    logger.thread_safe_append_keys(thread_key="v")
    logger.info("thread key")
    logger.thread_safe_remove_keys(["thread_key"])
    logger.info("thread key removed")


def exception(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)
    try:
        raise ValueError("bad value")
    except ValueError:
        logger.exception("failed")
    try:
        {}["missing"]
    except KeyError:
        logger.error("error with exc_info", exc_info=True)


def exception_without_stacktrace(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream, serialize_stacktrace=False)
    try:
        raise RuntimeError("no frames")
    except RuntimeError:
        logger.exception("failed")


def inject_lambda_context(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)

    @logger.inject_lambda_context(log_event=True)
    def handler(event: dict[str, Any], context: Any) -> str:
        logger.info("inside", extra={"event_id": event["id"]})
        return "ok"

    context = SimpleLambdaContext()
    handler({"id": 1}, context)
    handler({"id": 2}, context)  # warm: cold_start false
    logger.info("outside after the invocation")


def inject_lambda_context_clear_state(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)
    logger.append_keys(leftover="from before")

    @logger.inject_lambda_context(clear_state=True)
    def handler(event: dict[str, Any], context: Any) -> None:
        logger.info("cleared")
        logger.append_keys(per_invocation=event["n"])

    handler({"n": 1}, SimpleLambdaContext())
    handler({"n": 2}, SimpleLambdaContext(aws_request_id="second-request"))


def correlation_id(pt: Flavour, stream: LogStream) -> None:
    from powertools_testing.events import load_event

    logger = pt.logger.Logger(service=SERVICE, stream=stream)

    @logger.inject_lambda_context(correlation_id_path=pt.module("logger", "correlation_paths").API_GATEWAY_REST)
    def handler(event: dict[str, Any], context: Any) -> None:
        logger.info("correlated", extra={"got": logger.get_correlation_id()})

    handler(load_event("apigw_rest"), SimpleLambdaContext())
    logger.set_correlation_id("manual-id")
    logger.info("manual correlation id")
    logger.set_correlation_id(None)
    logger.info("correlation id unset")


def correlation_id_eventbridge(pt: Flavour, stream: LogStream) -> None:
    from powertools_testing.events import load_event

    logger = pt.logger.Logger(service=SERVICE, stream=stream)

    @logger.inject_lambda_context(correlation_id_path=pt.module("logger", "correlation_paths").EVENT_BRIDGE)
    def handler(event: dict[str, Any], context: Any) -> None:
        logger.info("eventbridge")

    handler(load_event("eventbridge"), SimpleLambdaContext())


def child_logger(pt: Flavour, stream: LogStream) -> None:
    parent = pt.logger.Logger(service=SERVICE, stream=stream)
    child = pt.logger.Logger(service=SERVICE, child=True)
    parent.append_keys(shared="from parent")
    child.info("child line")
    child.append_keys(from_child=1)
    parent.info("parent line")


def level_from_env(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)
    logger.debug("debug shown")
    logger.info("info shown")


def level_warning_from_env(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)
    logger.info("info hidden")
    logger.warning("warning shown")


def xray_trace_id(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream)
    logger.info("traced")


def custom_options(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(
        service=SERVICE,
        stream=stream,
        log_record_order=["message", "level"],
        level="DEBUG",
    )
    logger.debug("reordered")
    logger.info("reordered", extra={"k": "v"})


def formatter_options(pt: Flavour, stream: LogStream) -> None:
    logger = pt.logger.Logger(service=SERVICE, stream=stream, json_default=lambda obj: f"<{type(obj).__name__}>")
    logger.info("custom default", extra={"obj": object()})


SCENARIOS: dict[str, Scenario] = {
    "plain": plain,
    "extra_keys": extra_keys,
    "append_keys": append_keys,
    "thread_safe_keys": thread_safe_keys,
    "exception": exception,
    "exception_without_stacktrace": exception_without_stacktrace,
    "inject_lambda_context": inject_lambda_context,
    "inject_lambda_context_clear_state": inject_lambda_context_clear_state,
    "correlation_id": correlation_id,
    "correlation_id_eventbridge": correlation_id_eventbridge,
    "child_logger": child_logger,
    "custom_options": custom_options,
    "formatter_options": formatter_options,
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_records_equal(name: str) -> None:
    assert_same(SCENARIOS[name])


def test_powertools_log_level_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "DEBUG")
    records = assert_same(level_from_env)
    assert [r["level"] for r in records] == ["DEBUG", "INFO"]


def test_powertools_log_level_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "WARNING")
    records = assert_same(level_warning_from_env)
    assert [r["message"] for r in records] == ["warning shown"]


def test_service_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", SERVICE)

    def scenario(pt: Flavour, stream: LogStream) -> None:
        pt.logger.Logger(stream=stream).info("service from env")

    assert assert_same(scenario)[0]["service"] == SERVICE


def test_xray_trace_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
    records = assert_same(xray_trace_id)
    assert records[0]["xray_trace_id"] == "1-5759e988-bd862e3fe1be46a994272793"


def test_sampling_rate_from_env_is_a_number_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documented: packages/logger/README.md, "Differences from upstream" — `sampling_rate`
    is always logged as a number (upstream logs the env var's string)."""
    monkeypatch.setenv("POWERTOOLS_LOGGER_SAMPLE_RATE", "0.5")

    def scenario(pt: Flavour, stream: LogStream) -> None:
        pt.logger.Logger(service=SERVICE, stream=stream).warning("sampled")

    results = run(scenario)
    assert results["upstream"][0]["sampling_rate"] == "0.5"
    assert results["ours"][0]["sampling_rate"] == 0.5
    assert results["ours"][0] | {"sampling_rate": "0.5"} == results["upstream"][0]


def test_decimal_values_are_written_as_upstream_writes_them() -> None:
    """A Decimal is logged as its exact string on both sides (the Encoder matches upstream)."""

    def scenario(pt: Flavour, stream: LogStream) -> None:
        pt.logger.Logger(service=SERVICE, stream=stream).info(
            "price", extra={"price": Decimal("12345678901234567890.123456789")}
        )

    results = run(scenario)
    assert results["ours"] == results["upstream"]
    assert results["ours"][0]["price"] == "12345678901234567890.123456789"


def test_plain_lambda_context_from_a_users_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """Upstream users' unit tests build ``LambdaContext()`` and set its private fields."""

    def scenario(pt: Flavour, stream: LogStream) -> None:
        logger = pt.logger.Logger(service=SERVICE, stream=stream)

        @logger.inject_lambda_context
        def handler(event: dict[str, Any], context: Any) -> None:
            logger.info("hello")

        ctx = pt.typing.LambdaContext()
        ctx._function_name, ctx._memory_limit_in_mb = "orders", 256
        ctx._invoked_function_arn = "arn:aws:lambda:eu-west-1:111122223333:function:orders"
        ctx._aws_request_id = "req-1"
        handler({}, ctx)

    results = run(scenario)
    assert results["ours"] == results["upstream"]
    assert [r["function_request_id"] for r in results["ours"]] == ["req-1"]


def test_digit_string_level_is_a_value_error_in_both(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "50")
    for pt in (UPSTREAM, OURS):
        with pytest.raises(ValueError):
            pt.logger.Logger(service=SERVICE)


def test_non_finite_floats_documented_difference() -> None:
    """packages/logger/README.md: NaN and infinities are strings here, bare NaN upstream."""

    def scenario(pt: Flavour, stream: LogStream) -> None:
        pt.logger.Logger(service=SERVICE, stream=stream).info("m", extra={"r": float("nan"), "i": float("inf")})

    results = run(scenario)
    (ours,), (upstream,) = results["ours"], results["upstream"]
    assert (ours["r"], ours["i"]) == ("NaN", "Infinity")
    assert upstream["r"] != upstream["r"]  # a float NaN, read back from bare NaN
    assert upstream["i"] == float("inf")
    assert {k: v for k, v in ours.items() if k not in ("r", "i")} == {
        k: v for k, v in upstream.items() if k not in ("r", "i")
    }
