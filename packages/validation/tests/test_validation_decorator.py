"""@validator: inbound, outbound, envelopes, async handlers, and options checked at decoration."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest

from powertools.common import MiddlewareInvalidArgumentError
from powertools.common.typing import LocalLambdaContext
from powertools.validation import InvalidSchemaFormatError, SchemaValidationError, envelopes, validator

LoadEvent = Callable[[str], Any]

INBOUND = {
    "type": "object",
    "required": ["user_id"],
    "properties": {"user_id": {"type": "string"}, "role": {"type": "string", "default": "reader"}},
}
OUTBOUND = {
    "type": "object",
    "required": ["statusCode", "body"],
    "properties": {"statusCode": {"type": "integer"}, "body": {"type": "object"}},
}


def test_handler_receives_the_validated_event_and_response_passes(lambda_context: LocalLambdaContext) -> None:
    seen: list[Any] = []

    @validator(inbound_schema=INBOUND, outbound_schema=OUTBOUND)
    def handler(event: dict[str, Any], context: LocalLambdaContext) -> dict[str, Any]:
        seen.append(event)
        return {"statusCode": 200, "body": {"user": event["user_id"], "role": event["role"]}}

    assert handler({"user_id": "u-1"}, lambda_context) == {"statusCode": 200, "body": {"user": "u-1", "role": "reader"}}
    assert seen == [{"user_id": "u-1", "role": "reader"}]
    # A second invocation reuses the compiled schemas and behaves the same.
    assert handler({"user_id": "u-2", "role": "admin"}, lambda_context)["body"] == {"user": "u-2", "role": "admin"}


def test_invalid_event_stops_before_the_handler(lambda_context: LocalLambdaContext) -> None:
    calls: list[Any] = []

    @validator(inbound_schema=INBOUND)
    def handler(event: dict[str, Any], context: LocalLambdaContext) -> None:
        calls.append(event)

    with pytest.raises(SchemaValidationError) as caught:
        handler({"user_id": 7}, lambda_context)
    assert (
        caught.value.message
        == "Failed schema validation. Error: data.user_id must be string, Path: ['data', 'user_id']"
    )
    assert calls == []


def test_invalid_response_is_rejected(lambda_context: LocalLambdaContext) -> None:
    @validator(outbound_schema=OUTBOUND)
    def handler(event: dict[str, Any], context: LocalLambdaContext) -> dict[str, Any]:
        return {"statusCode": "200", "body": None}

    with pytest.raises(SchemaValidationError) as caught:
        handler({}, lambda_context)
    assert (caught.value.validation_message, caught.value.path) == (
        "data.statusCode must be integer",
        ["data", "statusCode"],
    )


def test_envelope_unwraps_before_the_handler(load_event: LoadEvent, lambda_context: LocalLambdaContext) -> None:
    schema = {"type": "object", "required": ["title"], "properties": {"title": {"type": "string", "maxLength": 20}}}

    @validator(inbound_schema=schema, envelope=envelopes.API_GATEWAY_REST)
    def handler(todo: dict[str, Any], context: LocalLambdaContext) -> str:
        return todo["title"]

    assert handler(load_event("apigw_rest_post_json"), lambda_context) == "Buy milk"

    event = load_event("apigw_rest_post_json")
    event["body"] = json.dumps({"title": "x" * 21})
    with pytest.raises(SchemaValidationError, match=r"data.title must be shorter than or equal to 20 characters"):
        handler(event, lambda_context)


def test_envelope_without_schema_still_unwraps(load_event: LoadEvent, lambda_context: LocalLambdaContext) -> None:
    @validator(envelope=envelopes.SQS)
    def handler(orders: list[dict[str, Any]], context: LocalLambdaContext) -> list[str]:
        return [order["orderId"] for order in orders]

    assert handler(load_event("sqs"), lambda_context) == ["ord-1001", "ord-1002"]


def test_formats_handlers_and_options_per_direction(lambda_context: LocalLambdaContext) -> None:
    inbound = {"type": "object", "properties": {"account": {"format": "awsaccountid"}, "extra": {"default": 1}}}
    outbound = {"type": "object", "properties": {"child": {"$ref": "mem://child"}}}

    @validator(
        inbound_schema=inbound,
        inbound_formats={"awsaccountid": r"^\d{12}$"},
        inbound_provider_options={"use_default": False},
        outbound_schema=outbound,
        outbound_handlers={"mem": lambda uri: {"type": "integer"}},
    )
    def handler(event: dict[str, Any], context: LocalLambdaContext) -> dict[str, Any]:
        return {"child": event["child"]}

    assert handler({"account": "123456789012", "child": 3}, lambda_context) == {"child": 3}
    with pytest.raises(SchemaValidationError, match=r"data.account must be awsaccountid"):
        handler({"account": "1", "child": 3}, lambda_context)
    with pytest.raises(SchemaValidationError, match=r"data.child must be integer"):
        handler({"account": "123456789012", "child": "3"}, lambda_context)


def test_extra_keyword_arguments_reach_the_handler(lambda_context: LocalLambdaContext) -> None:
    @validator(inbound_schema=INBOUND)
    def handler(event: dict[str, Any], context: LocalLambdaContext, tenant: str = "") -> str:
        return f"{tenant}:{event['user_id']}"

    assert handler({"user_id": "u-1"}, lambda_context, tenant="acme") == "acme:u-1"


def test_async_handler_is_validated_after_it_completes(lambda_context: LocalLambdaContext) -> None:
    @validator(inbound_schema=INBOUND, outbound_schema=OUTBOUND)
    async def handler(event: dict[str, Any], context: LocalLambdaContext) -> dict[str, Any]:
        await asyncio.sleep(0)
        return {"statusCode": 200, "body": event} if event["role"] == "reader" else {"statusCode": 500}

    assert asyncio.run(handler({"user_id": "u"}, lambda_context)) == {
        "statusCode": 200,
        "body": {"user_id": "u", "role": "reader"},
    }
    with pytest.raises(SchemaValidationError, match=r"data must contain \['body'\] properties"):
        asyncio.run(handler({"user_id": "u", "role": "admin"}, lambda_context))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"inbound_schema": "schema.json"}, "schema must be a dict holding a JSON Schema, got str"),
        ({"outbound_schema": [1]}, "schema must be a dict holding a JSON Schema, got list"),
        ({"inbound_formats": {"x": 1}}, "format 'x' must be a regex string or a callable returning bool, got int"),
        ({"outbound_provider_options": {"strict": True}}, "unknown provider option(s) 'strict'; supported: "),
        ({"inbound_provider_options": {"fast_fail": "no"}}, "provider option 'fast_fail' must be True or False"),
    ],
)
def test_malformed_options_fail_at_decoration(options: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidSchemaFormatError) as caught:

        @validator(**options)
        def handler(event: Any, context: Any) -> None:
            return None

    assert str(caught.value).startswith(message)


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        validator(None, INBOUND)  # type: ignore[misc]
    with pytest.raises(MiddlewareInvalidArgumentError):
        validator("not a handler")  # type: ignore[arg-type]
