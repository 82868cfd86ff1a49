"""Data classes: every public property of every class, on its sample event, both flavours.

Properties are found on the UPSTREAM class with ``inspect`` and read on both wrappers;
values are compared recursively (wrappers by ``raw_event`` and then their own properties,
sequences element by element). packages/data-classes/README.md "Differences from upstream"
documents "No KeyError for absent fields" (ours reads None / an empty wrapper / an empty
list) and typed errors; those are accepted precisely, everything else must be equal.
"""

from __future__ import annotations

import base64
import binascii
import enum
import importlib
import inspect
import pkgutil
import types
from collections.abc import Iterator
from functools import cache, cached_property
from typing import Any

import pytest

from powertools_testing.events import load_event
from tools.compat.harness import OURS, UPSTREAM, Flavour

EVENTS: dict[str, str] = {
    "activemq": "ActiveMQEvent",
    "alb": "ALBEvent",
    "alb_multi_value": "ALBEvent",
    "api_gateway_rest_with_prefix": "APIGatewayProxyEvent",
    "apigw_authorizer_request": "APIGatewayAuthorizerRequestEvent",
    "apigw_authorizer_token": "APIGatewayAuthorizerTokenEvent",
    "apigw_authorizer_v2_request": "APIGatewayAuthorizerEventV2",
    "apigw_http": "APIGatewayProxyEventV2",
    "apigw_http_iam": "APIGatewayProxyEventV2",
    "apigw_http_lambda_authorizer": "APIGatewayProxyEventV2",
    "apigw_rest": "APIGatewayProxyEvent",
    "apigw_rest_binary": "APIGatewayProxyEvent",
    "apigw_rest_post_json": "APIGatewayProxyEvent",
    "apigw_websocket_connect": "APIGatewayWebSocketEvent",
    "apigw_websocket_message": "APIGatewayWebSocketEvent",
    "appsync_authorizer": "AppSyncAuthorizerEvent",
    "appsync_events_publish": "AppSyncResolverEventsEvent",
    "appsync_events_subscribe": "AppSyncResolverEventsEvent",
    "appsync_resolver": "AppSyncResolverEvent",
    "appsync_resolver_iam": "AppSyncResolverEvent",
    "bedrock_agent": "BedrockAgentEvent",
    "bedrock_agent_function": "BedrockAgentFunctionEvent",
    "cloudformation_custom_resource_create": "CloudFormationCustomResourceEvent",
    "cloudformation_custom_resource_delete": "CloudFormationCustomResourceEvent",
    "cloudformation_custom_resource_update": "CloudFormationCustomResourceEvent",
    "cloudwatch_alarm_composite": "CloudWatchAlarmEvent",
    "cloudwatch_alarm_metric": "CloudWatchAlarmEvent",
    "cloudwatch_dashboard_custom_widget": "CloudWatchDashboardCustomWidgetEvent",
    "cloudwatch_logs": "CloudWatchLogsEvent",
    "codedeploy_lifecycle_hook": "CodeDeployLifecycleHookEvent",
    "codepipeline_job": "CodePipelineJobEvent",
    "cognito_create_auth_challenge": "CreateAuthChallengeTriggerEvent",
    "cognito_custom_email_sender": "CustomEmailSenderTriggerEvent",
    "cognito_custom_message": "CustomMessageTriggerEvent",
    "cognito_custom_sms_sender": "CustomSMSSenderTriggerEvent",
    "cognito_define_auth_challenge": "DefineAuthChallengeTriggerEvent",
    "cognito_post_authentication": "PostAuthenticationTriggerEvent",
    "cognito_post_confirmation": "PostConfirmationTriggerEvent",
    "cognito_pre_authentication": "PreAuthenticationTriggerEvent",
    "cognito_pre_signup": "PreSignUpTriggerEvent",
    "cognito_pre_token_generation": "PreTokenGenerationTriggerEvent",
    "cognito_pre_token_generation_v2": "PreTokenGenerationV2TriggerEvent",
    "cognito_user_migration": "UserMigrationTriggerEvent",
    "cognito_verify_auth_challenge": "VerifyAuthChallengeResponseTriggerEvent",
    "connect_contact_flow": "ConnectContactFlowEvent",
    "dynamodb_stream": "DynamoDBStreamEvent",
    "dynamodb_stream_batch": "DynamoDBStreamEvent",
    "dynamodb_stream_tumbling_window": "DynamoDBStreamEvent",
    "eventbridge": "EventBridgeEvent",
    "eventbridge_scheduled": "EventBridgeEvent",
    "function_url": "LambdaFunctionUrlEvent",
    "function_url_iam": "LambdaFunctionUrlEvent",
    "iot_registry_thing_created": "IoTCoreThingEvent",
    "iot_registry_thing_group": "IoTCoreThingGroupEvent",
    "iot_registry_thing_group_hierarchy": "IoTCoreAddOrDeleteFromThingGroupEvent",
    "iot_registry_thing_group_membership": "IoTCoreAddOrRemoveFromThingGroupEvent",
    "iot_registry_thing_type": "IoTCoreThingTypeEvent",
    "iot_registry_thing_type_association": "IoTCoreThingTypeAssociationEvent",
    "kafka_msk": "KafkaEvent",
    "kafka_msk_schema_registry": "KafkaEvent",
    "kafka_self_managed": "KafkaEvent",
    "kinesis_batch": "KinesisStreamEvent",
    "kinesis_firehose": "KinesisFirehoseEvent",
    "kinesis_firehose_kinesis_source": "KinesisFirehoseEvent",
    "kinesis_firehose_sqs": "KinesisFirehoseEvent",
    "kinesis_stream": "KinesisStreamEvent",
    "kinesis_stream_tumbling_window": "KinesisStreamEvent",
    "rabbitmq": "RabbitMQEvent",
    "s3_batch_operations_v1": "S3BatchOperationEvent",
    "s3_batch_operations_v2": "S3BatchOperationEvent",
    "s3_eventbridge": "S3EventBridgeNotificationEvent",
    "s3_eventbridge_sqs": "SQSEvent",
    "s3_notification": "S3Event",
    "s3_notification_glacier_restore": "S3Event",
    "s3_notification_intelligent_tiering": "S3Event",
    "s3_object_lambda": "S3ObjectLambdaEvent",
    "s3_sns_sqs": "SQSEvent",
    "s3_sqs": "SQSEvent",
    "secrets_manager_rotation": "SecretsManagerEvent",
    "ses": "SESEvent",
    "sns": "SNSEvent",
    "sns_sqs": "SQSEvent",
    "sqs": "SQSEvent",
    "sqs_batch_mixed": "SQSEvent",
    "sqs_fifo": "SQSEvent",
    "transfer_family_authorizer": "TransferFamilyAuthorizer",
    "vpc_lattice_v1": "VPCLatticeEvent",
    "vpc_lattice_v2": "VPCLatticeEventV2",
}
MAX_DEPTH = 8
MAX_ITEMS = 50  # elements compared per sequence


