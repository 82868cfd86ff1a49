"""Running a batch resolver (AppSync ``BatchInvoke``) over the items of one batch event.

Per-item semantics follow upstream: with ``aggregate=False`` an item whose resolver raises
becomes ``None`` in the response (the other items keep their results), unless the resolver
was registered with ``raise_on_error=True``, which fails the whole batch.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from powertools.event_handler.graphql_appsync._registry import ResolverSpec
from powertools.event_handler.graphql_appsync.exceptions import InvalidAppSyncEventError, InvalidBatchResponse

logger = logging.getLogger("powertools.event_handler")

_NOT_A_LIST = "The response must be a List when using batch resolvers"


def arguments_of(event: Mapping[str, Any]) -> Mapping[str, Any]:
    """The GraphQL arguments of one event, or a typed error naming what is wrong."""
    arguments = event.get("arguments")
    if type(arguments) is dict or isinstance(arguments, Mapping):
        return arguments
    if "arguments" not in event:
        raise InvalidAppSyncEventError("AppSync resolver event has no 'arguments'", field="arguments")
    raise InvalidAppSyncEventError(
        f"AppSync resolver event 'arguments' must be an object, got {type(arguments).__name__}", field="arguments"
    )


def run_sync(spec: ResolverSpec, items: Sequence[Any]) -> list[Any]:
    func = spec.func
    if spec.aggregate:
        response = func(event=items)
        if not isinstance(response, list):
            raise InvalidBatchResponse(_NOT_A_LIST)
        return response
    if spec.raise_on_error:
        return [func(event=item, **arguments_of(item)) for item in items]
    results: list[Any] = []
    append = results.append
    for index, item in enumerate(items):
        try:
            append(func(event=item, **arguments_of(item)))
        except Exception:
            logger.debug("Batch item %d of field %r failed; its result is None", index, item.get("info"))
            append(None)
    return results


async def run_async(spec: ResolverSpec, items: Sequence[Any]) -> list[Any]:
    import asyncio  # only async batch resolvers pay for asyncio

    func = spec.func
    if spec.aggregate:
        response = await func(event=items)
        if not isinstance(response, list):
            raise InvalidBatchResponse(_NOT_A_LIST)
        return response

    async def one(item: Any) -> Any:
        return await func(event=item, **arguments_of(item))

    if spec.raise_on_error:
        return list(await asyncio.gather(*(one(item) for item in items)))
    results = await asyncio.gather(*(one(item) for item in items), return_exceptions=True)
    return [None if isinstance(result, Exception) else result for result in results]
