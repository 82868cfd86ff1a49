"""LogRecord attribute names given as extra keys are written as extra_<key>, never raised."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from powertools.logger import Logger

RESERVED = (
    "message", "name", "asctime", "args", "levelname", "levelno", "pathname", "filename", "module",
    "exc_text", "lineno", "funcName", "created", "msecs", "relativeCreated", "thread", "threadName",
    "processName", "process", "taskName",
)  # fmt: skip


@pytest.mark.parametrize("key", RESERVED)
def test_reserved_key_as_keyword_and_in_extra(key: str, service: str, output: Any, stamp: Any) -> None:
    logger = Logger(service=service, stream=output)
    line = sys._getframe().f_lineno + 1
    logger.info("order placed", **{key: "kw"})
    logger.info("order placed", extra={"first": 1, key: "ex", "last": 2})

    kw, extra = (stamp(document) for document in output.documents())
    head = {"level": "INFO", "message": "order placed", "timestamp": "<ts>", "service": service}
    assert list(kw.items()) == [
        ("level", "INFO"),
        ("location", f"test_reserved_key_as_keyword_and_in_extra:{line}"),
        ("message", "order placed"),
        ("timestamp", "<ts>"),
        ("service", service),
        (f"extra_{key}", "kw"),
    ]
    assert {k: v for k, v in extra.items() if k != "location"} == {**head, "first": 1, f"extra_{key}": "ex", "last": 2}
    assert list(extra)[-3:] == ["first", f"extra_{key}", "last"]


def test_reserved_keys_inside_extra_that_are_logging_parameters(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    logger.warning("m", extra={"exc_info": "e", "stack_info": "s", "msg": "x"})
    [document] = output.documents()
    assert document["message"] == "m"
    assert (document["extra_exc_info"], document["extra_stack_info"], document["extra_msg"]) == ("e", "s", "x")
    assert "exception" not in document
    assert "stack_trace" not in document


def test_reserved_key_in_a_buffered_record(service: str, output: Any) -> None:
    from powertools.logger import LoggerBufferConfig

    logger = Logger(service=service, stream=output, buffer_config=LoggerBufferConfig(max_bytes=10_240))
    logger.debug("buffered", name="alice")
    assert output.documents() == []
    logger.flush_buffer()
    [document] = output.documents()
    assert (document["message"], document["extra_name"]) == ("buffered", "alice")


def test_ordinary_extra_keys_unchanged(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    extra = {"order_id": 1, "extra_name": "kept"}
    logger.info("m", extra=extra, user="bob")
    [document] = output.documents()
    assert (document["order_id"], document["extra_name"], document["user"]) == (1, "kept", "bob")
    assert extra == {"order_id": 1, "extra_name": "kept"}  # the caller's dict is not modified
