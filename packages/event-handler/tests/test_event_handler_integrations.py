"""Each integration's request reading and response format, from the shared sample events."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from powertools.event_handler import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    Cookie,
    LambdaFunctionUrlResolver,
    Response,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
    content_types,
)


def _response_with_cookies() -> Response[str]:
    return Response(
        status_code=201,
        content_type=content_types.TEXT_PLAIN,
        body="created",
        headers={"X-Tag": ["alpha", "beta"], "X-One": "1"},
        cookies=[Cookie("session", "abc", http_only=True), Cookie("theme", "dark", secure=False)],
    )


def test_rest_api_reads_path_query_and_multi_value_headers(load_event: Any, lambda_context: Any) -> None:
    app = APIGatewayRestResolver()
    seen: dict[str, Any] = {}

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> dict[str, Any]:
        event = app.current_event
        seen.update(
            include=event.get_multi_value_query_string_values("include"),
            tags=event.resolved_headers_field["x-custom-tag"],
            stage=event.request_context.stage,
            context=app.lambda_context.function_name,
        )
        return {"id": todo_id}

    result = app.resolve(load_event("apigw_rest"), lambda_context)

    assert result == {
        "statusCode": 200,
        "body": '{"id":"1"}',
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
    }
    assert seen == {
        "include": ["author", "comments"],
        "tags": ["alpha", "beta"],
        "stage": "prod",
        "context": lambda_context.function_name,
    }


def test_rest_api_multi_value_headers_and_cookies_in_response(load_event: Any) -> None:
    app = APIGatewayRestResolver()
    app.get("/todos/<todo_id>")(lambda todo_id: _response_with_cookies())

    assert app.resolve(load_event("apigw_rest"), None) == {
        "statusCode": 201,
        "body": "created",
        "isBase64Encoded": False,
        "multiValueHeaders": {
            "X-Tag": ["alpha", "beta"],
            "X-One": ["1"],
            "Content-Type": ["text/plain"],
            "Set-Cookie": ["session=abc; HttpOnly; Secure", "theme=dark"],
        },
    }


def test_http_api_joins_headers_and_lists_cookies(load_event: Any) -> None:
    app = APIGatewayHttpResolver()
    seen: dict[str, Any] = {}

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> Response[str]:
        seen["cookies"] = app.current_event.resolved_cookies_field
        seen["include"] = app.current_event.get_multi_value_query_string_values("include")
        return _response_with_cookies()

    assert app.resolve(load_event("apigw_http"), None) == {
        "statusCode": 201,
        "body": "created",
        "isBase64Encoded": False,
        "headers": {"X-Tag": "alpha, beta", "X-One": "1", "Content-Type": "text/plain"},
        "cookies": ["session=abc; HttpOnly; Secure", "theme=dark"],
    }
    assert seen == {"cookies": {"theme": "dark", "session_id": "3b5d7f9a1c2e"}, "include": ["author", "comments"]}


def test_http_api_strips_a_named_stage_from_the_path(load_event: Any) -> None:
    event = load_event("apigw_http")
    event["rawPath"] = "/dev/todos/9"
    event["requestContext"]["stage"] = "dev"
    app = APIGatewayHttpResolver()
    app.get("/todos/<todo_id>")(lambda todo_id: {"id": todo_id})

    assert json.loads(app.resolve(event, None)["body"]) == {"id": "9"}


def test_function_url_reads_json_body_and_answers_with_cookies(load_event: Any) -> None:
    event = load_event("function_url")
    event["requestContext"]["http"]["method"] = "POST"
    app = LambdaFunctionUrlResolver()

    @app.post("/webhooks/stripe")
    def webhook() -> Response[dict[str, Any]]:
        body = app.current_event.json_body
        return Response(200, content_types.APPLICATION_JSON, {"got": body["event"]}, cookies=[Cookie("seen", "1")])

    assert app.resolve(event, None) == {
        "statusCode": 200,
        "body": '{"got":"signup"}',
        "isBase64Encoded": False,
        "headers": {"Content-Type": "application/json"},
        "cookies": ["seen=1; Secure"],
    }


def test_alb_single_value_mode_sends_last_value_and_warns(load_event: Any) -> None:
    app = ALBResolver()
    app.get("/todos")(lambda: _response_with_cookies())

    with pytest.warns(UserWarning, match="multiValueHeaders"):
        result = app.resolve(load_event("alb"), None)

    assert result == {
        "statusCode": 201,
        "body": "created",
        "isBase64Encoded": False,
        "headers": {"Set-Cookie": "theme=dark", "X-Tag": "beta", "X-One": "1", "Content-Type": "text/plain"},
    }


def test_alb_multi_value_mode_decodes_body_and_sends_every_value(load_event: Any) -> None:
    app = ALBResolver()
    seen: dict[str, Any] = {}

    @app.post("/todos")
    def create() -> Response[str]:
        seen["body"] = app.current_event.decoded_body
        seen["tags"] = app.current_event.get_multi_value_query_string_values("tag")
        return _response_with_cookies()

    result = app.resolve(load_event("alb_multi_value"), None)

    assert result["multiValueHeaders"] == {
        "X-Tag": ["alpha", "beta"],
        "X-One": ["1"],
        "Content-Type": ["text/plain"],
        "Set-Cookie": ["session=abc; HttpOnly; Secure", "theme=dark"],
    }
    assert seen == {"body": "title=Buy+milk&tags=groceries&tags=home", "tags": ["groceries", "home"]}


def test_alb_decodes_query_parameters_when_asked(load_event: Any) -> None:
    app = ALBResolver(decode_query_parameters=True)
    app.get("/todos")(lambda: {"q": app.current_event.resolved_query_string_parameters["q"]})

    assert json.loads(app.resolve(load_event("alb"), None)["body"]) == {"q": ["buy milk"]}


def test_alb_never_sends_a_null_body(load_event: Any) -> None:
    app = ALBResolver()
    app.get("/todos")(lambda: Response(204))

    assert app.resolve(load_event("alb"), None) == {
        "statusCode": 204,
        "body": "",
        "isBase64Encoded": False,
        "headers": {},
    }


def test_vpc_lattice_v1_decodes_base64_json_body(load_event: Any) -> None:
    app = VPCLatticeResolver()
    app.post("/todos")(lambda: ({"title": app.current_event.json_body["title"]}, 201))

    assert app.resolve(load_event("vpc_lattice_v1"), None) == {
        "statusCode": 201,
        "body": '{"title":"Buy milk"}',
        "isBase64Encoded": False,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
    }


def test_vpc_lattice_v2_reads_list_headers_and_query(load_event: Any) -> None:
    app = VPCLatticeV2Resolver()

    @app.post("/todos")
    def create() -> dict[str, Any]:
        event = app.current_event
        return {
            "tags": event.get_multi_value_query_string_values("tag"),
            "custom": event.resolved_headers_field["x-custom-tag"],
            "title": event.json_body["title"],
        }

    result = app.resolve(load_event("vpc_lattice_v2"), None)

    assert json.loads(result["body"]) == {
        "tags": ["groceries", "home"],
        "custom": ["alpha", "beta"],
        "title": "Buy milk",
    }
    assert result["headers"] == {"Content-Type": "application/json"}


def test_binary_request_and_response_round_trip(load_event: Any) -> None:
    event = load_event("apigw_rest_binary")
    app = APIGatewayRestResolver()

    @app.put("/todos/<todo_id>/attachments/<name>")
    def upload(todo_id: str, name: str) -> Response[bytes]:
        png = base64.b64decode(app.current_event.body)
        return Response(200, "image/png", png)

    result = app.resolve(event, None)

    assert result == {
        "statusCode": 200,
        "body": event["body"],
        "isBase64Encoded": True,
        "multiValueHeaders": {"Content-Type": ["image/png"]},
    }
    assert base64.b64decode(result["body"])[:4] == b"\x89PNG"
