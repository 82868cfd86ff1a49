"""AppSyncResolver: single, nested-type, async and batch resolvers, routers, errors."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from powertools.common.events.appsync import AppSyncResolverEvent
from powertools.event_handler import AppSyncResolver, InvalidAppSyncEventError, ResolverNotFoundError
from powertools.event_handler.appsync import Router
from powertools.event_handler.graphql_appsync.exceptions import InvalidBatchResponse


def test_single_field_gets_arguments_and_current_event(load_event: Any, lambda_context: Any) -> None:
    app = AppSyncResolver()

    @app.resolver(type_name="TodoList", field_name="todo")
    def todo(id: str, includeComments: bool = False) -> dict[str, Any]:
        return {"id": id, "comments": includeComments, "owner": app.current_event.source["ownerId"]}

    assert app.resolve(load_event("appsync_resolver"), lambda_context) == {
        "id": "todo-1",
        "comments": True,
        "owner": "u-1001",
    }
    assert app.lambda_context is lambda_context


def test_nested_type_beats_any_type_and_any_type_serves_the_rest(load_event: Any) -> None:
    app = AppSyncResolver()
    app.resolver(field_name="todo")(lambda **kw: "any")
    app.resolver(type_name="TodoList", field_name="todo")(lambda **kw: "exact")
    event = load_event("appsync_resolver")
    assert app.resolve(event, None) == "exact"
    event["info"]["parentTypeName"] = "Query"
    assert app.resolve(event, None) == "any"


def test_unknown_field_raises_typed_error_naming_type_and_field(load_event: Any) -> None:
    app = AppSyncResolver()
    with pytest.raises(ResolverNotFoundError, match=r"No resolver found for 'TodoList.todo'") as caught:
        app.resolve(load_event("appsync_resolver"), None)
    assert (caught.value.type_name, caught.value.field_name) == ("TodoList", "todo")
    assert isinstance(caught.value, ValueError)  # upstream raises ValueError here


def test_missing_info_or_arguments_is_a_typed_error(load_event: Any) -> None:
    app = AppSyncResolver()
    app.resolver(type_name="TodoList", field_name="todo")(lambda **kw: kw)
    no_info = load_event("appsync_resolver")
    del no_info["info"]
    with pytest.raises(InvalidAppSyncEventError, match=r"info\.fieldName"):
        app.resolve(no_info, None)
    no_args = load_event("appsync_resolver")
    del no_args["arguments"]
    with pytest.raises(InvalidAppSyncEventError, match="'arguments'"):
        app.resolve(no_args, None)


@pytest.mark.parametrize("type_name", [[], ["Query"], {"a": 1}, 7])
@pytest.mark.parametrize("batch", [False, True], ids=["single", "batch"])
def test_non_string_parent_type_name_is_a_typed_error(type_name: Any, batch: bool) -> None:
    app = AppSyncResolver()
    app.resolver(field_name="getTodo")(lambda: "todo")
    app.batch_resolver(field_name="getTodo")(lambda event: ["todo" for _ in event])
    event = {"info": {"fieldName": "getTodo", "parentTypeName": type_name}, "arguments": {}}
    with pytest.raises(InvalidAppSyncEventError, match=r"info\.parentTypeName") as raised:
        app.resolve([event] if batch else event, None)  # type: ignore[arg-type]
    assert raised.value.field == "info.parentTypeName"
    amplify = {"typeName": ["Query"], "fieldName": "getTodo", "arguments": {}}
    with pytest.raises(InvalidAppSyncEventError, match="'typeName'"):
        app.resolve([amplify] if batch else amplify, None)  # type: ignore[arg-type]


def test_null_parent_type_name_still_reaches_the_any_type_resolver() -> None:
    app = AppSyncResolver()
    app.resolver(field_name="getTodo")(lambda: "todo")
    assert app.resolve({"info": {"fieldName": "getTodo", "parentTypeName": None}, "arguments": {}}, None) == "todo"


def test_amplify_top_level_type_and_field() -> None:
    app = AppSyncResolver()
    app.resolver(type_name="Query", field_name="echo")(lambda msg: msg)
    assert app.resolve({"typeName": "Query", "fieldName": "echo", "arguments": {"msg": "hi"}}, None) == "hi"


def test_router_context_and_include_router(load_event: Any) -> None:
    app, router = AppSyncResolver(), Router()

    @router.resolver(type_name="TodoList", field_name="todo")
    def todo(id: str, includeComments: bool) -> dict[str, Any]:
        return {"id": id, "user": router.context["user"], "src": router.current_event.source["id"]}

    app.include_router(router)
    app.append_context(user="jdoe")
    assert app.resolve(load_event("appsync_resolver"), None) == {"id": "todo-1", "user": "jdoe", "src": "list-7"}
    assert app.context == {}  # cleared after the invocation
    assert router.context == {}


def test_exception_handler_answers_and_custom_data_model(load_event: Any) -> None:
    class MyEvent(AppSyncResolverEvent):
        @property
        def country(self) -> str:
            return self.request_headers.get("cloudfront-viewer-country", "")

    app = AppSyncResolver()

    @app.resolver(type_name="TodoList", field_name="todo")
    def todo(**kwargs: Any) -> Any:
        raise LookupError(app.current_event.country)

    @app.exception_handler([KeyError, LookupError])
    def handle(error: Exception) -> dict[str, str]:
        return {"error": type(error).__name__, "message": str(error)}

    assert app.resolve(load_event("appsync_resolver"), None, data_model=MyEvent) == {
        "error": "LookupError",
        "message": "US",
    }


def test_async_single_resolver_returns_a_coroutine(load_event: Any) -> None:
    app = AppSyncResolver()

    @app.resolver(type_name="TodoList", field_name="todo")
    async def todo(id: str, includeComments: bool) -> str:
        await asyncio.sleep(0)
        return id

    assert asyncio.run(app.resolve(load_event("appsync_resolver"), None)) == "todo-1"


def _batch(load_event: Any) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = load_event("appsync_resolver_batch")
    for index, event in enumerate(events):
        event["arguments"] = {"n": index}
    return events


@pytest.mark.parametrize("raise_on_error", [False, True])
def test_batch_per_item_errors(load_event: Any, raise_on_error: bool) -> None:
    app = AppSyncResolver()

    @app.batch_resolver(type_name="Post", field_name="author", aggregate=False, raise_on_error=raise_on_error)
    def author(event: AppSyncResolverEvent, n: int) -> str:
        if n == 1:
            raise RuntimeError("boom")
        return event.source["authorId"]

    if raise_on_error:
        with pytest.raises(RuntimeError, match="boom"):
            app.resolve(_batch(load_event), None)
    else:
        assert app.resolve(_batch(load_event), None) == ["u-1001", None, "u-1003"]


def test_batch_aggregate_gets_all_items_and_must_return_a_list(load_event: Any) -> None:
    app = AppSyncResolver()

    @app.batch_resolver(type_name="Post", field_name="author")
    def authors(event: list[AppSyncResolverEvent]) -> Any:
        return [item.source["authorId"] for item in event]

    assert app.resolve(_batch(load_event), None) == ["u-1001", "u-1002", "u-1003"]
    assert [e.source["id"] for e in app.current_batch_event] == ["post-1", "post-2", "post-3"]
    app.batch_resolver(type_name="Post", field_name="author")(lambda event: {"not": "a list"})
    with pytest.raises(InvalidBatchResponse):
        app.resolve(_batch(load_event), None)


@pytest.mark.parametrize("raise_on_error", [False, True])
def test_async_batch(load_event: Any, raise_on_error: bool) -> None:
    app = AppSyncResolver()

    @app.async_batch_resolver(type_name="Post", field_name="author", aggregate=False, raise_on_error=raise_on_error)
    async def author(event: AppSyncResolverEvent, n: int) -> str:
        if n == 2:
            raise RuntimeError("late")
        return event.source["id"]

    if raise_on_error:
        with pytest.raises(RuntimeError, match="late"):
            app.resolve(_batch(load_event), None)
    else:
        assert app.resolve(_batch(load_event), None) == ["post-1", "post-2", None]


def test_async_batch_aggregate_and_missing_batch_resolver(load_event: Any) -> None:
    app = AppSyncResolver()

    @app.async_batch_resolver(type_name="Post", field_name="author")
    async def authors(event: list[AppSyncResolverEvent]) -> list[str]:
        return [item.source["title"] for item in event]

    assert app.resolve(_batch(load_event), None) == ["Hello", "Second post", "Third"]
    with pytest.raises(ResolverNotFoundError, match=r"'Post\.author'"):
        AppSyncResolver().resolve(_batch(load_event), None)


def test_iam_identity_reaches_the_resolver(load_event: Any) -> None:
    app = AppSyncResolver()
    event = load_event("appsync_resolver_iam")
    type_name, field_name = event["info"]["parentTypeName"], event["info"]["fieldName"]

    @app.resolver(type_name=type_name, field_name=field_name)
    def whoami(**arguments: Any) -> dict[str, Any]:
        identity = app.current_event.identity
        return {"kind": type(identity).__name__, "arn": identity.user_arn}

    assert app.resolve(event, None) == {"kind": "AppSyncIdentityIAM", "arn": event["identity"]["userArn"]}
