from __future__ import annotations

import json
from typing import Any

import pytest

from powertools.common import PowertoolsError
from powertools.event_handler import BedrockAgentFunctionResolver, BedrockFunctionResponse
from powertools.event_handler.bedrock_agent_function import InvalidBedrockFunctionEventError


def _event(function: str, parameters: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "messageVersion": "1.0",
        "agent": {"name": "agent", "id": "AGENT1", "alias": "TSTALIASID", "version": "DRAFT"},
        "inputText": "what time is it",
        "sessionId": "123",
        "actionGroup": "tools",
        "function": function,
        "parameters": parameters or [],
        "sessionAttributes": {"user": "ana"},
        "promptSessionAttributes": {},
    }
    event.update(extra)
    return event


def test_tool_gets_typed_parameters_and_result_is_wrapped_in_function_response() -> None:
    app = BedrockAgentFunctionResolver()

    @app.tool(name="book", description="Books a table")
    def book(guests: int, price: float, vip: bool, city: str, tags: Any) -> dict[str, Any]:
        return {"guests": guests, "price": price, "vip": vip, "city": city, "tags": tags}

    params = [
        {"name": "guests", "type": "integer", "value": "4"},
        {"name": "price", "type": "number", "value": "12.5"},
        {"name": "vip", "type": "boolean", "value": "TRUE"},
        {"name": "city", "type": "string", "value": "Lisbon"},
        {"name": "tags", "type": "array", "value": "[a, b]"},
        {"name": "unused", "type": "string", "value": "dropped"},
    ]
    result = app.resolve(_event("book", params), None)

    assert result == {
        "messageVersion": "1.0",
        "response": {
            "actionGroup": "tools",
            "function": "book",
            "functionResponse": {
                "responseBody": {
                    "TEXT": {
                        "body": json.dumps(
                            {"guests": 4, "price": 12.5, "vip": True, "city": "Lisbon", "tags": "[a, b]"}
                        )
                    }
                }
            },
        },
        "sessionAttributes": {"user": "ana"},
        "promptSessionAttributes": {},
    }


def test_unconvertible_number_is_passed_through_as_sent() -> None:
    app = BedrockAgentFunctionResolver()

    @app.tool()
    def echo(n: Any) -> Any:
        return n

    out = app.resolve(_event("echo", [{"name": "n", "type": "integer", "value": "four"}]), None)
    assert out["response"]["functionResponse"]["responseBody"]["TEXT"]["body"] == '"four"'


def test_rich_response_sets_attributes_state_and_knowledge_bases() -> None:
    app = BedrockAgentFunctionResolver()
    kb = [{"knowledgeBaseId": "KB1", "retrievalConfiguration": {}}]

    @app.tool(name="login")
    def login() -> BedrockFunctionResponse:
        return BedrockFunctionResponse(
            body="retry",
            session_attributes={"step": "2"},
            prompt_session_attributes={"last": "login"},
            knowledge_bases=kb,
            response_state="REPROMPT",
        )

    out = app.resolve(_event("login"), None)
    assert out == {
        "messageVersion": "1.0",
        "response": {
            "actionGroup": "tools",
            "function": "login",
            "functionResponse": {"responseBody": {"TEXT": {"body": '"retry"'}}, "responseState": "REPROMPT"},
        },
        "sessionAttributes": {"step": "2"},
        "promptSessionAttributes": {"last": "login"},
        "knowledgeBasesConfiguration": kb,
    }


def test_none_result_gives_empty_body_and_custom_serializer_is_used() -> None:
    app = BedrockAgentFunctionResolver(serializer=lambda v: f"<{v}>")

    @app.tool()
    def nothing() -> None:
        return None

    out = app.resolve(_event("nothing"), None)
    assert out["response"]["functionResponse"]["responseBody"]["TEXT"]["body"] == "<>"


def test_tool_exception_and_unknown_tool_become_error_text_for_the_agent() -> None:
    app = BedrockAgentFunctionResolver()

    @app.tool()
    def boom() -> None:
        raise RuntimeError("no table")

    assert app.resolve(_event("boom"), None)["response"]["functionResponse"] == {
        "responseBody": {"TEXT": {"body": '"Error: RuntimeError: no table"'}}
    }
    assert app.resolve(_event("missing"), None)["response"]["functionResponse"] == {
        "responseBody": {"TEXT": {"body": "\"Error: KeyError: 'missing'\""}}
    }


def test_malformed_event_raises_a_typed_error_naming_the_field() -> None:
    app = BedrockAgentFunctionResolver()
    event = _event("x")
    del event["function"]
    with pytest.raises(InvalidBedrockFunctionEventError, match="'function'") as info:
        app.resolve(event, None)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, PowertoolsError)


def test_invalid_response_state_and_duplicate_tool() -> None:
    with pytest.raises(ValueError, match="FAILURE"):
        BedrockFunctionResponse(response_state="DONE")  # type: ignore[arg-type]
    app = BedrockAgentFunctionResolver()

    @app.tool(name="t")
    def first() -> str:
        return "1"

    with pytest.warns(UserWarning, match="already registered"):

        @app.tool(name="t")
        def second() -> str:
            return "2"

    assert app.resolve(_event("t"), None)["response"]["functionResponse"]["responseBody"]["TEXT"]["body"] == '"2"'
