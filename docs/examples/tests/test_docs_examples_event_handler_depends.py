"""docs/packages/event-handler.md, "Dependency injection" and "OpenAPI merge": the examples resolve sample events."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent


def tenant_event(load_event: Any, tenant: str | None) -> dict[str, Any]:
    event = load_event("apigw_rest")
    headers = {"X-Tenant-Id": tenant} if tenant else {}
    event.update(headers=headers, multiValueHeaders={name: [value] for name, value in headers.items()})
    return event


def test_dependency_injection(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/dependency_injection.py")

    response = example.lambda_handler(tenant_event(load_event, "acme"), lambda_context)
    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {
        "tenant": "acme",
        "todo": {"id": "1", "title": "Buy milk"},
        "route": "/todos/{todo_id}",
    }

    response = example.lambda_handler(tenant_event(load_event, None), lambda_context)
    assert (response["statusCode"], response["body"]) == (
        401,
        '{"statusCode":401,"message":"x-tenant-id header missing"}',
    )


def test_dependency_overrides(
    load_example: Any, load_event: Any, lambda_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The testing example imports its sibling by name, as a test suite next to the handler would.
    monkeypatch.syspath_prepend(str(EXAMPLES / "event_handler"))
    monkeypatch.delitem(sys.modules, "dependency_injection", raising=False)
    try:
        example = load_example("event_handler/dependency_overrides.py")

        example.test_get_todo_with_fake_todos(load_event("apigw_rest"), lambda_context)
        assert example.app.dependency_overrides == {}  # restored for the next test
    finally:
        sys.modules.pop("dependency_injection", None)


def test_openapi_merge(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/openapi_merge.py")

    document = json.loads(example.app.get_openapi_merge_json_schema())
    assert document["info"] == {"title": "Todos API", "version": "2.0.0"}
    assert list(document["paths"]) == ["/lists/{list_id}/todos", "/todos/{todo_id}"]
    assert sorted(document["paths"]["/lists/{list_id}/todos"]) == ["get", "post"]
    assert document["components"]["securitySchemes"] == {"bearer": {"type": "http", "scheme": "bearer"}}

    event = load_event("apigw_rest")
    event.update(path="/docs", queryStringParameters={"format": "json"}, multiValueQueryStringParameters=None)
    served = example.lambda_handler(event, lambda_context)
    assert served["statusCode"] == 200
    assert json.loads(served["body"]) == document
