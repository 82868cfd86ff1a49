"""Every built-in model validates the shared sample events and exposes the values users read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from powertools.parser import models

# sample event -> the model that describes it
EVENT_MODELS: dict[str, str] = {
    "api_gateway_rest_with_prefix": "APIGatewayProxyEventModel",
    "apigw_authorizer_request": "ApiGatewayAuthorizerRequest",
    "apigw_authorizer_token": "ApiGatewayAuthorizerToken",
    "apigw_authorizer_v2_request": "ApiGatewayAuthorizerRequestV2",
    "apigw_http": "APIGatewayProxyEventV2Model",
    "apigw_http_iam": "APIGatewayProxyEventV2Model",
    "apigw_http_lambda_authorizer": "APIGatewayProxyEventV2Model",
    "apigw_rest": "APIGatewayProxyEventModel",
    "apigw_rest_binary": "APIGatewayProxyEventModel",
    "apigw_rest_post_json": "APIGatewayProxyEventModel",
    "apigw_websocket_connect": "APIGatewayWebSocketConnectEventModel",
    "apigw_websocket_message": "APIGatewayWebSocketMessageEventModel",
    "appsync_events_publish": "AppSyncEventsModel",
    "appsync_events_subscribe": "AppSyncEventsModel",
    "appsync_resolver": "AppSyncResolverEventModel",
    "bedrock_agent": "BedrockAgentEventModel",
    "bedrock_agent_function": "BedrockAgentFunctionEventModel",
    "cloudformation_custom_resource_create": "CloudFormationCustomResourceCreateModel",
    "cloudformation_custom_resource_update": "CloudFormationCustomResourceUpdateModel",
    "cloudformation_custom_resource_delete": "CloudFormationCustomResourceDeleteModel",
    "cloudwatch_logs": "CloudWatchLogsModel",
    "cognito_create_auth_challenge": "CognitoCreateAuthChallengeTriggerModel",
    "cognito_custom_email_sender": "CognitoCustomEmailSenderTriggerModel",
    "cognito_custom_message": "CognitoCustomMessageTriggerModel",
    "cognito_custom_sms_sender": "CognitoCustomSMSSenderTriggerModel",
    "cognito_define_auth_challenge": "CognitoDefineAuthChallengeTriggerModel",
    "cognito_post_authentication": "CognitoPostAuthenticationTriggerModel",
    "cognito_post_confirmation": "CognitoPostConfirmationTriggerModel",
    "cognito_pre_authentication": "CognitoPreAuthenticationTriggerModel",
    "cognito_pre_signup": "CognitoPreSignupTriggerModel",
    "cognito_pre_token_generation": "CognitoPreTokenGenerationTriggerModelV1",
    "cognito_pre_token_generation_v2": "CognitoPreTokenGenerationTriggerModelV2AndV3",
    "cognito_user_migration": "CognitoMigrateUserTriggerModel",
    "cognito_verify_auth_challenge": "CognitoVerifyAuthChallengeTriggerModel",
    "dynamodb_stream": "DynamoDBStreamModel",
    "dynamodb_stream_batch": "DynamoDBStreamModel",
    "eventbridge": "EventBridgeModel",
    "eventbridge_scheduled": "EventBridgeModel",
    "function_url": "LambdaFunctionUrlModel",
    "function_url_iam": "LambdaFunctionUrlModel",
    "iot_registry_thing_created": "IoTCoreThingEvent",
    "iot_registry_thing_type": "IoTCoreThingTypeEvent",
    "iot_registry_thing_type_association": "IoTCoreThingTypeAssociationEvent",
    "iot_registry_thing_group": "IoTCoreThingGroupEvent",
    "iot_registry_thing_group_membership": "IoTCoreAddOrRemoveFromThingGroupEvent",
    "iot_registry_thing_group_hierarchy": "IoTCoreAddOrDeleteFromThingGroupEvent",
    "kafka_msk": "KafkaMskEventModel",
    "kafka_self_managed": "KafkaSelfManagedEventModel",
    "kinesis_stream": "KinesisDataStreamModel",
    "kinesis_batch": "KinesisDataStreamModel",
    "kinesis_firehose": "KinesisFirehoseModel",
    "kinesis_firehose_kinesis_source": "KinesisFirehoseModel",
    "kinesis_firehose_sqs": "KinesisFirehoseSqsModel",
    "s3_batch_operations_v1": "S3BatchOperationModel",
    "s3_batch_operations_v2": "S3BatchOperationModel",
    "s3_eventbridge": "S3EventNotificationEventBridgeModel",
    "s3_notification": "S3Model",
    "s3_object_lambda": "S3ObjectLambdaEvent",
    "s3_sqs": "S3SqsEventNotificationModel",
    "ses": "SesModel",
    "sns": "SnsModel",
    "sqs": "SqsModel",
    "sqs_fifo": "SqsModel",
    "sqs_batch_mixed": "SqsModel",
    "sns_sqs": "SqsModel",
    "s3_sns_sqs": "SqsModel",
    "s3_eventbridge_sqs": "SqsModel",
    "transfer_family_authorizer": "TransferFamilyAuthorizer",
    "vpc_lattice_v1": "VpcLatticeModel",
    "vpc_lattice_v2": "VpcLatticeV2Model",
}


@pytest.mark.parametrize(("event_name", "model_name"), sorted(EVENT_MODELS.items()))
def test_model_validates_sample_event(event_name: str, model_name: str, load_event: Any) -> None:
    model = getattr(models, model_name)
    parsed = model.model_validate(load_event(event_name))
    assert isinstance(parsed, model)


def test_every_exported_model_name_resolves() -> None:
    for name in models.__all__:
        assert getattr(models, name) is not None


def test_sqs_model_values(load_event: Any) -> None:
    event = models.SqsModel.model_validate(load_event("sqs"))
    first = event.Records[0]
    assert first.body == '{"orderId":"ord-1001","customerId":"cust-201","total":19.99,"currency":"USD"}'
    assert first.attributes.SentTimestamp == dt.datetime(2024, 5, 14, 10, 15, 30, tzinfo=dt.timezone.utc)
    assert first.messageAttributes["priority"].model_dump() == {
        "stringValue": "5",
        "binaryValue": None,
        "stringListValues": [],
        "binaryListValues": [],
        "dataType": "Number",
    }
    assert event.Records[1].attributes.ApproximateReceiveCount == "2"


def test_sqs_fifo_attributes(load_event: Any) -> None:
    event = models.SqsModel.model_validate(load_event("sqs_fifo"))
    assert [r.attributes.MessageGroupId for r in event.Records] == [
        "customer-1",
        "customer-1",
        "customer-2",
        "customer-1",
    ]


def test_sns_over_sqs_url_spelling_is_normalised(load_event: Any) -> None:
    body = load_event("sns_sqs")["Records"][0]["body"]
    notification = models.SnsNotificationModel.model_validate_json(body)
    assert notification.UnsubscribeUrl.scheme == "https"
    assert notification.Type == "Notification"


def test_dynamodb_images_become_python_values(load_event: Any) -> None:
    event = models.DynamoDBStreamModel.model_validate(load_event("dynamodb_stream_batch"))
    assert event.Records[1].dynamodb.NewImage == {
        "pk": "TASK#2",
        "sk": "META",
        "id": Decimal("2"),
        "fail": True,
        "payload": "task-2",
    }
    assert event.Records[0].dynamodb.Keys == {"pk": "TASK#1", "sk": "META"}
    assert [r.eventName for r in event.Records] == ["INSERT", "INSERT", "INSERT"]


def test_dynamodb_every_attribute_type(load_event: Any) -> None:
    event = models.DynamoDBStreamModel.model_validate(load_event("dynamodb_stream"))
    insert, modify, remove = event.Records
    assert modify.dynamodb.OldImage == insert.dynamodb.NewImage
    assert remove.userIdentity is not None
    assert remove.userIdentity.principalId == "dynamodb.amazonaws.com"
    image = insert.dynamodb.NewImage
    assert isinstance(image, dict)
    kinds = {type(value) for value in image.values()}
    assert {str, Decimal, set, dict, list, bool, type(None)} <= kinds


def test_kinesis_data_is_decoded_bytes(load_event: Any) -> None:
    event = models.KinesisDataStreamModel.model_validate(load_event("kinesis_stream"))
    assert event.Records[0].kinesis.partitionKey == "cust-205"
    assert isinstance(event.Records[0].kinesis.data, bytes)
    assert b'"orderId":"ord-1005"' in event.Records[0].kinesis.data


def test_cloudwatch_logs_payload_is_decoded(load_event: Any) -> None:
    event = models.CloudWatchLogsModel.model_validate(load_event("cloudwatch_logs"))
    decoded = event.awslogs.decoded_data
    assert decoded.messageType == "DATA_MESSAGE"
    assert decoded.logEvents[0].message.startswith("START RequestId:")  # type: ignore[union-attr]


def test_kafka_values_keys_and_headers_are_decoded(load_event: Any) -> None:
    event = models.KafkaMskEventModel.model_validate(load_event("kafka_msk"))
    assert len(event.bootstrapServers) == 3
    first = event.records["orders-0"][0]
    assert first.offset == 15
    assert isinstance(first.key, bytes)
    assert '"orderId":"ord-1001"' in first.value  # type: ignore[operator]
    assert all(isinstance(v, bytes) for header in first.headers for v in header.values())
    self_managed = models.KafkaSelfManagedEventModel.model_validate(load_event("kafka_self_managed"))
    assert self_managed.records["orders-1"][0].key is None


def test_s3_batch_operation_v1_bucket_name_from_arn(load_event: Any) -> None:
    event = models.S3BatchOperationModel.model_validate(load_event("s3_batch_operations_v1"))
    task = event.tasks[0]
    assert task.s3BucketArn is not None
    assert task.s3Bucket == task.s3BucketArn.split(":::")[-1]


def test_s3_over_sqs_body_is_an_s3_event(load_event: Any) -> None:
    event = models.S3SqsEventNotificationModel.model_validate(load_event("s3_sqs"))
    record = event.Records[0].body.Records[0]
    assert record.s3.object is not None
    assert record.s3.object.key == "uploads/2024/05/Quarterly+Report+%28final%29.pdf"
    assert record.s3.object.size == 1048576


def test_eventbridge_alias_and_detail(load_event: Any) -> None:
    event = models.EventBridgeModel.model_validate(load_event("eventbridge"))
    assert event.detail_type == "OrderPlaced"
    assert event.source == "com.example.orders"
    assert event.model_dump(by_alias=True)["detail-type"] == "OrderPlaced"


def test_api_gateway_source_ip_is_a_network_as_upstream(load_event: Any) -> None:
    import ipaddress

    rest = models.APIGatewayProxyEventModel.model_validate(load_event("apigw_rest"))
    assert rest.requestContext.identity.sourceIp == ipaddress.IPv4Network("203.0.113.42/32")
    event = load_event("apigw_http")
    event["requestContext"]["http"]["sourceIp"] = "2001:db8::1"
    http = models.APIGatewayProxyEventV2Model.model_validate(event)
    assert http.requestContext.http.sourceIp == ipaddress.IPv6Network("2001:db8::1/128")
    event["requestContext"]["http"]["sourceIp"] = "[2001:db8::1]:443"
    http = models.APIGatewayProxyEventV2Model.model_validate(event)
    assert http.requestContext.http.sourceIp == "[2001:db8::1]:443"


def test_api_gateway_source_ip_with_port_is_kept(load_event: Any) -> None:
    event = load_event("apigw_rest")
    event["requestContext"]["identity"]["sourceIp"] = "203.0.113.42:39870"
    parsed = models.APIGatewayProxyEventModel.model_validate(event)
    assert parsed.requestContext.identity.sourceIp == "203.0.113.42:39870"
    event["requestContext"]["identity"]["sourceIp"] = "not-an-ip"
    with pytest.raises(ValidationError, match="Invalid IP address in sourceIp"):
        models.APIGatewayProxyEventModel.model_validate(event)


def test_secrets_stay_out_of_reprs(load_event: Any) -> None:
    transfer = models.TransferFamilyAuthorizer.model_validate(load_event("transfer_family_authorizer"))
    migrate = models.CognitoMigrateUserTriggerModel.model_validate(load_event("cognito_user_migration"))
    assert transfer.password
    assert transfer.password not in repr(transfer)
    assert migrate.request.password not in repr(migrate)


def test_invalid_event_reports_the_failing_path(load_event: Any) -> None:
    event = load_event("sqs")
    del event["Records"][1]["messageId"]
    event["Records"][0]["eventSource"] = "aws:sns"
    with pytest.raises(ValidationError) as info:
        models.SqsModel.model_validate(event)
    assert [(e["loc"], e["type"]) for e in info.value.errors()] == [
        (("Records", 0, "eventSource"), "literal_error"),
        (("Records", 1, "messageId"), "missing"),
    ]


def test_s3_object_created_needs_size_and_etag(load_event: Any) -> None:
    event = load_event("s3_notification")
    del event["Records"][0]["s3"]["object"]["size"]
    with pytest.raises(ValidationError, match="Size and eTag fields are required"):
        models.S3Model.model_validate(event)


# Wrong-typed values a validator used to let out as a bare TypeError / AttributeError /
# decimal.InvalidOperation (upstream 3.37 still does): a ValidationError at the field.


def _error_locs(info: pytest.ExceptionInfo[ValidationError]) -> list[tuple[Any, ...]]:
    return [tuple(error["loc"]) for error in info.value.errors()]


def test_kafka_header_byte_not_an_int_is_a_validation_error(load_event: Any) -> None:
    event = load_event("kafka_self_managed")
    record = next(iter(event["records"].values()))[0]
    event["records"] = {"orders-0": [{**record, "headers": [{"contentType": [97, None]}]}]}
    with pytest.raises(ValidationError, match="byte integers") as info:
        models.KafkaSelfManagedEventModel.model_validate(event)
    assert _error_locs(info) == [("records", "orders-0", 0, "headers")]


def test_kafka_signed_header_bytes_still_decode(load_event: Any) -> None:
    event = load_event("kafka_self_managed")
    record = next(iter(event["records"].values()))[0]
    event["records"] = {"orders-0": [{**record, "headers": [{"h": [97, -1, True]}]}]}
    parsed = models.KafkaSelfManagedEventModel.model_validate(event)
    assert parsed.records["orders-0"][0].headers == [{"h": b"a\xff\x01"}]


@pytest.mark.parametrize("time_epoch", [None, [1], "abc", float("inf")], ids=["None", "list", "text", "inf"])
def test_lattice_v2_time_epoch_not_a_number_is_a_validation_error(load_event: Any, time_epoch: Any) -> None:
    event = load_event("vpc_lattice_v2")
    event["requestContext"]["timeEpoch"] = time_epoch
    with pytest.raises(ValidationError) as info:
        models.VpcLatticeV2Model.model_validate(event)
    assert ("requestContext", "timeEpoch") in _error_locs(info)


@pytest.mark.parametrize("s3_object", [1, "key", [{"key": "k"}]], ids=["int", "str", "list"])
def test_s3_object_not_an_object_is_a_validation_error(load_event: Any, s3_object: Any) -> None:
    event = load_event("s3_notification")
    event["Records"][0]["s3"]["object"] = s3_object
    with pytest.raises(ValidationError) as info:
        models.S3Model.model_validate(event)
    assert _error_locs(info) == [("Records", 0, "s3", "object")]


@pytest.mark.parametrize(
    "attribute",
    [{"L": 5}, {"N": None}, {"N": "abc"}, {"NS": ["1", "x"]}, {"NS": 5}, {"SS": [{}]}, {"BS": [["a"]]}],
    ids=repr,
)
@pytest.mark.parametrize("image", ["Keys", "NewImage", "OldImage"])
def test_dynamodb_wrong_typed_attribute_is_a_validation_error(load_event: Any, image: str, attribute: Any) -> None:
    event = load_event("dynamodb_stream")
    event["Records"][0]["dynamodb"][image] = {"pk": attribute}
    with pytest.raises(ValidationError, match="attribute 'pk'") as info:
        models.DynamoDBStreamModel.model_validate(event)
    assert _error_locs(info) == [("Records", 0, "dynamodb", image)]


def test_dynamodb_nested_wrong_typed_attribute_names_its_path(load_event: Any) -> None:
    event = load_event("dynamodb_stream")
    event["Records"][0]["dynamodb"]["NewImage"] = {"order": {"M": {"total": {"N": "abc"}}}}
    with pytest.raises(ValidationError, match="attribute 'order': attribute 'total': expected a DynamoDB number"):
        models.DynamoDBStreamModel.model_validate(event)
