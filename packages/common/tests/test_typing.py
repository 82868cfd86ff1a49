import time

import pytest

from powertools.common.typing import LambdaContext, LocalLambdaContext


def test_local_context_looks_like_the_runtime_one() -> None:
    ctx = LocalLambdaContext(function_name="orders", memory_limit_in_mb=256, aws_request_id="req-1")
    assert isinstance(ctx, LambdaContext)
    assert ctx.invoked_function_arn == "arn:aws:lambda:us-east-1:123456789012:function:orders"
    assert ctx.log_group_name == "/aws/lambda/orders"
    assert ctx.memory_limit_in_mb == 256
    assert ctx.aws_request_id == "req-1"
    assert ctx.function_version == "$LATEST"


def test_remaining_time_counts_down_from_the_timeout() -> None:
    ctx = LocalLambdaContext(timeout_seconds=0.2)
    first = ctx.get_remaining_time_in_millis()
    assert 0 < first <= 200
    time.sleep(0.25)
    assert ctx.get_remaining_time_in_millis() == 0


def test_request_ids_are_unique_by_default() -> None:
    assert LocalLambdaContext().aws_request_id != LocalLambdaContext().aws_request_id


def test_plain_context_is_filled_like_upstreams() -> None:
    from powertools.common.typing import LambdaClientContext, LambdaCognitoIdentity

    ctx = LambdaContext()
    ctx._function_name = "orders"
    ctx._memory_limit_in_mb = 512
    ctx._invoked_function_arn = "arn:aws:lambda:eu-west-1:111122223333:function:orders"
    ctx._aws_request_id = "req-9"
    assert (ctx.function_name, ctx.memory_limit_in_mb, ctx.aws_request_id) == ("orders", 512, "req-9")
    assert ctx.invoked_function_arn.endswith(":function:orders")
    assert ctx.get_remaining_time_in_millis() == 0
    assert ctx.tenant_id is None
    # A field nobody set is an AttributeError naming it, as upstream.
    with pytest.raises(AttributeError, match="_log_group_name"):
        ctx.log_group_name  # noqa: B018
    identity = LambdaCognitoIdentity()
    assert (identity.cognito_identity_id, identity.cognito_identity_pool_id) == (None, None)
    client = LambdaClientContext()
    client._custom = {"tier": "gold"}
    assert (client.client, client.custom, client.env) == (None, {"tier": "gold"}, None)


def test_local_context_fields_are_read_only_like_the_runtimes() -> None:
    ctx = LocalLambdaContext(function_name="orders", tenant_id="t-1")
    assert ctx.tenant_id == "t-1"
    with pytest.raises(AttributeError):
        ctx.function_name = "other"  # type: ignore[misc]
    assert ctx.function_name == "orders"
