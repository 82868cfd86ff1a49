"""Dependency injection (``Depends``) and ``Request`` injection, with and without validation."""

# No `from __future__ import annotations`: routes and dependencies defined inside a test function
# are only resolvable from real annotation objects (as with upstream).
import asyncio
import json
from typing import Annotated, Any

import pytest

from powertools.event_handler import (
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    DependencyResolutionError,
    Depends,
    Request,
    Response,
    Router,
)
from powertools.event_handler.exceptions import UnauthorizedError

CALLS: list[str] = []


def get_tenant(request: Request) -> str:
    CALLS.append("tenant")
    return str(request.headers.get("X-Tenant") or request.headers.get("x-tenant") or "default")


def get_user(tenant: Annotated[str, Depends(get_tenant)], request: Request) -> dict[str, Any]:
    CALLS.append("user")
    return {"tenant": tenant, "route": request.route, "path": request.path_parameters}


def make_app(resolver: type[Any] = APIGatewayRestResolver, **options: Any) -> Any:
    app = resolver(**options)

    @app.get("/todos/<todo_id>")
    def get_todo(
        todo_id: str,
        user: Annotated[dict, Depends(get_user)],
        tenant: Annotated[str, Depends(get_tenant)],
    ) -> dict[str, Any]:
        return {"id": todo_id, "user": user, "tenant": tenant, "calls": list(CALLS)}

    return app


@pytest.fixture(autouse=True)
def _clear_calls() -> None:
    CALLS.clear()


@pytest.mark.parametrize("validation", [False, True])
def test_nested_dependencies_are_resolved_once_per_request(load_event: Any, validation: bool) -> None:
    app = make_app(enable_validation=validation)
    event = load_event("apigw_rest")
    event["headers"]["X-Tenant"] = "acme"

    first = app.resolve(event, None)
    second = app.resolve(event, None)

    assert first["statusCode"] == 200
    body = {
        "id": "1",
        "user": {"tenant": "acme", "route": "/todos/{todo_id}", "path": {"todo_id": "1"}},
        "tenant": "acme",
        "calls": ["tenant", "user"],
    }
    assert json.loads(first["body"]) == body
    # A new request calls the dependencies again.
    assert json.loads(second["body"])["calls"] == ["tenant", "user", "tenant", "user"]


def test_http_api_event(load_event: Any) -> None:
    app = make_app(APIGatewayHttpResolver)
    event = load_event("apigw_http")
    event["headers"]["x-tenant"] = "globex"

    body = json.loads(app.resolve(event, None)["body"])

    assert body["tenant"] == "globex"
    assert body["user"] == {"tenant": "globex", "route": "/todos/{todo_id}", "path": {"todo_id": "1"}}


def test_use_cache_false_calls_the_dependency_for_each_parameter(load_event: Any) -> None:
    app = APIGatewayRestResolver()

    @app.get("/todos/<todo_id>")
    def get_todo(
        a: Annotated[str, Depends(get_tenant, use_cache=False)],
        b: Annotated[str, Depends(get_tenant, use_cache=False)],
        todo_id: str,
    ) -> dict[str, Any]:
        return {"calls": list(CALLS)}

    assert app.resolve(load_event("apigw_rest"), None)["body"] == '{"calls":["tenant","tenant"]}'


def test_dependency_overrides_replace_a_dependency_anywhere_in_the_tree(load_event: Any) -> None:
    app = make_app()
    app.dependency_overrides[get_tenant] = lambda: "test-tenant"

    body = json.loads(app.resolve(load_event("apigw_rest"), None)["body"])

    assert body["tenant"] == "test-tenant"
    assert body["user"]["tenant"] == "test-tenant"
    assert body["calls"] == ["user"]

    app.dependency_overrides.clear()
    assert json.loads(app.resolve(load_event("apigw_rest"), None)["body"])["tenant"] == "default"


def test_failing_dependency_raises_dependency_resolution_error_naming_it(load_event: Any) -> None:
    app = APIGatewayRestResolver()

    def get_db() -> str:
        raise ConnectionError("database unreachable")

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str, db: Annotated[str, Depends(get_db)]) -> dict[str, Any]:
        return {}

    with pytest.raises(DependencyResolutionError) as raised:
        app.resolve(load_event("apigw_rest"), None)

    assert str(raised.value) == "Failed to resolve dependency 'get_db' for parameter 'db': database unreachable"
    assert isinstance(raised.value.__cause__, ConnectionError)


