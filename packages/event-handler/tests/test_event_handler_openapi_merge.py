"""configure_openapi_merge: one OpenAPI document from the resolvers of several handler files."""

from __future__ import annotations

import json
import logging
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from powertools.event_handler import APIGatewayRestResolver
from powertools.event_handler.openapi.exceptions import OpenAPIMergeError
from powertools.event_handler.openapi.merge import OpenAPIMerge
from powertools.event_handler.openapi.models import Tag

ORDERS = """
from pydantic import BaseModel

from powertools.event_handler import APIGatewayRestResolver

app = APIGatewayRestResolver(enable_validation=True)


class Order(BaseModel):
    id: int
    item: str


@app.get("/orders/<order_id>", tags=["orders"])
def get_order(order_id: int) -> Order:
    return Order(id=order_id, item="milk")


@app.get("/health")
def health() -> dict:
    return {}
"""

USERS = """
from powertools.event_handler import APIGatewayRestResolver

app: APIGatewayRestResolver = APIGatewayRestResolver(enable_validation=True)


@app.get("/users", tags=["users"])
def list_users(limit: int = 10) -> list[str]:
    return []


@app.get("/health", summary="users health")
def health() -> dict:
    return {}
"""


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    files = {
        "orders/handler.py": ORDERS,
        "users/handler.py": USERS,
        "tests/handler.py": USERS.replace("/users", "/test-only"),  # excluded by default
        "notes/handler.py": "app = make_app()\n",  # no resolver created here
        "shared/api.py": "from powertools.event_handler import APIGatewayRestResolver\n"
        "app = APIGatewayRestResolver(enable_validation=True)\n",
        "shared/routes/items.py": "from shared.api import app\n\n\n@app.get('/items')\ndef items() -> list[int]:\n"
        "    return []\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text))
    yield tmp_path
    for name in [n for n in sys.modules if n.startswith(("_powertools_openapi_merge_", "shared"))]:
        del sys.modules[name]


def test_merges_the_documents_of_every_handler(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = APIGatewayRestResolver()
    app.configure_openapi_merge(
        path=str(project),
        recursive=True,
        title="Shop",
        version="2.0.0",
        description="Every function",
        tags=["orders", Tag(name="users", description="People")],
    )
    assert app._openapi_merge.discovered_files == [project / "orders/handler.py", project / "users/handler.py"]

    with caplog.at_level(logging.WARNING, logger="powertools.event_handler"):
        document = json.loads(app.get_openapi_merge_json_schema())

    validate(document)
    assert document["info"] == {"title": "Shop", "version": "2.0.0", "description": "Every function"}
    assert list(document["paths"]) == ["/orders/{order_id}", "/health", "/users"]
    assert document["paths"]["/health"]["get"]["summary"] == "GET /health"  # the first one kept
    assert "Conflict: GET /health is defined in multiple schemas. Keeping first definition." in caplog.text
    assert sorted(document["components"]["schemas"]) == [
        "HTTPValidationError",
        "Order",
        "ResponseValidationError",
        "ValidationError",
    ]
    assert document["tags"] == [{"name": "orders"}, {"name": "users", "description": "People"}]
    assert app.get_openapi_merge_schema() is app.get_openapi_merge_schema()  # built once


@pytest.mark.parametrize(("on_conflict", "summary"), [("first", "GET /health"), ("last", "users health")])
def test_on_conflict_keeps_one(project: Path, on_conflict: str, summary: str) -> None:
    app = APIGatewayRestResolver()
    app.configure_openapi_merge(path=str(project), recursive=True, on_conflict=on_conflict)
    assert app.get_openapi_merge_schema()["paths"]["/health"]["get"]["summary"] == summary


def test_on_conflict_error(project: Path) -> None:
    app = APIGatewayRestResolver()
    app.configure_openapi_merge(path=str(project), recursive=True, on_conflict="error")
    with pytest.raises(OpenAPIMergeError, match="Conflict: GET /health is defined in multiple schemas"):
        app.get_openapi_merge_schema()


def test_shared_resolver_loads_the_files_that_add_routes(project: Path) -> None:
    merge = OpenAPIMerge()
    files = merge.discover(project, pattern="api.py", recursive=True)

    assert files == [project / "shared/api.py"]
    assert merge.dependent_files == {project / "shared/api.py": [project / "shared/routes/items.py"]}
    assert list(merge.get_openapi_schema()["paths"]) == ["/items"]


def test_swagger_serves_the_merged_document(project: Path, load_event: Any) -> None:
    app = APIGatewayRestResolver(enable_validation=True)
    app.configure_openapi_merge(path=str(project), pattern="orders/handler.py", title="Orders")
    app.enable_swagger(path="/swagger")
    event = {**load_event("apigw_rest"), "path": "/swagger", "queryStringParameters": {"format": "json"}}

    response = app.resolve(event, None)

    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == json.loads(app.get_openapi_merge_json_schema())
    assert json.loads(response["body"])["info"]["title"] == "Orders"


def test_add_schema_and_errors(tmp_path: Path) -> None:
    merge = OpenAPIMerge(title="Other", on_conflict="error")
    merge.add_schema({"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {"/a": {"get": {}}}})
    assert merge.get_openapi_schema()["paths"] == {"/a": {"get": {}}}
    with pytest.raises(FileNotFoundError):
        OpenAPIMerge().discover(tmp_path / "missing")
    with pytest.raises(ValueError, match="on_conflict"):
        OpenAPIMerge(on_conflict="skip")  # type: ignore[arg-type]
    app = APIGatewayRestResolver()
    with pytest.raises(RuntimeError, match="configure_openapi_merge must be called before"):
        app.get_openapi_merge_schema()
