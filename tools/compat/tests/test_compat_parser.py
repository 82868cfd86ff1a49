"""Parser: every upstream model against every shared sample event, and every envelope.

For each (event, model) pair, both flavours must accept or reject it alike and, when they
accept it, ``model_dump()`` must be equal. The deliberate differences listed in
packages/parser/README.md ("Differences from upstream") are asserted precisely instead.
"""

from __future__ import annotations

import inspect
import ipaddress
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from powertools_testing.events import event_names, load_event
from tools.compat.harness import FLAVOURS, OURS, UPSTREAM, Flavour, SimpleLambdaContext

# README "Differences from upstream" — "Events as AWS sends them": models that accept the shape
# AWS really sends where upstream's model rejects it. (event, model) -> upstream's failing loc.
DOCUMENTED_RELAXATIONS: dict[tuple[str, str], tuple[str | int, ...]] = {
    # "Cognito custom email/SMS sender models accept every trigger source (upstream: only *_SignUp)"
    ("cognito_custom_email_sender", "CognitoCustomEmailSenderTriggerModel"): ("triggerSource",),
    ("cognito_custom_email_sender", "CognitoCustomSMSSenderTriggerModel"): ("triggerSource",),
    ("cognito_custom_sms_sender", "CognitoCustomEmailSenderTriggerModel"): ("triggerSource",),
    ("cognito_custom_sms_sender", "CognitoCustomSMSSenderTriggerModel"): ("triggerSource",),
    # "the auth-challenge `session` accepts `CUSTOM_CHALLENGE`"
    ("cognito_define_auth_challenge", "CognitoDefineAuthChallengeTriggerModel"): (
        "request",
        "session",
        2,
        "challengeName",
    ),
    # "`CognitoPreTokenGenerationTriggerModelV2AndV3.request.scopes` accepts the list Cognito sends"
    ("cognito_pre_token_generation_v2", "CognitoPreTokenGenerationTriggerModelV2AndV3"): ("request", "scopes"),
    # "`CognitoVerifyAuthChallengeResponseModel.answerCorrect` may be `null`"
    ("cognito_verify_auth_challenge", "CognitoVerifyAuthChallengeTriggerModel"): ("response", "answerCorrect"),
    # "`VpcLatticeV2Model.headers` and `query_string_parameters` accept the list values of payload v2"
    ("vpc_lattice_v2", "VpcLatticeV2Model"): ("headers", "accept"),
}


# README "Differences from upstream" — "`CognitoCreateAuthChallengeTriggerModel.request` keeps
# `challengeName`": AWS documents it; upstream's model drops it. (event, model) -> path of the key.
DOCUMENTED_EXTRA_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("cognito_create_auth_challenge", "CognitoCreateAuthChallengeTriggerModel"): ("request", "challengeName"),
}

# README "Differences from upstream" — "Events of another source fail with `ValidationError`":
# upstream's validators of these models crash with AttributeError on events of another shape.
DOCUMENTED_VALIDATION_ERRORS = {
    "S3Model",
    "S3RecordModel",
    "KafkaRecordModel",
    "APIGatewayEventRequestContext",
    "S3BatchOperationTaskModel",
}


def without_documented_fields(event_name: str, model_name: str, upstream: Any, ours: Any) -> Any:
    """Ours' model_dump minus a documented extra key, which must hold the event's value."""
    path = DOCUMENTED_EXTRA_FIELDS.get((event_name, model_name))
    if path is None:
        return ours
    *parents, key = path
    event: Any = load_event(event_name)
    trimmed = dict(ours)
    node, up_node, ev_node = trimmed, upstream, event
    for parent in parents:
        node[parent] = dict(node[parent])
        node, up_node, ev_node = node[parent], up_node[parent], ev_node[parent]
    assert key not in up_node, "upstream has no such field"
    assert node.pop(key) == ev_node[key], "the extra field holds what the event sent"
    return trimmed


def upstream_models() -> dict[str, type[BaseModel]]:
    module = UPSTREAM.parser_models
    found = {name: getattr(module, name) for name in module.__all__}
    return {name: cls for name, cls in found.items() if inspect.isclass(cls) and issubclass(cls, BaseModel)}


MODELS = upstream_models()


def outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", call()
    except Exception as exc:
        return "error", exc


def test_every_upstream_model_exists_here() -> None:
    assert [name for name in MODELS if not hasattr(OURS.parser_models, name)] == []


