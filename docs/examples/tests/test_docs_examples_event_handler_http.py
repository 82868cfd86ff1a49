"""docs/packages/event-handler.md: each HTTP example resolves a sample event, its documented answer checked."""

from __future__ import annotations

import base64
import gzip
import json
import runpy
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

EXAMPLES = Path(__file__).resolve().parent.parent


def rest_event(
    load_event: Any,
    method: str,
    path: str,
    *,
    body: Any = None,
    headers: dict[str, str] | None = None,
    query: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """The sample REST API event (payload 1.0) sent to another method, path, headers, query and body."""
    event = load_event("apigw_rest")
    headers = headers or {}
    if body is not None and not isinstance(body, str):
        body = json.dumps(body)
        headers = {"Content-Type": "application/json", **headers}
    event.update(
        httpMethod=method,
        path=path,
        resource=path,
        pathParameters=None,
        body=body,
        headers=headers,
        multiValueHeaders={name: [value] for name, value in headers.items()},
        queryStringParameters={name: values[-1] for name, values in query.items()} if query else None,
        multiValueQueryStringParameters=query,
    )
    event["requestContext"].update(httpMethod=method, path=f"/prod{path}", resourcePath=path)
    return event


def http_event(
    load_event: Any, method: str, path: str, *, body: Any = None, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    """The sample HTTP API event (payload 2.0) sent to another method, path, headers and body."""
    event = load_event("apigw_http")
    headers = headers or {}
    if body is not None:
        event["body"] = json.dumps(body)
        headers = {"content-type": "application/json", **headers}
    event.pop("cookies")
    event.pop("queryStringParameters")
    event.update(rawPath=path, rawQueryString="", headers=headers, routeKey=f"{method} {path}")
    event["requestContext"]["http"].update(method=method, path=path)
    return event


def json_answer(result: dict[str, Any]) -> tuple[int, Any]:
    return result["statusCode"], json.loads(result["body"])


# --- Routes ----------------------------------------------------------------------------------


def test_routes_answer_each_documented_return_kind(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/routes.py")

    def call(method: str, path: str, body: Any = None) -> dict[str, Any]:
        return example.lambda_handler(rest_event(load_event, method, path, body=body), lambda_context)

    assert call("GET", "/todos/1") == {
        "statusCode": 200,
        "body": '{"id":"1","title":"Buy milk"}',
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
    }
    created = call("POST", "/todos", {"id": "2", "title": "Call mum"})
    assert json_answer(created) == (201, {"id": "2", "title": "Call mum"})
    assert created["multiValueHeaders"] == {"Content-Type": ["application/json"]}

    for method in ("PUT", "PATCH"):
        assert call(method, "/todos/2", {"done": True}) == {
            "statusCode": 200,
            "body": "updated",
            "isBase64Encoded": False,
            "multiValueHeaders": {"Content-Type": ["text/plain"]},
        }
    assert example.todos["2"] == {"id": "2", "title": "Call mum", "done": True}

    image = call("GET", "/static/img/logo.png")
    assert image["isBase64Encoded"] is True
    assert image["multiValueHeaders"] == {"Content-Type": ["image/png"]}
    assert base64.b64decode(image["body"]) == b"\x89PNG\r\n\x1a\n"

    assert json_answer(call("GET", "/todos/1/")) == (200, {"id": "1", "title": "Buy milk"})  # trailing slash ignored
    assert json_answer(call("POST", "/todos", "{not json")) == (
        400,
        {
            "statusCode": 400,
            "message": "body is not valid JSON: Expecting property name enclosed in double quotes at position 1",
        },
    )


def test_router_routes_under_its_prefix_and_sees_the_shared_context(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/routers.py")

    tenant = rest_event(load_event, "GET", "/users/u-7", headers={"X-Tenant": "acme"})
    no_tenant = rest_event(load_event, "GET", "/users/u-8")

    assert json_answer(example.lambda_handler(tenant, lambda_context)) == (
        200,
        {"id": "u-7", "path": "/users/u-7", "tenant": "acme"},
    )
    assert json_answer(example.lambda_handler(no_tenant, lambda_context)) == (
        200,
        {"id": "u-8", "path": "/users/u-8", "tenant": "default"},
    )
    assert example.app.context == {}  # cleared after each resolve
    assert example.lambda_handler(rest_event(load_event, "GET", "/u-7"), lambda_context)["statusCode"] == 404


# --- Errors ----------------------------------------------------------------------------------


def test_errors_become_the_documented_responses(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/errors.py")

    def call(method: str, path: str) -> dict[str, Any]:
        return example.lambda_handler(rest_event(load_event, method, path), lambda_context)

    assert call("POST", "/orders/o-1/cancel") == {
        "statusCode": 400,
        "body": '{"statusCode":400,"message":"order o-1 has shipped"}',
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
    }
    assert call("POST", "/orders/o-9/cancel") == {
        "statusCode": 404,
        "body": "nothing here: order o-9 not found",
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["text/plain"]},
    }
    assert call("GET", "/no/such/path") == {
        "statusCode": 404,
        "body": "nothing here: Not found",
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["text/plain"]},
    }
    assert call("GET", "/orders/o-1/items/two") == {
        "statusCode": 422,
        "body": json.dumps({"error": "invalid literal for int() with base 10: 'two'"}, separators=(",", ":")),
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
    }
    assert json_answer(call("GET", "/orders/o-1/items/3")) == (200, {"id": "o-1", "items": 3})


# --- CORS ------------------------------------------------------------------------------------

CORS_HEADERS = {
    "Access-Control-Allow-Headers": "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key,"
    "X-Correlation-Id",
    "Access-Control-Expose-Headers": "X-Request-Id",
    "Access-Control-Max-Age": "600",
    "Access-Control-Allow-Credentials": "true",
}


def test_cors_preflight_allowed_origins_and_opted_out_route(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/cors.py")

    def call(method: str, path: str, origin: str, body: Any = None) -> dict[str, Any]:
        event = http_event(load_event, method, path, body=body, headers={"origin": origin})
        return example.lambda_handler(event, lambda_context)

    assert call("OPTIONS", "/todos", "https://admin.example.com") == {
        "statusCode": 204,
        "body": "",
        "isBase64Encoded": False,
        "headers": {
            "Access-Control-Allow-Methods": "GET,OPTIONS,POST",
            "Access-Control-Allow-Origin": "https://admin.example.com",
            **CORS_HEADERS,
        },
        "cookies": [],
    }
    assert call("POST", "/todos", "https://app.example.com", {"title": "Buy milk"}) == {
        "statusCode": 201,
        "body": '{"title":"Buy milk"}',
        "isBase64Encoded": False,
        "headers": {
            "Content-Type": "application/json",
            "Access-Control-Allow-Origin": "https://app.example.com",
            **CORS_HEADERS,
        },
        "cookies": [],
    }
    plain = {"Content-Type": "application/json"}
    assert call("GET", "/todos", "https://evil.example.com")["headers"] == plain  # not allowed: no CORS headers
    assert call("GET", "/health", "https://app.example.com")["headers"] == plain  # cors=False


# --- Compression, caching, cookies -----------------------------------------------------------


def test_report_is_gzipped_cached_and_sets_its_cookie(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/compression_cookies.py")
    body = {"rows": [{"day": "2024-05-14", "orders": 42}]}
    headers = {
        "X-Tags": ["daily", "orders"],
        "Content-Type": ["application/json"],
        "Cache-Control": ["max-age=300"],
        "Set-Cookie": ["session=abc; HttpOnly; Secure; SameSite=Lax"],
    }

    gzipped = example.lambda_handler(
        rest_event(load_event, "GET", "/report", headers={"Accept-Encoding": "gzip, deflate, br"}), lambda_context
    )
    assert gzipped["statusCode"] == 200
    assert gzipped["isBase64Encoded"] is True
    assert gzipped["multiValueHeaders"] == {**headers, "Content-Encoding": ["gzip"]}
    assert json.loads(gzip.decompress(base64.b64decode(gzipped["body"]))) == body

    plain = example.lambda_handler(rest_event(load_event, "GET", "/report"), lambda_context)
    assert plain == {
        "statusCode": 200,
        "body": json.dumps(body, separators=(",", ":")),
        "isBase64Encoded": False,
        "multiValueHeaders": headers,
    }


# --- Middlewares -----------------------------------------------------------------------------


def test_middlewares_check_the_key_and_tag_every_answer(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/middlewares.py")
    request_id = lambda_context.aws_request_id

    def call(path: str, api_key: str | None = None) -> dict[str, Any]:
        headers = {"x-api-key": api_key} if api_key else {}
        return example.lambda_handler(rest_event(load_event, "GET", path, headers=headers), lambda_context)

    assert call("/private", "expected") == {
        "statusCode": 200,
        "body": '{"secret":true}',
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"], "X-Request-Id": [request_id]},
    }
    assert call("/private", "guessed") == {
        "statusCode": 401,
        "body": '{"message":"unauthorized"}',
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"], "X-Request-Id": [request_id]},
    }
    assert call("/missing") == {  # not-found answers pass through the global middlewares too
        "statusCode": 404,
        "body": '{"statusCode":404,"message":"Not found"}',
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"], "X-Request-Id": [request_id]},
    }


# --- Async -----------------------------------------------------------------------------------


def test_async_route_gathers_both_prices(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/async_routes.py")

    assert example.lambda_handler(http_event(load_event, "GET", "/prices"), lambda_context) == {
        "statusCode": 200,
        "body": '{"KB-01":49.0,"MS-02":19.5}',
        "isBase64Encoded": False,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
    }


# --- Data validation -------------------------------------------------------------------------


def test_validation_converts_each_location(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/data_validation.py")

    defaults = rest_event(load_event, "POST", "/lists/7/todos", body={"title": "Buy milk"})
    assert json_answer(example.lambda_handler(defaults, lambda_context)) == (
        200,
        {"list": 7, "todo": {"title": "Buy milk", "priority": 3}, "notify": False, "tenant": "default"},
    )

    every_location = rest_event(
        load_event,
        "POST",
        "/lists/7/todos",
        body={"title": "Buy milk", "priority": 1},
        headers={"x-tenant": "acme"},
        query={"notify": ["true"]},
    )
    assert example.lambda_handler(every_location, lambda_context) == {
        "statusCode": 200,
        "body": '{"list":7,"todo":{"title":"Buy milk","priority":1},"notify":true,"tenant":"acme"}',
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
    }

    listed = example.lambda_handler(rest_event(load_event, "GET", "/lists/7/todos"), lambda_context)
    assert json_answer(listed) == (200, [{"title": "todo 0", "priority": 3}, {"title": "todo 1", "priority": 3}])


def test_validation_answers_422_naming_each_failing_field(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/data_validation.py")

    bad_post = rest_event(load_event, "POST", "/lists/seven/todos", body={"priority": "high"})
    assert example.lambda_handler(bad_post, lambda_context) == {
        "statusCode": 422,
        "body": json.dumps(
            {
                "statusCode": 422,
                "detail": [
                    {"loc": ["path", "list_id"], "type": "int_parsing"},
                    {"loc": ["body", "title"], "type": "missing"},
                    {"loc": ["body", "priority"], "type": "int_parsing"},
                ],
            },
            separators=(",", ":"),
        ),
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
    }

    over_limit = rest_event(load_event, "GET", "/lists/7/todos", query={"limit": ["500"]})
    assert json_answer(example.lambda_handler(over_limit, lambda_context)) == (
        422,
        {"statusCode": 422, "detail": [{"loc": ["query", "limit"], "type": "less_than_equal"}]},
    )
    not_a_number = rest_event(load_event, "GET", "/lists/7/todos", query={"limit": ["ten"]})
    assert json_answer(example.lambda_handler(not_a_number, lambda_context)) == (
        422,
        {"statusCode": 422, "detail": [{"loc": ["query", "limit"], "type": "int_parsing"}]},
    )


# --- OpenAPI and Swagger UI ------------------------------------------------------------------


def test_openapi_document_is_valid_and_describes_the_route(load_example: Any) -> None:
    example = load_example("event_handler/openapi.py")

    document = json.loads(example.app.get_openapi_json_schema())
    validate(document)  # a valid OpenAPI 3.1 document

    assert document["openapi"] == "3.1.0"
    assert document["info"] == {"title": "Todos", "contact": {"email": "team@example.com"}, "version": "1.2.0"}
    assert document["security"] == [{"bearer": []}]
    assert document["components"]["securitySchemes"] == {"bearer": {"type": "http", "scheme": "bearer"}}
    operation = document["paths"]["/todos/{todo_id}"]["get"]
    assert operation["summary"] == "Get one todo"
    assert operation["tags"] == ["todos"]
    assert operation["parameters"] == [
        {"required": True, "schema": {"type": "string", "title": "Todo Id"}, "name": "todo_id", "in": "path"}
    ]
    assert operation["responses"]["200"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/Todo"}}
    }
    assert document["components"]["schemas"]["Todo"] == {
        "properties": {
            "id": {"type": "string", "title": "Id"},
            "title": {"type": "string", "title": "Title"},
            "completed": {"type": "boolean", "title": "Completed", "default": False},
        },
        "type": "object",
        "required": ["id", "title"],
        "title": "Todo",
    }
    assert example.app.get_openapi_schema().info.title == "Todos"  # the same as a model


def test_swagger_serves_the_page_and_the_document(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/openapi.py")

    page = example.lambda_handler(rest_event(load_event, "GET", "/swagger"), lambda_context)
    assert page["statusCode"] == 200
    assert page["multiValueHeaders"] == {"Content-Type": ["text/html"]}
    assert "SwaggerUIBundle" in page["body"]
    assert '"title": "Todos"' in page["body"]  # the document is embedded in the page

    served = example.lambda_handler(
        rest_event(load_event, "GET", "/swagger", query={"format": ["json"]}), lambda_context
    )
    assert served["statusCode"] == 200
    assert served["multiValueHeaders"] == {"Content-Type": ["application/json"]}
    document = json.loads(served["body"])
    validate(document)
    assert document["servers"] == [{"url": "/prod"}]  # the stage the request came through
    assert document["paths"] == json.loads(example.app.get_openapi_json_schema())["paths"]

    todo = example.lambda_handler(rest_event(load_event, "GET", "/todos/1"), lambda_context)
    assert json_answer(todo) == (200, {"id": "1", "title": "Buy milk", "completed": False})


@pytest.mark.parametrize(
    ("name", "version"), [("event_handler/openapi.py", "3.1.0"), ("event_handler/bedrock_agent_openapi.py", "3.0.3")]
)
def test_openapi_examples_print_their_document_when_run(
    name: str, version: str, capsys: pytest.CaptureFixture[str]
) -> None:
    runpy.run_path(str(EXAMPLES / name), run_name="__main__")

    document = json.loads(capsys.readouterr().out)
    validate(document)
    assert document["openapi"] == version
