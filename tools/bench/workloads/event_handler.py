"""Routing API Gateway REST events through apps of 5, 50 and 500 routes, a 404, an AppSync resolve and batch."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from tools.bench.adapter import Api
from tools.bench.events import load_event
from tools.bench.workloads._support import CONTEXT, http_response
from tools.bench.workloads.base import Call, Target, Workload

Handler = Callable[..., dict[str, Any]]


def _route_handler(index: int) -> Handler:
    def handler(item_id: str) -> dict[str, Any]:
        return {"route": index, "id": item_id}

    return handler


def _rest_event(path: str) -> dict[str, Any]:
    event: dict[str, Any] = load_event("apigw_rest")
    event["path"] = path
    event["httpMethod"] = "GET"
    return event


def _last_route_path(routes: int) -> str:
    return f"/items{routes - 1}/42"


def build_rest(api: Api, routes: int, path: str) -> Call:
    app = api.get("event_handler", "APIGatewayRestResolver")()
    for index in range(routes):
        app.get(f"/items{index}/<item_id>")(_route_handler(index))
    event = _rest_event(path)
    return lambda: app.resolve(event, CONTEXT)


def bare_rest(routes: int, path: str) -> Call:
    # A hand-written router: one compiled pattern per route, tried in order, then a JSON response.
    table = [
        ("GET", re.compile(rf"^/items{index}/(?P<item_id>[^/]+)$"), _route_handler(index)) for index in range(routes)
    ]
    event = _rest_event(path)

    def resolve(event: dict[str, Any]) -> dict[str, Any]:
        method, path = event["httpMethod"], event["path"]
        status, body = 404, {"statusCode": 404, "message": "Not found"}
        for route_method, pattern, handler in table:
            match = pattern.match(path)
            if match and route_method == method:
                status, body = 200, handler(**match.groupdict())
                break
        return {
            "statusCode": status,
            "body": json.dumps(body, separators=(",", ":")),
            "isBase64Encoded": False,
            "multiValueHeaders": {"Content-Type": ["application/json"]},
        }

    return lambda: resolve(event)


def _http_fingerprint(result: Any, lines: list[str]) -> dict[str, Any]:
    return http_response(result)


def _rest_workload(name: str, routes: int, path: str, description: str, target: Target | None) -> Workload:
    return Workload(
        name=name,
        utility="event_handler",
        description=description,
        build=partial(build_rest, routes=routes, path=path),
        bare=partial(bare_rest, routes=routes, path=path),
        fingerprint=_http_fingerprint,
        target=target,
    )


APPSYNC_FIELDS = 50
BATCH_ITEMS = 100


def _todo(id: str, includeComments: bool = False) -> dict[str, Any]:  # GraphQL argument names
    return {"id": id, "comments": [] if includeComments else None}


def _other_field(index: int) -> Handler:
    def resolver(**arguments: Any) -> dict[str, Any]:
        return {"field": index}

    return resolver


def build_appsync(api: Api) -> Call:
    # 50 registered fields; the event asks for the last one registered.
    app = api.get("event_handler", "AppSyncResolver")()
    for index in range(APPSYNC_FIELDS - 1):
        app.resolver(type_name="Query", field_name=f"field{index}")(_other_field(index))
    app.resolver(type_name="TodoList", field_name="todo")(_todo)
    event = load_event("appsync_resolver")
    return lambda: app.resolve(event, CONTEXT)


def bare_appsync() -> Call:
    resolvers: dict[tuple[str, str], Handler] = {
        ("Query", f"field{i}"): _other_field(i) for i in range(APPSYNC_FIELDS - 1)
    }
    resolvers[("TodoList", "todo")] = _todo
    event = load_event("appsync_resolver")

    def resolve(event: dict[str, Any]) -> Any:
        info = event["info"]
        return resolvers[(info["parentTypeName"], info["fieldName"])](**event["arguments"])

    return lambda: resolve(event)


def _batch_event() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = load_event("appsync_resolver_batch")
    return [items[index % len(items)] for index in range(BATCH_ITEMS)]


def _author(event: Any) -> str:
    return event["source"]["authorId"]


def build_appsync_batch(api: Api) -> Call:
    app = api.get("event_handler", "AppSyncResolver")()
    app.batch_resolver(type_name="Post", field_name="author", aggregate=False)(lambda event: _author(event))
    event = _batch_event()
    return lambda: app.resolve(event, CONTEXT)


def bare_appsync_batch() -> Call:
    event = _batch_event()

    def resolve(items: list[dict[str, Any]]) -> list[Any]:
        results: list[Any] = []
        for item in items:
            try:
                results.append(_author(item))
            except Exception:
                results.append(None)
        return results

    return lambda: resolve(event)


def _order_event() -> dict[str, Any]:
    event = _rest_event("/orders")
    event["httpMethod"] = "POST"
    event["body"] = json.dumps({"item": "coffee", "quantity": 2, "note": "oat milk"})
    event["queryStringParameters"] = {"limit": "10", "verbose": "true"}
    event["multiValueQueryStringParameters"] = {"limit": ["10"], "verbose": ["true"]}
    event["headers"] = {**(event.get("headers") or {}), "Content-Type": "application/json"}
    event["multiValueHeaders"] = {name: [value] for name, value in event["headers"].items()}
    return event


def build_validation(api: Api) -> Call:
    # Imported here: workload modules load in every interpreter, pydantic is the library's concern.
    from typing import Annotated

    from pydantic import BaseModel, Field

    query = api.module("event_handler.openapi.params").Query

    class Order(BaseModel):
        item: str = Field(min_length=1)
        quantity: int = Field(gt=0)
        note: str | None = None

    app = api.get("event_handler", "APIGatewayRestResolver")(enable_validation=True)

    def create(order: Any, limit: int = 20, verbose: bool = False) -> dict[str, Any]:
        return {"item": order.item, "quantity": order.quantity, "limit": limit, "verbose": verbose}

    # Real objects, not the strings `from __future__ import annotations` leaves: Order is a local.
    create.__annotations__ = {
        "order": Order,
        "limit": Annotated[int, query(le=100)],
        "verbose": bool,
        "return": dict[str, Any],
    }
    app.post("/orders")(create)

    event = _order_event()
    return lambda: app.resolve(event, CONTEXT)


def bare_validation() -> Call:
    # Hand-checked JSON body and query values, as a function without any validation library would do.
    event = _order_event()

    def resolve(event: dict[str, Any]) -> dict[str, Any]:
        body = json.loads(event["body"])
        query = event["queryStringParameters"] or {}
        errors = []
        if not isinstance(body.get("item"), str) or not body["item"]:
            errors.append({"loc": ["body", "item"], "type": "string_type"})
        if not isinstance(body.get("quantity"), int) or body["quantity"] <= 0:
            errors.append({"loc": ["body", "quantity"], "type": "greater_than"})
        limit = int(query.get("limit", "20"))
        verbose = query.get("verbose", "false").lower() in ("true", "1", "yes", "on")
        if errors:
            status, payload = 422, {"statusCode": 422, "detail": errors}
        else:
            status = 200
            payload = {"item": body["item"], "quantity": body["quantity"], "limit": limit, "verbose": verbose}
        return {
            "statusCode": status,
            "body": json.dumps(payload, separators=(",", ":")),
            "isBase64Encoded": False,
            "multiValueHeaders": {"Content-Type": ["application/json"]},
        }

    return lambda: resolve(event)


WORKLOADS = [
    _rest_workload(
        "event_handler.route 5",
        5,
        _last_route_path(5),
        "APIGatewayRestResolver with 5 routes, resolving the last",
        None,
    ),
    _rest_workload(
        "event_handler.route 50",
        50,
        _last_route_path(50),
        "APIGatewayRestResolver with 50 routes, resolving the last",
        Target(0.3),
    ),
    _rest_workload(
        "event_handler.route 500",
        500,
        _last_route_path(500),
        "APIGatewayRestResolver with 500 routes, resolving the last (ours vs ours with 5 routes)",
        Target(1.5, "event_handler.route 5"),
    ),
    _rest_workload(
        "event_handler.404",
        50,
        "/missing/42",
        "APIGatewayRestResolver with 50 routes, a path none matches (404)",
        None,
    ),
    Workload(
        name="event_handler.validation_post",
        utility="event_handler",
        description="APIGatewayRestResolver(enable_validation=True): POST with a body model and two typed query values",
        build=build_validation,
        bare=bare_validation,
        fingerprint=_http_fingerprint,
        target=Target(0.7),
    ),
    Workload(
        name="event_handler.appsync",
        utility="event_handler",
        description="AppSyncResolver resolving one field of a direct Lambda resolver event",
        build=build_appsync,
        bare=bare_appsync,
        target=Target(0.5),
    ),
    Workload(
        name="event_handler.appsync_batch",
        utility="event_handler",
        description="AppSyncResolver batch resolver (aggregate=False) over a 100-item BatchInvoke event",
        build=build_appsync_batch,
        bare=bare_appsync_batch,
        target=Target(0.7),
    ),
]
