"""Route matching: dynamic segments, catch-alls, trailing slashes, prefixes, routers, registration order."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from powertools.event_handler import APIGatewayHttpResolver, APIGatewayRestResolver, Router
from powertools.event_handler.router import APIGatewayRouter


def rest_event(path: str, method: str = "GET") -> dict[str, Any]:
    return {"httpMethod": method, "path": path, "headers": {}, "requestContext": {"stage": "prod"}, "body": None}


def http_event(path: str, method: str = "GET") -> dict[str, Any]:
    return {"rawPath": path, "headers": {}, "requestContext": {"http": {"method": method}, "stage": "$default"}}


def body_of(result: dict[str, Any]) -> Any:
    return json.loads(result["body"])


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/users/42", {"user_id": "42"}),
        ("/users/jane.doe@example.com", {"user_id": "jane.doe@example.com"}),
        ("/users/a-b_c~d(e)'f!g*h:i,j;k=l+m&n$o", {"user_id": "a-b_c~d(e)'f!g*h:i,j;k=l+m&n$o"}),
        ("/users/100%25 {x}|^[y]", {"user_id": "100%25 {x}|^[y]"}),
        ("/users/ünïcode", {"user_id": "ünïcode"}),
    ],
)
def test_dynamic_segment_accepts_the_documented_characters(path: str, expected: dict[str, str]) -> None:
    app = APIGatewayRestResolver()
    app.get("/users/<user_id>")(lambda user_id: {"user_id": user_id})

    assert body_of(app.resolve(rest_event(path), None)) == expected


@pytest.mark.parametrize("path", ["/users/a/b", '/users/a"b', "/users/a#b", "/users/"])
def test_dynamic_segment_never_spans_slashes_or_unsafe_characters(path: str) -> None:
    app = APIGatewayHttpResolver()
    app.get("/users/<user_id>")(lambda user_id: {"user_id": user_id})

    assert app.resolve(http_event(path), None)["statusCode"] == 404


def test_several_segments_are_passed_by_name() -> None:
    app = APIGatewayRestResolver()
    app.get("/orgs/<org>/repos/<repo>")(lambda org, repo: {"org": org, "repo": repo})

    assert body_of(app.resolve(rest_event("/orgs/aws/repos/powertools"), None)) == {"org": "aws", "repo": "powertools"}


def test_static_routes_win_over_dynamic_ones_whatever_the_order() -> None:
    app = APIGatewayRestResolver()
    app.get("/todos/<todo_id>")(lambda todo_id: {"route": "dynamic"})
    app.get("/todos/latest")(lambda: {"route": "static"})

    assert body_of(app.resolve(rest_event("/todos/latest"), None)) == {"route": "static"}
    assert body_of(app.resolve(rest_event("/todos/7"), None)) == {"route": "dynamic"}


def test_catch_all_regex_routes_match_in_registration_order() -> None:
    app = APIGatewayRestResolver()
    app.get("/health")(lambda: {"route": "health"})
    app.get("/static/.+")(lambda: {"route": "static"})
    app.get(".+")(lambda: {"route": "catch-all"})

    assert body_of(app.resolve(rest_event("/health"), None)) == {"route": "health"}
    assert body_of(app.resolve(rest_event("/static/css/site.css"), None)) == {"route": "static"}
    assert body_of(app.resolve(rest_event("/anything/else"), None)) == {"route": "catch-all"}


def test_a_catch_all_registered_first_shadows_later_static_routes_as_upstream() -> None:
    app = APIGatewayRestResolver()
    app.get(".+")(lambda: {"route": "catch-all"})
    app.get("/health")(lambda: {"route": "health"})

    assert body_of(app.resolve(rest_event("/health"), None)) == {"route": "catch-all"}


def test_segment_mixed_with_text_uses_regex_semantics() -> None:
    app = APIGatewayHttpResolver()
    app.get("/files/<name>.json")(lambda name: {"name": name})

    assert body_of(app.resolve(http_event("/files/report.json"), None)) == {"name": "report"}


def test_rest_api_ignores_trailing_slashes_on_rules_and_paths() -> None:
    app = APIGatewayRestResolver()
    app.get("/todos/")(lambda: {"route": "list"})
    app.get("/")(lambda: {"route": "root"})

    for path in ("/todos", "/todos/", "/todos//"):
        assert body_of(app.resolve(rest_event(path), None)) == {"route": "list"}
    for path in ("/", ""):
        assert body_of(app.resolve(rest_event(path), None)) == {"route": "root"}


def test_http_api_treats_a_trailing_slash_as_a_different_path() -> None:
    app = APIGatewayHttpResolver()
    app.get("/todos")(lambda: {"route": "list"})

    assert app.resolve(http_event("/todos/"), None)["statusCode"] == 404


def test_method_is_matched_case_insensitively_and_route_accepts_several() -> None:
    app = APIGatewayRestResolver()
    app.route("/todos", method=["post", "PUT"])(lambda: {"method": app.current_event.http_method})

    assert body_of(app.resolve(rest_event("/todos", "put"), None)) == {"method": "put"}
    assert body_of(app.resolve(rest_event("/todos", "POST"), None)) == {"method": "POST"}
    assert app.resolve(rest_event("/todos", "GET"), None)["statusCode"] == 404


def test_every_method_decorator_registers_its_method() -> None:
    app = APIGatewayRestResolver()
    for name in ("get", "post", "put", "delete", "patch", "head"):
        getattr(app, name)("/thing")(lambda name=name: {"via": name})

    for name in ("get", "post", "put", "delete", "patch", "head"):
        assert body_of(app.resolve(rest_event("/thing", name.upper()), None)) == {"via": name}


def test_strip_prefixes_accepts_strings_and_regexes(load_event: Any) -> None:
    app = APIGatewayRestResolver(strip_prefixes=["/prod/api", re.compile(r"/v\d+")])
    app.get("/todos")(lambda: {"route": "todos"})
    app.get("/")(lambda: {"route": "root"})

    assert body_of(app.resolve(load_event("api_gateway_rest_with_prefix"), None)) == {"route": "todos"}
    assert body_of(app.resolve(rest_event("/v2/todos"), None)) == {"route": "todos"}
    assert body_of(app.resolve(rest_event("/prod/api"), None)) == {"route": "root"}
    # Only whole path segments are stripped.
    assert app.resolve(rest_event("/prod/apitodos"), None)["statusCode"] == 404


def test_router_routes_are_added_under_a_prefix_and_share_context() -> None:
    router = APIGatewayRouter()
    router.append_context(source="router")

    @router.get("/")
    def list_users() -> dict[str, Any]:
        return {"route": "list", "source": router.context["source"]}

    @router.get("/<user_id>")
    def get_user(user_id: str) -> dict[str, Any]:
        return {"route": "get", "id": user_id, "path": router.current_event.path}

    app = APIGatewayRestResolver()
    app.include_router(router, prefix="/users")

    assert body_of(app.resolve(rest_event("/users"), None)) == {"route": "list", "source": "router"}
    assert body_of(app.resolve(rest_event("/users/7"), None)) == {"route": "get", "id": "7", "path": "/users/7"}


def test_router_without_prefix_and_its_exception_handlers_are_included() -> None:
    router = Router()

    @router.get("/fail")
    def fail() -> None:
        raise LookupError("nothing here")

    @router.exception_handler(LookupError)
    def handle(exc: LookupError) -> tuple[dict[str, str], int]:
        return {"error": str(exc)}, 410

    app = APIGatewayHttpResolver()
    app.include_router(router)
    result = app.resolve(http_event("/fail"), None)

    assert (result["statusCode"], body_of(result)) == (410, {"error": "nothing here"})


def test_router_state_before_inclusion_is_a_clear_error() -> None:
    with pytest.raises(RuntimeError, match="include_router"):
        _ = Router().current_event


def test_duplicate_route_warns_and_first_registration_answers() -> None:
    app = APIGatewayRestResolver()
    app.get("/x")(lambda: {"n": 1})
    with pytest.warns(UserWarning, match="already registered"):
        app.get("/x")(lambda: {"n": 2})

    assert body_of(app.resolve(rest_event("/x"), None)) == {"n": 1}


def test_five_hundred_routes_resolve_each_to_its_own_function() -> None:
    app = APIGatewayRestResolver()
    for index in range(500):
        app.get(f"/items{index}/<item_id>")(lambda item_id, index=index: {"route": index, "id": item_id})
        app.get(f"/static{index}")(lambda index=index: {"static": index})

    for index in (0, 250, 499):
        assert body_of(app.resolve(rest_event(f"/items{index}/42"), None)) == {"route": index, "id": "42"}
        assert body_of(app.resolve(rest_event(f"/static{index}"), None)) == {"static": index}
    assert app.resolve(rest_event("/items500/42"), None)["statusCode"] == 404


def test_context_is_shared_during_a_request_and_cleared_after() -> None:
    app = APIGatewayRestResolver()
    app.get("/ctx")(lambda: {"user": app.context.get("user")})

    def add_user(app: APIGatewayRestResolver, next_middleware: Any) -> Any:
        app.append_context(user="jdoe")
        return next_middleware(app)

    app.use([add_user])

    assert body_of(app.resolve(rest_event("/ctx"), None)) == {"user": "jdoe"}
    assert app.context == {}
