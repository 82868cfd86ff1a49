"""Bedrock agent function-details resolver: the same tools return the same documents as upstream."""

from __future__ import annotations

from typing import Any

import pytest

from tools.compat.harness import FLAVOURS, Flavour, SimpleLambdaContext


def _event(function: str, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "messageVersion": "1.0",
        "agent": {"name": "agent", "id": "AGENT1", "alias": "TSTALIASID", "version": "DRAFT"},
        "inputText": "book a table",
        "sessionId": "123",
        "actionGroup": "restaurant",
        "function": function,
        "parameters": parameters,
        "sessionAttributes": {"user": "ana"},
        "promptSessionAttributes": {"tone": "brief"},
    }


def build_app(pt: Flavour) -> Any:
    eh = pt.event_handler
    app = eh.BedrockAgentFunctionResolver()

    @app.tool(name="book", description="Books a table")
    def book(guests: int, price: float, vip: bool, city: str, tags: Any = None) -> dict[str, Any]:
        return {"guests": guests, "price": price, "vip": vip, "city": city, "tags": tags}

    @app.tool()
    def rich() -> Any:
        return eh.BedrockFunctionResponse(
            body={"ok": True},
            session_attributes={"step": "2"},
            knowledge_bases=[{"knowledgeBaseId": "KB1"}],
            response_state="FAILURE",
        )

    @app.tool()
    def nothing() -> None:
        return None

    @app.tool()
    def boom() -> None:
        raise RuntimeError("kitchen closed")

    return app


CASES: dict[str, dict[str, Any]] = {
    "typed_params": _event(
        "book",
        [
            {"name": "guests", "type": "integer", "value": "4"},
            {"name": "price", "type": "number", "value": "x"},
            {"name": "vip", "type": "boolean", "value": "false"},
            {"name": "city", "type": "string", "value": "Porto"},
            {"name": "tags", "type": "array", "value": "[a]"},
            {"name": "extra", "type": "string", "value": "ignored"},
        ],
    ),
    "rich_response": _event("rich", []),
    "none_body": _event("nothing", []),
    "tool_raises": _event("boom", []),
    "unknown_tool": _event("nope", []),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_same_function_response(case: str) -> None:
    responses = {}
    for flavour in FLAVOURS:
        responses[flavour.name] = build_app(flavour).resolve(CASES[case], SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]