@cache
def find_class(flavour: Flavour, name: str) -> type:
    """The class from the package root, else from the (same-named) submodule defining it."""
    root = flavour.data_classes
    if hasattr(root, name):
        return getattr(root, name)  # type: ignore[no-any-return]
    for info in pkgutil.walk_packages(root.__path__, f"{root.__name__}."):
        module = importlib.import_module(info.name)
        if isinstance(getattr(module, name, None), type):
            return getattr(module, name)  # type: ignore[no-any-return]
    raise LookupError(f"{flavour.name} has no data class {name}")


def public_properties(cls: type) -> list[str]:
    return sorted(
        name
        for name, member in inspect.getmembers(cls)
        if not name.startswith("_") and isinstance(member, property | cached_property)
    )


def read(obj: Any, name: str) -> tuple[str, Any]:
    """("ok", value) or ("error", exc); generators are drained here, where their errors surface."""
    try:
        value = getattr(obj, name)
        if isinstance(value, Iterator | types.GeneratorType):
            value = list(value)[:MAX_ITEMS]
        return "ok", value
    except Exception as exc:
        return "error", exc


def is_wrapper(value: Any) -> bool:
    return hasattr(value, "raw_event") and hasattr(type(value), "raw_event")


def is_documented_absent(upstream: tuple[str, Any], ours: tuple[str, Any]) -> bool:
    """README: "No KeyError for absent fields ... every field reads as None (nested objects as
    an empty wrapper, lists as empty)"."""
    if upstream[0] != "error" or not isinstance(upstream[1], KeyError | TypeError) or ours[0] != "ok":
        return False
    value = ours[1]
    return value is None or value == [] or value == {} or (is_wrapper(value) and not value.raw_event)


# README: "Malformed input raises `InvalidEventError` naming the field (upstream lets
# `binascii.Error`, `json.JSONDecodeError`, `zlib.error` or `TypeError` escape)".
DOCUMENTED_UPSTREAM_ERRORS = ("Error", "JSONDecodeError", "error", "TypeError")


def is_invalid_event_error(exc: BaseException) -> bool:
    return any(cls.__name__ == "InvalidEventError" for cls in type(exc).__mro__)


def is_documented_typed_error(upstream: BaseException, ours: BaseException) -> bool:
    if type(ours).__name__ == "InvalidEventError" and type(upstream).__name__ in DOCUMENTED_UPSTREAM_ERRORS:
        return True
    # README "Typed errors": bytes that are not UTF-8 raise `InvalidTextError`, an
    # `InvalidEventError` that is also the builtin `UnicodeDecodeError` upstream raises.
    return (
        isinstance(upstream, UnicodeDecodeError)
        and isinstance(ours, UnicodeDecodeError)
        and (is_invalid_event_error(ours))
    )


# README: "SNS URL spellings. `signing_cert_url` / `unsubscribe_url` read both `…Url` (Lambda)
# and `…URL` (SQS delivery) spellings": upstream's KeyError there is documented.
DOCUMENTED_SNS_URLS = (".decoded_nested_sns_event.signing_cert_url", ".decoded_nested_sns_event.unsubscribe_url")


