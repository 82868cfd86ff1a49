"""``Router``: resolvers registered in another module, merged with ``app.include_router(router)``.

The event being resolved lives on the ``Router`` class, so every router (and the app)
reads the same ``current_event``, ``current_batch_event`` and ``lambda_context``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from powertools.event_handler.graphql_appsync._registry import ANY_TYPE, ResolverRegistry

if TYPE_CHECKING:
    from powertools.common.events.appsync import AppSyncResolverEvent
    from powertools.common.typing import LambdaContext

__all__ = ["Router"]


class Router:
    """GraphQL field resolvers without the ``resolve()`` entry point."""

    current_event: AppSyncResolverEvent | Any = None
    current_batch_event: list[AppSyncResolverEvent] | list[Any] = []  # noqa: RUF012  # shared, as upstream
    lambda_context: LambdaContext | Any = None

    def __init__(self) -> None:
        # Before any event: users may append_context() at import time.
        self.context: dict[str, Any] = {}
        self._resolver_registry = ResolverRegistry()
        self._batch_resolver_registry = ResolverRegistry()
        self._async_batch_resolver_registry = ResolverRegistry()

    def resolver(self, type_name: str = ANY_TYPE, field_name: str | None = None) -> Callable[..., Any]:
        """Register a function for ``type_name.field_name``; GraphQL arguments arrive as keyword arguments.

        ``type_name="*"`` (the default) serves the field on any type not registered by name.
        """
        return self._resolver_registry.register(type_name=type_name, field_name=field_name)

    def batch_resolver(
        self,
        type_name: str = ANY_TYPE,
        field_name: str | None = None,
        raise_on_error: bool = False,
        aggregate: bool = True,
    ) -> Callable[..., Any]:
        """Register a function for a batch (AppSync BatchInvoke) of ``type_name.field_name`` events.

        ``aggregate=True``: called once as ``func(event=[events])`` and must return a list.
        ``aggregate=False``: called per item as ``func(event=item, **item.arguments)``; an item
        that raises becomes ``None`` unless ``raise_on_error=True``, which fails the batch.
        """
        return self._batch_resolver_registry.register(type_name, field_name, raise_on_error, aggregate)

    def async_batch_resolver(
        self,
        type_name: str = ANY_TYPE,
        field_name: str | None = None,
        raise_on_error: bool = False,
        aggregate: bool = True,
    ) -> Callable[..., Any]:
        """Like ``batch_resolver`` for a coroutine function; items run concurrently with ``asyncio.gather``."""
        return self._async_batch_resolver_registry.register(type_name, field_name, raise_on_error, aggregate)

    def append_context(self, **additional_context: Any) -> None:
        """Share key=value data with every resolver until the end of this invocation."""
        self.context.update(additional_context)

    def clear_context(self) -> None:
        """Forget what ``append_context`` added."""
        self.context.clear()
