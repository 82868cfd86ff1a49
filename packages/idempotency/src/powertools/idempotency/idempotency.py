"""``@idempotent`` for Lambda handlers and ``@idempotent_function`` for any function."""

from __future__ import annotations

import functools
import os
import warnings
from typing import Any

from powertools.common.middleware import lambda_handler_decorator
from powertools.idempotency.base import IdempotencyHandler
from powertools.idempotency.config import IdempotencyConfig
from powertools.idempotency.serialization.base import BaseIdempotencyModelSerializer, BaseIdempotencySerializer

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from powertools.common.typing import LambdaContext
    from powertools.idempotency.persistence.base import BasePersistenceLayer

__all__ = ["IdempotencyConfig", "idempotent", "idempotent_function"]

DISABLED_ENV = "POWERTOOLS_IDEMPOTENCY_DISABLED"


def _disabled() -> bool:
    if not os.environ.get(DISABLED_ENV):  # read per call, as upstream: tests toggle it
        return False
    from powertools.common.config import env_bool

    if not env_bool(DISABLED_ENV):
        return False
    from powertools.common.warnings import PowertoolsUserWarning

    warnings.warn(
        "Disabling idempotency is intended for development environments only and should not be used in production.",
        category=PowertoolsUserWarning,
        stacklevel=3,
    )
    return True


@lambda_handler_decorator
def idempotent(
    handler: Callable[..., Any],
    event: dict[str, Any],
    context: LambdaContext,
    persistence_store: BasePersistenceLayer,
    config: IdempotencyConfig | None = None,
    key_prefix: str | None = None,
    **kwargs: Any,
) -> Any:
    """Run the handler once per distinct event (or ``event_key_jmespath`` of it); repeats get the stored response."""
    if _disabled():
        return handler(event, context, **kwargs)
    config = config or IdempotencyConfig()
    config.register_lambda_context(context)
    return IdempotencyHandler(
        function=handler,
        function_payload=event,
        config=config,
        persistence_store=persistence_store,
        key_prefix=key_prefix,
        function_args=(event, context),
        function_kwargs=kwargs,
    ).handle()


def idempotent_function(
    function: Callable[..., Any] | None = None,
    *,
    data_keyword_argument: str,
    persistence_store: BasePersistenceLayer,
    config: IdempotencyConfig | None = None,
    output_serializer: BaseIdempotencySerializer | type[BaseIdempotencyModelSerializer] | None = None,
    key_prefix: str | None = None,
    **kwargs: Any,
) -> Any:
    """Make any function idempotent on its ``data_keyword_argument`` (which callers must pass by keyword)."""
    if function is None:
        return functools.partial(
            idempotent_function,
            data_keyword_argument=data_keyword_argument,
            persistence_store=persistence_store,
            config=config,
            output_serializer=output_serializer,
            key_prefix=key_prefix,
            **kwargs,
        )
    if isinstance(output_serializer, type) and issubclass(output_serializer, BaseIdempotencyModelSerializer):
        from powertools.idempotency.serialization.functions import return_annotation

        output_serializer = output_serializer.instantiate(return_annotation(function))
    settings = config or IdempotencyConfig()

    def handler_for(call_kwargs: dict[str, Any], args: tuple[Any, ...]) -> IdempotencyHandler:
        if data_keyword_argument not in call_kwargs:
            raise RuntimeError(
                f"Unable to extract '{data_keyword_argument}' from keyword arguments."
                " Ensure this exists in your function's signature as well as the caller used it as a keyword argument"
            )
        return IdempotencyHandler(
            function=function,
            function_payload=call_kwargs[data_keyword_argument],
            config=settings,
            persistence_store=persistence_store,
            output_serializer=output_serializer,
            key_prefix=key_prefix,
            function_args=args,
            function_kwargs=call_kwargs,
        )

    import inspect

    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def decorate_async(*args: Any, **call_kwargs: Any) -> Any:
            if _disabled():
                return await function(*args, **call_kwargs)
            return await handler_for(call_kwargs, args).handle_async()

        return decorate_async

    @functools.wraps(function)
    def decorate(*args: Any, **call_kwargs: Any) -> Any:
        if _disabled():
            return function(*args, **call_kwargs)
        return handler_for(call_kwargs, args).handle()

    return decorate