def test_exception_handlers_see_what_the_dependency_raised(load_event: Any) -> None:
    app = APIGatewayRestResolver()

    def get_db() -> str:
        raise ConnectionError("database unreachable")

    def require_token(request: Request) -> str:
        raise UnauthorizedError("missing token")

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str, db: Annotated[str, Depends(get_db)]) -> dict[str, Any]:
        return {}

    @app.get("/secret")
    def secret(token: Annotated[str, Depends(require_token)]) -> dict[str, Any]:
        return {}

    @app.exception_handler(ConnectionError)
    def unavailable(exc: ConnectionError) -> Response:
        return Response(503, "text/plain", f"{type(exc).__name__}: {exc}")

    assert app.resolve(load_event("apigw_rest"), None)["body"] == "ConnectionError: database unreachable"
    secret_event = {**load_event("apigw_rest"), "path": "/secret"}
    response = app.resolve(secret_event, None)
    assert (response["statusCode"], response["body"]) == (401, '{"statusCode":401,"message":"missing token"}')

    @app.exception_handler(DependencyResolutionError)
    def dependency_failed(exc: DependencyResolutionError) -> Response:
        return Response(500, "text/plain", str(exc))

    assert app.resolve(load_event("apigw_rest"), None)["body"] == (
        "Failed to resolve dependency 'get_db' for parameter 'db': database unreachable"
    )


def test_depends_needs_a_callable() -> None:
    with pytest.raises(DependencyResolutionError, match="Depends\\(\\) requires a callable, got int: 1"):
        Depends(1)  # type: ignore[arg-type]


def test_request_injection_without_depends(load_event: Any) -> None:
    app = APIGatewayRestResolver()

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str, request: Request) -> dict[str, Any]:
        assert request is app.request
        return {
            "route": request.route,
            "path_parameters": request.path_parameters,
            "method": request.method,
            "accept": request.headers["Accept"],
            "query": request.query_parameters,
            "body": request.body,
            "event": type(request.resolved_event).__name__,
            "request_id": request.resolved_event.request_context.request_id,
            "context": sorted(request.context),
        }

    body = json.loads(app.resolve(load_event("apigw_rest"), None)["body"])

    assert body == {
        "route": "/todos/{todo_id}",
        "path_parameters": {"todo_id": "1"},
        "method": "GET",
        "accept": "application/json",
        "query": {"include": "comments", "format": "full"},
        "body": None,
        "event": "APIGatewayProxyEvent",
        "request_id": load_event("apigw_rest")["requestContext"]["requestId"],
        "context": ["_path", "_request", "_route", "_route_args"],
    }


def test_request_json_body_and_middleware_context(load_event: Any) -> None:
    app = APIGatewayRestResolver()

    def auth(app: APIGatewayRestResolver, next_middleware: Any) -> Response:
        app.append_context(user="jdoe", seen_route=app.request.route)
        return next_middleware(app)

    def current_user(request: Request) -> str:
        return f"{request.context['user']}@{request.context['seen_route']}"

    @app.post("/todos", middlewares=[auth])
    def create(user: Annotated[str, Depends(current_user)], request: Request) -> dict[str, Any]:
        return {"user": user, "title": request.json_body["title"]}

    response = app.resolve(load_event("apigw_rest_post_json"), None)

    assert response["body"] == '{"user":"jdoe@/todos","title":"Buy milk"}'


def test_validated_path_parameters_are_converted_and_only_the_paths(load_event: Any) -> None:
    app = APIGatewayRestResolver(enable_validation=True)

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: int, request: Request, format: str = "") -> dict[str, Any]:
        return {"path": request.path_parameters, "todo_id": todo_id, "format": format}

    assert app.resolve(load_event("apigw_rest"), None)["body"] == ('{"path":{"todo_id":1},"todo_id":1,"format":"full"}')


def test_app_request_outside_a_request_raises() -> None:
    app = APIGatewayRestResolver()
    with pytest.raises(RuntimeError, match=r"app\.request is only available after route resolution"):
        _ = app.request


def test_router_routes_use_the_apps_overrides(load_event: Any) -> None:
    router = Router()

    @router.get("/todos/<todo_id>")
    def get_todo(todo_id: str, tenant: Annotated[str, Depends(get_tenant)], request: Request) -> dict[str, Any]:
        return {"tenant": tenant, "route": request.route, "same": request is router.request}

    app = APIGatewayRestResolver()
    app.include_router(router, prefix="/v1")
    app.dependency_overrides[get_tenant] = lambda: "router-tenant"
    event = {**load_event("apigw_rest"), "path": "/v1/todos/1"}

    assert app.resolve(event, None)["body"] == '{"tenant":"router-tenant","route":"/v1/todos/{todo_id}","same":true}'


