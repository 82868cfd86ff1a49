"""Fuzz: the HTTP resolvers (REST, HTTP API, ALB, Function URL, VPC Lattice v1/v2) and the AppSync resolvers.

HTTP: an app with typed path, query and body parameters, mixed ``<a>-<b>-<c>`` segments and a
route reading the event's headers, query and JSON body, built with and without
``enable_validation=True``. Events are the integration's samples aimed at those routes with
arbitrary methods, paths, bodies, query strings and base64 flags, or shaped like the samples with
arbitrary values. ``resolve`` answers a response dict (an int ``statusCode``, a string body) or
raises the documented ``InvalidEventError`` (the event is not this integration's); the body never
holds a traceback or a Python exception's text (debug mode is off).

AppSync: ``AppSyncResolver`` (single and batch events) and ``AppSyncEventsResolver`` (publish,
subscribe) answer a value, or raise ``InvalidEventError`` subclasses or ``ResolverNotFoundError``.
"""

from __future__ import annotations

import base64
import json
from typing import Annotated, Any

import pytest
from hypothesis import strategies as st
from pydantic import BaseModel

from powertools.common.exceptions import InvalidEventError
from powertools.common.typing import LocalLambdaContext
from powertools.event_handler import (
    AppSyncEventsResolver,
    AppSyncResolver,
    ResolverNotFoundError,
)
from powertools.event_handler.openapi.params import Query
from powertools_testing.events import load_event
from tools.reliability.known_bugs import known_bug
from tools.reliability.ledger import LEDGER
from tools.reliability.strategies import LENGTHS, SCALARS, event_like, free_json, run_cases
from tools.reliability.targets import HTTP_RESOLVERS

DEEP = 100_000
# Text of Python's own exceptions that a response must never carry outside debug mode.
LEAKS = (
    "Traceback",
    'File "',
    "KeyError",
    "TypeError",
    "AttributeError",
    "IndexError",
    "RecursionError",
    "has no attribute",
    "not subscriptable",
)


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []


def build_app(resolver: type[Any], validation: bool) -> Any:
    app = resolver(enable_validation=validation)

    if validation:

        @app.get("/items/<item_id>")
        def get_item(
            item_id: int, limit: Annotated[int, Query(ge=1, le=100)] = 10, q: Annotated[str | None, Query()] = None
        ) -> dict[str, Any]:
            return {"id": item_id, "limit": limit, "q": q}

        @app.post("/items")
        def create_item(item: Item) -> Item:
            return item

    else:

        @app.get("/items/<item_id>")
        def get_item_plain(item_id: str) -> dict[str, Any]:
            return {"id": item_id, "limit": app.current_event.get_query_string_value("limit", "10")}

        @app.post("/items")
        def create_item_plain() -> Any:
            return {"item": app.current_event.json_body}

    @app.get("/range/<a>-<b>-<c>")
    def ranged(a: str, b: str, c: str) -> dict[str, str]:
        return {"a": a, "b": b, "c": c}

    @app.route("/echo", method=["GET", "POST", "PUT", "DELETE", "PATCH"])
    def echo() -> dict[str, Any]:
        event = app.current_event
        return {
            "type": event.get_header_value("content-type"),
            "q": event.get_query_string_value("q"),
            "body": event.json_body if event.body else None,
            "cookies": list(event.cookies or []) if hasattr(event, "cookies") else None,
        }

    return app


