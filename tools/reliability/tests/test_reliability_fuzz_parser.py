"""Fuzz: every parser model and every envelope, on events shaped like the samples with arbitrary values.

Only pydantic's ``ValidationError`` (and the parser's documented ``InvalidEnvelopeError`` /
``InvalidModelTypeError``) may leave ``parse``; a bare KeyError/TypeError/AttributeError/
IndexError/RecursionError from inside a validator, decoder or envelope fails the case (unless it
is one of the bugs pinned in test_reliability_known_bugs.py, which have their own rows). A model
that validated must also dump (``model_dump``) without raising. Events are given as Python
objects and, sometimes, as JSON text (the ``validate_json`` path); some string fields carry
payloads nested 100,000 levels deep.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from powertools.parser import envelopes, models, parse
from powertools.parser.exceptions import InvalidEnvelopeError, InvalidModelTypeError
from powertools_testing.events import load_event
from tools.reliability.known_bugs import known_bug
from tools.reliability.ledger import LEDGER
from tools.reliability.strategies import EXAMPLES, LENGTHS, SETTINGS, free_json, run_cases, with_hostile_text

TYPED = (ValidationError, InvalidEnvelopeError, InvalidModelTypeError)
CLAIM = "ValidationError (or InvalidEnvelopeError/InvalidModelTypeError) only, known bugs aside; a parsed model dumps"

# The top-level models and the sample events they describe (the other exported models are parts).
MODEL_SAMPLES: dict[str, list[str]] = {
    "AlbModel": ["alb", "alb_multi_value"],
    "APIGatewayProxyEventModel": ["apigw_rest", "apigw_rest_binary", "apigw_rest_post_json"],
    "APIGatewayProxyEventV2Model": ["apigw_http", "apigw_http_iam", "apigw_http_lambda_authorizer"],
    "ApiGatewayAuthorizerRequest": ["apigw_authorizer_request"],
    "ApiGatewayAuthorizerToken": ["apigw_authorizer_token"],
    "ApiGatewayAuthorizerRequestV2": ["apigw_authorizer_v2_request"],
    "APIGatewayWebSocketConnectEventModel": ["apigw_websocket_connect"],
    "APIGatewayWebSocketMessageEventModel": ["apigw_websocket_message"],
    "AppSyncEventsModel": ["appsync_events_publish", "appsync_events_subscribe"],
    "AppSyncResolverEventModel": ["appsync_resolver", "appsync_resolver_iam"],
    "BedrockAgentEventModel": ["bedrock_agent"],
    "BedrockAgentFunctionEventModel": ["bedrock_agent_function"],
    "CloudFormationCustomResourceCreateModel": ["cloudformation_custom_resource_create"],
    "CloudFormationCustomResourceUpdateModel": ["cloudformation_custom_resource_update"],
    "CloudFormationCustomResourceDeleteModel": ["cloudformation_custom_resource_delete"],
    "CloudWatchLogsModel": ["cloudwatch_logs"],
    "CognitoCreateAuthChallengeTriggerModel": ["cognito_create_auth_challenge"],
    "CognitoCustomEmailSenderTriggerModel": ["cognito_custom_email_sender"],
    "CognitoCustomMessageTriggerModel": ["cognito_custom_message"],
    "CognitoCustomSMSSenderTriggerModel": ["cognito_custom_sms_sender"],
    "CognitoDefineAuthChallengeTriggerModel": ["cognito_define_auth_challenge"],
    "CognitoPostAuthenticationTriggerModel": ["cognito_post_authentication"],
    "CognitoPostConfirmationTriggerModel": ["cognito_post_confirmation"],
    "CognitoPreAuthenticationTriggerModel": ["cognito_pre_authentication"],
    "CognitoPreSignupTriggerModel": ["cognito_pre_signup"],
    "CognitoPreTokenGenerationTriggerModelV1": ["cognito_pre_token_generation"],
    "CognitoPreTokenGenerationTriggerModelV2AndV3": ["cognito_pre_token_generation_v2"],
    "CognitoMigrateUserTriggerModel": ["cognito_user_migration"],
    "CognitoVerifyAuthChallengeTriggerModel": ["cognito_verify_auth_challenge"],
    "DynamoDBStreamModel": ["dynamodb_stream", "dynamodb_stream_batch", "dynamodb_stream_tumbling_window"],
    "EventBridgeModel": ["eventbridge", "eventbridge_scheduled"],
    "LambdaFunctionUrlModel": ["function_url", "function_url_iam"],
    "IoTCoreThingEvent": ["iot_registry_thing_created"],
    "IoTCoreThingTypeEvent": ["iot_registry_thing_type"],
    "IoTCoreThingTypeAssociationEvent": ["iot_registry_thing_type_association"],
    "IoTCoreThingGroupEvent": ["iot_registry_thing_group"],
    "IoTCoreAddOrRemoveFromThingGroupEvent": ["iot_registry_thing_group_membership"],
    "IoTCoreAddOrDeleteFromThingGroupEvent": ["iot_registry_thing_group_hierarchy"],
    "KafkaMskEventModel": ["kafka_msk", "kafka_msk_schema_registry"],
    "KafkaSelfManagedEventModel": ["kafka_self_managed"],
    "KinesisDataStreamModel": ["kinesis_stream", "kinesis_batch", "kinesis_stream_tumbling_window"],
    "KinesisFirehoseModel": ["kinesis_firehose", "kinesis_firehose_kinesis_source"],
    "KinesisFirehoseSqsModel": ["kinesis_firehose_sqs"],
    "S3BatchOperationModel": ["s3_batch_operations_v1", "s3_batch_operations_v2"],
    "S3EventNotificationEventBridgeModel": ["s3_eventbridge"],
    "S3Model": ["s3_notification", "s3_notification_glacier_restore", "s3_notification_intelligent_tiering"],
    "S3ObjectLambdaEvent": ["s3_object_lambda"],
    "S3SqsEventNotificationModel": ["s3_sqs"],
    "SesModel": ["ses"],
    "SnsModel": ["sns"],
    "SqsModel": ["sqs", "sqs_fifo", "sqs_batch_mixed", "sns_sqs", "s3_sns_sqs", "s3_eventbridge_sqs"],
    "TransferFamilyAuthorizer": ["transfer_family_authorizer"],
    "VpcLatticeModel": ["vpc_lattice_v1"],
    "VpcLatticeV2Model": ["vpc_lattice_v2"],
}
# Exported models that are not BaseModel classes, validated through a TypeAdapter.
ADAPTED: dict[str, list[str]] = {"AppSyncBatchResolverEventModel": ["appsync_resolver_batch"]}
ADAPTERS: dict[str, Any] = {name: TypeAdapter(getattr(models, name)) for name in ADAPTED}

ENVELOPE_SAMPLES: dict[str, list[str]] = {
    "ApiGatewayEnvelope": ["apigw_rest_post_json", "apigw_rest"],
    "ApiGatewayV2Envelope": ["apigw_http", "apigw_http_iam"],
    "ApiGatewayWebSocketEnvelope": ["apigw_websocket_message"],
    "BedrockAgentEnvelope": ["bedrock_agent"],
    "BedrockAgentFunctionEnvelope": ["bedrock_agent_function"],
    "CloudWatchLogsEnvelope": ["cloudwatch_logs"],
    "DynamoDBStreamEnvelope": ["dynamodb_stream_batch"],
    "EventBridgeEnvelope": ["eventbridge"],
    "KafkaEnvelope": ["kafka_msk", "kafka_self_managed"],
    "KinesisDataStreamEnvelope": ["kinesis_stream"],
    "KinesisFirehoseEnvelope": ["kinesis_firehose"],
    "LambdaFunctionUrlEnvelope": ["function_url"],
    "SnsEnvelope": ["sns"],
    "SnsSqsEnvelope": ["sns_sqs"],
    "SqsEnvelope": ["sqs", "sqs_batch_mixed"],
    "VpcLatticeEnvelope": ["vpc_lattice_v1"],
    "VpcLatticeV2Envelope": ["vpc_lattice_v2"],
}


class Order(BaseModel):
    orderId: str
    total: float = 0.0
    items: list[dict[str, Any]] = []


# What users validate payloads into: a model, plain JSON shapes, text, and a strict list.
PAYLOAD_MODELS: dict[str, Any] = {
    "Order": Order,
    "dict[str, Any]": dict[str, Any],
    "str": str,
    "Any": Any,
    "list[int]": list[int],
    "TypeAdapter(Order | None)": TypeAdapter(Order | None),
}


def _part_keys(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Field names and aliases of ``model`` and of the models its fields hold."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    keys: set[str] = set()
    for name, info in model.model_fields.items():
        keys.update(k for k in (name, info.alias, info.validation_alias) if isinstance(k, str))
        for inner in _types_in(info.annotation):
            keys |= _part_keys(inner, seen)
    return keys


def _types_in(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_types_in(argument))
    return found


def _check(model: Any, event: Any, as_text: bool) -> None:
    if as_text:
        try:
            event = json.dumps(event)
        except (TypeError, ValueError):  # NaN keys, surrogates: not JSON a Lambda could receive
            return
    try:
        parsed = parse(event, model)
    except TYPED:
        return
    except Exception as exc:
        if known_bug(exc) is None:
            raise
        return  # pinned in test_reliability_known_bugs.py
    if isinstance(parsed, BaseModel):
        parsed.model_dump()


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("name", sorted(MODEL_SAMPLES))
def test_every_event_model(name: str, length: str) -> None:
    samples = [load_event(sample) for sample in MODEL_SAMPLES[name]]
    events = with_hostile_text(samples)

    def check(data: st.DataObject) -> None:
        event = data.draw(events, label="event")
        LEDGER.case("fuzz", f"parser model {name}", CLAIM)
        _check(getattr(models, name), event, data.draw(st.booleans(), label="as_text"))

    run_cases(length, check)


@SETTINGS
@given(data=st.data(), name=st.sampled_from(sorted(ADAPTED)))
def test_adapted_models(data: st.DataObject, name: str) -> None:
    samples = [load_event(sample) for sample in ADAPTED[name]]
    event = data.draw(with_hostile_text(samples), label="event")
    LEDGER.case("fuzz", "parser models without a BaseModel class (AppSync batch)", CLAIM)
    _check(ADAPTERS[name], event, as_text=False)


def _part_models() -> list[str]:
    names = []
    for name in models.__all__:
        value = getattr(models, name)
        if isinstance(value, type) and issubclass(value, BaseModel) and name not in MODEL_SAMPLES:
            names.append(name)
    return sorted(names)


PART_MODELS = _part_models()


@settings(SETTINGS, max_examples=EXAMPLES * 5)  # a model per case, drawn from many
@given(data=st.data(), name=st.sampled_from(PART_MODELS))
def test_every_part_model(data: st.DataObject, name: str) -> None:
    model = getattr(models, name)
    keys = sorted(_part_keys(model)) or ["x"]
    event = data.draw(
        st.one_of(st.dictionaries(st.sampled_from(keys), free_json(keys), max_size=8), free_json(keys)), label="event"
    )
    LEDGER.case("fuzz", f"parser part models ({len(PART_MODELS)}, one drawn per case)", CLAIM)
    _check(model, event, as_text=data.draw(st.booleans(), label="as_text"))


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("name", sorted(ENVELOPE_SAMPLES))
def test_every_envelope(name: str, length: str) -> None:
    samples = [load_event(sample) for sample in ENVELOPE_SAMPLES[name]]
    events = with_hostile_text(samples)
    envelope = getattr(envelopes, name)

    def check(data: st.DataObject) -> None:
        event = data.draw(events, label="event")
        payload_model = PAYLOAD_MODELS[data.draw(st.sampled_from(sorted(PAYLOAD_MODELS)), label="payload model")]
        LEDGER.case("fuzz", f"parser envelope {name}", CLAIM.replace("; a parsed model dumps", ""))
        if data.draw(st.booleans(), label="as_text"):
            try:
                event = json.dumps(event)
            except (TypeError, ValueError):
                return
        try:
            parse(event, payload_model, envelope)
        except TYPED:
            return
        except Exception as exc:
            if known_bug(exc) is None:
                raise

    run_cases(length, check)


def test_every_model_and_envelope_is_fuzzed() -> None:
    """A model or envelope added to the package without a sample here fails this test."""
    LEDGER.case("fuzz", "parser: every exported model and envelope is in the fuzz", "the lists cover the package")
    exported = {name for name in models.__all__ if not name.startswith("extract_")}
    assert exported == set(MODEL_SAMPLES) | set(ADAPTED) | set(PART_MODELS) | {"AppSyncIdentity"}
    assert {name for name in envelopes.__all__ if name not in ("BaseEnvelope", "Envelope")} == set(ENVELOPE_SAMPLES)
