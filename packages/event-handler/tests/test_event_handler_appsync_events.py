"""AppSyncEventsResolver: publish and subscribe, wildcards, aggregate, per-event errors, authorization."""

from __future__ import annotations

from typing import Any

import pytest

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.warnings import PowertoolsUserWarning
from powertools.event_handler import AppSyncEventsResolver, UnauthorizedException
from powertools.event_handler.events_appsync.exceptions import InvalidAppSyncEventsEventError
from powertools.event_handler.events_appsync.router import Router


def _publish(load_event: Any, path: str) -> dict[str, Any]:
    event: dict[str, Any] = load_event("appsync_events_publish")
    event["info"]["channel"]["path"] = path
    return event


def test_per_event_payloads_and_errors(load_event: Any) -> None:
    app = AppSyncEventsResolver()

    @app.on_publish("/chat/*")
    def shout(payload: dict[str, Any]) -> str:
        if not payload["text"]:
            raise ValueError("empty message")
        return payload["text"].upper()

    assert app.resolve(load_event("appsync_events_publish"), None) == {
        "events": [
            {"id": "5b98051e-5981-4358-b66d-c051d7a10c8a", "payload": "HELLO, EVERYONE!"},
            {"id": "51ecde41-3da4-4eb8-a9b9-c99bda31c533", "payload": "HI JANE"},
            {"id": "abe7af3f-02b3-49b8-9d2f-6883e7acfbdd", "error": "ValueError - empty message"},
        ]
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/chat/rooms/general", "exact"),
        ("/chat/rooms/other", "rooms"),
        ("/chat/dm/x", "chat"),
        ("/other/x", "all"),
    ],
)
def test_most_specific_path_wins(load_event: Any, path: str, expected: str) -> None:
    app = AppSyncEventsResolver()
    for route, name in [
        ("/*", "all"),
        ("/chat/*", "chat"),
        ("/chat/rooms/*", "rooms"),
        ("/chat/rooms/general", "exact"),
    ]:
        app.on_publish(route, aggregate=True)(lambda payload, name=name: [name])
    assert app.resolve(_publish(load_event, path), None) == {"events": [expected]}


def test_aggregate_error_and_unauthorized(load_event: Any) -> None:
    app = AppSyncEventsResolver()

    @app.on_publish("/chat/*", aggregate=True)
    def broken(payload: list[dict[str, Any]]) -> list[Any]:
        raise RuntimeError("store down")

    assert app.resolve(load_event("appsync_events_publish"), None) == {"error": "RuntimeError - store down"}

    @app.on_publish("/chat/*", aggregate=True)
    def refuse(payload: list[dict[str, Any]]) -> list[Any]:
        raise UnauthorizedException("not in this room")

    with pytest.raises(UnauthorizedException, match="not in this room"):
        app.resolve(load_event("appsync_events_publish"), None)


def test_async_publish_per_event(load_event: Any) -> None:
    app = AppSyncEventsResolver()

    @app.async_on_publish("/chat/rooms/*")
    async def author(payload: dict[str, Any]) -> str:
        if payload["author"] == "bot":
            raise PermissionError("no bots")
        return payload["author"]

    response = app.resolve(load_event("appsync_events_publish"), None)
    assert [e.get("payload", e.get("error")) for e in response["events"]] == [
        "jdoe",
        "asmith",
        "PermissionError - no bots",
    ]


def test_subscribe_accept_reject_and_error(load_event: Any) -> None:
    app, router = AppSyncEventsResolver(), Router()
    seen: list[str] = []

    @router.on_subscribe("/chat/*")
    def check() -> None:
        seen.append(router.current_event.info.channel_path)
        if router.context.get("deny"):
            raise UnauthorizedException("denied")
        if router.context.get("fail"):
            raise KeyError("room")

    app.include_router(router)
    event = load_event("appsync_events_subscribe")
    assert app.resolve(event, None) is None
    app.append_context(fail=True)
    assert app.resolve(event, None) == {"error": "KeyError - 'room'"}
    app.append_context(deny=True)
    with pytest.raises(UnauthorizedException):
        app.resolve(event, None)
    assert seen == ["/chat/rooms/general"] * 3


def test_no_handler_returns_events_as_is_with_a_warning(load_event: Any) -> None:
    event = load_event("appsync_events_publish")
    with pytest.warns(PowertoolsUserWarning, match="No resolvers were found for publish"):
        assert AppSyncEventsResolver().resolve(event, None) == {"events": event["events"]}


def test_invalid_path_is_skipped_with_a_warning() -> None:
    app = AppSyncEventsResolver()
    with pytest.warns(PowertoolsUserWarning, match="not valid"):
        app.on_publish("chat/*/x")(lambda payload: payload)
    assert not app._publish_registry.exact
    assert not app._publish_registry.wildcards


def test_an_already_wrapped_event_is_accepted(load_event: Any) -> None:
    # powertools.data_classes' AppSyncResolverEventsEvent is another DictWrapper subclass;
    # this package's tests may not import data_classes, so a plain DictWrapper stands in.
    app = AppSyncEventsResolver()
    app.on_publish("/chat/*", aggregate=True)(lambda payload: [e["id"] for e in payload])
    event = DictWrapper(load_event("appsync_events_publish"))
    assert app.resolve(event, None) == {"events": [e["id"] for e in event["events"]]}
    assert app.current_event.info.channel_path == "/chat/rooms/general"


@pytest.mark.parametrize("events", [True, "x", {"id": "1"}, [1], [{"id": "1"}, None]], ids=repr)
@pytest.mark.parametrize("registered", ["sync", "async", "none"])
def test_published_events_that_are_not_a_list_of_objects_are_refused_by_name(
    load_event: Any, events: Any, registered: str
) -> None:
    app = AppSyncEventsResolver()
    if registered == "sync":
        app.on_publish("/default/*")(lambda payload: payload)
    elif registered == "async":

        async def handler(payload: Any) -> Any:
            return payload

        app.async_on_publish("/default/*")(handler)
    event = _publish(load_event, "/default/channel")
    event["events"] = events
    with pytest.raises(InvalidAppSyncEventsEventError) as raised:
        app.resolve(event, None)
    assert raised.value.field == "events"