def _set(event: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node = event
    for key in parents:
        child = node.get(key)
        if not isinstance(child, dict):
            child = node[key] = {}
        node = child
    node[last] = value


def pick(*branches: tuple[st.SearchStrategy[Any], int]) -> st.SearchStrategy[Any]:
    """Draw a branch index first, then from that branch: the weights hold even when one branch
    draws much more data than another (one_of's large draws overrun and are discarded)."""
    choices = [strategy for strategy, times in branches for _ in range(times)]
    return st.integers(0, len(choices) - 1).flatmap(lambda index: choices[index])


def mostly(valid: st.SearchStrategy[Any], noise: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Valid-looking values most of the time (so routes run), noise otherwise (so checks run)."""
    return pick((valid, 6), (noise, 1))


# Small: a large draw overruns hypothesis's buffer and is discarded, which starves this branch.
SMALL_JSON = st.one_of(SCALARS, st.dictionaries(st.sampled_from(["limit", "q", "name", "price"]), SCALARS, max_size=3))
PATHS = mostly(
    st.sampled_from(
        ["/items/7", "/items/-1", "/items/abc", "/items/", "/items", "/items/7/", "/range/1-2-3", "/range/--",
         "/range/a-b-c-d", "/echo", "/echo/", "//echo", "/", "", "/items/%00", "/items/" + "9" * 5000]
    ),
    st.one_of(st.text(max_size=30).map(lambda text: "/" + text), SCALARS),
)  # fmt: skip
METHODS = mostly(st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "get"]), SCALARS)
BODIES = mostly(
    st.sampled_from(
        [
            None,
            "",
            '{"name": "pen", "price": 1.5}',
            '{"name": "pen", "price": "free", "tags": [1]}',
            '{"name": null}',
            "[]",
            "not json",
            "{bad",
            '{"price": 1e999, "name": "x"}',
            "[" * DEEP + "]" * DEEP,
            '{"a":' * DEEP + "1" + "}" * DEEP,
        ]
    ),
    st.one_of(SMALL_JSON.map(json.dumps), SCALARS),
)
QUERIES = mostly(
    st.dictionaries(st.sampled_from(["limit", "q", "x"]), st.one_of(st.text(max_size=8), st.sampled_from(["0", "5",
                    "101", "-3", "1e3"]))),
    SMALL_JSON,
)  # fmt: skip


def http_events(name: str) -> st.SearchStrategy[Any]:
    _, samples, where = HTTP_RESOLVERS[name]
    loaded = [load_event(sample) for sample in samples]

    def aimed(sample: int, method: Any, path: Any, query: Any, body: Any, b64: Any) -> dict[str, Any]:
        event = json.loads(json.dumps(loaded[sample]))
        if b64 is True and isinstance(body, str):
            body = base64.b64encode(body.encode("utf-8", "surrogatepass")).decode()
        for field, value in (("method", method), ("path", path), ("query", query), ("body", body), ("b64", b64)):
            _set(event, where[field], value)
        return event

    aimed_events = st.builds(
        aimed, st.integers(0, len(loaded) - 1), METHODS, PATHS, QUERIES, BODIES, mostly(st.booleans(), SCALARS)
    )
    return pick((aimed_events, 3), (event_like(*loaded), 1))


def check_response(response: Any) -> None:
    assert isinstance(response, dict), response
    assert isinstance(response["statusCode"], int)
    body = response.get("body")
    assert body is None or isinstance(body, str)
    text = json.dumps(response)
    for leak in LEAKS:
        assert leak not in text, (leak, response)


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("validation", [False, True], ids=["plain", "enable_validation"])
@pytest.mark.parametrize("name", sorted(HTTP_RESOLVERS))
def test_http_resolvers(name: str, validation: bool, length: str) -> None:
    app = build_app(HTTP_RESOLVERS[name][0], validation)
    events = http_events(name)
    target = f"event-handler {name}" + (" (enable_validation)" if validation else "")
    claim = "a response dict or InvalidEventError; no traceback or exception text in it"

    def check(data: st.DataObject) -> None:
        event = data.draw(events, label="event")
        LEDGER.case("fuzz", target, claim)
        try:
            response = app.resolve(event, LocalLambdaContext())
        except InvalidEventError:
            return
        check_response(response)

    run_cases(length, check)


# --- AppSync ------------------------------------------------------------------------------------

EVENTS_CLAIM = "a response (publish: per-event payloads or errors; subscribe: None or an error) or InvalidEventError"
APPSYNC_CLAIM = "a value, or InvalidEventError/InvalidAppSyncEventError/ResolverNotFoundError (known bug aside)"


def appsync_app() -> AppSyncResolver:
    app = AppSyncResolver()

    @app.resolver(type_name="Query", field_name="getTodo")
    def get_todo(**arguments: Any) -> dict[str, Any]:
        return {"id": arguments.get("id"), "source": app.current_event.source, "user": str(app.current_event.identity)}

    @app.resolver(field_name="listTodos")
    def list_todos(**arguments: Any) -> list[Any]:
        return [app.current_event.info.field_name, app.current_event.info.parent_type_name]

    @app.batch_resolver(type_name="Query", field_name="relatedPosts")
    def related(event: list[Any]) -> list[Any]:
        return [item.arguments for item in event]

    @app.batch_resolver(type_name="Post", field_name="author", aggregate=False, raise_on_error=True)
    def author(event: Any, **arguments: Any) -> Any:
        return event.source

    return app


def appsync_events() -> st.SearchStrategy[Any]:
    samples = [load_event("appsync_resolver"), load_event("appsync_resolver_iam")]
    batch = load_event("appsync_resolver_batch")
    fields = st.sampled_from(["getTodo", "listTodos", "relatedPosts", "author", "other"])
    types = st.sampled_from(["Query", "Post", "Mutation"])

    def aimed(sample: int, type_name: str, field: str) -> dict[str, Any]:
        event = json.loads(json.dumps(samples[sample]))
        event["info"] = {**(event.get("info") or {}), "parentTypeName": type_name, "fieldName": field}
        return event

    single = st.one_of(st.builds(aimed, st.integers(0, 1), types, fields), event_like(*samples))
    return pick((single, 2), (st.lists(single, max_size=4), 1), (event_like(batch), 1), (free_json(), 1))


@pytest.mark.parametrize("length", LENGTHS)
def test_appsync_resolver(length: str) -> None:
    app = appsync_app()
    events = appsync_events()

    def check(data: st.DataObject) -> None:
        event = data.draw(events, label="event")
        LEDGER.case("fuzz", "event-handler AppSyncResolver (single and batch)", APPSYNC_CLAIM)
        try:
            app.resolve(event, LocalLambdaContext())
        except (InvalidEventError, ResolverNotFoundError):
            return
        except TypeError as exc:
            if known_bug(exc) is None:
                raise

    run_cases(length, check)


def appsync_events_app() -> AppSyncEventsResolver:
    app = AppSyncEventsResolver()

    @app.on_publish("/chat/*")
    def moderate(payload: Any) -> Any:
        return payload

    @app.on_publish("/audit/*", aggregate=True)
    def audit(payload: list[Any]) -> list[Any]:
        return payload

    @app.on_subscribe("/*")
    def subscribe() -> None:
        return None

    return app


def appsync_events_events() -> st.SearchStrategy[Any]:
    samples = [load_event("appsync_events_publish"), load_event("appsync_events_subscribe")]
    paths = mostly(st.sampled_from(["/chat/rooms/general", "/audit/x", "/other", "/", "", "chat"]), SCALARS)
    operations = mostly(st.sampled_from(["PUBLISH", "SUBSCRIBE"]), SCALARS)
    published = mostly(st.lists(st.fixed_dictionaries({"id": SCALARS, "payload": SMALL_JSON}), max_size=3), SMALL_JSON)

    def aimed(sample: int, operation: Any, path: Any, events: Any) -> dict[str, Any]:
        event = json.loads(json.dumps(samples[sample]))
        event["info"] = {"channel": {"path": path}, "operation": operation}
        event["events"] = events
        return event

    return pick((st.builds(aimed, st.integers(0, 1), operations, paths, published), 3), (event_like(*samples), 1))


@pytest.mark.filterwarnings("ignore::powertools.common.warnings.PowertoolsUserWarning")  # no handler for a path
@pytest.mark.parametrize("length", LENGTHS)
def test_appsync_events_resolver(length: str) -> None:
    app = appsync_events_app()
    events = appsync_events_events()

    def check(data: st.DataObject) -> None:
        event = data.draw(events, label="event")
        LEDGER.case("fuzz", "event-handler AppSyncEventsResolver (publish, subscribe)", EVENTS_CLAIM)
        try:
            app.resolve(event, LocalLambdaContext())
        except InvalidEventError:
            return

    run_cases(length, check)
