"""SchemaValidationMiddleware on a real REST resolver (tests may import both packages; the middleware doesn't)."""

from __future__ import annotations

import json
from typing import Any

from powertools.event_handler import APIGatewayRestResolver
from powertools.validation import SchemaValidationMiddleware

ORDER = {
    "type": "object",
    "required": ["sku", "quantity"],
    "properties": {"quantity": {"type": "integer", "minimum": 1}},
}
CREATED = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}


def event(body: Any) -> dict[str, Any]:
    return {"httpMethod": "POST", "path": "/orders", "headers": {}, "body": json.dumps(body)}


def app_with(middleware: SchemaValidationMiddleware, answer: Any = None) -> tuple[APIGatewayRestResolver, list[Any]]:
    app = APIGatewayRestResolver()
    ran: list[Any] = []

    @app.post("/orders", middlewares=[middleware])
    def create() -> Any:
        ran.append(app.current_event.json_body)
        return answer if answer is not None else {"id": "o-1"}

    return app, ran


def test_valid_request_reaches_the_route() -> None:
    app, ran = app_with(SchemaValidationMiddleware(inbound_schema=ORDER, outbound_schema=CREATED))
    response = app.resolve(event({"sku": "KB", "quantity": 2}), None)
    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"id": "o-1"}
    assert ran == [{"sku": "KB", "quantity": 2}]


def test_invalid_request_is_400_and_the_route_never_runs() -> None:
    app, ran = app_with(SchemaValidationMiddleware(inbound_schema=ORDER))
    response = app.resolve(event({"sku": "KB", "quantity": 0}), None)
    assert response["statusCode"] == 400
    body = json.loads(response["body"])
    assert body["statusCode"] == 400
    assert body["message"].startswith("Bad Request: Failed schema validation. Error: data.quantity must be bigger than")
    assert ran == []


def test_invalid_response_is_reported() -> None:
    app, _ = app_with(SchemaValidationMiddleware(inbound_schema=ORDER, outbound_schema=CREATED), {"id": 7})
    response = app.resolve(event({"sku": "KB", "quantity": 1}), None)
    assert response["statusCode"] == 400
    assert json.loads(response["body"])["message"].startswith(
        "Bad Response: Failed schema validation. Error: data.id must be string"
    )


def test_a_broken_schema_is_a_500_without_details() -> None:
    app, ran = app_with(SchemaValidationMiddleware(inbound_schema={"type": "no-such-type"}))
    response = app.resolve(event({"sku": "KB", "quantity": 1}), None)
    assert response["statusCode"] == 500
    assert json.loads(response["body"]) == {"statusCode": 500, "message": "Internal Server Error"}
    assert ran == []


def test_importing_the_middleware_loads_no_event_handler() -> None:
    import subprocess
    import sys

    code = "import sys, powertools.validation.middleware; print('powertools.event_handler' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
