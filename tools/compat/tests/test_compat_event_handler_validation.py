"""Event handler data validation: the same validated app under upstream and ours gives the same responses.

Covers each parameter location's 422 body, body models/dataclasses/lists, multi-value query
strings and headers, Response[T], response validation failures and custom exception handlers.
"""

# No `from __future__ import annotations`: upstream resolves string annotations against the module
# globals only, and these routes are defined inside a function.
import base64
import json
from dataclasses import dataclass
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, Field

from tools.compat.harness import FLAVOURS, Flavour, SimpleLambdaContext


class Todo(BaseModel):
    title: str = Field(min_length=1)
    priority: int = 1
    owner_id: int | None = Field(default=None, alias="ownerId")


@dataclass
class Note:
    text: str
    pinned: bool = False


def rest_event(
    method: str,
    path: str,
    *,
    query: dict[str, list[str]] | None = None,
    headers: dict[str, list[str]] | None = None,
    body: str | None = None,
    base64_body: bool = False,
) -> dict[str, Any]:
    """An API Gateway REST (payload 1.0) event with both single- and multi-value maps, as AWS sends."""
    return {
        "resource": path,
        "path": path,
        "httpMethod": method,
        "headers": {name: values[-1] for name, values in (headers or {}).items()},
        "multiValueHeaders": headers or {},
        "queryStringParameters": {name: values[-1] for name, values in query.items()} if query else None,
        "multiValueQueryStringParameters": query,
        "pathParameters": None,
        "requestContext": {"requestId": "r-1", "stage": "prod", "httpMethod": method, "path": path},
        "body": base64.b64encode(body.encode()).decode() if base64_body and body is not None else body,
        "isBase64Encoded": base64_body,
    }


def http_event(
    method: str,
    path: str,
    *,
    raw_query: str = "",
    headers: dict[str, str] | None = None,
    cookies: list[str] | None = None,
    body: str | None = None,
) -> dict[str, Any]:
    """An API Gateway HTTP API (payload 2.0) event: repeated values arrive comma-joined."""
    query: dict[str, str] = {}
    for pair in filter(None, raw_query.split("&")):
        name, _, value = pair.partition("=")
        query[name] = f"{query[name]},{value}" if name in query else value
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": raw_query,
        "headers": headers or {},
        "requestContext": {"http": {"method": method, "path": path, "sourceIp": "127.0.0.1"}, "stage": "$default"},
        "body": body,
        "isBase64Encoded": False,
    }
    if query:
        event["queryStringParameters"] = query
    if cookies:
        event["cookies"] = cookies
    return event


def build_app(pt: Flavour, resolver: str = "APIGatewayRestResolver", **options: Any) -> Any:
    eh = pt.event_handler
    params = pt.module("event_handler", "openapi.params")
    Query, Header, Cookie, Body = params.Query, params.Header, params.Cookie, params.Body
    app = getattr(eh, resolver)(enable_validation=True, **options)

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: int, verbose: bool = False) -> dict[str, Any]:
        return {"id": todo_id, "verbose": verbose}

    @app.get("/search")
    def search(
        q: Annotated[str, Query(min_length=2)],
        limit: Annotated[int, Query(gt=0, le=100)] = 10,
        tags: Annotated[list[str], Query()] = [],  # noqa: B006 - the default is never mutated
        page_size: Annotated[int | None, Query(alias="pageSize")] = None,
    ) -> dict[str, Any]:
        return {"q": q, "limit": limit, "tags": tags, "pageSize": page_size}

    @app.get("/headers")
    def headers(
        x_request_id: Annotated[str, Header()],
        x_retry: Annotated[int, Header(ge=0)] = 0,
        accept_language: Annotated[list[str], Header()] = [],  # noqa: B006
    ) -> dict[str, Any]:
        return {"id": x_request_id, "retry": x_retry, "languages": accept_language}

    @app.get("/session")
    def session(session_id: Annotated[str, Cookie()], theme: Annotated[str, Cookie()] = "light") -> dict[str, str]:
        return {"session": session_id, "theme": theme}

    @app.post("/todos")
    def create_todo(todo: Todo) -> Todo:
        return todo

    @app.post("/notes")
    def create_note(note: Note, draft: bool = False) -> Note:
        return note

    @app.post("/bulk")
    def bulk(todos: list[Todo]) -> list[Todo]:
        return todos

    @app.post("/embedded")
    def embedded(todo: Annotated[Todo, Body(embed=True)]) -> dict[str, Any]:
        return {"title": todo.title}

    @app.post("/two-bodies")
    def two_bodies(todo: Todo, note: Note) -> dict[str, Any]:
        return {"title": todo.title, "text": note.text}

    @app.get("/wrapped")
    def wrapped() -> eh.Response[Todo]:
        return eh.Response(201, "application/json", Todo(title="made", ownerId=7))

    @app.get("/broken")
    def broken() -> Todo:
        return {"priority": "high"}  # type: ignore[return-value]

    @app.get("/untyped")
    def untyped():  # type: ignore[no-untyped-def]
        return {"note": Note("dataclass body"), "todo": Todo(title="model body")}

    return app


