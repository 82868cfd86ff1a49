"""``Router`` for AppSync Events handlers registered in another module (``app.include_router``)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from powertools.common.warnings import PowertoolsUserWarning
from powertools.event_handler.events_appsync._paths import DEFAULT_ROUTE, HandlerSpec, PathRegistry, is_valid_path

if TYPE_CHECKING:
    from powertools.common.typing import LambdaContext
    from powertools.event_handler.events_appsync.event import AppSyncResolverEventsEvent

__all__ = ["Router"]

F = TypeVar("F", bound=Callable[..., Any])


class Router:
    """Publish and subscribe handlers by channel path, without the ``resolve()`` entry point.

    ``current_event`` and ``lambda_context`` live on this class, so every router sees the
    event the app is resolving.
    """

    current_event: AppSyncResolverEventsEvent | Any = None
    lambda_context: LambdaContext | Any = None

    def __init__(self) -> None:
        self.context: dict[str, Any] = {}
        self._publish_registry = PathRegistry("on_publish")
        self._async_publish_registry = PathRegistry("async_on_publish")
        self._subscribe_registry = PathRegistry("on_subscribe")

    def on_publish(self, path: str = DEFAULT_ROUTE, aggregate: bool = False) -> Callable[[F], F]:
        """Handle events published to ``path`` (``/namespace/channel``, ``/namespace/*`` or ``/*``).

        Per event (default): ``func(payload=event["payload"])``, its return value becomes that
        event's new payload and an exception becomes that event's ``error``.
        ``aggregate=True``: ``func(payload=[events])`` once, returning the list of events to keep.
        """
        return _register(self._publish_registry, path, aggregate)

    def async_on_publish(self, path: str = DEFAULT_ROUTE, aggregate: bool = False) -> Callable[[F], F]:
        """Like ``on_publish`` for a coroutine function; per-event calls run concurrently."""
        return _register(self._async_publish_registry, path, aggregate)

    def on_subscribe(self, path: str = DEFAULT_ROUTE) -> Callable[[F], F]:
        """Run ``func()`` when a client subscribes to ``path``; raise ``UnauthorizedException`` to refuse."""
        return _register(self._subscribe_registry, path, False)

    def append_context(self, **additional_context: Any) -> None:
        """Share key=value data with every handler until the end of this invocation."""
        self.context.update(additional_context)

    def clear_context(self) -> None:
        """Forget what ``append_context`` added."""
        self.context.clear()


def _register(registry: PathRegistry, path: str, aggregate: bool) -> Callable[[F], F]:
    def register(func: F) -> F:
        if not is_valid_path(path):
            # Upstream warns and skips the registration; the function itself stays usable here.
            warnings.warn(
                f"The path `{path}` registered for `{registry.kind}` is not valid and will be skipped. "
                "A path should always have a namespace starting with '/'. "
                "A path can have multiple namespaces, all separated by '/'. "
                "Wildcards are allowed only at the end of the path.",
                stacklevel=2,
                category=PowertoolsUserWarning,
            )
            return func
        registry.add(path, HandlerSpec(func, aggregate))
        return func

    return register
