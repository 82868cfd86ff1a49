"""OpenAPI documents and Swagger UI: what API tooling and browsers receive."""

from __future__ import annotations

import json
from typing import Annotated, Any

import pytest
from openapi_spec_validator import validate
from pydantic import BaseModel, ValidationError

from powertools.event_handler import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    LambdaFunctionUrlResolver,
    Router,
    VPCLatticeV2Resolver,
)
from powertools.event_handler.openapi.exceptions import SchemaValidationError
from powertools.event_handler.openapi.models import (
    APIKey,
    APIKeyIn,
    Contact,
    License,
    OpenAPI,
    OpenIdConnect,
    Server,
    Tag,
)
from powertools.event_handler.openapi.params import Header, Query
from powertools.event_handler.openapi.swagger_ui import OAuth2Config


class Pet(BaseModel):
    name: str
    age: int = 0


def pet_routes(app: Any) -> None:
    router = Router()

    @router.get("/<pet_id>", tags=["pets"])
    def get_pet(pet_id: int, x_tenant: Annotated[str, Header()]) -> Pet:
        return Pet(name="rex")

    @router.post("/", tags=["pets"], summary="Add a pet", responses={201: {"description": "Added"}})
    def add_pet(pet: Pet, notify: Annotated[bool, Query(description="Email the owner")] = False) -> Pet:
        return pet

    app.include_router(router, prefix="/pets")


@pytest.mark.parametrize(
    "resolver",
    [APIGatewayRestResolver, APIGatewayHttpResolver, ALBResolver, LambdaFunctionUrlResolver, VPCLatticeV2Resolver],
)
@pytest.mark.parametrize("validation", [True, False])
def test_every_resolver_documents_its_routes_validly(resolver: type[Any], validation: bool) -> None:
    app = resolver(enable_validation=validation)
    pet_routes(app)
    document = json.loads(app.get_openapi_json_schema(title="Pets", version="1.0.0"))
    validate(document)
    assert set(document["paths"]) == {"/pets/{pet_id}", "/pets"}
    get = document["paths"]["/pets/{pet_id}"]["get"]
    assert [(p["name"], p["in"], p["required"]) for p in get["parameters"]] == [
        ("pet_id", "path", True),
        ("x-tenant", "header", True),
    ]
    assert get["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Pet"}
    # 422 is documented only where the resolver answers it.
    assert ("422" in get["responses"]) is validation
    post = document["paths"]["/pets"]["post"]
    assert post["summary"] == "Add a pet"
    assert post["responses"]["201"] == {
        "description": "Added",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
    }
    assert document["components"]["schemas"]["Pet"]["required"] == ["name"]


def test_get_openapi_schema_returns_the_model_and_configure_openapi_fills_it() -> None:
    app = APIGatewayRestResolver()
    pet_routes(app)
    app.configure_openapi(
        title="Pets",
        version="3.0.0",
        description="All the pets",
        tags=[Tag(name="pets", description="Animals")],
        servers=[Server(url="https://pets.example.com")],
        contact=Contact(name="Vet", email="vet@example.com"),
        license_info=License(name="MIT-0"),
        terms_of_service="https://example.com/tos",
        security_schemes={
            "key": APIKey(**{"in": APIKeyIn.header}, name="x-api-key"),  # type: ignore[arg-type]
            "oidc": OpenIdConnect(openIdConnectUrl="https://id.example.com/.well-known/openid-configuration"),
        },
        security=[{"key": []}],
        openapi_extensions={"x-audience": "internal"},
    )
    schema = app.get_openapi_schema()
    assert isinstance(schema, OpenAPI)
    document = json.loads(app.get_openapi_json_schema())
    validate(document)
    assert document["info"] == {
        "title": "Pets",
        "description": "All the pets",
        "termsOfService": "https://example.com/tos",
        "contact": {"name": "Vet", "email": "vet@example.com"},
        "license": {"name": "MIT-0"},
        "version": "3.0.0",
    }
    assert document["servers"] == [{"url": "https://pets.example.com"}]
    assert document["security"] == [{"key": []}]
    assert document["x-audience"] == "internal"
    assert document["components"]["securitySchemes"]["key"] == {"type": "apiKey", "in": "header", "name": "x-api-key"}
    # An argument given to get_openapi_json_schema wins over the configured value.
    assert json.loads(app.get_openapi_json_schema(title="Override"))["info"]["title"] == "Override"