REQUESTS: dict[str, dict[str, Any]] = {
    "path ok": rest_event("GET", "/todos/42", query={"verbose": ["true"]}),
    "path not int": rest_event("GET", "/todos/abc"),
    "query bad bool": rest_event("GET", "/todos/1", query={"verbose": ["maybe"]}),
    "query ok": rest_event("GET", "/search", query={"q": ["lambda"], "tags": ["a", "b"], "pageSize": ["5"]}),
    "query missing": rest_event("GET", "/search"),
    "query constraints": rest_event("GET", "/search", query={"q": ["x"], "limit": ["0"]}),
    "query not int": rest_event("GET", "/search", query={"q": ["xy"], "limit": ["ten"], "pageSize": ["x"]}),
    "query repeated scalar": rest_event("GET", "/search", query={"q": ["ab", "cd"]}),
    "header ok": rest_event(
        "GET", "/headers", headers={"X-Request-Id": ["abc"], "X-Retry": ["2"], "Accept-Language": ["en", "fr"]}
    ),
    "header missing": rest_event("GET", "/headers"),
    "header not int": rest_event("GET", "/headers", headers={"x-request-id": ["a"], "x-retry": ["-1"]}),
    "cookie ok": rest_event("GET", "/session", headers={"Cookie": ["session_id=s1; theme=dark"]}),
    "cookie missing": rest_event("GET", "/session", headers={"Cookie": ["theme=dark"]}),
    "body ok": rest_event("POST", "/todos", body=json.dumps({"title": "write", "priority": "3", "ownerId": 9})),
    "body base64": rest_event("POST", "/todos", body=json.dumps({"title": "b64"}), base64_body=True),
    "body invalid json": rest_event("POST", "/todos", body='{"title": '),
    "body missing field": rest_event("POST", "/todos", body=json.dumps({"priority": 2})),
    "body wrong types": rest_event("POST", "/todos", body=json.dumps({"title": "", "priority": "high"})),
    "body absent": rest_event("POST", "/todos"),
    "body is a list": rest_event("POST", "/todos", body="[1, 2]"),
    "dataclass ok": rest_event("POST", "/notes", body=json.dumps({"text": "hi", "pinned": True})),
    "dataclass bad": rest_event("POST", "/notes", body=json.dumps({"pinned": "nope"})),
    "list ok": rest_event("POST", "/bulk", body=json.dumps([{"title": "a"}, {"title": "b", "priority": 5}])),
    "list bad item": rest_event("POST", "/bulk", body=json.dumps([{"title": "a"}, {"priority": 5}])),
    "embed ok": rest_event("POST", "/embedded", body=json.dumps({"todo": {"title": "inner"}})),
    "embed missing": rest_event("POST", "/embedded", body=json.dumps({"title": "not embedded"})),
    "two bodies ok": rest_event(
        "POST", "/two-bodies", body=json.dumps({"todo": {"title": "t"}, "note": {"text": "n"}})
    ),
    "two bodies bad": rest_event("POST", "/two-bodies", body=json.dumps({"todo": {}})),
    "unsupported content type": rest_event(
        "POST", "/todos", headers={"Content-Type": ["text/csv"]}, body="title\nwrite"
    ),
    "Response[T]": rest_event("GET", "/wrapped"),
    "response invalid": rest_event("GET", "/broken"),
    "untyped return": rest_event("GET", "/untyped"),
    "not found": rest_event("GET", "/nowhere"),
}


def resolve_both(event: dict[str, Any], **options: Any) -> dict[str, Any]:
    responses = {}
    for flavour in FLAVOURS:
        app = build_app(flavour, **options)
        responses[flavour.name] = app.resolve(json.loads(json.dumps(event)), SimpleLambdaContext())
    return responses


@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_rest_responses_match_upstream(name: str) -> None:
    responses = resolve_both(REQUESTS[name])
    assert responses["ours"] == responses["upstream"], name


def test_the_422_body_names_each_location_and_field() -> None:
    ours = build_app(FLAVOURS[1]).resolve(REQUESTS["query not int"], SimpleLambdaContext())
    assert ours["statusCode"] == 422
    assert json.loads(ours["body"]) == {
        "statusCode": 422,
        "detail": [
            {"loc": ["query", "limit"], "type": "int_parsing"},
            {"loc": ["query", "pageSize"], "type": "int_parsing"},
        ],
    }


