"""Data validation (enable_validation=True) across integrations, and what users rely on around it."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, Field

from powertools.event_handler import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    LambdaFunctionUrlResolver,
    Response,
    Router,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
)
from powertools.event_handler.openapi.exceptions import RequestValidationError
from powertools.event_handler.openapi.params import Body, File, Form, Header, Query, UploadFile


class Order(BaseModel):
    item: str
    quantity: int = Field(gt=0)


@dataclass
class Receipt:
    item: str
    total: float
    day: date


def rest(method: str, path: str, body: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"httpMethod": method, "path": path, "headers": {}, "body": body, "requestContext": {}, **extra}


def body_of(response: dict[str, Any]) -> Any:
    return json.loads(response["body"])


def order_app(resolver: type[Any], **options: Any) -> Any:
    app = resolver(enable_validation=True, **options)

    @app.post("/todos")
    def create(order: Order, notify: bool = False) -> Receipt:
        return Receipt(order.item, order.quantity * 2.5, date(2026, 1, 2))

    return app


@pytest.mark.parametrize(
    ("resolver", "sample"),
    [
        (ALBResolver, "alb"),
        (LambdaFunctionUrlResolver, "function_url"),
        (VPCLatticeResolver, "vpc_lattice_v1"),
        (VPCLatticeV2Resolver, "vpc_lattice_v2"),
        (APIGatewayHttpResolver, "apigw_http"),
    ],
)
def test_every_http_resolver_validates_and_serializes(resolver: type[Any], sample: str, load_event: Any) -> None:
    event = load_event(sample)
    order = json.dumps({"item": "milk", "quantity": 2})
    for key in ("path", "raw_path", "rawPath"):
        if key in event:
            event[key] = "/todos"
    for key in ("httpMethod", "method"):
        if key in event:
            event[key] = "POST"
    if "requestContext" in event and "http" in event["requestContext"]:
        event["requestContext"]["http"]["method"] = "POST"
        event["requestContext"]["http"]["path"] = "/todos"
    event.pop("is_base64_encoded", None)
    event["isBase64Encoded"] = False
    event["body"] = order
    app = order_app(resolver)

    ok = app.resolve(event, None)
    assert ok["statusCode"] == 200
    assert body_of(ok) == {"item": "milk", "total": 5.0, "day": "2026-01-02"}

    event["body"] = json.dumps({"item": "milk", "quantity": 0})
    refused = app.resolve(event, None)
    assert refused["statusCode"] == 422
    assert body_of(refused) == {"statusCode": 422, "detail": [{"loc": ["body", "quantity"], "type": "greater_than"}]}


def test_middlewares_see_validated_arguments_and_the_route_its_converted_values() -> None:
    app = APIGatewayRestResolver(enable_validation=True)
    seen: list[Any] = []

    def spy(app: Any, next_middleware: Any) -> Any:
        seen.append(dict(app.context["_route_args"]))
        return next_middleware(app)

    @app.get("/items/<item_id>", middlewares=[spy])
    def item(item_id: int, size: Annotated[list[int], Query()]) -> dict[str, Any]:
        return {"id": item_id, "size": size}

    result = app.resolve(rest("GET", "/items/7", multiValueQueryStringParameters={"size": ["1", "2"]}), None)
    assert body_of(result) == {"id": 7, "size": [1, 2]}
    assert seen == [{"item_id": 7, "size": [1, 2]}]


def test_route_level_switch_and_codes() -> None:
    app = APIGatewayRestResolver(enable_validation=True, response_validation_error_http_code=500)

    @app.get("/free/<n>", enable_validation=False)
    def free(n: int) -> dict[str, Any]:
        return {"type": type(n).__name__}

    @app.get("/strict", custom_response_validation_http_code=502)
    def strict() -> Order:
        return {"item": "x"}  # type: ignore[return-value]

    @app.get("/app-code")
    def app_code() -> Order:
        return {"quantity": -1}  # type: ignore[return-value]

    assert body_of(app.resolve(rest("GET", "/free/3"), None)) == {"type": "str"}
    strict_response = app.resolve(rest("GET", "/strict"), None)
    assert strict_response["statusCode"] == 502
    assert body_of(strict_response) == {
        "statusCode": 502,
        "detail": [{"loc": ["response", "quantity"], "type": "missing"}],
    }
    assert app.resolve(rest("GET", "/app-code"), None)["statusCode"] == 500


def test_response_validation_failure_logs_the_fields_not_the_values(caplog: pytest.LogCaptureFixture) -> None:
    app = APIGatewayRestResolver(enable_validation=True, response_validation_error_http_code=500)

    @app.get("/secret")
    def secret() -> Order:
        return {"item": "card 4111-1111", "quantity": "lots"}  # type: ignore[return-value]

    with caplog.at_level(logging.ERROR, logger="powertools.event_handler"):
        result = app.resolve(rest("GET", "/secret"), None)
    assert result["statusCode"] == 500
    assert "4111" not in result["body"]
    assert "lots" not in result["body"]
    assert "response.quantity" in caplog.text
    assert "GET /secret" in caplog.text
    assert "4111" not in caplog.text


def test_routes_from_routers_are_validated_with_their_prefix() -> None:
    router = Router()

    @router.get("/<order_id>")
    def get_order(order_id: int, x_tenant: Annotated[str, Header()]) -> dict[str, Any]:
        return {"order": order_id, "tenant": x_tenant}

    app = APIGatewayRestResolver(enable_validation=True)
    app.include_router(router, prefix="/orders")
    ok = app.resolve(rest("GET", "/orders/5", headers={"X-Tenant": "acme"}), None)
    assert body_of(ok) == {"order": 5, "tenant": "acme"}
    missing = app.resolve(rest("GET", "/orders/5"), None)
    assert body_of(missing)["detail"] == [{"loc": ["header", "x-tenant"], "type": "missing"}]


def test_custom_exception_handler_receives_every_error() -> None:
    app = APIGatewayRestResolver(enable_validation=True)

    @app.post("/orders")
    def create(order: Order, dry_run: bool = False) -> Order:
        return order

    @app.exception_handler(RequestValidationError)
    def invalid(exc: RequestValidationError) -> Response[dict[str, Any]]:
        return Response(400, "application/json", {"fields": [list(error["loc"]) for error in exc.errors()]})

    event = rest("POST", "/orders", json.dumps({"quantity": "x"}), queryStringParameters={"dry_run": "perhaps"})
    result = app.resolve(event, None)
    assert result["statusCode"] == 400
    assert body_of(result) == {"fields": [["query", "dry_run"], ["body", "item"], ["body", "quantity"]]}


def test_serializer_writes_the_validated_body() -> None:
    app = APIGatewayRestResolver(enable_validation=True, serializer=lambda body: json.dumps(body, indent=1))

    @app.get("/order")
    def order() -> Order:
        return Order(item="tea", quantity=1)

    assert app.resolve(rest("GET", "/order"), None)["body"] == '{\n "item": "tea",\n "quantity": 1\n}'


def test_form_and_multipart_bodies() -> None:
    app = APIGatewayRestResolver(enable_validation=True)

    @app.post("/form")
    def form(name: Annotated[str, Form()], tags: Annotated[list[str], Form()]) -> dict[str, Any]:
        return {"name": name, "tags": tags}

    @app.post("/upload")
    def upload(doc: Annotated[UploadFile, File()], raw: Annotated[bytes, File()]) -> dict[str, Any]:
        return {"file": doc.filename, "size": len(doc.content), "type": doc.content_type, "raw": raw.decode()}

    form_event = rest(
        "POST", "/form", "name=ann&tags=a&tags=b", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert body_of(app.resolve(form_event, None)) == {"name": "ann", "tags": ["a", "b"]}

    multipart = (
        b'--XyZ\r\nContent-Disposition: form-data; name="doc"; filename="a.bin"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n\x00\x01\xff\r\n"
        b'--XyZ\r\nContent-Disposition: form-data; name="raw"; filename="r.txt"\r\n\r\n'
        b"hello\r\n--XyZ--\r\n"
    )
    upload_event = rest(
        "POST",
        "/upload",
        base64.b64encode(multipart).decode(),
        headers={"Content-Type": "multipart/form-data; boundary=XyZ"},
        isBase64Encoded=True,
    )
    assert body_of(app.resolve(upload_event, None)) == {
        "file": "a.bin",
        "size": 3,
        "type": "application/octet-stream",
        "raw": "hello",
    }
    no_boundary = rest("POST", "/upload", "x", headers={"Content-Type": "multipart/form-data"})
    assert body_of(app.resolve(no_boundary, None))["detail"] == [{"loc": ["body"], "type": "multipart_invalid"}]


def test_resolve_async_validates_too() -> None:
    app = APIGatewayRestResolver(enable_validation=True)

    @app.post("/orders")
    async def create(order: Order) -> Order:
        return order

    ok = asyncio.run(app.resolve_async(rest("POST", "/orders", json.dumps({"item": "a", "quantity": 1})), None))
    assert body_of(ok) == {"item": "a", "quantity": 1}
    bad = asyncio.run(app.resolve_async(rest("POST", "/orders", "[]"), None))
    assert bad["statusCode"] == 422


def test_a_body_that_is_not_utf8_is_a_422_not_a_500() -> None:
    app = order_app(APIGatewayRestResolver)
    event = rest("POST", "/todos", base64.b64encode(b"\xff\xfe{").decode(), isBase64Encoded=True)
    result = app.resolve(event, None)
    assert result["statusCode"] == 422
    assert body_of(result)["detail"] == [{"loc": ["body", 0], "type": "json_invalid"}]


def test_embed_and_alias_on_body_fields() -> None:
    app = APIGatewayRestResolver(enable_validation=True)

    @app.put("/orders")
    def update(
        order: Annotated[Order, Body(embed=True, alias="Order")], reason: Annotated[str, Body(embed=True)]
    ) -> dict[str, Any]:
        return {"item": order.item, "reason": reason}

    event = rest("PUT", "/orders", json.dumps({"Order": {"item": "x", "quantity": 1}, "reason": "typo"}))
    assert body_of(app.resolve(event, None)) == {"item": "x", "reason": "typo"}


def test_route_signature_is_analysed_on_first_call_only() -> None:
    # Building and serving other routes never touches a broken route's annotations.
    app = APIGatewayRestResolver(enable_validation=True)

    @app.get("/fine")
    def fine() -> dict[str, str]:
        return {"ok": "yes"}

    def broken(x: NoSuchType) -> dict[str, str]:  # type: ignore[name-defined]  # noqa: F821
        return {}

    app.get("/broken")(broken)
    assert app.resolve(rest("GET", "/fine"), None)["statusCode"] == 200
    with pytest.raises(TypeError, match=r"cannot resolve the type hints of route function .*broken"):
        app.resolve(rest("GET", "/broken"), None)


def test_validation_app_imports_pydantic_only_when_serving() -> None:
    code = (
        "import sys\n"
        "from powertools.event_handler import APIGatewayRestResolver\n"
        "app = APIGatewayRestResolver(enable_validation=True)\n"
        "app.get('/x')(lambda: {'a': 1})\n"
        "print('pydantic' in sys.modules)\n"
        "app.resolve({'httpMethod': 'GET', 'path': '/x', 'headers': {}}, None)\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


def test_without_pydantic_validation_and_openapi_say_which_extra_to_install() -> None:
    # sys.modules["pydantic"] = None is how Python itself marks a module as unimportable.
    code = (
        "import sys\n"
        "sys.modules['pydantic'] = None\n"
        "from powertools.event_handler import APIGatewayRestResolver, ValidationNotAvailableError\n"
        "app = APIGatewayRestResolver(enable_validation=True)\n"
        "app.get('/x')(lambda: {})\n"
        "for call in (lambda: app.resolve({'httpMethod': 'GET', 'path': '/x', 'headers': {}}, None),\n"
        "             app.get_openapi_json_schema):\n"
        "    try:\n"
        "        call()\n"
        "    except ValidationNotAvailableError as exc:\n"
        "        print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == [
        "enable_validation needs pydantic v2: install it with pip install 'powertools-event-handler[validation]'",
        "get_openapi_schema needs pydantic v2: install it with pip install 'powertools-event-handler[validation]'",
    ]
