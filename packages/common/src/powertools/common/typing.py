"""Typing for the Lambda context object, and a real one for tests and local runs."""

from __future__ import annotations

import time
import uuid
from typing import Any, Protocol, runtime_checkable

__all__ = ["LambdaContext", "LambdaCognitoIdentity", "LambdaClientContext", "LocalLambdaContext"]


@runtime_checkable
class LambdaCognitoIdentity(Protocol):
    @property
    def cognito_identity_id(self) -> str | None: ...
    @property
    def cognito_identity_pool_id(self) -> str | None: ...


@runtime_checkable
class LambdaClientContext(Protocol):
    @property
    def client(self) -> Any: ...
    @property
    def custom(self) -> dict[str, Any] | None: ...
    @property
    def env(self) -> dict[str, Any] | None: ...


@runtime_checkable
class LambdaContext(Protocol):
    """The context object the Lambda runtime passes to a handler (for type hints)."""

    @property
    def function_name(self) -> str: ...
    @property
    def function_version(self) -> str: ...
    @property
    def invoked_function_arn(self) -> str: ...
    @property
    def memory_limit_in_mb(self) -> int: ...
    @property
    def aws_request_id(self) -> str: ...
    @property
    def log_group_name(self) -> str: ...
    @property
    def log_stream_name(self) -> str: ...
    @property
    def identity(self) -> LambdaCognitoIdentity | None: ...
    @property
    def client_context(self) -> LambdaClientContext | None: ...
    def get_remaining_time_in_millis(self) -> int: ...


class LocalLambdaContext:
    """A working Lambda context for tests, scripts and local runs.

    The remaining time counts down from ``timeout_seconds`` starting at construction,
    like the runtime's deadline does.
    """

    def __init__(
        self,
        function_name: str = "test-function",
        function_version: str = "$LATEST",
        memory_limit_in_mb: int = 128,
        timeout_seconds: float = 30,
        aws_request_id: str | None = None,
        region: str = "us-east-1",
        account_id: str = "123456789012",
        identity: LambdaCognitoIdentity | None = None,
        client_context: LambdaClientContext | None = None,
        tenant_id: str | None = None,
    ) -> None:
        self.function_name = function_name
        self.function_version = function_version
        self.memory_limit_in_mb = memory_limit_in_mb
        self.aws_request_id = aws_request_id or str(uuid.uuid4())
        self.invoked_function_arn = f"arn:aws:lambda:{region}:{account_id}:function:{function_name}"
        self.log_group_name = f"/aws/lambda/{function_name}"
        day = time.strftime("%Y/%m/%d", time.gmtime())
        self.log_stream_name = f"{day}/[{function_version}]{uuid.uuid4().hex}"
        self.identity = identity
        self.client_context = client_context
        self.tenant_id = tenant_id
        self._deadline = time.monotonic() + timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))

    def __repr__(self) -> str:
        return f"LocalLambdaContext(function_name={self.function_name!r}, aws_request_id={self.aws_request_id!r})"