@pytest.mark.parametrize("code", [500, 418])
def test_response_validation_error_http_code_matches_upstream(code: int) -> None:
    responses = resolve_both(REQUESTS["response invalid"], response_validation_error_http_code=code)
    assert responses["ours"] == responses["upstream"]
    assert responses["ours"]["statusCode"] == code
    assert "high" not in responses["ours"]["body"]  # nothing of the value reaches the client


HTTP_REQUESTS: dict[str, dict[str, Any]] = {
    "comma scalar kept": http_event("GET", "/search", raw_query="q=a,b"),
    "repeated list": http_event("GET", "/search", raw_query="q=abc&tags=x&tags=y"),
    "repeated scalar": http_event("GET", "/search", raw_query="q=ab&q=cd"),
    "header list": http_event("GET", "/headers", headers={"x-request-id": "1", "accept-language": "en,fr"}),
    "cookies": http_event("GET", "/session", cookies=["session_id=s9"]),
    "cookie missing": http_event("GET", "/session"),
    "body bad": http_event("POST", "/todos", body="nope"),
}


@pytest.mark.parametrize("name", sorted(HTTP_REQUESTS))
def test_http_api_responses_match_upstream(name: str) -> None:
    responses = resolve_both(HTTP_REQUESTS[name], resolver="APIGatewayHttpResolver")
    assert responses["ours"] == responses["upstream"], name


def test_custom_request_validation_handler_matches_upstream() -> None:
    responses = {}
    for flavour in FLAVOURS:
        eh = flavour.event_handler
        exceptions = flavour.module("event_handler", "openapi.exceptions")
        app = build_app(flavour)

        @app.exception_handler(exceptions.RequestValidationError)
        def invalid(exc: Any, eh: Any = eh) -> Any:
            fields = [".".join(str(part) for part in error["loc"]) for error in exc.errors()]
            return eh.Response(
                400, "application/json", {"invalid": fields, "messages": [e["msg"] for e in exc.errors()]}
            )

        responses[flavour.name] = app.resolve(REQUESTS["body wrong types"], SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]
    assert responses["ours"]["statusCode"] == 400


def test_lattice_v2_list_content_type_is_read_where_upstream_fails() -> None:
    # Documented difference (README, "Differences from upstream"): VPC Lattice v2 sends every header
    # as a list; upstream calls .strip() on the Content-Type list and raises AttributeError.
    from powertools_testing.events import load_event

    results: dict[str, Any] = {}
    for flavour in FLAVOURS:
        app = flavour.event_handler.VPCLatticeV2Resolver(enable_validation=True)

        @app.post("/todos")
        def create(todo: Todo) -> dict[str, str]:
            return {"title": todo.title}

        event = load_event("vpc_lattice_v2")
        event["body"] = json.dumps({"title": "oat milk"})
        try:
            results[flavour.name] = app.resolve(event, SimpleLambdaContext())
        except AttributeError as exc:
            results[flavour.name] = exc
    assert isinstance(results["upstream"], AttributeError)
    assert results["ours"]["statusCode"] == 200
    assert json.loads(results["ours"]["body"]) == {"title": "oat milk"}


def test_unresolvable_type_hint_is_a_clear_error_where_upstream_guesses() -> None:
    # Documented difference (README): ours names the function and the missing name; upstream keeps
    # the unresolved string and treats the parameter as a required query value.
    results: dict[str, Any] = {}
    for flavour in FLAVOURS:
        app = flavour.event_handler.APIGatewayRestResolver(enable_validation=True)

        def broken(x: "NoSuchType") -> dict[str, Any]:  # type: ignore[name-defined]  # noqa: F821
            return {}

        app.get("/broken")(broken)
        try:
            results[flavour.name] = app.resolve(rest_event("GET", "/broken"), SimpleLambdaContext())
        except TypeError as exc:
            results[flavour.name] = exc
    assert json.loads(results["upstream"]["body"])["detail"] == [{"loc": ["query", "x"], "type": "missing"}]
    assert "cannot resolve the type hints of route function" in str(results["ours"])
    assert "NoSuchType" in str(results["ours"])


def test_validation_options_without_validation_raise_the_same_value_error() -> None:
    messages = {}
    for flavour in FLAVOURS:
        with pytest.raises(ValueError) as caught:
            flavour.event_handler.APIGatewayRestResolver(response_validation_error_http_code=500)
        messages[flavour.name] = str(caught.value)
    assert messages["ours"] == messages["upstream"]