def is_documented_activemq_correlation_id(upstream: Any, ours: Any, path: str, raw: Any) -> bool:
    """README: "ActiveMQ `correlation_id` reads `correlationId`": upstream reads `correlationID`,
    a key Amazon MQ does not send, so it gives None where ours gives the event's value."""
    return (
        path.endswith(".correlation_id")
        and upstream is None
        and isinstance(raw, dict)
        and raw.get("correlationId") is not None
        and ours == raw["correlationId"]
    )


def is_documented_dynamodb_binary(upstream: Any, ours: Any, path: str) -> bool:
    """README: "DynamoDB binary values are decoded. `B` and `BS` attributes read as `bytes`
    decoded from the event's base64; upstream hands back the base64 text"."""
    if ".dynamodb." not in path:
        return False
    try:
        if isinstance(upstream, str) and isinstance(ours, bytes):
            return base64.b64decode(upstream) == ours
        if isinstance(upstream, set) and isinstance(ours, set) and all(isinstance(v, str) for v in upstream):
            return {base64.b64decode(v) for v in upstream} == ours
    except binascii.Error:  # a string set (SS), not base64: compared as plain values below
        return False
    return False


def compare(upstream: Any, ours: Any, path: str, out: list[str], depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        return
    if is_wrapper(upstream):
        if not is_wrapper(ours):
            out.append(f"{path}: upstream {type(upstream).__name__} wrapper, ours {type(ours).__name__} {ours!r:.80}")
            return
        if upstream.raw_event != ours.raw_event:
            out.append(f"{path}.raw_event: upstream {upstream.raw_event!r:.120} != ours {ours.raw_event!r:.120}")
            return
        for name in public_properties(type(upstream)):
            up, our = read(upstream, name), read(ours, name)
            where = f"{path}.{name}"
            if up[0] == our[0] == "ok":
                if is_documented_activemq_correlation_id(up[1], our[1], where, upstream.raw_event):
                    continue
                compare(up[1], our[1], where, out, depth + 1)
            elif up[0] == our[0] == "error":
                if type(up[1]).__name__ != type(our[1]).__name__ and not is_documented_typed_error(up[1], our[1]):
                    out.append(f"{where}: upstream raises {type(up[1]).__name__}, ours {type(our[1]).__name__}")
            elif not is_documented_absent(up, our) and not (
                where.endswith(DOCUMENTED_SNS_URLS) and up[0] == "error" and isinstance(up[1], KeyError)
            ):
                out.append(f"{where}: upstream {describe(up)} / ours {describe(our)}")
        return
    if isinstance(upstream, list | tuple) and isinstance(ours, list | tuple):
        if len(upstream) != len(ours):
            out.append(f"{path}: {len(upstream)} items upstream, {len(ours)} ours: {upstream!r:.100} / {ours!r:.100}")
            return
        for index, (a, b) in enumerate(zip(upstream[:MAX_ITEMS], ours[:MAX_ITEMS], strict=True)):
            compare(a, b, f"{path}[{index}]", out, depth + 1)
        return
    if isinstance(upstream, dict) and isinstance(ours, dict):
        if list(upstream) != list(ours):
            out.append(f"{path}: keys upstream {list(upstream)!r:.150} != ours {list(ours)!r:.150}")
            return
        for key in upstream:
            compare(upstream[key], ours[key], f"{path}[{key!r}]", out, depth + 1)
        return
    if isinstance(upstream, enum.Enum) and isinstance(ours, enum.Enum):
        # Each flavour has its own enum class: equal means same class name, member and value.
        if (type(upstream).__name__, upstream.name, upstream.value) != (type(ours).__name__, ours.name, ours.value):
            out.append(f"{path}: upstream {upstream!r} != ours {ours!r}")
        return
    if type(upstream).__module__.startswith("aws_lambda_powertools") and hasattr(upstream, "__dict__"):
        # A plain helper object (e.g. APIGatewayRouteArn): compare its public attributes.
        if type(ours).__name__ != type(upstream).__name__:
            out.append(f"{path}: upstream {type(upstream).__name__} != ours {type(ours).__name__}")
            return
        for name in [n for n in vars(upstream) if not n.startswith("_")]:
            compare(getattr(upstream, name), getattr(ours, name, "<absent>"), f"{path}.{name}", out, depth + 1)
        return
    if is_documented_dynamodb_binary(upstream, ours, path):
        return
    if upstream != ours or type(upstream) is not type(ours):
        out.append(f"{path}: upstream {upstream!r:.150} != ours {ours!r:.150}")


def describe(result: tuple[str, Any]) -> str:
    kind, value = result
    return f"raises {type(value).__name__}({value})" if kind == "error" else f"returns {value!r:.100}"


@pytest.mark.parametrize("event_name", sorted(EVENTS))
def test_every_property_equal(event_name: str) -> None:
    class_name = EVENTS[event_name]
    upstream = find_class(UPSTREAM, class_name)(load_event(event_name))
    ours = find_class(OURS, class_name)(load_event(event_name))
    differences: list[str] = []
    compare(upstream, ours, class_name, differences)
    assert differences == []
