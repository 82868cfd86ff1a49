"""Event handler validation with enums, dates, UUIDs, Literal, query models, optional bodies, tuples and
non-JSON responses: the same app under upstream and ours answers the same, and documents the same.
"""

# No `from __future__ import annotations`: upstream resolves string annotations against the module
# globals only, and these routes are defined inside a function.
import copy
import json
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Literal, Optional
from uuid import UUID

import pytest
from openapi_spec_validator import validate
from pydantic import BaseModel

from tools.compat.harness import FLAVOURS, SimpleLambdaContext


class Color(str, Enum):
    red = "red"
    blue = "blue"


class Item(BaseModel):
    name: str
    when: datetime
    color: Color = Color.red
    ident: Optional[UUID] = None


class Filters(BaseModel):
    kind: str
    size: int = 1


def build(pt, resolver="APIGatewayRestResolver"):
    eh = pt.event_handler
    p = pt.module("event_handler", "openapi.params")
    app = getattr(eh, resolver)(enable_validation=True)

    @app.get("/enum")
    def e(color: Color, day: date, maybe: Optional[int] = None) -> dict:
        return {"color": color, "day": day, "maybe": maybe}

    @app.post("/tuple", status_code=201)
    def t(item: Item) -> tuple[Item, int]:
        return item, 202

    @app.get("/none")
    def n() -> None:
        return None

    @app.get("/filters")
    def f(filters: Annotated[Filters, p.Query()]) -> dict:
        return filters.model_dump()

    @app.get("/lit")
    def literal(mode: Literal["a", "b"] = "a", ids: Annotated[list[int], p.Query()] = []) -> dict:  # noqa: B006
        return {"mode": mode, "ids": ids}

    @app.post("/optbody")
    def ob(item: Optional[Item] = None) -> dict:
        return {"has": item is not None}

    @app.get("/str")
    def s() -> str:
        return "plain"

    @app.get("/resp")
    def r() -> eh.Response[dict]:
        return eh.Response(200, "text/plain", "not json")

    @app.get("/untyped-dc")
    def udc():
        return eh.Response(200, "application/json", {"when": datetime(2024, 1, 2, 3, 4, 5), "c": Color.blue})

    return app


def rest(method, path, q=None, body=None, headers=None):
    return {
        "httpMethod": method,
        "path": path,
        "headers": headers or {},
        "multiValueHeaders": {k: [v] for k, v in (headers or {}).items()},
        "queryStringParameters": {k: v[-1] for k, v in q.items()} if q else None,
        "multiValueQueryStringParameters": q,
        "body": body,
        "requestContext": {},
    }


CASES = {
    "enum ok": rest("GET", "/enum", {"color": ["blue"], "day": ["2024-02-03"]}),
    "enum bad": rest("GET", "/enum", {"color": ["green"], "day": ["x"], "maybe": ["z"]}),
    "tuple": rest(
        "POST",
        "/tuple",
        body=json.dumps({"name": "a", "when": "2024-01-01T00:00:00Z", "ident": "12345678-1234-5678-1234-567812345678"}),
    ),
    "none": rest("GET", "/none"),
    "filters": rest("GET", "/filters", {"kind": ["x"], "size": ["3"]}),
    "filters bad": rest("GET", "/filters", {"size": ["q"]}),
    "lit": rest("GET", "/lit", {"mode": ["c"], "ids": ["1", "x"]}),
    "lit ok": rest("GET", "/lit", {"mode": ["b"], "ids": ["1", "2"]}),
    "optbody none": rest("POST", "/optbody"),
    "optbody": rest("POST", "/optbody", body=json.dumps({"name": "a", "when": "2024-01-01T00:00:00"})),
    "str": rest("GET", "/str"),
    "resp": rest("GET", "/resp"),
    "untyped": rest("GET", "/untyped-dc"),
    "form on json route": rest(
        "POST", "/optbody", body="a=1", headers={"Content-Type": "application/x-www-form-urlencoded"}
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_typed_routes_answer_like_upstream(name: str) -> None:
    responses = {}
    for flavour in FLAVOURS:
        responses[flavour.name] = build(flavour).resolve(copy.deepcopy(CASES[name]), SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]


def test_typed_routes_document_like_upstream() -> None:
    documents = {flavour.name: json.loads(build(flavour).get_openapi_json_schema()) for flavour in FLAVOURS}
    assert documents["ours"] == documents["upstream"]
    validate(documents["ours"])
