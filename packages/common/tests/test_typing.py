import time

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