@pytest.mark.parametrize("event_name", event_names())
def test_models_on_sample_event(event_name: str) -> None:
    mismatches = []
    for model_name, upstream_model in MODELS.items():
        our_model = getattr(OURS.parser_models, model_name)
        up = outcome(lambda m=upstream_model: m.model_validate(load_event(event_name)).model_dump())
        ours = outcome(lambda m=our_model: m.model_validate(load_event(event_name)).model_dump())
        documented = DOCUMENTED_RELAXATIONS.get((event_name, model_name))
        if documented is not None:
            assert up[0] == "error", up
            assert isinstance(up[1], ValidationError), up
            assert documented in [e["loc"] for e in up[1].errors()]
            assert ours[0] == "ok", (model_name, ours[1])
            continue
        if up[0] != ours[0]:
            mismatches.append(
                (model_name, f"upstream {up[0]}: {str(up[1])[:200]}", f"ours {ours[0]}: {str(ours[1])[:200]}")
            )
        elif up[0] == "ok" and without_documented_fields(event_name, model_name, up[1], ours[1]) != up[1]:
            mismatches.append((model_name, "model_dump differs", _first_difference(up[1], ours[1])))
    assert mismatches == []


def test_rejection_error_classes() -> None:
    """Where both reject an (event, model) pair, they raise the same class (one test for all
    pairs: these are events of another source, so one summary is more useful than 90 failures).

    Documented exception (README: "Events of another source fail with `ValidationError`"): for
    the models in DOCUMENTED_VALIDATION_ERRORS, upstream may crash with AttributeError where ours
    raises ValidationError."""
    mismatches = set()
    documented: set[str] = set()
    for event_name in event_names():
        for model_name, upstream_model in MODELS.items():
            our_model = getattr(OURS.parser_models, model_name)
            up = outcome(lambda m=upstream_model, e=event_name: m.model_validate(load_event(e)))
            ours = outcome(lambda m=our_model, e=event_name: m.model_validate(load_event(e)))
            if up[0] == ours[0] == "error" and model_name in DOCUMENTED_VALIDATION_ERRORS:
                documented.add(model_name)
                if not (isinstance(ours[1], ValidationError) and isinstance(up[1], ValidationError | AttributeError)):
                    mismatches.add((model_name, f"upstream {type(up[1]).__name__}", f"ours {type(ours[1]).__name__}"))
            elif up[0] == ours[0] == "error" and type(up[1]).__name__ != type(ours[1]).__name__:
                mismatches.add((model_name, f"upstream {type(up[1]).__name__}", f"ours {type(ours[1]).__name__}"))
    assert sorted(mismatches) == []
    assert documented == DOCUMENTED_VALIDATION_ERRORS, "every documented model is exercised"


def test_wrong_event_through_parse() -> None:
    """Same README entry: through parse(), upstream wraps the AttributeError in
    InvalidModelTypeError; ours raises the ValidationError every other model raises."""
    results = {
        f.name: outcome(lambda f=f: f.parser.parse(event=load_event("dynamodb_stream"), model=f.parser_models.S3Model))
        for f in FLAVOURS
    }
    assert results["upstream"][0] == results["ours"][0] == "error"
    assert type(results["upstream"][1]).__name__ == "InvalidModelTypeError"
    assert isinstance(results["upstream"][1].__cause__, AttributeError)
    assert isinstance(results["ours"][1], ValidationError)
    assert results["ours"][1].title == "S3Model"


