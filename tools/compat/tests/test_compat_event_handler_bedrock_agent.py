"""BedrockAgentResolver (OpenAPI action groups): same responses and same uploaded schema as upstream."""

# No `from __future__ import annotations`: upstream resolves string annotations against the module
# globals only, and these routes are defined inside a function.
import copy
import json
from typing import Annotated, Any

import pytest
from openapi_spec_validator import validate
from pydantic import BaseModel, Field

from powertools_testing.events import load_event
from tools.compat.harness import FLAVOURS, Flavour, SimpleLambdaContext


class NewTodo(BaseModel):
    title: str
    priority: int = Field(default=3, ge=1, le=5)
    tags: str | None = None


def build_app(pt: Flavour, **options: Any) -> Any:
    eh = pt.event_handler
    params = pt.module("event_handler", "openapi.params")
    app = eh.BedrockAgentResolver(**options)

    @app.post("/lists/<listId>/todos", description="Add a todo to a list")
    def add_todo(
        listId: Annotated[str, params.Path(description="The list")],
        todo: NewTodo,
        notify: Annotated[bool, params.Query(description="Tell the owner")] = False,
    ) -> dict[str, Any]:
        return {"list": listId, "title": todo.title, "priority": todo.priority, "notify": notify}

    @app.get("/lists", description="All lists")
    def lists(owner: Annotated[str | None, params.Query(description="Whose lists")] = None) -> Any:
        return eh.BedrockResponse(
            body=[{"id": "list-7", "owner": owner}],
            session_attributes={"seen": "lists"},
            prompt_session_attributes={"hint": "short"},
        )

    @app.get("/boom", description="Fails")
    def boom() -> str:
        raise ValueError("nope")

    @app.exception_handler(ValueError)
    def value_error(exc: ValueError) -> Any:
        return eh.Response(400, "application/json", {"error": str(exc)})

    return app


def events() -> dict[str, dict[str, Any]]:
    base = load_event("bedrock_agent")
    invalid = copy.deepcopy(base)
    invalid["requestBody"]["content"]["application/json"]["properties"][1]["value"] = "9"
    lists = {**copy.deepcopy(base), "apiPath": "/lists", "httpMethod": "GET", "requestBody": None}
    lists["parameters"] = [{"name": "owner", "type": "string", "value": "ann, bob"}]
    return {
        "post ok": base,
        "post invalid": invalid,
        "get with session": lists,
        "not found": {**copy.deepcopy(base), "apiPath": "/nowhere"},
        "handled error": {**copy.deepcopy(base), "apiPath": "/boom", "httpMethod": "GET", "parameters": []},
    }


@pytest.mark.parametrize("name", sorted(events()))
def test_responses_match_upstream(name: str) -> None:
    responses = {}
    for flavour in FLAVOURS:
        responses[flavour.name] = build_app(flavour).resolve(copy.deepcopy(events()[name]), SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]


def test_bedrock_schema_matches_upstream_and_is_openapi_30() -> None:
    schemas = {
        flavour.name: build_app(flavour).get_openapi_json_schema(title="Todos", version="1.0.0") for flavour in FLAVOURS
    }
    assert schemas["ours"] == schemas["upstream"]
    document = json.loads(schemas["ours"])
    assert document["openapi"] == "3.0.3"
    validate(document)
    owner = document["paths"]["/lists"]["get"]["parameters"][0]["schema"]
    assert owner["nullable"] is True


def test_method_decorators_take_no_security_like_upstream() -> None:
    for flavour in FLAVOURS:
        with pytest.raises(TypeError, match="security"):
            flavour.event_handler.BedrockAgentResolver().get("/x", security=[{"key": []}])
