"""Event handler OpenAPI: the document generated for the same multi-router app equals upstream's.

Each document is also checked with openapi-spec-validator, so "equal to upstream" never hides
"invalid for both".
"""

# No `from __future__ import annotations`: upstream resolves string annotations against the module
# globals only, and these routes are defined inside a function.
import json
import warnings
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Annotated, Any, Literal

import pytest
from openapi_spec_validator import validate
from pydantic import BaseModel, Field

from tools.compat.harness import FLAVOURS, Flavour


class Status(str, Enum):
    open = "open"
    done = "done"


class Todo(BaseModel):
    id: int
    title: str = Field(description="What to do", min_length=1, examples=["buy milk"])
    status: Status = Status.open
    due: datetime | None = None


class NewTodo(BaseModel):
    title: str
    tags: list[str] = []


class Problem(BaseModel):
    code: Literal["not_found", "conflict"]
    message: str


@dataclass
class Comment:
    author: str
    text: str


def build_app(pt: Flavour, validation: bool = True, **options: Any) -> Any:
    eh = pt.event_handler
    params = pt.module("event_handler", "openapi.params")
    Query, Path, Header, Cookie, Body = params.Query, params.Path, params.Header, params.Cookie, params.Body
    app = eh.APIGatewayRestResolver(enable_validation=validation, **options)
    router_class = pt.module("event_handler", "api_gateway").Router
    todos = router_class()
    comments = router_class()
    route_code = {"custom_response_validation_http_code": 500} if validation else {}

    @todos.get("/", tags=["todos"], summary="List todos", response_description="The todos")
    def list_todos(
        status: Annotated[Status | None, Query(description="Filter by status")] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        tag: Annotated[list[str], Query()] = [],  # noqa: B006
    ) -> list[Todo]:
        return []

    @todos.get(
        "/<todo_id>",
        tags=["todos"],
        operation_id="getTodo",
        responses={
            200: {"description": "Found", "content": {"application/json": {"model": Todo}}},
            404: {"description": "Missing", "content": {"application/json": {"model": Problem}}},
        },
    )
    def get_todo(
        todo_id: Annotated[int, Path(description="The todo's id", gt=0)],
        if_none_match: Annotated[str | None, Header()] = None,
    ) -> Todo:
        return Todo(id=todo_id, title="x")

    @todos.post(
        "/",
        tags=["todos"],
        status_code=201,
        description="Create a todo",
        security=[{"apiKey": []}],
        openapi_extensions={"x-amazon-apigateway-integration": {"type": "aws_proxy"}},
    )
    def create_todo(todo: NewTodo, dry_run: bool = False) -> Todo:
        return Todo(id=1, title=todo.title)

    @todos.put("/<todo_id>", tags=["todos"], deprecated=True, **route_code)
    def replace_todo(
        todo_id: int, todo: Annotated[NewTodo, Body(embed=True)], reason: Annotated[str, Body(embed=True)] = ""
    ) -> eh.Response[Todo]:
        return eh.Response(200, "application/json", Todo(id=todo_id, title=todo.title))

    @todos.delete("/<todo_id>", tags=["todos"], include_in_schema=False)
    def delete_todo(todo_id: int) -> None:
        return None

    @comments.get("/<todo_id>/comments", tags=["comments"])
    def list_comments(todo_id: int, session: Annotated[str, Cookie()]) -> list[Comment]:
        return []

    @comments.post("/<todo_id>/comments", tags=["comments"], responses={201: {"description": "Created"}})
    def add_comment(todo_id: int, comment: Comment) -> dict[str, Any]:
        return {}

    @app.get("/health", summary="Health check", tags=["ops"])
    def health():  # no annotations at all
        return {"ok": True}

    @app.get("/static/.+")
    def static_files():
        return {}

    app.include_router(todos, prefix="/todos")
    app.include_router(comments, prefix="/todos")
    return app


def configure(pt: Flavour, app: Any) -> None:
    models = pt.module("event_handler", "openapi.models")
    app.configure_openapi(
        title="Todos",
        version="2.1.0",
        summary="Track what to do",
        description="A small API",
        tags=["todos", models.Tag(name="comments", description="Remarks on todos")],
        servers=[models.Server(url="https://api.example.com/v1", description="prod")],
        terms_of_service="https://example.com/terms",
        contact=models.Contact(name="Team", email="team@example.com", url="https://example.com"),
        license_info=models.License(name="MIT-0", identifier="MIT-0"),
        security_schemes={
            "apiKey": models.APIKey(**{"in": models.APIKeyIn.header}, name="x-api-key"),
            "bearer": models.HTTPBearer(bearerFormat="JWT"),
            "basic": models.HTTPBase(scheme="basic"),
            "oauth": models.OAuth2(
                flows=models.OAuthFlows(
                    authorizationCode=models.OAuthFlowAuthorizationCode(
                        authorizationUrl="https://auth.example.com/authorize",
                        tokenUrl="https://auth.example.com/token",
                        scopes={"todos:read": "read todos"},
                    )
                )
            ),
            "oidc": models.OpenIdConnect(openIdConnectUrl="https://auth.example.com/.well-known/openid-configuration"),
        },
        security=[{"bearer": []}],
        external_documentation=models.ExternalDocumentation(url="https://docs.example.com", description="Guide"),
        openapi_extensions={"x-logo": {"url": "https://example.com/logo.png"}},
    )