def _first_difference(upstream: Any, ours: Any, path: str = "") -> str:
    if isinstance(upstream, dict) and isinstance(ours, dict):
        for key in [*upstream, *[k for k in ours if k not in upstream]]:
            if key not in ours or key not in upstream:
                return f"{path}.{key}: only in {'upstream' if key in upstream else 'ours'}"
            if upstream[key] != ours[key]:
                return _first_difference(upstream[key], ours[key], f"{path}.{key}")
    if isinstance(upstream, list) and isinstance(ours, list) and len(upstream) == len(ours):
        for index, (a, b) in enumerate(zip(upstream, ours, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{index}]")
    return f"{path}: upstream {upstream!r} != ours {ours!r}"


def test_source_ip_is_a_network_as_upstream() -> None:
    """A bare sourceIp becomes a one-address network in both; an IP with a port stays text."""
    event = load_event("apigw_rest")
    results = {f.name: f.parser_models.APIGatewayProxyEventModel.model_validate(event) for f in FLAVOURS}
    assert results["upstream"].requestContext.identity.sourceIp == ipaddress.IPv4Network("203.0.113.42/32")
    assert results["ours"].requestContext.identity.sourceIp == ipaddress.IPv4Network("203.0.113.42/32")
    event["requestContext"]["identity"]["sourceIp"] = "203.0.113.42:39870"
    results = {f.name: f.parser_models.APIGatewayProxyEventModel.model_validate(event) for f in FLAVOURS}
    assert results["upstream"].requestContext.identity.sourceIp == "203.0.113.42:39870"
    assert results["ours"].requestContext.identity.sourceIp == "203.0.113.42:39870"


# --- envelopes -------------------------------------------------------------------------------

ENVELOPE_EVENTS: dict[str, list[str]] = {
    "ApiGatewayEnvelope": ["apigw_rest_post_json", "apigw_rest"],
    "ApiGatewayV2Envelope": ["apigw_http_iam", "apigw_http"],
    "ApiGatewayWebSocketEnvelope": ["apigw_websocket_message"],
    "BedrockAgentEnvelope": ["bedrock_agent"],
    "BedrockAgentFunctionEnvelope": ["bedrock_agent_function"],
    "CloudWatchLogsEnvelope": ["cloudwatch_logs"],
    "DynamoDBStreamEnvelope": ["dynamodb_stream", "dynamodb_stream_batch"],
    "EventBridgeEnvelope": ["eventbridge", "s3_eventbridge", "eventbridge_scheduled"],
    "KafkaEnvelope": ["kafka_msk", "kafka_self_managed"],
    "KinesisDataStreamEnvelope": ["kinesis_stream", "kinesis_batch"],
    "KinesisFirehoseEnvelope": ["kinesis_firehose", "kinesis_firehose_kinesis_source"],
    "LambdaFunctionUrlEnvelope": ["function_url", "function_url_iam"],
    "SnsEnvelope": ["sns"],
    "SnsSqsEnvelope": ["sns_sqs"],
    "SqsEnvelope": ["sqs", "sqs_fifo", "sqs_batch_mixed"],
    "VpcLatticeEnvelope": [],  # its only sample is base64: see test_base64_body_is_decoded_here
    "VpcLatticeV2Envelope": [],  # its only sample has list values: see the relaxation above
}
CASES = [(envelope, event) for envelope, events in ENVELOPE_EVENTS.items() for event in events]


def parse_with(pt: Flavour, event_name: str, envelope: str, model: Any = Any) -> Any:
    return pt.parser.parse(event=load_event(event_name), model=model, envelope=getattr(pt.parser_envelopes, envelope))


def test_every_upstream_envelope_exists_here() -> None:
    upstream_names = set(UPSTREAM.parser_envelopes.__all__)
    assert sorted(n for n in upstream_names if not hasattr(OURS.parser_envelopes, n)) == []
    assert set(ENVELOPE_EVENTS) == upstream_names - {"BaseEnvelope"}


@pytest.mark.parametrize(("envelope", "event_name"), CASES)
def test_envelope_payloads_equal(envelope: str, event_name: str) -> None:
    results = {f.name: comparable(outcome(lambda f=f: parse_with(f, event_name, envelope))) for f in FLAVOURS}
    assert results["ours"] == results["upstream"]


def comparable(result: tuple[str, Any]) -> tuple[str, Any]:
    """A ValidationError by its class and each error's type and input; README documents that
    ours titles it with the envelope and puts the record index in `loc`."""
    kind, value = result
    if kind == "error" and isinstance(value, ValidationError):
        return kind, ("ValidationError", [(e["type"], e["input"]) for e in value.errors()])
    if kind == "error":
        return kind, (type(value).__name__, str(value))
    return kind, value


class Order(BaseModel):
    orderId: str
    total: float


class Refund(BaseModel):
    refundId: str


def test_typed_payload_and_its_failure_class() -> None:
    """Payload models: same parsed objects; failures are ValidationError in both (README documents
    that ours titles the error with the envelope and keeps the record index, so the text differs)."""
    ok = {f.name: outcome(lambda f=f: parse_with(f, "apigw_http_iam", "ApiGatewayV2Envelope", Order)) for f in FLAVOURS}
    assert ok["upstream"][0] == ok["ours"][0] == "ok"
    assert ok["ours"][1].model_dump() == ok["upstream"][1].model_dump()
    bad = {f.name: outcome(lambda f=f: parse_with(f, "sqs", "SqsEnvelope", Refund)) for f in FLAVOURS}
    assert bad["upstream"][0] == bad["ours"][0] == "error"
    assert isinstance(bad["upstream"][1], ValidationError)
    assert isinstance(bad["ours"][1], ValidationError)


def test_base64_body_is_decoded_here() -> None:
    """README: "Base64 bodies are decoded by the HTTP envelopes when the event says
    `isBase64Encoded`"; upstream hands the base64 text to the model (here: JSON decoding fails)."""
    results = {f.name: outcome(lambda f=f: parse_with(f, "vpc_lattice_v1", "VpcLatticeEnvelope")) for f in FLAVOURS}
    assert results["upstream"][0] == "error"
    assert isinstance(results["upstream"][1], ValidationError)
    assert results["upstream"][1].errors()[0]["type"] == "json_invalid"
    assert results["ours"] == ("ok", {"title": "Buy milk", "completed": False})


def test_event_parser_decorator() -> None:
    def run(pt: Flavour) -> Any:
        @pt.parser.event_parser(model=pt.parser_models.SqsModel)
        def handler(event: Any, context: Any) -> Any:
            return [record.messageId for record in event.Records]

        return handler(load_event("sqs"), SimpleLambdaContext())

    results = {f.name: outcome(lambda f=f: run(f)) for f in FLAVOURS}
    assert results["upstream"][0] == "ok"
    assert results["ours"] == results["upstream"]


# --- issue 13 -----------------------------------------------------------------------------------


class _Order(BaseModel):
    orderId: str


@pytest.mark.parametrize("envelope", [True, [1], "SqsEnvelope", 1, {"a": 1}, False, 0, ""], ids=repr)
def test_envelope_that_is_not_an_envelope_class_is_ignored(envelope: Any) -> None:
    # Upstream applies an envelope only when it is truthy and callable; the whole event is
    # parsed otherwise. Ours used to fail with "TypeError: unhashable type" for a list.
    results = [flavour.parser.parse({"orderId": "o-1"}, _Order, envelope=envelope).orderId for flavour in FLAVOURS]
    assert results == ["o-1", "o-1"]


@pytest.mark.parametrize("envelope", [True, [1]], ids=repr)
def test_event_parser_ignores_such_envelopes_too(envelope: Any) -> None:
    results = []
    for flavour in FLAVOURS:

        @flavour.parser.event_parser(model=_Order, envelope=envelope)
        def handler(event: _Order, context: Any) -> str:
            return event.orderId

        results.append(handler({"orderId": "o-2"}, SimpleLambdaContext()))
    assert results == ["o-2", "o-2"]


def _awslogs(payload: bytes) -> str:
    import base64
    import gzip

    return base64.b64encode(gzip.compress(payload)).decode()


def test_cloudwatch_logs_data_given_as_base64_bytes() -> None:
    event = load_event("cloudwatch_logs")
    event["awslogs"]["data"] = event["awslogs"]["data"].encode()  # bytes of the base64 text
    dumps = [flavour.parser_models.CloudWatchLogsModel.model_validate(event).model_dump() for flavour in FLAVOURS]
    assert dumps[0] == dumps[1]
    assert dumps[1]["awslogs"]["decoded_data"]["logGroup"]


def test_cloudwatch_logs_bytes_through_the_envelope() -> None:
    import json

    document = {
        "messageType": "DATA_MESSAGE",
        "owner": "123456789012",
        "logGroup": "/aws/lambda/orders",
        "logStream": "s",
        "subscriptionFilters": ["all"],
        "logEvents": [{"id": "1", "timestamp": 1715681730401, "message": '{"orderId": "o-9"}'}],
    }
    event = {"awslogs": {"data": _awslogs(json.dumps(document).encode()).encode()}}
    results = [
        flavour.parser.parse(event, _Order, envelope=flavour.parser_envelopes.CloudWatchLogsEnvelope)[0].orderId
        for flavour in FLAVOURS
    ]
    assert results == ["o-9", "o-9"]


# README "Differences from upstream" — "Compressed data is inflated with a bound": a payload that
# inflates past 64 MiB is rejected with ValidationError ("unable to decompress data"); upstream
# inflates it whole (here: valid JSON padded with 65 MiB of spaces, which upstream accepts).
def test_cloudwatch_logs_inflating_past_the_bound() -> None:
    import json

    document = {
        "messageType": "DATA_MESSAGE",
        "owner": "123456789012",
        "logGroup": "/aws/lambda/f",
        "logStream": "s",
        "subscriptionFilters": ["all"],
        "logEvents": [{"id": "1", "timestamp": 1715681730401, "message": "hello"}],
    }
    padded = json.dumps(document).encode() + b" " * (65 * 1024 * 1024)
    event = {"awslogs": {"data": _awslogs(padded)}}
    assert (
        UPSTREAM.parser_models.CloudWatchLogsModel.model_validate(event).awslogs.decoded_data.logGroup
        == "/aws/lambda/f"
    )
    with pytest.raises(ValidationError, match="unable to decompress data"):
        OURS.parser_models.CloudWatchLogsModel.model_validate(event)
    del padded, event