def test_openapi_extension_keys_must_start_with_x() -> None:
    assert Server(url="/", openapi_extensions={"x-region": "eu"}).model_dump(by_alias=True, exclude_none=True) == {
        "url": "/",
        "x-region": "eu",
    }
    with pytest.raises(SchemaValidationError):
        Server(url="/", openapi_extensions={"region": "eu"})


def test_route_security_needs_a_declared_scheme() -> None:
    app = APIGatewayRestResolver()

    @app.get("/private", security=[{"oauth": ["read"]}])
    def private() -> dict[str, str]:
        return {}

    with pytest.raises(SchemaValidationError):
        app.get_openapi_schema()


def swagger_event(query: dict[str, str] | None = None, stage: str = "prod") -> dict[str, Any]:
    return {
        "httpMethod": "GET",
        "path": "/swagger",
        "headers": {},
        "queryStringParameters": query,
        "requestContext": {"stage": stage, "path": f"/{stage}/swagger"},
    }


def test_swagger_serves_the_document_and_a_page_loading_swagger_ui_from_a_cdn(monkeypatch: pytest.MonkeyPatch) -> None:
    from powertools.event_handler.swagger import assets

    monkeypatch.setattr(assets, "available", lambda: False)  # as without the `swagger` extra
    app = APIGatewayRestResolver(enable_validation=True)
    pet_routes(app)
    app.enable_swagger(title="Pets", description="Closing </script> tags are escaped")

    spec = app.resolve(swagger_event({"format": "json"}), None)
    assert spec["statusCode"] == 200
    document = json.loads(spec["body"])
    validate(document)
    assert document["servers"] == [{"url": "/prod"}]  # the stage the page was reached through
    assert "/swagger" not in document["paths"]
    assert "<\\/script>" in spec["body"]

    page = app.resolve(swagger_event(), None)
    assert page["multiValueHeaders"]["Content-Type"] == ["text/html"]
    body = page["body"]
    assert '<script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.17.14/swagger-ui-bundle.js"></script>' in body
    assert 'href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.17.14/swagger-ui.css"' in body
    assert '"title": "Pets"' in body
    assert "</script> tags" not in body  # the only closing tags are the page's own
    assert 'ui.specActions.updateUrl(currentUrl.pathname + "?format=json");' in body


def test_swagger_base_url_oauth2_and_redirect_page(monkeypatch: pytest.MonkeyPatch) -> None:
    app = APIGatewayHttpResolver()
    app.enable_swagger(
        path="/docs",
        swagger_base_url="https://assets.example.com/swagger",
        oauth2_config=OAuth2Config(client_id="abc", app_name="Pets", scopes=["pets:read"]),
        persist_authorization=True,
    )
    event = {
        "version": "2.0",
        "rawPath": "/docs",
        "rawQueryString": "",
        "headers": {},
        "requestContext": {"http": {"method": "GET", "path": "/docs"}, "stage": "$default"},
    }
    body = app.resolve(event, None)["body"]
    assert '<script src="https://assets.example.com/swagger/swagger-ui-bundle.min.js"></script>' in body
    assert 'href="https://assets.example.com/swagger/swagger-ui.min.css"' in body
    assert 'ui.initOAuth({"clientId":"abc","appName":"Pets","scopes":["pets:read"]});' in body
    assert "persistAuthorization: true" in body

    redirect = app.resolve({**event, "queryStringParameters": {"format": "oauth2-redirect"}}, None)
    assert redirect["headers"]["Content-Type"] == "text/html"
    assert "window.opener.swaggerUIRedirectOauth2" in redirect["body"]


def test_oauth2_client_secret_only_in_dev_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POWERTOOLS_DEV", raising=False)
    with pytest.raises(ValidationError, match="client_secret"):
        OAuth2Config(client_id="abc", client_secret="s3cret", app_name="Pets")
    monkeypatch.setenv("POWERTOOLS_DEV", "true")
    with pytest.warns(UserWarning, match="client_secret"):
        assert OAuth2Config(client_id="abc", client_secret="s3cret", app_name="Pets").clientSecret == "s3cret"
