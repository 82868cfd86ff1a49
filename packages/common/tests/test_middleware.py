import asyncio
from typing import Any

import pytest

from powertools.common.exceptions import MiddlewareInvalidArgumentError
from powertools.common.middleware import lambda_handler_decorator
from powertools.common.typing import LocalLambdaContext


@lambda_handler_decorator
def add_stage(handler: Any, event: dict[str, Any], context: Any) -> Any:
    event = {**event, "stage": "before"}
    response = handler(event, context)
    return {**response, "after": True}


@lambda_handler_decorator
def with_prefix(handler: Any, event: dict[str, Any], context: Any, prefix: str = "default") -> Any:
    return {"prefixed": f"{prefix}:{handler(event, context)['stage']}"}


def test_plain_middleware_wraps_the_handler(lambda_context: LocalLambdaContext) -> None:
    @add_stage
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return {"stage": event["stage"], "fn": context.function_name}

    assert handler({}, lambda_context) == {"stage": "before", "fn": "test-function", "after": True}
    assert handler.__name__ == "handler"


def test_middleware_with_keyword_options_and_stacking() -> None:
    @with_prefix(prefix="custom")
    @add_stage
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return {"stage": event["stage"]}

    assert handler({}, None) == {"prefixed": "custom:before"}


def test_middleware_default_option() -> None:
    @with_prefix
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return {"stage": "x"}

    assert handler({}, None) == {"prefixed": "default:x"}


def test_positional_options_are_rejected_with_a_clear_error() -> None:
    with pytest.raises(MiddlewareInvalidArgumentError, match="keyword arguments only"):
        with_prefix("custom")


@lambda_handler_decorator
async def add_stage_async(handler: Any, event: dict[str, Any], context: Any) -> Any:
    response = await handler({**event, "stage": "before"}, context)
    return {**response, "after": True}


def test_async_middleware_on_async_handler() -> None:
    @add_stage_async
    async def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        await asyncio.sleep(0)
        return {"stage": event["stage"]}

    assert asyncio.run(handler({}, None)) == {"stage": "before", "after": True}


def test_extra_handler_kwargs_pass_through() -> None:
    @add_stage
    def handler(event: dict[str, Any], context: Any, tenant: str = "") -> dict[str, Any]:
        return {"tenant": tenant}

    assert handler({}, None, tenant="acme") == {"tenant": "acme", "after": True}


def test_trace_execution_records_a_subsegment(xray_daemon: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from aws_xray_sdk.core import xray_recorder

    monkeypatch.setenv("POWERTOOLS_TRACE_MIDDLEWARES", "true")

    @lambda_handler_decorator
    def audited_middleware(handler: Any, event: Any, context: Any) -> Any:
        return handler(event, context)

    @audited_middleware
    def handler(event: Any, context: Any) -> str:
        return "ok"

    xray_recorder.configure(daemon_address=xray_daemon.address, context_missing="LOG_ERROR", sampling=False)
    xray_recorder.begin_segment("middleware-test")
    try:
        assert handler({}, None) == "ok"
    finally:
        xray_recorder.end_segment()
    xray_daemon.wait_for(1)
    names = [doc.get("name") for doc in xray_daemon.subsegments()]
    # The SDK strips characters X-Ray rejects ("<", ">") from the qualified name.
    assert "## test_trace_execution_records_a_subsegment.locals.audited_middleware" in names
