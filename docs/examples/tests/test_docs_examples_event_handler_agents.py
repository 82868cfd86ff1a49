"""docs/packages/event-handler.md: the AppSync, AppSync Events and Bedrock agent examples on sample events."""

from __future__ import annotations

import json
from typing import Any

import pytest

from powertools.event_handler import UnauthorizedException
from powertools_testing.events import EVENTS_DIR

# --- AppSync (GraphQL) -----------------------------------------------------------------------


def test_appsync_resolver_gets_the_arguments_and_the_caller(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/appsync.py")

    assert example.lambda_handler(load_event("appsync_resolver"), lambda_context) == {
        "id": "todo-1",
        "list": "list-7",
        "owner": "jdoe",
        "comments": [],
    }


def test_appsync_batch_resolver_answers_each_item_and_none_for_a_failure(
    load_example: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/appsync.py")
    batch = json.loads((EVENTS_DIR / "appsync_resolver_batch.json").read_text())  # a list: BatchInvoke

    assert example.lambda_handler(batch, lambda_context) == [
        {"id": "u-1001", "name": "Jane Doe"},
        {"id": "u-1002", "name": "Alex Smith"},
        None,  # u-1003 is unknown: its KeyError becomes None
    ]


# --- AppSync Events --------------------------------------------------------------------------


def test_appsync_events_publish_answers_each_event(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/appsync_events.py")

    assert example.lambda_handler(load_event("appsync_events_publish"), lambda_context) == {
        "events": [
            {
                "id": "5b98051e-5981-4358-b66d-c051d7a10c8a",
                "payload": {"author": "jdoe", "text": "Hello, everyone!", "sentAt": "2024-05-14T10:15:30.000Z"},
            },
            {
                "id": "51ecde41-3da4-4eb8-a9b9-c99bda31c533",
                "payload": {"author": "asmith", "text": "Hi Jane", "sentAt": "2024-05-14T10:15:31.500Z"},
            },
            {"id": "abe7af3f-02b3-49b8-9d2f-6883e7acfbdd", "error": "ValueError - empty message"},
        ]
    }


def test_appsync_events_subscribe_to_a_private_channel_is_rejected(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/appsync_events.py")
    event = load_event("appsync_events_subscribe")
    event["info"]["channel"] = {"path": "/private/board", "segments": ["private", "board"]}
    event["info"]["channelNamespace"] = {"name": "private"}

    with pytest.raises(UnauthorizedException, match="members only"):
        example.lambda_handler(event, lambda_context)


# --- Bedrock agents --------------------------------------------------------------------------


def test_bedrock_function_tool_gets_converted_parameters(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/bedrock_agent_function.py")

    assert example.lambda_handler(load_event("bedrock_agent_function"), lambda_context) == {
        "messageVersion": "1.0",
        "response": {
            "actionGroup": "WeatherTools",
            "function": "get_forecast",
            "functionResponse": {
                "responseBody": {"TEXT": {"body": '{"city": "Seattle", "forecast": [{"day": 1, "high": "18C"}]}'}}
            },
        },
        "sessionAttributes": {"city": "Seattle"},
        "promptSessionAttributes": {},
    }


def test_bedrock_openapi_route_gets_validated_values(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("event_handler/bedrock_agent_openapi.py")

    assert example.lambda_handler(load_event("bedrock_agent"), lambda_context) == {
        "messageVersion": "1.0",
        "response": {
            "actionGroup": "TodosApi",
            "apiPath": "/lists/{listId}/todos",
            "httpMethod": "POST",
            "httpStatusCode": 200,
            "responseBody": {"application/json": {"body": '{"list_id":"list-7","title":"buy oat milk","priority":2}'}},
        },
        "sessionAttributes": {"lastList": "list-7", "notify": "True"},
    }


def test_bedrock_openapi_route_answers_422_for_a_bad_value(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/bedrock_agent_openapi.py")
    event = load_event("bedrock_agent")
    priority = event["requestBody"]["content"]["application/json"]["properties"][1]
    assert priority["name"] == "priority"
    priority["value"] = "high"

    response = example.lambda_handler(event, lambda_context)["response"]
    assert response["httpStatusCode"] == 422
    assert json.loads(response["responseBody"]["application/json"]["body"]) == {
        "statusCode": 422,
        "detail": [{"loc": ["body", "priority"], "type": "int_parsing"}],
    }


def test_appsync_events_channels_without_a_handler_pass_through_with_a_warning(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("event_handler/appsync_events.py")
    publish = load_event("appsync_events_publish")
    publish["info"]["channel"] = {"path": "/news/today", "segments": ["news", "today"]}
    publish["info"]["channelNamespace"] = {"name": "news"}

    with pytest.warns(UserWarning, match="No resolvers were found for publish operations with path /news/today"):
        answer = example.lambda_handler(publish, lambda_context)
    assert answer == {"events": publish["events"]}  # unchanged, the empty message included

    with pytest.warns(UserWarning, match="No resolvers were found for subscribe operations with path /chat"):
        assert example.lambda_handler(load_event("appsync_events_subscribe"), lambda_context) is None
