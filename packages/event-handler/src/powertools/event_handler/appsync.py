"""AppSync GraphQL direct Lambda resolvers.

    from powertools.event_handler import AppSyncResolver

    app = AppSyncResolver()

    @app.resolver(type_name="Query", field_name="getTodo")
    def get_todo(id: str) -> dict:
        return {"id": id, "title": "write tests"}

    def lambda_handler(event, context):
        return app.resolve(event, context)

A single event routes by one dict lookup on ``(info.parentTypeName, info.fieldName)``,
then ``("*", fieldName)``; a list of events (``BatchInvoke``) goes to the batch resolvers.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Coroutine, Mapping
from typing import TYPE_CHECKING, Any

from powertools.common.events.appsync import AppSyncResolverEvent
from powertools.common.warnings import PowertoolsUserWarning
from powertools.event_handler.graphql_appsync import batch
from powertools.event_handler.graphql_appsync.exceptions import (
    InvalidAppSyncEventError,
    InvalidBatchResponse,
    ResolverNotFoundError,
)
from powertools.event_handler.graphql_appsync.router import Router

if TYPE_CHECKING:
    from powertools.common.typing import LambdaContext

__all__ = ["AppSyncResolver", "InvalidAppSyncEventError", "InvalidBatchResponse", "ResolverNotFoundError", "Router"]

ExceptionTypes = type[Exception] | list[type[Exception]]


def route_of(event: Mapping[str, Any]) -> tuple[str | None, str]:
    """``(type name, field name)`` from ``info``, or from the top level as Amplify's ``@function`` sends them."""
    info = event.get("info")
    if info is None:
        type_name, field_name = event.get("typeName"), event.get("fieldName")
        type_field = "typeName"
    elif type(info) is dict or isinstance(info, Mapping):
        type_name, field_name = info.get("parentTypeName"), info.get("fieldName")
        type_field = "info.parentTypeName"
    else:
        raise InvalidAppSyncEventError(
            f"AppSync resolver event 'info' must be an object, got {type(info).__name__}", field="info"
        )
    if not isinstance(field_name, str):
        raise InvalidAppSyncEventError(
            "AppSync resolver event has no 'info.fieldName' (nor a top-level 'fieldName' as Amplify sends)",
            field="info.fieldName",
        )
    if type_name is not None and not isinstance(type_name, str):
        # A list or object would reach the resolver lookup as an unhashable dict key.
        raise InvalidAppSyncEventError(
            f"AppSync resolver event '{type_field}' must be a string, got {type(type_name).__name__}",
            field=type_field,
        )
    return type_name, field_name


class AppSyncResolver(Router):
    """Routes AppSync GraphQL events (single and batch) to the functions registered for each field."""

    def __init__(self) -> None:
        super().__init__()
        self._exception_handlers: dict[type[BaseException], Callable[[Any], Any]] = {}

    def __call__(
        self,
        event: Mapping[str, Any] | list[Mapping[str, Any]],
        context: LambdaContext,
        data_model: type[AppSyncResolverEvent] = AppSyncResolverEvent,
    ) -> Any:
        """Use the app itself as the Lambda handler: ``lambda_handler = app``."""
        return self.resolve(event, context, data_model)

    def resolve(
        self,
        event: Mapping[str, Any] | list[Mapping[str, Any]],
        context: LambdaContext,
        data_model: type[AppSyncResolverEvent] = AppSyncResolverEvent,
    ) -> Any:
        """The resolver's return value (a list for a batch).

        An ``async def`` single resolver makes this return its coroutine: run it with
        ``asyncio.run(app.resolve(event, context))``, as upstream documents. ``data_model``
        is the event class ``current_event`` is built with (a subclass of ``AppSyncResolverEvent``).
        """
        self.lambda_context = context
        Router.lambda_context = context
        try:
            if isinstance(event, list):
                response: Any = self._resolve_batch(event, data_model)
            else:
                response = self._resolve_single(event, data_model)
        except Exception as error:
            handler = self._lookup_exception_handler(type(error))
            if handler is None:
                self.clear_context()
                raise
            response = handler(error)
        # A coroutine still runs the resolver later: it needs the context until then.
        if not isinstance(response, Coroutine):
            self.clear_context()
        return response

    def _resolve_single(self, event: Mapping[str, Any], data_model: type[AppSyncResolverEvent]) -> Any:
        current = data_model(event)
        self.current_event = current
        Router.current_event = current
        type_name, field_name = route_of(event)
        spec = self._resolver_registry.find_resolver(type_name, field_name)
        if spec is None:
            raise ResolverNotFoundError(type_name, field_name)
        return spec.func(**batch.arguments_of(event))

    def _resolve_batch(self, events: list[Mapping[str, Any]], data_model: type[AppSyncResolverEvent]) -> list[Any]:
        items = [data_model(item) for item in events]
        self.current_batch_event = items
        Router.current_batch_event = items
        if not items:
            raise InvalidAppSyncEventError("AppSync batch event is an empty list: no field to resolve")
        type_name, field_name = route_of(events[0])
        spec = self._batch_resolver_registry.find_resolver(type_name, field_name)
        async_spec = self._async_batch_resolver_registry.find_resolver(type_name, field_name)
        if spec is not None:
            if async_spec is not None:
                warnings.warn(
                    "Both synchronous and asynchronous resolvers found for the same event and field."
                    f"The synchronous resolver takes precedence. Executing: {spec.func.__name__}",
                    stacklevel=3,
                    category=PowertoolsUserWarning,
                )
            return batch.run_sync(spec, items)
        if async_spec is not None:
            import asyncio  # only async batch resolvers pay for asyncio

            return asyncio.run(batch.run_async(async_spec, items))
        raise ResolverNotFoundError(type_name, field_name)

    def include_router(self, router: Router) -> None:
        """Add a router's resolvers (a later registration of the same field wins) and share its context."""
        self.context.update(router.context)
        router.context = self.context
        self._resolver_registry.merge(router._resolver_registry)
        self._batch_resolver_registry.merge(router._batch_resolver_registry)
        self._async_batch_resolver_registry.merge(router._async_batch_resolver_registry)

    def exception_handler(self, exc_class: ExceptionTypes) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
        """Register ``func(error)`` for these exception types; what it returns becomes the response."""

        def register(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
            for cls in exc_class if isinstance(exc_class, list) else [exc_class]:
                self._exception_handlers[cls] = func
            return func

        return register

    def _lookup_exception_handler(self, error_type: type[BaseException]) -> Callable[[Any], Any] | None:
        handlers = self._exception_handlers
        if handlers:
            for cls in error_type.__mro__:
                handler = handlers.get(cls)
                if handler is not None:
                    return handler
        return None
