"""Global and per-route middlewares, early returns, request/response changes, async resolution."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from powertools.event_handler import APIGatewayHttpResolver, APIGatewayRestResolver, Response, content_types
from powertools.event_handler.middlewares import BaseMiddlewareHandler, NextMiddleware


def http_event(path: str, headers: dict[str, str] | None = None, method: str = "GET") -> dict[str, Any]:
    return {"rawPath": path, "headers": headers or {}, "requestContext": {"http": {"method": method}}}


def test_global_then_route_middlewares_run_in_order_around_the_route() -> None:
    calls: list[str] = []

    def tracer(name: str) -> Any:
        def middleware(app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response[Any]:
            calls.append(f"{name}:before")
            response = next_middleware(app)
            calls.append(f"{name}:after")
            response.headers[f"X-{name}"] = "seen"
            return response

        middleware.__name__ = name
        return middleware

    app = APIGatewayHttpResolver()
    app.use([tracer("g1"), tracer("g2")])

    @app.get("/todos", middlewares=[tracer("r1")])
    def todos() -> dict[str, Any]:
        calls.append("route")
        return {"ok": True}

    result = app.resolve(http_event("/todos"), None)

    assert calls == ["g1:before", "g2:before", "r1:before", "route", "r1:after", "g2:after", "g1:after"]
    assert result["headers"] == {"Content-Type": "application/json", "X-r1": "seen", "X-g2": "seen", "X-g1": "seen"}


def test_middleware_can_answer_early_without_calling_the_route() -> None:
    called: list[str] = []

    def require_api_key(app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response[Any]:
        if app.current_event.get_header_value("x-api-key") != "secret":
            return Response(401, content_types.APPLICATION_JSON, {"message": "missing key"})
        return next_middleware(app)

    app = APIGatewayHttpResolver()
    app.get("/private", middlewares=[require_api_key])(lambda: called.append("route") or {"ok": True})

    denied = app.resolve(http_event("/private"), None)
    allowed = app.resolve(http_event("/private", {"X-Api-Key": "secret"}), None)

    assert (denied["statusCode"], denied["body"]) == (401, '{"message":"missing key"}')
    assert (allowed["statusCode"], called) == (200, ["route"])


def test_middlewares_also_wrap_not_found_responses() -> None:
    def stamp(app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response[Any]:
        response = next_middleware(app)
        response.headers["X-Stamp"] = "1"
        return response

    app = APIGatewayHttpResolver()
    app.use([stamp])

    result = app.resolve(http_event("/missing"), None)
    assert (result["statusCode"], result["headers"]["X-Stamp"]) == (404, "1")


class CorrelationId(BaseMiddlewareHandler[APIGatewayRestResolver]):
    """Copies the caller's correlation id into the context and the response."""

    def __init__(self, header: str) -> None:
        self.header = header

    def handler(self, app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response[Any]:
        value = app.current_event.get_header_value(self.header, "none")
        app.append_context(correlation_id=value)
        response = next_middleware(app)
        response.headers[self.header] = value
        return response


def test_class_based_middleware_changes_request_context_and_response(load_event: Any) -> None:
    app = APIGatewayRestResolver()
    app.use([CorrelationId("X-Correlation-Id")])
    app.get("/todos/<todo_id>")(lambda todo_id: {"correlation": app.context["correlation_id"]})

    result = app.resolve(load_event("apigw_rest"), None)

    assert result["multiValueHeaders"]["X-Correlation-Id"] == ["c2f1e0d9-8b7a-4c6d-9e5f-1a2b3c4d5e6f"]
    assert json.loads(result["body"]) == {"correlation": "c2f1e0d9-8b7a-4c6d-9e5f-1a2b3c4d5e6f"}
    assert CorrelationId("x").__name__ == "CorrelationId"


def test_middleware_added_after_first_request_applies_to_later_requests() -> None:
    app = APIGatewayHttpResolver()
    app.get("/")(dict)
    assert "X-Late" not in app.resolve(http_event("/"), None)["headers"]

    def late(app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response[Any]:
        response = next_middleware(app)
        response.headers["X-Late"] = "1"
        return response

    app.use([late])
    assert app.resolve(http_event("/"), None)["headers"]["X-Late"] == "1"


def test_resolve_async_awaits_async_routes_and_mixes_sync_and_async_middlewares() -> None:
    calls: list[str] = []

    async def async_mw(app: APIGatewayHttpResolver, next_middleware: Any) -> Response[Any]:
        calls.append("async")
        response = await next_middleware(app)
        response.headers["X-Async"] = "1"
        return response

    def sync_mw(app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response[Any]:
        calls.append("sync")
        response = next_middleware(app)
        response.headers["X-Sync"] = "1"
        return response

    app = APIGatewayHttpResolver()
    app.use([async_mw, sync_mw])

    @app.get("/todos/<todo_id>")
    async def get_todo(todo_id: str) -> dict[str, Any]:
        await asyncio.sleep(0)
        calls.append("route")
        return {"id": todo_id}

    result = asyncio.run(app.resolve_async(http_event("/todos/3"), None))

    assert result == {
        "statusCode": 200,
        "body": '{"id":"3"}',
        "isBase64Encoded": False,
        "headers": {"Content-Type": "application/json", "X-Sync": "1", "X-Async": "1"},
        "cookies": [],
    }
    assert calls == ["async", "sync", "route"]


def test_resolve_async_handles_sync_routes_and_errors() -> None:
    app = APIGatewayHttpResolver()
    app.get("/sync")(lambda: {"sync": True})

    async def boom() -> None:
        raise LookupError("gone")

    app.get("/boom")(boom)
    app.exception_handler(LookupError)(lambda exc: ({"error": str(exc)}, 410))

    assert asyncio.run(app.resolve_async(http_event("/sync"), None))["body"] == '{"sync":true}'
    result = asyncio.run(app.resolve_async(http_event("/boom"), None))
    assert (result["statusCode"], result["body"]) == (410, '{"error":"gone"}')
    assert asyncio.run(app.resolve_async(http_event("/none"), None))["statusCode"] == 404
