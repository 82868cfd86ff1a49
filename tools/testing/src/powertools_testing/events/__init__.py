"""Sample Lambda events, one ``<name>.json`` file each in this folder."""

from __future__ import annotations

import difflib
import hashlib
import json
from pathlib import Path
from typing import Any

__all__ = ["EVENTS_DIR", "EventNotFoundError", "event_names", "load_event", "sqs_event_from_messages"]

EVENTS_DIR = Path(__file__).resolve().parent


class EventNotFoundError(FileNotFoundError):
    """No ``<name>.json`` sample event exists."""


def event_names() -> list[str]:
    """Names accepted by :func:`load_event`, sorted (subfolders as ``dir/name``)."""
    return sorted(path.relative_to(EVENTS_DIR).with_suffix("").as_posix() for path in EVENTS_DIR.rglob("*.json"))


def load_event(name: str) -> Any:
    """A fresh copy parsed from ``events/<name>.json`` on every call, so tests may mutate it.

    Almost every event is a JSON object; a few (AppSync batch resolvers) are lists.
    """
    path = (EVENTS_DIR / f"{name.removesuffix('.json')}.json").resolve()
    if EVENTS_DIR not in path.parents or not path.is_file():
        raise EventNotFoundError(_not_found_message(name, path))
    return json.loads(path.read_text(encoding="utf-8"))


def sqs_event_from_messages(messages: list[dict[str, Any]], queue_arn: str) -> dict[str, Any]:
    """The Lambda event an SQS event source mapping builds from ``ReceiveMessage``'s messages."""
    return {
        "Records": [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": m.get("Attributes", {}),
                "messageAttributes": {},
                "md5OfBody": hashlib.md5(m["Body"].encode(), usedforsecurity=False).hexdigest(),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": queue_arn.split(":")[3] if queue_arn.count(":") >= 5 else "us-east-1",
            }
            for m in messages
        ]
    }


def _not_found_message(name: str, path: Path) -> str:
    names = event_names()
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.5)
    if close:
        hint = f"Did you mean: {', '.join(close)}?"
    elif names:
        shown = ", ".join(names[:20]) + (", ..." if len(names) > 20 else "")
        hint = f"Available: {shown}."
    else:
        hint = f"No events exist yet in {EVENTS_DIR}."
    return f"no sample event {name!r} ({path} does not exist). {hint}"


# The data class (powertools.data_classes / upstream's data_classes) each sample event is
# an instance of; shared by the package's tests and the upstream differential suite.
DATA_CLASS_OF_EVENT: dict[str, str] = {
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
    "aws_config_rule_configuration_changed": "AWSConfigRuleEvent",
    "aws_config_rule_oversized": "AWSConfigRuleEvent",
    "aws_config_rule_scheduled": "AWSConfigRuleEvent",
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

# Of those, the HTTP proxy shapes, which live in powertools.common.events.
HTTP_EVENT_CLASSES = frozenset(
    {
        "ALBEvent",
        "APIGatewayProxyEvent",
        "APIGatewayProxyEventV2",
        "LambdaFunctionUrlEvent",
        "VPCLatticeEvent",
        "VPCLatticeEventV2",
    }
)
