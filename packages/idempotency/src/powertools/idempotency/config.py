"""``IdempotencyConfig``: what identifies a request, and for how long its result is kept."""

from __future__ import annotations

from typing import Any

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from powertools.common.typing import LambdaContext
    from powertools.idempotency.hook import IdempotentHookFunction

__all__ = ["IdempotencyConfig"]


class IdempotencyConfig:
    def __init__(
        self,
        event_key_jmespath: str = "",
        payload_validation_jmespath: str = "",
        jmespath_options: dict[str, Any] | None = None,
        raise_on_no_idempotency_key: bool = False,
        expires_after_seconds: int = 60 * 60,
        use_local_cache: bool = False,
        local_cache_max_items: int = 256,
        hash_function: str = "md5",
        lambda_context: LambdaContext | None = None,
        response_hook: IdempotentHookFunction | None = None,
    ) -> None:
        import hashlib

        from powertools.common.exceptions import ConfigurationError

        if hash_function not in hashlib.algorithms_available:
            raise ConfigurationError(
                "hash_function", hash_function, "a hashlib algorithm name such as 'md5' or 'sha256'"
            )
        if not isinstance(expires_after_seconds, int) or expires_after_seconds <= 0:
            raise ConfigurationError("expires_after_seconds", expires_after_seconds, "a positive number of seconds")
        if not isinstance(local_cache_max_items, int) or local_cache_max_items <= 0:
            raise ConfigurationError("local_cache_max_items", local_cache_max_items, "a positive integer")
        self.event_key_jmespath = event_key_jmespath
        self.payload_validation_jmespath = payload_validation_jmespath
        self.jmespath_options = jmespath_options
        self.raise_on_no_idempotency_key = raise_on_no_idempotency_key
        self.expires_after_seconds = expires_after_seconds
        self.use_local_cache = use_local_cache
        self.local_cache_max_items = local_cache_max_items
        self.hash_function = hash_function
        self.lambda_context = lambda_context
        self.response_hook = response_hook

    def register_lambda_context(self, lambda_context: LambdaContext) -> None:
        """Give the context whose remaining time bounds an in-progress record (``@idempotent`` does it)."""
        self.lambda_context = lambda_context
