"""AppSync Events: route publish and subscribe requests to handlers by channel path.

    from powertools.event_handler import AppSyncEventsResolver

    app = AppSyncEventsResolver()

    @app.on_publish("/chat/*")
    def moderate(payload: dict) -> dict:
        return {**payload, "text": payload["text"].strip()}

    def lambda_handler(event, context):
        return app.resolve(event, context)

Response shapes (upstream's): publish ``{"events": [{"id", "payload"} | {"id", "error"}]}``
or ``{"error": "..."}`` when an aggregate handler fails; subscribe ``None`` or ``{"error": "..."}``.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.warnings import PowertoolsUserWarning
from powertools.event_handler.events_appsync._paths import HandlerSpec
from powertools.event_handler.events_appsync.event import AppSyncResolverEventsEvent
from powertools.event_handler.events_appsync.exceptions import InvalidAppSyncEventsEventError, UnauthorizedException
from powertools.event_handler.events_appsync.router import Router

if TYPE_CHECKING:
    from powertools.common.typing import LambdaContext

__all__ = ["AppSyncEventsResolver"]

_NOT_A_LIST = "Response must be a list when using aggregate, AppSync will drop those events."


def format_error(error: BaseException) -> str:
    """How a handler's exception reads in the response: ``"<ExceptionClass> - <message>"``."""
    return f"{type(error).__name__} - {error}"


class AppSyncEventsResolver(Router):
    """Routes AppSync Events publish and subscribe requests to the handlers registered for each channel."""

    def __call__(self, event: Mapping[str, Any], context: LambdaContext) -> Any:
        """Use the app itself as the Lambda handler: ``lambda_handler = app``."""
        return self.resolve(event, context)

    def resolve(self, event: Mapping[str, Any], context: LambdaContext) -> Any:
        """The response AppSync expects for this publish or subscribe request."""
        current = self._setup(event, context)
        try:
            info = current.raw_event.get("info")
            info = info if isinstance(info, Mapping) else {}
            operation, channel = info.get("operation"), info.get("channel")
            path = channel.get("path") if operation and isinstance(channel, Mapping) else None
            if not isinstance(path, str):
                raise InvalidAppSyncEventsEventError(
                    "AppSync Events event has no 'info.operation' and 'info.channel.path'", field="info.channel.path"
                )
            if operation == "PUBLISH":
                return self._publish(path, current)
            return self._subscribe(path)
        finally:
            self.clear_context()

    def include_router(self, router: Router) -> None:
        """Add a router's handlers (a later registration of the same path wins) and share its context."""
        self.context.update(router.context)
        router.context = self.context
        self._publish_registry.merge(router._publish_registry)
        self._async_publish_registry.merge(router._async_publish_registry)
        self._subscribe_registry.merge(router._subscribe_registry)

    def _setup(self, event: Mapping[str, Any], context: LambdaContext) -> AppSyncResolverEventsEvent:
        if isinstance(event, AppSyncResolverEventsEvent):
            current = event
        else:
            # Also accepts powertools.data_classes' event class: same fields, another class.
            current = AppSyncResolverEventsEvent(event.raw_event if isinstance(event, DictWrapper) else event)
        self.lambda_context = context
        Router.lambda_context = context
        self.current_event = current
        Router.current_event = current
        return current

    def _subscribe(self, path: str) -> dict[str, str] | None:
        spec = self._subscribe_registry.find(path)
        if spec is None:
            _warn_no_handler("subscribe", path)
            return None
        try:
            spec.func()
        except UnauthorizedException:
            raise
        except Exception as error:
            return {"error": format_error(error)}
        return None  # AppSync expects nothing back from an accepted subscription

    def _publish(self, path: str, current: AppSyncResolverEventsEvent) -> dict[str, Any]:
        events = current.events
        if not isinstance(events, list) or not all(isinstance(event, Mapping) for event in events):
            raise InvalidAppSyncEventsEventError("AppSync Events 'events' must be a list of objects", field="events")
        spec = self._publish_registry.find(path)
        async_spec = self._async_publish_registry.find(path)
        if spec is not None:
            if async_spec is not None:
                warnings.warn(
                    "Both synchronous and asynchronous resolvers found for the same event and field."
                    f"The synchronous resolver takes precedence. Executing: {spec.func.__name__}",
                    stacklevel=3,
                    category=PowertoolsUserWarning,
                )
            return _publish_sync(spec, events)
        if async_spec is not None:
            import asyncio  # only async handlers pay for asyncio

            return asyncio.run(_publish_async(async_spec, events))
        _warn_no_handler("publish", path, ". We will return the entire payload as is")
        return {"events": events}


def _aggregate_response(response: Any) -> dict[str, Any]:
    if not isinstance(response, list):
        warnings.warn(_NOT_A_LIST, stacklevel=4, category=PowertoolsUserWarning)
    return {"events": response}


def _publish_sync(spec: HandlerSpec, events: list[dict[str, Any]]) -> dict[str, Any]:
    func = spec.func
    if spec.aggregate:
        try:
            return _aggregate_response(func(payload=events))
        except UnauthorizedException:
            raise
        except Exception as error:
            return {"error": format_error(error)}
    results: list[dict[str, Any]] = []
    for event in events:
        # Each event answers for itself: one failure never drops the others.
        try:
            results.append({"id": event.get("id"), "payload": func(payload=event.get("payload"))})
        except Exception as error:
            results.append({"id": event.get("id"), "error": format_error(error)})
    return {"events": results}


async def _publish_async(spec: HandlerSpec, events: list[dict[str, Any]]) -> dict[str, Any]:
    import asyncio

    func = spec.func
    if spec.aggregate:
        try:
            return _aggregate_response(await func(payload=events))
        except UnauthorizedException:
            raise
        except Exception as error:
            return {"error": format_error(error)}
    results = await asyncio.gather(*(func(payload=event.get("payload")) for event in events), return_exceptions=True)
    return {
        "events": [
            {"id": event.get("id"), "error": format_error(result)}
            if isinstance(result, Exception)
            else {"id": event.get("id"), "payload": result}
            for event, result in zip(events, results, strict=True)
        ]
    }


def _warn_no_handler(operation: str, path: str, suffix: str = "") -> None:
    warnings.warn(
        f"No resolvers were found for {operation} operations with path {path}{suffix}",
        stacklevel=4,
        category=PowertoolsUserWarning,
    )