def documents(**options: Any) -> dict[str, str]:
    out = {}
    for flavour in FLAVOURS:
        app = build_app(flavour, **options)
        configure(flavour, app)
        out[flavour.name] = app.get_openapi_json_schema()
    return out


@pytest.mark.parametrize(
    "options",
    [{}, {"validation": False}, {"response_validation_error_http_code": 500}],
    ids=["validation", "no-validation", "app-response-code"],
)
def test_multi_router_document_equals_upstream(options: dict[str, Any]) -> None:
    docs = documents(**options)
    assert json.loads(docs["ours"]) == json.loads(docs["upstream"])
    validate(json.loads(docs["ours"]))
    # Same text too: same key order, same indentation.
    assert docs["ours"] == docs["upstream"]


def test_document_content_is_what_the_routes_say() -> None:
    document = json.loads(documents()["ours"])
    assert list(document["paths"]) == [
        "/todos/{todo_id}",  # routes with path parameters first, as upstream lists them
        "/todos/{todo_id}/comments",
        "/health",
        "/static/.+",
        "/todos",
    ]
    put = document["paths"]["/todos/{todo_id}"]["put"]
    assert put["deprecated"] is True
    assert put["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Body_replace_todo_todos__todo_id__put"
    }
    assert "delete" not in document["paths"]["/todos/{todo_id}"]
    assert document["paths"]["/todos"]["post"]["x-amazon-apigateway-integration"] == {"type": "aws_proxy"}
    assert document["paths"]["/todos"]["post"]["responses"]["201"]["description"] == "Successful Response"


def api_key(pt: Flavour) -> dict[str, Any]:
    models = pt.module("event_handler", "openapi.models")
    return {"apiKey": models.APIKey(**{"in": models.APIKeyIn.header}, name="x-api-key")}


def test_plain_call_without_configuration_equals_upstream() -> None:
    docs = {}
    for flavour in FLAVOURS:
        app = build_app(flavour)
        docs[flavour.name] = json.loads(
            app.get_openapi_json_schema(title="Plain", version="0.0.1", security_schemes=api_key(flavour))
        )
    assert docs["ours"] == docs["upstream"]
    validate(docs["ours"])


def test_openapi_30_request_is_forced_to_31_with_the_same_warning() -> None:
    caught = {}
    for flavour in FLAVOURS:
        with warnings.catch_warnings(record=True) as records:
            warnings.simplefilter("always")
            schema = build_app(flavour).get_openapi_schema(openapi_version="3.0.3", security_schemes=api_key(flavour))
        caught[flavour.name] = ([str(r.message) for r in records], schema.openapi)
    assert caught["ours"] == caught["upstream"]


def test_undefined_security_scheme_is_refused_like_upstream() -> None:
    for flavour in FLAVOURS:
        exceptions = flavour.module("event_handler", "openapi.exceptions")
        with pytest.raises(exceptions.SchemaValidationError):
            build_app(flavour).get_openapi_schema(security=[{"nope": []}])
        with pytest.raises(exceptions.SchemaValidationError):
            build_app(flavour).get_openapi_schema()  # create_todo's route security names an undefined scheme


def swagger_event(query: dict[str, str] | None) -> dict[str, Any]:
    return {
        "httpMethod": "GET",
        "path": "/swagger",
        "headers": {},
        "queryStringParameters": query,
        "requestContext": {"stage": "prod", "path": "/prod/swagger"},
    }


def test_swagger_json_document_equals_upstream() -> None:
    responses = {}
    for flavour in FLAVOURS:
        app = build_app(flavour)
        configure(flavour, app)
        app.enable_swagger(path="/swagger", description="A </script> in text")
        responses[flavour.name] = app.resolve(swagger_event({"format": "json"}), None)
    assert responses["ours"] == responses["upstream"]
    validate(json.loads(responses["ours"]["body"]))


@pytest.mark.parametrize("packaged", [False, True], ids=["cdn", "packaged-assets"])
def test_swagger_page_differs_only_in_where_swagger_ui_comes_from(
    packaged: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from powertools.event_handler.swagger import assets

    monkeypatch.setattr(assets, "available", lambda: packaged)  # with or without the `swagger` extra
    pages = {}
    for flavour in FLAVOURS:
        app = build_app(flavour)
        app.enable_swagger(path="/swagger", security_schemes=api_key(flavour))
        pages[flavour.name] = app.resolve(swagger_event(None), None)
    # Documented difference: upstream inlines its bundled Swagger UI (about 1.4 MB per page);
    # ours links a pinned CDN release (or the packaged assets when installed).
    assert "<style>" in pages["upstream"]["body"]
    if packaged:
        assert '<script src="/prod/swagger/swagger-ui-bundle.js"></script>' in pages["ours"]["body"]  # stage kept
        assert "cdn.jsdelivr.net" not in pages["ours"]["body"]
    else:
        assert "cdn.jsdelivr.net/npm/swagger-ui-dist@5" in pages["ours"]["body"]
    assert len(pages["ours"]["body"]) < 100_000 < len(pages["upstream"]["body"])
    for page in pages.values():
        assert page["statusCode"] == 200
        assert page["multiValueHeaders"]["Content-Type"] == ["text/html"]
