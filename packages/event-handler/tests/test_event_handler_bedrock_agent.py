"""BedrockAgentResolver: routing by apiPath, parameters from the event, the response document."""

from __future__ import annotations

import json
from typing import Any

import pytest

from powertools.common.exceptions import InvalidEventError
from powertools.event_handler import BedrockAgentResolver, BedrockResponse


def agent_event(api_path: str, method: str = "GET", **extra: Any) -> dict[str, Any]:
    return {
        "messageVersion": "1.0",
        "agent": {"name": "A", "id": "1", "alias": "x", "version": "1"},
        "inputText": "hi",
        "sessionId": "s",
        "actionGroup": "Claims",
        "apiPath": api_path,
        "httpMethod": method,
        **extra,
    }


def test_path_values_come_from_parameters_even_without_validation() -> None:
    app = BedrockAgentResolver(enable_validation=False)

    @app.get("/claims/<claim_id>")
    def claim(claim_id: str) -> dict[str, str]:
        return {"claim": claim_id}

    event = agent_event("/claims/{claim_id}", parameters=[{"name": "claim_id", "type": "string", "value": "c-9"}])
    result = app.resolve(event, None)
    assert result == {
        "messageVersion": "1.0",
        "response": {
            "actionGroup": "Claims",
            "apiPath": "/claims/{claim_id}",
            "httpMethod": "GET",
            "httpStatusCode": 200,
            "responseBody": {"application/json": {"body": '{"claim":"c-9"}'}},
        },
    }


def test_bedrock_response_carries_knowledge_bases_and_text_bodies_stay_text() -> None:
    app = BedrockAgentResolver()
    kb = [{"knowledgeBaseId": "KB1", "retrievalConfiguration": {"vectorSearchConfiguration": {"numberOfResults": 3}}}]

    @app.get("/summary")
    def summary() -> BedrockResponse:
        return BedrockResponse(body="3 open claims", knowledge_bases_configuration=kb, status_code=202)

    result = app.resolve(agent_event("/summary"), None)
    assert result["response"]["httpStatusCode"] == 202
    assert result["response"]["responseBody"] == {"application/json": {"body": "3 open claims"}}
    assert result["knowledgeBasesConfiguration"] == kb


def test_event_without_api_path_is_a_clear_error() -> None:
    app = BedrockAgentResolver()
    app.get("/x")(lambda: "x")
    event = agent_event("/x")
    del event["apiPath"]
    with pytest.raises(InvalidEventError, match="apiPath"):
        app.resolve(event, None)


def test_schema_is_json_text_bedrock_accepts() -> None:
    app = BedrockAgentResolver()

    @app.get("/claims", description="List claims")
    def claims(status: str | None = None) -> list[str]:
        return []

    document = json.loads(app.get_openapi_json_schema(title="Claims", version="1.0.0"))
    assert document["openapi"] == "3.0.3"
    parameter = document["paths"]["/claims"]["get"]["parameters"][0]
    assert parameter["schema"] == {"anyOf": [{"type": "string"}], "title": "Status", "nullable": True}
