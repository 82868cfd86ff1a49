"""Keys changed between records (warm invocations, append_keys) show in the very next record."""

from __future__ import annotations

from typing import Any

from powertools.common.typing import LocalLambdaContext
from powertools.logger import Logger


def test_each_warm_invocation_writes_its_own_context(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)

    @logger.inject_lambda_context
    def handler(event: dict[str, Any], context: Any) -> None:
        logger.info("step")

    for request_id, name in (("r-1", "fn-a"), ("r-2", "fn-a"), ("r-3", "fn-b")):
        handler({}, LocalLambdaContext(function_name=name, aws_request_id=request_id))
    documents = output.documents()
    assert [(d["function_request_id"], d["function_name"]) for d in documents] == [
        ("r-1", "fn-a"),
        ("r-2", "fn-a"),
        ("r-3", "fn-b"),
    ]
    assert [list(d)[5:] for d in documents] == [
        ["cold_start", "function_name", "function_memory_size", "function_arn", "function_request_id"]
    ] * 3


def test_appended_keys_changed_to_none_and_back_and_edited_directly(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    logger.append_keys(order=1, tenant="t")
    logger.info("a")
    logger.append_keys(order=2)  # same position, new value
    logger.info("b")
    logger.append_keys(order=None)  # dropped from the record
    logger.info("c")
    logger.append_keys(order=3)
    logger.info("d")
    logger.registered_formatter.log_format["tenant"] = "u"  # type: ignore[attr-defined]
    logger.info("e")
    logger.append_keys(location="%(module)s")  # a template: rendered, never copied
    logger.info("f")
    documents = output.documents()
    assert [(d["message"], d.get("order"), d["tenant"]) for d in documents] == [
        ("a", 1, "t"),
        ("b", 2, "t"),
        ("c", None, "t"),
        ("d", 3, "t"),
        ("e", 3, "u"),
        ("f", 3, "u"),
    ]
    assert "order" not in documents[2]
    assert documents[5]["location"] == "test_logger_warm_keys"
