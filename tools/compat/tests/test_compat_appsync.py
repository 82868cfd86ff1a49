"""AppSync GraphQL and AppSync Events: the same resolvers return the same responses under upstream and ours."""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import pytest

from powertools_testing.events import load_event
from tools.compat.harness import FLAVOURS, Flavour, SimpleLambdaContext


def _graphql_app(pt: Flavour) -> Any:
    app = pt.event_handler.AppSyncResolver()

    @app.resolver(type_name="TodoList", field_name="todo")
    def todo(id: str, includeComments: bool = False) -> dict[str, Any]:
        return {"id": id, "comments": includeComments, "source": app.current_event.source}

    @app.resolver(field_name="echo")
    def echo(msg: str) -> str:
        return msg

    @app.batch_resolver(type_name="Post", field_name="author", aggregate=False)
    def author(event: Any, n: int) -> str:
        if n == 1:
            raise RuntimeError("boom")
        return event.source["authorId"]

    @app.async_batch_resolver(type_name="Post", field_name="title", aggregate=False)
    async def title(event: Any, n: int) -> str:
        if n == 2:
            raise RuntimeError("late")
        return event.source["title"]

    @app.batch_resolver(type_name="Post", field_name="all")
    def all_posts(event: list[Any]) -> list[str]:
        return [item.source["id"] for item in event]

    return app


def _batch(field: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = load_event("appsync_resolver_batch")
    for index, event in enumerate(events):
        event["arguments"] = {"n": index}
        event["info"]["fieldName"] = field
    return events


@pytest.mark.parametrize("case", ["single", "any_type", "batch", "async_batch", "aggregate"])
def test_graphql_same_response(case: str) -> None:
    responses = {}
    for flavour in FLAVOURS:
        app = _graphql_app(flavour)
        if case == "single":
            event: Any = load_event("appsync_resolver")
        elif case == "any_type":
            event = {"info": {"parentTypeName": "Mutation", "fieldName": "echo"}, "arguments": {"msg": "hi"}}
        else:
            event = _batch({"batch": "author", "async_batch": "title", "aggregate": "all"}[case])
        responses[flavour.name] = app.resolve(event, SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]


def test_graphql_async_single_resolver() -> None:
    responses = {}
    for flavour in FLAVOURS:
        app = flavour.event_handler.AppSyncResolver()

        @app.resolver(type_name="TodoList", field_name="todo")
        async def todo(id: str, includeComments: bool) -> str:
            return id

        responses[flavour.name] = asyncio.run(app.resolve(load_event("appsync_resolver"), SimpleLambdaContext()))
    assert responses["ours"] == responses["upstream"] == "todo-1"


def test_graphql_not_found_documented_difference() -> None:
    # Upstream raises a bare ValueError; ours a ResolverNotFoundError, which is a ValueError (README).
    messages = {}
    for flavour in FLAVOURS:
        with pytest.raises(ValueError) as caught:
            flavour.event_handler.AppSyncResolver().resolve(load_event("appsync_resolver"), SimpleLambdaContext())
        messages[flavour.name] = str(caught.value)
    assert messages["ours"] == messages["upstream"] == "No resolver found for 'TodoList.todo'"


def _events_app(pt: Flavour) -> Any:
    app = pt.event_handler.AppSyncEventsResolver()

    @app.on_publish("/chat/*")
    def shout(payload: dict[str, Any]) -> str:
        if not payload["text"]:
            raise ValueError("empty")
        return payload["text"].upper()

    @app.on_publish("/chat/rooms/*", aggregate=True)
    def rooms(payload: list[dict[str, Any]]) -> list[Any]:
        return [{"id": e["id"], "payload": "room"} for e in payload]

    @app.async_on_publish("/async/*")
    async def reverse(payload: dict[str, Any]) -> str:
        if payload["author"] == "bot":
            raise PermissionError("no bots")
        return payload["text"][::-1]

    @app.on_subscribe("/chat/*")
    def subscribe() -> None:
        raise KeyError("room")

    return app


@pytest.mark.parametrize(
    ("operation", "path"),
    [
        ("PUBLISH", "/chat/rooms/general"),
        ("PUBLISH", "/chat/dm"),
        ("PUBLISH", "/async/x"),
        ("PUBLISH", "/nowhere/x"),
        ("SUBSCRIBE", "/chat/rooms/general"),
        ("SUBSCRIBE", "/nowhere/x"),
    ],
)
def test_events_same_response(operation: str, path: str) -> None:
    responses = {}
    for flavour in FLAVOURS:
        event = load_event("appsync_events_publish" if operation == "PUBLISH" else "appsync_events_subscribe")
        event["info"]["channel"]["path"] = path
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            responses[flavour.name] = _events_app(flavour).resolve(event, SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]