def test_async_routes(load_event: Any) -> None:
    app = APIGatewayRestResolver()

    @app.get("/todos/<todo_id>")
    async def get_todo(todo_id: str, user: Annotated[dict, Depends(get_user)]) -> dict[str, Any]:
        return {"id": todo_id, "tenant": user["tenant"]}

    response = asyncio.run(app.resolve_async(load_event("apigw_rest"), None))
    assert response["body"] == '{"id":"1","tenant":"default"}'


def test_dependencies_and_request_are_not_openapi_parameters() -> None:
    app = make_app(enable_validation=True)

    operation = app.get_openapi_schema().paths["/todos/{todo_id}"].get
    assert [parameter.name for parameter in operation.parameters] == ["todo_id"]


def test_circular_dependency_is_reported(load_event: Any) -> None:
    app = APIGatewayRestResolver()

    def first(value: Annotated[str, Depends(lambda: "x")]) -> str:
        return value

    def loop(value: Annotated[str, Depends(first)]) -> str:
        return value

    first.__annotations__["value"] = Annotated[str, Depends(loop)]

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str, value: Annotated[str, Depends(loop)]) -> dict[str, Any]:
        return {}

    with pytest.raises(DependencyResolutionError, match="Circular dependency: get_todo -> loop -> first -> loop"):
        app.resolve(load_event("apigw_rest"), None)


def test_routes_without_injection_never_load_the_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from powertools.event_handler import APIGatewayRestResolver\n"
        "app = APIGatewayRestResolver()\n"
        "@app.get('/todos/<todo_id>')\n"
        "def get_todo(todo_id: str) -> dict:\n"
        "    return {'id': todo_id}\n"
        "app.resolve({'httpMethod': 'GET', 'path': '/todos/1', 'headers': {}}, None)\n"
        "print(sorted(m for m in sys.modules if m.endswith(('.depends', '.request'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_function_middlewares_get_request_and_dependencies_shared_with_the_route(load_event: Any) -> None:
    app = APIGatewayRestResolver()
    seen: list[str] = []

    def audit(
        app: APIGatewayRestResolver, next_middleware: Any, request: Request, tenant: Annotated[str, Depends(get_tenant)]
    ) -> Response:
        seen.append(f"{request.method} {request.route} for {tenant}")
        return next_middleware(app)

    app.use([audit])

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str, tenant: Annotated[str, Depends(get_tenant)]) -> dict[str, Any]:
        return {"tenant": tenant, "calls": list(CALLS)}

    assert app.resolve(load_event("apigw_rest"), None)["body"] == '{"tenant":"default","calls":["tenant"]}'
    assert seen == ["GET /todos/{todo_id} for default"]
    assert asyncio.run(app.resolve_async(load_event("apigw_rest"), None))["statusCode"] == 200
    assert seen[-1] == "GET /todos/{todo_id} for default"


def test_validated_dependencies_get_their_own_request_parameters(load_event: Any) -> None:
    from powertools.event_handler.openapi.params import Header, Query

    app = APIGatewayRestResolver(enable_validation=True)

    def get_limit(limit: Annotated[int, Query(le=100)] = 10) -> int:
        return limit

    def get_listing(
        format: Annotated[str, Query()],
        limit: Annotated[int, Depends(get_limit)],
        accept: Annotated[str, Header()] = "*/*",
    ) -> dict[str, Any]:
        return {"format": format, "limit": limit, "accept": accept}

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: int, listing: Annotated[dict, Depends(get_listing)]) -> dict[str, Any]:
        return {"id": todo_id, "listing": listing}

    event = load_event("apigw_rest")
    assert app.resolve(event, None)["body"] == (
        '{"id":1,"listing":{"format":"full","limit":10,"accept":"application/json"}}'
    )
    event["queryStringParameters"]["limit"] = "500"
    event["multiValueQueryStringParameters"]["limit"] = ["500"]
    response = app.resolve(event, None)
    assert (response["statusCode"], response["body"]) == (
        422,
        '{"statusCode":422,"detail":[{"loc":["query","limit"],"type":"less_than_equal"}]}',
    )
    operation = app.get_openapi_schema().paths["/todos/{todo_id}"].get
    assert [(p.name, p.in_.value) for p in operation.parameters] == [
        ("todo_id", "path"),
        ("format", "query"),
        ("limit", "query"),
        ("accept", "header"),
    ]
