"""Shared helpers of the data-classes tests: the event catalog, a property walker, golden-file data."""

from __future__ import annotations

import base64
import enum
import inspect
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.exceptions import InvalidEventError

# Shapes owned by powertools.common.events.{proxy,api_gateway,alb,function_url,vpc_lattice}
# (the event handler's); this package only re-exports them.
HTTP_EVENTS = {
    "alb": "ALBEvent",
    "alb_multi_value": "ALBEvent",
    "api_gateway_rest_with_prefix": "APIGatewayProxyEvent",
    "apigw_http": "APIGatewayProxyEventV2",
    "apigw_http_iam": "APIGatewayProxyEventV2",
    "apigw_http_lambda_authorizer": "APIGatewayProxyEventV2",
    "apigw_rest": "APIGatewayProxyEvent",
    "apigw_rest_binary": "APIGatewayProxyEvent",
    "apigw_rest_post_json": "APIGatewayProxyEvent",
    "function_url": "LambdaFunctionUrlEvent",
    "function_url_iam": "LambdaFunctionUrlEvent",
    "vpc_lattice_v1": "VPCLatticeEvent",
    "vpc_lattice_v2": "VPCLatticeEventV2",
}

EVENTS = {
    "activemq": "ActiveMQEvent",
    "apigw_authorizer_request": "APIGatewayAuthorizerRequestEvent",
    "apigw_authorizer_token": "APIGatewayAuthorizerTokenEvent",
    "apigw_authorizer_v2_request": "APIGatewayAuthorizerEventV2",
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
}

# Mapping/DictWrapper plumbing, and methods that need arguments or AWS.
SKIP = {
    "get",
    "items",
    "keys",
    "values",
    "raw_event",
    "setup_s3_client",
    "get_artifact",
    "put_artifact",
    "find_input_artifact",
    "find_output_artifact",
    "build_data_transformation_response",
    "build_task_batch_response",
    "header_serializer",
}


def public_members(cls: type) -> list[str]:
    names = []
    for name in dir(cls):
        if name.startswith("_") or name in SKIP:
            continue
        attr = inspect.getattr_static(cls, name)
        if isinstance(attr, (staticmethod, classmethod)):
            continue
        if inspect.isfunction(attr):
            params = list(inspect.signature(attr).parameters.values())[1:]
            if any(p.default is inspect.Parameter.empty for p in params):
                continue  # needs arguments
        elif not hasattr(attr, "__get__"):
            continue
        names.append(name)
    return names


def read(obj: Any, name: str) -> Any:
    """The member's value; a documented ``InvalidEventError`` becomes ``{"!error": message}``."""
    try:
        value = getattr(obj, name)
        if inspect.ismethod(value):
            value = value()
        if isinstance(value, Iterator):
            value = list(value)
    except InvalidEventError as exc:
        return {"!error": str(exc)}
    return value


def walk(obj: Any, visited: set[type] | None = None, depth: int = 0) -> Any:
    """A plain-data snapshot of ``obj``: wrappers become {property: value}."""
    visited = set() if visited is None else visited
    if depth > 12:
        return "..."
    if isinstance(obj, DictWrapper):
        visited.add(type(obj))
        return {name: walk(read(obj, name), visited, depth + 1) for name in public_members(type(obj))}
    try:
        if isinstance(obj, (Iterator, list)):
            return [walk(item, visited, depth + 1) for item in obj]
        if isinstance(obj, Mapping):
            return {key: walk(value, visited, depth + 1) for key, value in obj.items()}
    except InvalidEventError as exc:  # a lazily wrapped item that is malformed
        return {"!error": str(exc)}
    return obj


def plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"bytes_b64": base64.b64encode(value).decode()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, (set, frozenset)):
        return {"set": sorted((plain(v) for v in value), key=repr)}
    if isinstance(value, enum.Enum):
        return {"enum": f"{type(value).__name__}.{value.name}"}
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return {"object": type(value).__name__, **plain(vars(value))}
    return value


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``sample``: (event file, class name) for every catalogued sample event."""
    if "sample" in metafunc.fixturenames:
        metafunc.parametrize("sample", sorted(EVENTS.items()), ids=sorted(EVENTS))
    if "http_sample" in metafunc.fixturenames:
        metafunc.parametrize("http_sample", sorted(HTTP_EVENTS.items()), ids=sorted(HTTP_EVENTS))


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, as on Lambda: IoT registry timestamps are naive local datetimes (as upstream)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def snapshot() -> Callable[[Any], Any]:
    """Walk a wrapper and return plain JSON-comparable data."""
    return lambda obj: plain(walk(obj))


@pytest.fixture
def walker() -> Callable[..., Any]:
    """``walker(obj, visited_set)``: the raw walk, recording every wrapper class it reads."""
    return walk


@pytest.fixture
def catalog() -> dict[str, str]:
    """Every sample event file name -> the class that reads it."""
    return {**EVENTS, **HTTP_EVENTS}
