"""Event handler dependency injection (Depends) and Request injection: the same app under upstream and ours.

Nested dependencies, per-request caching, use_cache=False, dependency_overrides, a failing
dependency (DependencyResolutionError, or the exception handler of what it raised), Request in
routes, dependencies and middlewares, with and without enable_validation, and the OpenAPI document.
"""

# No `from __future__ import annotations`: upstream resolves string annotations against the module
# globals only, and these routes are defined inside a function.
import json
from typing import Annotated, Any

import pytest

from tools.compat.harness import FLAVOURS, Flavour, SimpleLambdaContext


def build_app(pt: Flavour, validation: bool) -> tuple[Any, list[str]]:
    eh = pt.event_handler
    Depends = pt.module("event_handler", "depends").Depends
    Request = pt.module("event_handler", "request").Request
    calls: list[str] = []
    app = eh.APIGatewayRestResolver(enable_validation=validation)

    def get_tenant(request: Request) -> str:
        calls.append("tenant")
        return str(request.headers.get("x-tenant", "default"))

    def get_user(tenant: Annotated[str, Depends(get_tenant)], request: Request) -> dict[str, Any]:
        calls.append("user")
        return {"tenant": tenant, "route": request.route, "method": request.method}

    def counter() -> int:
        calls.append("counter")
        return len(calls)

    def get_db() -> str:
        raise ConnectionError("database unreachable")

    def require_token(request: Request) -> str:
        token = request.headers.get("authorization")
        if not token:
            raise pt.module("event_handler", "exceptions").UnauthorizedError("missing token")
        return str(token)

    def audit(app: Any, next_middleware: Any) -> Any:
        app.append_context(audited_route=app.request.route)
        return next_middleware(app)

    app.use([audit])

    @app.get("/todos/<todo_id>")
    def get_todo(
        todo_id: str,
        user: Annotated[dict, Depends(get_user)],
        tenant: Annotated[str, Depends(get_tenant)],
    ) -> dict[str, Any]:
        return {"id": todo_id, "user": user, "tenant": tenant, "calls": list(calls)}

    @app.get("/counters")
    def counters(
        a: Annotated[int, Depends(counter, use_cache=False)], b: Annotated[int, Depends(counter, use_cache=False)]
    ) -> dict[str, Any]:
        return {"a": a, "b": b}

    @app.get("/db")
    def db(conn: Annotated[str, Depends(get_db)]) -> dict[str, Any]:
        return {"conn": conn}

    @app.get("/secret")
    def secret(token: Annotated[str, Depends(require_token)]) -> dict[str, Any]:
        return {"token": token}

    @app.get("/request/<a>/<b>")
    def request_details(a: str, b: str, request: Request) -> dict[str, Any]:
        return {
            "route": request.route,
            "path": dict(request.path_parameters),
            "method": request.method,
            "headers": request.headers,
            "query": request.query_parameters,
            "body": request.body,
            "event": type(request.resolved_event).__name__,
            "audited": request.context.get("audited_route"),
        }

    @app.post("/echo")
    def echo(request: Request) -> dict[str, Any]:
        return {"json": request.json_body, "route": request.route}

    app.get_tenant_for_tests = get_tenant
    return app, calls


def rest_event(method: str, path: str, headers: dict[str, str] | None = None, body: str | None = None) -> dict:
    return {
        "resource": path,
        "path": path,
        "httpMethod": method,
        "headers": headers or {},
        "multiValueHeaders": {name: [value] for name, value in (headers or {}).items()},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "requestContext": {"requestId": "r-1", "stage": "prod", "httpMethod": method, "path": path},
        "body": body,
        "isBase64Encoded": False,
    }


REQUESTS: dict[str, dict[str, Any]] = {
    "nested and cached": rest_event("GET", "/todos/7", {"x-tenant": "acme"}),
    "default tenant": rest_event("GET", "/todos/8"),
    "use_cache=False": rest_event("GET", "/counters"),
    "ServiceError in a dependency": rest_event("GET", "/secret"),
    "dependency ok": rest_event("GET", "/secret", {"authorization": "t0k"}),
    "request details": rest_event("GET", "/request/x/y", {"accept": "application/json"}),
    "request json body": rest_event("POST", "/echo", {"content-type": "application/json"}, '{"title":"milk"}'),
    "not found": rest_event("GET", "/nowhere"),
}


def outcome(app: Any, event: dict[str, Any]) -> Any:
    try:
        return app.resolve(json.loads(json.dumps(event)), SimpleLambdaContext())
    except Exception as exc:
        return (type(exc).__name__, str(exc).splitlines()[0], type(exc.__cause__).__name__)


