"""Event handler: the same app code returns the same responses on the sample events."""

from __future__ import annotations

from typing import Any

import pytest

from powertools_testing.events import load_event
from tools.compat.harness import FLAVOURS, Flavour, SimpleLambdaContext

# sample event -> resolver class that serves it
EVENTS: dict[str, str] = {
    "apigw_rest": "APIGatewayRestResolver",
    "apigw_rest_post_json": "APIGatewayRestResolver",
    "apigw_http": "APIGatewayHttpResolver",
    "apigw_http_iam": "APIGatewayHttpResolver",
    "alb": "ALBResolver",
    "function_url": "LambdaFunctionUrlResolver",
    "vpc_lattice_v1": "VPCLatticeResolver",
    "vpc_lattice_v2": "VPCLatticeV2Resolver",
}


def build_app(pt: Flavour, resolver: str, **options: Any) -> Any:
    eh = pt.event_handler
    app = getattr(eh, resolver)(**options)

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> dict[str, Any]:
        return {"id": todo_id, "query": app.current_event.query_string_parameters}

    @app.get("/todos")
    def list_todos() -> Any:
        return eh.Response(
            status_code=200,
            content_type=eh.content_types.APPLICATION_JSON,
            body={"todos": [], "method": app.current_event.http_method},
            headers={"X-Custom": "1"},
        )

    @app.post("/todos")
    def create_todo() -> tuple[dict[str, Any], int]:
        return {"created": app.current_event.json_body}, 201

    @app.post("/orders")
    def create_order() -> dict[str, Any]:
        raise pt.module("event_handler", "exceptions").BadRequestError("orders are closed")

    @app.post("/webhooks/<provider>")
    def webhook(provider: str) -> dict[str, Any]:
        return {"provider": provider, "path": app.current_event.path}

    return app


@pytest.mark.parametrize("event_name", sorted(EVENTS))
@pytest.mark.parametrize("cors", [False, True], ids=["plain", "cors"])
def test_same_response(event_name: str, cors: bool) -> None:
    responses = {}
    for flavour in FLAVOURS:
        options = {"cors": flavour.event_handler.CORSConfig(allow_origin="https://app.example.com")} if cors else {}
        app = build_app(flavour, EVENTS[event_name], **options)
        responses[flavour.name] = app.resolve(load_event(event_name), SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]


def test_not_found() -> None:
    responses = {}
    for flavour in FLAVOURS:
        event = load_event("apigw_rest")
        event["path"] = "/nowhere"
        responses[flavour.name] = build_app(flavour, "APIGatewayRestResolver").resolve(event, SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]


MIXED_PATHS = [
    "/range/1-2-3",
    "/range/1-2-3-4",
    "/range/12",
    "/files/report.final.pdf",
    "/files/report",
    "/v/a-b/tail/c",
    "/v/ab/tail/c",
]


@pytest.mark.parametrize("path", MIXED_PATHS)
def test_routes_mixing_literals_and_parameters_match_as_upstream(path: str) -> None:
    def resolve(pt: Flavour) -> dict[str, Any]:
        app = pt.event_handler.APIGatewayRestResolver()

        @app.get("/range/<a>-<b>-<c>")
        def ranged(a: str, b: str, c: str) -> dict[str, str]:
            return {"a": a, "b": b, "c": c}

        @app.get("/files/<name>.<ext>")
        def file(name: str, ext: str) -> dict[str, str]:
            return {"name": name, "ext": ext}

        @app.get("/v/<a>-<b>/tail/<c>")
        def nested(a: str, b: str, c: str) -> dict[str, str]:
            return {"a": a, "b": b, "c": c}

        response = app.resolve({"httpMethod": "GET", "path": path, "headers": {}}, SimpleLambdaContext())
        return {"status": response["statusCode"], "body": response["body"]}

    results = {pt.name: resolve(pt) for pt in FLAVOURS}
    assert results["ours"] == results["upstream"]
