"""Built-in pydantic models of every Lambda event source.

Each name loads only its own module on first use: ``from powertools.parser.models import
SqsModel`` builds the SQS models, not the hundreds of others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from powertools.common.lazy import lazy_exports

_MODULES: dict[str, list[str]] = {
    "alb": ["AlbModel", "AlbRequestContext", "AlbRequestContextData"],
    "apigw": [
        "APIGatewayEventAuthorizer",
        "APIGatewayEventIdentity",
        "APIGatewayEventRequestContext",
        "APIGatewayProxyEventModel",
        "ApiGatewayAuthorizerRequest",
        "ApiGatewayAuthorizerToken",
        "ApiGatewayUserCert",
        "ApiGatewayUserCertValidity",
    ],
    "apigw_websocket": [
        "APIGatewayWebSocketConnectEventModel",
        "APIGatewayWebSocketConnectEventRequestContext",
        "APIGatewayWebSocketDisconnectEventModel",
        "APIGatewayWebSocketDisconnectEventRequestContext",
        "APIGatewayWebSocketEventIdentity",
        "APIGatewayWebSocketEventRequestContextBase",
        "APIGatewayWebSocketMessageEventModel",
        "APIGatewayWebSocketMessageEventRequestContext",
    ],
    "apigwv2": [
        "APIGatewayProxyEventV2Model",
        "ApiGatewayAuthorizerRequestV2",
        "RequestContextV2",
        "RequestContextV2Authorizer",
        "RequestContextV2AuthorizerIam",
        "RequestContextV2AuthorizerIamCognito",
        "RequestContextV2AuthorizerJwt",
        "RequestContextV2Http",
    ],
    "appsync": [
        "AppSyncBatchResolverEventModel",
        "AppSyncCognitoIdentity",
        "AppSyncIamIdentity",
        "AppSyncIdentity",
        "AppSyncInfoModel",
        "AppSyncLambdaIdentity",
        "AppSyncOidcIdentity",
        "AppSyncPrevModel",
        "AppSyncRequestModel",
        "AppSyncResolverEventModel",
    ],
    "appsync_events": [
        "AppSyncEventsEventModel",
        "AppSyncEventsInfoChannelModel",
        "AppSyncEventsInfoChannelNamespaceModel",
        "AppSyncEventsInfoModel",
        "AppSyncEventsModel",
    ],
    "bedrock_agent": [
        "BedrockAgentEventModel",
        "BedrockAgentFunctionEventModel",
        "BedrockAgentModel",
        "BedrockAgentPropertyModel",
        "BedrockAgentRequestBodyModel",
        "BedrockAgentRequestMediaModel",
    ],
    "cloudformation_custom_resource": [
        "CloudFormationCustomResourceBaseModel",
        "CloudFormationCustomResourceCreateModel",
        "CloudFormationCustomResourceDeleteModel",
        "CloudFormationCustomResourceUpdateModel",
    ],
    "cloudwatch": ["CloudWatchLogsData", "CloudWatchLogsDecode", "CloudWatchLogsLogEvent", "CloudWatchLogsModel"],
    "cognito": [
        "CognitoAuthChallengeRequestModel",
        "CognitoCallerContextModel",
        "CognitoChallengeResultModel",
        "CognitoCreateAuthChallengeRequestModel",
        "CognitoCreateAuthChallengeResponseModel",
        "CognitoCreateAuthChallengeTriggerModel",
        "CognitoCustomEmailSMSSenderRequestModel",
        "CognitoCustomEmailSenderTriggerModel",
        "CognitoCustomMessageRequestModel",
        "CognitoCustomMessageResponseModel",
        "CognitoCustomMessageTriggerModel",
        "CognitoCustomSMSSenderTriggerModel",
        "CognitoDefineAuthChallengeResponseModel",
        "CognitoDefineAuthChallengeTriggerModel",
        "CognitoGroupConfigurationModel",
        "CognitoMigrateUserRequestModel",
        "CognitoMigrateUserResponseModel",
        "CognitoMigrateUserTriggerModel",
        "CognitoPostAuthenticationRequestModel",
        "CognitoPostAuthenticationTriggerModel",
        "CognitoPostConfirmationRequestModel",
        "CognitoPostConfirmationTriggerModel",
        "CognitoPreAuthenticationRequestModel",
        "CognitoPreAuthenticationTriggerModel",
        "CognitoPreSignupRequestModel",
        "CognitoPreSignupResponseModel",
        "CognitoPreSignupTriggerModel",
        "CognitoPreTokenGenerationRequestModel",
        "CognitoPreTokenGenerationRequestModelV2AndV3",
        "CognitoPreTokenGenerationTriggerModelV1",
        "CognitoPreTokenGenerationTriggerModelV2AndV3",
        "CognitoTriggerBaseSchema",
        "CognitoVerifyAuthChallengeRequestModel",
        "CognitoVerifyAuthChallengeResponseModel",
        "CognitoVerifyAuthChallengeTriggerModel",
    ],
    "dynamodb": [
        "DDBStreamBatchInfo",
        "DynamoDBStreamChangedRecordModel",
        "DynamoDBStreamLambdaOnFailureDestinationModel",
        "DynamoDBStreamModel",
        "DynamoDBStreamRecordModel",
        "RequestContext",
        "ResponseContext",
        "UserIdentity",
    ],
    "event_bridge": ["EventBridgeModel"],
    "iot_registry_events": [
        "IoTCoreAddOrDeleteFromThingGroupEvent",
        "IoTCoreAddOrRemoveFromThingGroupEvent",
        "IoTCoreRegistryEventsBase",
        "IoTCoreThingEvent",
        "IoTCoreThingGroupEvent",
        "IoTCoreThingTypeAssociationEvent",
        "IoTCoreThingTypeEvent",
    ],
    "kafka": [
        "KafkaBaseEventModel",
        "KafkaMskEventModel",
        "KafkaRecordModel",
        "KafkaRecordSchemaMetadata",
        "KafkaSelfManagedEventModel",
    ],
    "kinesis": [
        "KinesisDataStreamModel",
        "KinesisDataStreamRecord",
        "KinesisDataStreamRecordPayload",
        "extract_cloudwatch_logs_from_event",
        "extract_cloudwatch_logs_from_record",
    ],
    "kinesis_firehose": ["KinesisFirehoseModel", "KinesisFirehoseRecord", "KinesisFirehoseRecordMetadata"],
    "kinesis_firehose_sqs": ["KinesisFirehoseSqsModel", "KinesisFirehoseSqsRecord"],
    "lambda_function_url": ["LambdaFunctionUrlModel"],
    "s3": [
        "S3Bucket",
        "S3EventNotificationEventBridgeBucketModel",
        "S3EventNotificationEventBridgeDetailModel",
        "S3EventNotificationEventBridgeModel",
        "S3EventNotificationObjectModel",
        "S3EventRecordGlacierEventData",
        "S3EventRecordGlacierRestoreEventData",
        "S3EventRecordIntelligentTieringEventData",
        "S3Identity",
        "S3Message",
        "S3Model",
        "S3Object",
        "S3OwnerIdentify",
        "S3RecordModel",
        "S3RequestParameters",
        "S3ResponseElements",
    ],
    "s3_batch_operation": ["S3BatchOperationJobModel", "S3BatchOperationModel", "S3BatchOperationTaskModel"],
    "s3_event_notification": ["S3SqsEventNotificationModel", "S3SqsEventNotificationRecordModel"],
    "s3_object_event": [
        "S3ObjectConfiguration",
        "S3ObjectContext",
        "S3ObjectLambdaEvent",
        "S3ObjectSessionAttributes",
        "S3ObjectSessionContext",
        "S3ObjectSessionIssuer",
        "S3ObjectUserIdentity",
        "S3ObjectUserRequest",
    ],
    "ses": [
        "SesMail",
        "SesMailCommonHeaders",
        "SesMailHeaders",
        "SesMessage",
        "SesModel",
        "SesReceipt",
        "SesReceiptAction",
        "SesReceiptVerdict",
        "SesRecordModel",
    ],
    "sns": ["SnsModel", "SnsMsgAttributeModel", "SnsNotificationModel", "SnsRecordModel"],
    "sqs": ["SqsAttributesModel", "SqsModel", "SqsMsgAttributeModel", "SqsRecordModel"],
    "transfer_family": ["TransferFamilyAuthorizer"],
    "vpc_lattice": ["VpcLatticeModel"],
    "vpc_latticev2": ["VpcLatticeV2Model", "VpcLatticeV2RequestContext", "VpcLatticeV2RequestContextIdentity"],
}

_EXPORTS = {name: f".{module}" for module, names in _MODULES.items() for name in names}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.parser.models.alb import (
        AlbModel,
        AlbRequestContext,
        AlbRequestContextData,
    )
    from powertools.parser.models.apigw import (
        ApiGatewayAuthorizerRequest,
        ApiGatewayAuthorizerToken,
        APIGatewayEventAuthorizer,
        APIGatewayEventIdentity,
        APIGatewayEventRequestContext,
        APIGatewayProxyEventModel,
        ApiGatewayUserCert,
        ApiGatewayUserCertValidity,
    )
    from powertools.parser.models.apigw_websocket import (
        APIGatewayWebSocketConnectEventModel,
        APIGatewayWebSocketConnectEventRequestContext,
        APIGatewayWebSocketDisconnectEventModel,
        APIGatewayWebSocketDisconnectEventRequestContext,
        APIGatewayWebSocketEventIdentity,
        APIGatewayWebSocketEventRequestContextBase,
        APIGatewayWebSocketMessageEventModel,
        APIGatewayWebSocketMessageEventRequestContext,
    )
    from powertools.parser.models.apigwv2 import (
        ApiGatewayAuthorizerRequestV2,
        APIGatewayProxyEventV2Model,
        RequestContextV2,
        RequestContextV2Authorizer,
        RequestContextV2AuthorizerIam,
        RequestContextV2AuthorizerIamCognito,
        RequestContextV2AuthorizerJwt,
        RequestContextV2Http,
    )
    from powertools.parser.models.appsync import (
        AppSyncBatchResolverEventModel,
        AppSyncCognitoIdentity,
        AppSyncIamIdentity,
        AppSyncIdentity,
        AppSyncInfoModel,
        AppSyncLambdaIdentity,
        AppSyncOidcIdentity,
        AppSyncPrevModel,
        AppSyncRequestModel,
        AppSyncResolverEventModel,
    )
    from powertools.parser.models.appsync_events import (
        AppSyncEventsEventModel,
        AppSyncEventsInfoChannelModel,
        AppSyncEventsInfoChannelNamespaceModel,
        AppSyncEventsInfoModel,
        AppSyncEventsModel,
    )
    from powertools.parser.models.bedrock_agent import (
        BedrockAgentEventModel,
        BedrockAgentFunctionEventModel,
        BedrockAgentModel,
        BedrockAgentPropertyModel,
        BedrockAgentRequestBodyModel,
        BedrockAgentRequestMediaModel,
    )
    from powertools.parser.models.cloudformation_custom_resource import (
        CloudFormationCustomResourceBaseModel,
        CloudFormationCustomResourceCreateModel,
        CloudFormationCustomResourceDeleteModel,
        CloudFormationCustomResourceUpdateModel,
    )
    from powertools.parser.models.cloudwatch import (
        CloudWatchLogsData,
        CloudWatchLogsDecode,
        CloudWatchLogsLogEvent,
        CloudWatchLogsModel,
    )
    from powertools.parser.models.cognito import (
        CognitoAuthChallengeRequestModel,
        CognitoCallerContextModel,
        CognitoChallengeResultModel,
        CognitoCreateAuthChallengeRequestModel,
        CognitoCreateAuthChallengeResponseModel,
        CognitoCreateAuthChallengeTriggerModel,
        CognitoCustomEmailSenderTriggerModel,
        CognitoCustomEmailSMSSenderRequestModel,
        CognitoCustomMessageRequestModel,
        CognitoCustomMessageResponseModel,
        CognitoCustomMessageTriggerModel,
        CognitoCustomSMSSenderTriggerModel,
        CognitoDefineAuthChallengeResponseModel,
        CognitoDefineAuthChallengeTriggerModel,
        CognitoGroupConfigurationModel,
        CognitoMigrateUserRequestModel,
        CognitoMigrateUserResponseModel,
        CognitoMigrateUserTriggerModel,
        CognitoPostAuthenticationRequestModel,
        CognitoPostAuthenticationTriggerModel,
        CognitoPostConfirmationRequestModel,
        CognitoPostConfirmationTriggerModel,
        CognitoPreAuthenticationRequestModel,
        CognitoPreAuthenticationTriggerModel,
        CognitoPreSignupRequestModel,
        CognitoPreSignupResponseModel,
        CognitoPreSignupTriggerModel,
        CognitoPreTokenGenerationRequestModel,
        CognitoPreTokenGenerationRequestModelV2AndV3,
        CognitoPreTokenGenerationTriggerModelV1,
        CognitoPreTokenGenerationTriggerModelV2AndV3,
        CognitoTriggerBaseSchema,
        CognitoVerifyAuthChallengeRequestModel,
        CognitoVerifyAuthChallengeResponseModel,
        CognitoVerifyAuthChallengeTriggerModel,
    )
    from powertools.parser.models.dynamodb import (
        DDBStreamBatchInfo,
        DynamoDBStreamChangedRecordModel,
        DynamoDBStreamLambdaOnFailureDestinationModel,
        DynamoDBStreamModel,
        DynamoDBStreamRecordModel,
        RequestContext,
        ResponseContext,
        UserIdentity,
    )
    from powertools.parser.models.event_bridge import (
        EventBridgeModel,
    )
    from powertools.parser.models.iot_registry_events import (
        IoTCoreAddOrDeleteFromThingGroupEvent,
        IoTCoreAddOrRemoveFromThingGroupEvent,
        IoTCoreRegistryEventsBase,
        IoTCoreThingEvent,
        IoTCoreThingGroupEvent,
        IoTCoreThingTypeAssociationEvent,
        IoTCoreThingTypeEvent,
    )
    from powertools.parser.models.kafka import (
        KafkaBaseEventModel,
        KafkaMskEventModel,
        KafkaRecordModel,
        KafkaRecordSchemaMetadata,
        KafkaSelfManagedEventModel,
    )
    from powertools.parser.models.kinesis import (
        KinesisDataStreamModel,
        KinesisDataStreamRecord,
        KinesisDataStreamRecordPayload,
        extract_cloudwatch_logs_from_event,
        extract_cloudwatch_logs_from_record,
    )
    from powertools.parser.models.kinesis_firehose import (
        KinesisFirehoseModel,
        KinesisFirehoseRecord,
        KinesisFirehoseRecordMetadata,
    )
    from powertools.parser.models.kinesis_firehose_sqs import (
        KinesisFirehoseSqsModel,
        KinesisFirehoseSqsRecord,
    )
    from powertools.parser.models.lambda_function_url import (
        LambdaFunctionUrlModel,
    )
    from powertools.parser.models.s3 import (
        S3Bucket,
        S3EventNotificationEventBridgeBucketModel,
        S3EventNotificationEventBridgeDetailModel,
        S3EventNotificationEventBridgeModel,
        S3EventNotificationObjectModel,
        S3EventRecordGlacierEventData,
        S3EventRecordGlacierRestoreEventData,
        S3EventRecordIntelligentTieringEventData,
        S3Identity,
        S3Message,
        S3Model,
        S3Object,
        S3OwnerIdentify,
        S3RecordModel,
        S3RequestParameters,
        S3ResponseElements,
    )
    from powertools.parser.models.s3_batch_operation import (
        S3BatchOperationJobModel,
        S3BatchOperationModel,
        S3BatchOperationTaskModel,
    )
    from powertools.parser.models.s3_event_notification import (
        S3SqsEventNotificationModel,
        S3SqsEventNotificationRecordModel,
    )
    from powertools.parser.models.s3_object_event import (
        S3ObjectConfiguration,
        S3ObjectContext,
        S3ObjectLambdaEvent,
        S3ObjectSessionAttributes,
        S3ObjectSessionContext,
        S3ObjectSessionIssuer,
        S3ObjectUserIdentity,
        S3ObjectUserRequest,
    )
    from powertools.parser.models.ses import (
        SesMail,
        SesMailCommonHeaders,
        SesMailHeaders,
        SesMessage,
        SesModel,
        SesReceipt,
        SesReceiptAction,
        SesReceiptVerdict,
        SesRecordModel,
    )
    from powertools.parser.models.sns import (
        SnsModel,
        SnsMsgAttributeModel,
        SnsNotificationModel,
        SnsRecordModel,
    )
    from powertools.parser.models.sqs import (
        SqsAttributesModel,
        SqsModel,
        SqsMsgAttributeModel,
        SqsRecordModel,
    )
    from powertools.parser.models.transfer_family import (
        TransferFamilyAuthorizer,
    )
    from powertools.parser.models.vpc_lattice import (
        VpcLatticeModel,
    )
    from powertools.parser.models.vpc_latticev2 import (
        VpcLatticeV2Model,
        VpcLatticeV2RequestContext,
        VpcLatticeV2RequestContextIdentity,
    )