@pytest.mark.parametrize("validation", [False, True], ids=["plain", "validated"])
@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_responses_match_upstream(name: str, validation: bool) -> None:
    results = {flavour.name: outcome(build_app(flavour, validation)[0], REQUESTS[name]) for flavour in FLAVOURS}
    assert results["ours"] == results["upstream"], name


@pytest.mark.parametrize("validation", [False, True], ids=["plain", "validated"])
def test_failing_dependency_error_matches_upstream(validation: bool) -> None:
    results = {
        flavour.name: outcome(build_app(flavour, validation)[0], rest_event("GET", "/db")) for flavour in FLAVOURS
    }
    assert results["ours"] == results["upstream"]
    assert results["ours"] == (
        "DependencyResolutionError",
        "Failed to resolve dependency 'get_db' for parameter 'conn': database unreachable",
        "ConnectionError",
    )


def test_exception_handler_for_the_cause_matches_upstream() -> None:
    results = {}
    for flavour in FLAVOURS:
        app, _ = build_app(flavour, validation=False)
        eh = flavour.event_handler

        @app.exception_handler(ConnectionError)
        def unavailable(exc: ConnectionError, eh: Any = eh) -> Any:
            return eh.Response(503, "text/plain", f"{type(exc).__name__}: {exc}")

        results[flavour.name] = outcome(app, rest_event("GET", "/db"))
    assert results["ours"] == results["upstream"]
    assert results["ours"]["statusCode"] == 503


def test_dependency_overrides_match_upstream() -> None:
    results = {}
    for flavour in FLAVOURS:
        app, _ = build_app(flavour, validation=False)
        # Override the innermost dependency: both the route and get_user see the replacement.
        app.dependency_overrides[app.get_tenant_for_tests] = lambda: "test-tenant"
        results[flavour.name] = outcome(app, REQUESTS["nested and cached"])
    assert results["ours"] == results["upstream"]
    assert json.loads(results["ours"]["body"])["tenant"] == "test-tenant"


def test_openapi_document_matches_upstream() -> None:
    documents = {}
    for flavour in FLAVOURS:
        app, _ = build_app(flavour, validation=True)
        documents[flavour.name] = json.loads(app.get_openapi_json_schema())
    assert documents["ours"] == documents["upstream"]
    parameters = documents["ours"]["paths"]["/todos/{todo_id}"]["get"]["parameters"]
    assert [parameter["name"] for parameter in parameters] == ["todo_id"]


def test_request_path_parameters_hold_only_the_path_where_upstream_adds_query_values() -> None:
    # Documented difference (README, "Differences from upstream"): under enable_validation upstream's
    # Request.path_parameters is every validated value (query ones too); ours keeps the rule's own.
    results = {}
    for flavour in FLAVOURS:
        eh = flavour.event_handler
        Request = flavour.module("event_handler", "request").Request
        app = eh.APIGatewayRestResolver(enable_validation=True)

        @app.get("/todos/<todo_id>")
        def get_todo(todo_id: int, request: Request, verbose: bool = False) -> dict[str, Any]:
            return {"path": dict(request.path_parameters)}

        event = rest_event("GET", "/todos/3")
        event["queryStringParameters"] = {"verbose": "true"}
        results[flavour.name] = json.loads(outcome(app, event)["body"])
    assert results["upstream"] == {"path": {"todo_id": 3, "verbose": True}}
    assert results["ours"] == {"path": {"todo_id": 3}}


def test_validated_dependency_parameters_are_passed_where_upstream_ignores_them() -> None:
    # Documented difference (README): both document a dependency's own Query() parameter; upstream
    # then calls the dependency without it (its default), ours validates it and passes it.
    results = {}
    for flavour in FLAVOURS:
        eh = flavour.event_handler
        Depends = flavour.module("event_handler", "depends").Depends
        Query = flavour.module("event_handler", "openapi.params").Query
        app = eh.APIGatewayRestResolver(enable_validation=True)

        def get_page(page: Annotated[int, Query(ge=1)] = 1) -> int:
            return page

        @app.get("/todos")
        def list_todos(page: Annotated[int, Depends(get_page)]) -> dict[str, Any]:
            return {"page": page}

        event = rest_event("GET", "/todos")
        event["queryStringParameters"] = {"page": "3"}
        document = json.loads(app.get_openapi_json_schema())
        results[flavour.name] = (outcome(app, event)["body"], document["paths"]["/todos"]["get"]["parameters"])
    assert results["ours"][1] == results["upstream"][1]
    assert results["upstream"][0] == '{"page":1}'
    assert results["ours"][0] == '{"page":3}'
