"""Logger: LogRecord attribute names passed as extra keys (packages/logger README, Differences).

Upstream lets logging's ``makeRecord`` raise ``KeyError("Attempt to overwrite 'message' in
LogRecord")`` into the caller, so a log line can fail a business invocation. Ours writes the
value under ``extra_<key>``; the rest of the record is the one upstream writes without the key.
"""

from __future__ import annotations

from typing import Any

import pytest

from tools.compat.harness import UPSTREAM, Flavour, LogStream, SimpleLambdaContext
from tools.compat.tests.test_compat_logger import SERVICE, run

# The names stdlib makeRecord refuses, as keyword extras and inside extra={...}.
RESERVED = ("message", "name", "asctime", "args", "levelname", "levelno", "pathname", "filename", "module")
RESERVED += ("exc_text", "lineno", "funcName", "created", "msecs", "relativeCreated", "thread", "threadName")
RESERVED += ("processName", "process")


@pytest.mark.parametrize("key", RESERVED)
def test_reserved_keyword_extra_raises_upstream_and_is_renamed_here(key: str) -> None:
    def scenario(pt: Flavour, stream: LogStream) -> None:
        logger = pt.logger.Logger(service=SERVICE, stream=stream)
        for call in (lambda: logger.info("m", **{key: "v"}), lambda: logger.info("m", extra={key: "v", "k": 1})):
            if pt is UPSTREAM:
                with pytest.raises(KeyError, match="Attempt to overwrite"):
                    call()
            else:
                call()
        logger.info("m", k=1)  # what upstream writes without the reserved key

    results = run(scenario)
    [upstream_plain] = results["upstream"]
    kw, extra, plain = results["ours"]
    assert plain == upstream_plain
    # The calls sit in lambdas: their location differs from the plain call's, by nature.
    assert kw["location"].startswith("<lambda>:")
    assert extra["location"].startswith("<lambda>:")
    without_k = {k: v for k, v in upstream_plain.items() if k not in ("k", "location")}
    assert {k: v for k, v in kw.items() if k != "location"} == {**without_k, f"extra_{key}": "v"}
    assert {k: v for k, v in extra.items() if k != "location"} == {**without_k, f"extra_{key}": "v", "k": 1}
    assert list(extra)[-2:] == [f"extra_{key}", "k"]  # the caller's order kept


def test_exc_info_and_stack_info_inside_extra_are_renamed_here() -> None:
    """As keywords they are logging's own parameters (both flavours); inside extra= upstream raises."""

    def scenario(pt: Flavour, stream: LogStream) -> None:
        logger = pt.logger.Logger(service=SERVICE, stream=stream)
        for key in ("exc_info", "stack_info", "msg"):
            if pt is UPSTREAM:
                with pytest.raises(KeyError, match="Attempt to overwrite"):
                    logger.info("m", extra={key: "v"})
            else:
                logger.info("m", extra={key: "v"})

    results = run(scenario)
    assert results["upstream"] == []
    assert [[k for k in record if k.startswith("extra_")] for record in results["ours"]] == [
        ["extra_exc_info"],
        ["extra_stack_info"],
        ["extra_msg"],
    ]
    assert all(record["message"] == "m" for record in results["ours"])


def test_reserved_key_inside_decorated_handler_does_not_fail_the_invocation() -> None:
    def scenario(pt: Flavour, stream: LogStream) -> Any:
        logger = pt.logger.Logger(service=SERVICE, stream=stream)

        @logger.inject_lambda_context
        def handler(event: dict[str, Any], context: Any) -> str:
            logger.info("processing", name=event["name"])
            return "ok"

        context = SimpleLambdaContext()
        if pt is UPSTREAM:
            with pytest.raises(KeyError):
                handler({"name": "alice"}, context)
        else:
            assert handler({"name": "alice"}, context) == "ok"

    results = run(scenario)
    assert results["upstream"] == []
    [record] = results["ours"]
    assert record["extra_name"] == "alice"
    assert record["message"] == "processing"
    assert record["function_request_id"] == SimpleLambdaContext().aws_request_id
