"""Typing for the Lambda context object, and a real one for tests and local runs."""

from __future__ import annotations

import time
import uuid
from typing import Any

__all__ = ["LambdaContext", "LambdaCognitoIdentity", "LambdaClientContext", "LocalLambdaContext"]


class LambdaCognitoIdentity:
    """The Cognito identity of a mobile caller (``context.identity``)."""

    _cognito_identity_id: str | None = None
    _cognito_identity_pool_id: str | None = None

    @property
    def cognito_identity_id(self) -> str | None:
        return self._cognito_identity_id

    @property
    def cognito_identity_pool_id(self) -> str | None:
        return self._cognito_identity_pool_id


class LambdaClientContext:
    """What a mobile SDK caller sent about itself (``context.client_context``)."""

    _client: Any = None
    _custom: dict[str, Any] | None = None
    _env: dict[str, Any] | None = None

    @property
    def client(self) -> Any:
        return self._client

    @property
    def custom(self) -> dict[str, Any] | None:
        return self._custom

    @property
    def env(self) -> dict[str, Any] | None:
        return self._env


class LambdaContext:
    """The context object the Lambda runtime passes to a handler.

    For type hints, and, as upstream's, a plain class tests can instantiate and fill:
    ``ctx = LambdaContext(); ctx._function_name = "orders"``. Unset fields raise
    ``AttributeError`` when read, as upstream's do. ``LocalLambdaContext`` is the ready-made one.
    """

    _function_name: str
    _function_version: str
    _invoked_function_arn: str
    _memory_limit_in_mb: int
    _aws_request_id: str
    _log_group_name: str
    _log_stream_name: str
    _identity: LambdaCognitoIdentity | None
    _client_context: LambdaClientContext | None
    _tenant_id: str | None = None

    @property
    def function_name(self) -> str:
        return self._function_name

    @property
    def function_version(self) -> str:
        return self._function_version

    @property
    def invoked_function_arn(self) -> str:
        return self._invoked_function_arn

    @property
    def memory_limit_in_mb(self) -> int:
        return self._memory_limit_in_mb

    @property
    def aws_request_id(self) -> str:
        return self._aws_request_id

    @property
    def log_group_name(self) -> str:
        return self._log_group_name

    @property
    def log_stream_name(self) -> str:
        return self._log_stream_name

    @property
    def identity(self) -> LambdaCognitoIdentity | None:
        return self._identity

    @property
    def client_context(self) -> LambdaClientContext | None:
        return self._client_context

    @property
    def tenant_id(self) -> str | None:
        return self._tenant_id

    def get_remaining_time_in_millis(self) -> int:
        """0, as upstream's plain context; the runtime's and ``LocalLambdaContext`` count down."""
        return 0


class LocalLambdaContext(LambdaContext):
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
        self._function_name = function_name
        self._function_version = function_version
        self._memory_limit_in_mb = memory_limit_in_mb
        self._aws_request_id = aws_request_id or str(uuid.uuid4())
        self._invoked_function_arn = f"arn:aws:lambda:{region}:{account_id}:function:{function_name}"
        self._log_group_name = f"/aws/lambda/{function_name}"
        day = time.strftime("%Y/%m/%d", time.gmtime())
        self._log_stream_name = f"{day}/[{function_version}]{uuid.uuid4().hex}"
        self._identity = identity
        self._client_context = client_context
        self._tenant_id = tenant_id
        self._deadline = time.monotonic() + timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))

    def __repr__(self) -> str:
        return f"LocalLambdaContext(function_name={self.function_name!r}, aws_request_id={self.aws_request_id!r})"
