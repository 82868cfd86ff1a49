"""What users read from the sample events, spelled out by hand (independent of the golden files)."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

import pytest

from powertools.common.exceptions import InvalidEventError
from powertools.data_classes import (
    ActiveMQEvent,
    APIGatewayAuthorizerEventV2,
    APIGatewayAuthorizerRequestEvent,
    APIGatewayAuthorizerTokenEvent,
    APIGatewayWebSocketEvent,
    AppSyncIdentityCognito,
    AppSyncIdentityIAM,
    AppSyncResolverEvent,
    BedrockAgentEvent,
    CloudFormationCustomResourceEvent,
    CloudWatchAlarmEvent,
    CloudWatchDashboardCustomWidgetEvent,
    CloudWatchLogsEvent,
    ConnectContactFlowEvent,
    DefineAuthChallengeTriggerEvent,
    DynamoDBStreamEvent,
    IoTCoreThingEvent,
    KafkaEvent,
    KinesisFirehoseEvent,
    KinesisStreamEvent,
    PreSignUpTriggerEvent,
    PreTokenGenerationV2TriggerEvent,
    RabbitMQEvent,
    S3BatchOperationEvent,
    S3Event,
    S3EventBridgeNotificationEvent,
    SESEvent,
    SNSEvent,
    SQSEvent,
    UserMigrationTriggerEvent,
    VerifyAuthChallengeResponseTriggerEvent,
)
from powertools.data_classes.connect_contact_flow_event import (
    ConnectContactFlowChannel,
    ConnectContactFlowEndpointType,
    ConnectContactFlowInitiationMethod,
)
from powertools.data_classes.dynamo_db_stream_event import DynamoDBRecordEventName, StreamViewType


def test_sqs_records_bodies_and_queue_url(load_event) -> None:
    records = list(SQSEvent(load_event("sqs")).records)
    assert [r.json_body["orderId"] for r in records] == ["ord-1001", "ord-1002"]
    first = records[0]
    assert first.queue_url == "https://sqs.us-east-1.amazonaws.com/123456789012/orders-queue"
    assert first.message_attributes["priority"].string_value == "5"
    assert first.message_attributes["missing"] is None
    assert records[1].attributes.approximate_receive_count == "2"
    assert first.json_body is first.json_body  # parsed once


def test_sqs_fifo_attributes(load_event) -> None:
    groups = [r.attributes.message_group_id for r in SQSEvent(load_event("sqs_fifo")).records]
    assert groups == ["customer-1", "customer-1", "customer-2", "customer-1"]


def test_sqs_nested_s3_and_sns(load_event) -> None:
    s3 = next(SQSEvent(load_event("s3_sqs")).records).decoded_nested_s3_event
    assert isinstance(s3, S3Event)
    assert s3.object_key == "uploads/2024/05/Quarterly Report (final).pdf"
    sns = next(SQSEvent(load_event("sns_sqs")).records).decoded_nested_sns_event
    assert sns.json_message["orderId"] == "ord-1004"
    assert sns.signing_cert_url.startswith("https://sns.us-east-1.amazonaws.com/")  # ...URL spelling
    sns_s3 = next(SQSEvent(load_event("s3_sns_sqs")).records).decoded_nested_sns_event
    assert sns_s3.subject == "Amazon S3 Notification"
    assert S3Event(json.loads(sns_s3.message)).bucket_name == "todos-attachments-123456789012"


def test_sns(load_event) -> None:
    event = SNSEvent(load_event("sns"))
    assert event.record.sns.subject == "OrderPlaced"
    assert json.loads(event.sns_message)["orderId"] == "ord-1003"
    attributes = event.record.sns.message_attributes
    assert {name: a.get_type for name, a in attributes.items()} == {
        name: raw["Type"] for name, raw in load_event("sns")["Records"][0]["Sns"]["MessageAttributes"].items()
    }


def test_s3_notification_and_eventbridge(load_event) -> None:
    event = S3Event(load_event("s3_notification"))
    assert event.bucket_name == "todos-attachments-123456789012"
    assert event.object_key == "uploads/2024/05/Quarterly Report (final).pdf"
    assert event.record.s3.get_object.key == "uploads/2024/05/Quarterly+Report+%28final%29.pdf"  # raw, as sent
    assert event.record.s3.get_object.size == 1048576
    assert event.record.glacier_event_data is None
    restore = S3Event(load_event("s3_notification_glacier_restore")).record.glacier_event_data
    assert restore.restore_event_data.lifecycle_restore_storage_class == "GLACIER"
    bridge = S3EventBridgeNotificationEvent(load_event("s3_eventbridge"))
    assert bridge.detail.bucket.name == "todos-attachments-123456789012"
    assert bridge.detail.reason == "PutObject"
    assert bridge.detail_type == "Object Created"


def test_dynamodb_images_are_python_values(load_event) -> None:
    insert, modify, remove = DynamoDBStreamEvent(load_event("dynamodb_stream")).records
    assert [r.event_name for r in (insert, modify, remove)] == list(DynamoDBRecordEventName)
    image = insert.dynamodb.new_image
    assert image["price"] == Decimal("19.99")
    assert image["tags"] == {"groceries", "home"}
    assert image["scores"] == {Decimal("1"), Decimal("2.5"), Decimal("-3")}
    assert image["thumbnail"].startswith(b"\x89PNG")
    assert image["history"] == ["created", Decimal("1"), False, None, {"by": "u-1001"}]
    assert image["deletedAt"] is None
    assert insert.dynamodb.keys == {"pk": "TODO#1", "sk": "META"}
    assert insert.dynamodb.stream_view_type is StreamViewType.NEW_AND_OLD_IMAGES
    # Epoch seconds as an int, and {} for an image the record lacks: upstream's values.
    assert insert.dynamodb.approximate_creation_date_time == 1715681730
    assert modify.dynamodb.old_image == image
    assert insert.dynamodb.old_image == {}
    assert remove.dynamodb.new_image == {}
    assert insert.user_identity == {}
    assert remove.user_identity == {"principalId": "dynamodb.amazonaws.com", "type": "Service"}


def test_tumbling_windows(load_event) -> None:
    kinesis = KinesisStreamEvent(load_event("kinesis_stream_tumbling_window"))
    assert (kinesis.window.start, kinesis.window.end) == ("2024-05-14T10:15:00Z", "2024-05-14T10:16:00Z")
    assert kinesis.state == {"ordersSeen": 7, "revenue": "419.85"}
    assert kinesis.is_final_invoke_for_window is False
    ddb = DynamoDBStreamEvent(load_event("dynamodb_stream_tumbling_window"))
    assert ddb.is_final_invoke_for_window is True
    assert ddb.window.end == "2024-05-14T10:16:00Z"


def test_kinesis_data(load_event) -> None:
    records = list(KinesisStreamEvent(load_event("kinesis_stream")).records)
    assert [r.kinesis.data_as_json()["orderId"] for r in records] == ["ord-1005", "ord-1006"]
    assert records[0].kinesis.partition_key == "cust-205"
    assert records[0].kinesis.data_as_text().startswith('{"orderId":"ord-1005"')
    with pytest.raises(InvalidEventError, match="not gzip/zlib compressed"):
        records[0].kinesis.data_zlib_compressed_as_json()


def test_firehose(load_event) -> None:
    records = list(KinesisFirehoseEvent(load_event("kinesis_firehose")).records)
    assert records[0].data_as_json["orderId"]
    assert records[2].data_as_text.endswith("\n")
    with pytest.raises(InvalidEventError, match="data is not valid JSON"):
        records[2].data_as_json  # noqa: B018  # a plain-text line
    source = next(KinesisFirehoseEvent(load_event("kinesis_firehose_kinesis_source")).records)
    assert source.metadata.partition_key == "cust-210"
    assert source.metadata.shard_id == "shardId-000000000001"


def test_cloudwatch_logs_are_decompressed(load_event) -> None:
    event = CloudWatchLogsEvent(load_event("cloudwatch_logs"))
    decoded = event.parse_logs_data()
    assert decoded.message_type == "DATA_MESSAGE"
    assert decoded.owner == "123456789012"
    assert decoded.log_events[0].message
    assert json.loads(event.decompress_logs_data)["logGroup"] == decoded.log_group


def test_cloudwatch_alarm(load_event) -> None:
    alarm = CloudWatchAlarmEvent(load_event("cloudwatch_alarm_metric"))
    assert alarm.alarm_data.alarm_name == "orders-api-errors-high"
    assert alarm.alarm_data.state.value == "ALARM"
    assert alarm.alarm_data.previous_state.value == "OK"
    assert alarm.alarm_data.state.reason_data_decoded["recentDatapoints"] == [2.0, 7.0, 9.0]
    assert alarm.alarm_data.configuration.metrics[0].metric_stat.stat
    composite = CloudWatchAlarmEvent(load_event("cloudwatch_alarm_composite"))
    assert composite.alarm_data.configuration.metrics == []
    assert composite.alarm_data.configuration.alarm_actions_suppressor == "orders-maintenance-window"


def test_kafka(load_event) -> None:
    event = KafkaEvent(load_event("kafka_msk"))
    records = list(event.records)
    assert [(r.partition, r.offset) for r in records] == [(0, 15), (0, 16), (1, 7)]
    assert records[0].decoded_key == b"cust-201"
    assert records[0].json_value["orderId"] == "ord-1001"
    assert records[0].decoded_headers["CONTENTTYPE"] == b"application/json"
    assert len(event.decoded_bootstrap_servers) == 3
    self_managed = list(KafkaEvent(load_event("kafka_self_managed")).records)
    assert self_managed[2].decoded_key is None
    schema = KafkaEvent(load_event("kafka_msk_schema_registry")).record
    assert schema.value_schema_metadata.data_format == "AVRO"


def test_amazon_mq(load_event) -> None:
    active = ActiveMQEvent(load_event("activemq"))
    assert [m.json_data["orderId"] for m in active.messages] == ["ord-1001", "ord-1002"]
    assert active.message.destination_physicalname == "orders"
    rabbit = RabbitMQEvent(load_event("rabbitmq"))
    (message,) = rabbit.rmq_messages_by_queue["orders::/"]
    assert message.json_data["orderId"] == "ord-1007"
    assert message.basic_properties.body_size == len(message.decoded_data.encode())


def test_ses(load_event) -> None:
    event = SESEvent(load_event("ses"))
    assert event.mail.common_headers.subject == "Order ord-1003 did not arrive"
    assert event.receipt.spam_verdict.status == "PASS"
    assert event.receipt.action.get_type == "Lambda"


def test_s3_batch_operations(load_event) -> None:
    v1 = S3BatchOperationEvent(load_event("s3_batch_operations_v1"))
    assert v1.task.s3_bucket == "todos-attachments-123456789012"  # derived from the ARN
    assert v1.task.s3_key == "uploads/2024/05/Quarterly Report (final).pdf"
    v2 = S3BatchOperationEvent(load_event("s3_batch_operations_v2"))
    assert v2.job.user_arguments == {"targetStorageClass": "GLACIER_IR", "dryRun": "false"}
    assert v2.task.s3_bucket == "todos-attachments-123456789012"


def test_appsync_resolver_identities(load_event) -> None:
    event = AppSyncResolverEvent(load_event("appsync_resolver"))
    assert (event.type_name, event.field_name) == ("TodoList", "todo")
    assert event.arguments == {"id": "todo-1", "includeComments": True}
    assert isinstance(event.identity, AppSyncIdentityCognito)
    assert event.identity.groups == ["admin", "editors"]
    assert event.stash["tenantId"] == "tenant-42"
    assert event.get_header_value("AUTHORIZATION") == event.request_headers["authorization"]
    iam = AppSyncResolverEvent(load_event("appsync_resolver_iam")).identity
    assert isinstance(iam, AppSyncIdentityIAM)
    assert iam.user_arn == "arn:aws:sts::123456789012:assumed-role/OrderWriter/order-writer-session"
    legacy = AppSyncResolverEvent({"typeName": "Query", "fieldName": "listTodos", "arguments": {}})
    assert (legacy.type_name, legacy.field_name, legacy.identity) == ("Query", "listTodos", None)


def test_authorizer_events(load_event) -> None:
    token = APIGatewayAuthorizerTokenEvent(load_event("apigw_authorizer_token"))
    assert token.authorization_token.startswith("Bearer ey")
    arn = token.parsed_arn
    assert (arn.api_id, arn.stage, arn.http_method, arn.resource) == ("x7k2pq9w3m", "prod", "GET", "todos/1")
    assert arn.arn == token.method_arn
    request = APIGatewayAuthorizerRequestEvent(load_event("apigw_authorizer_request"))
    assert request.get_header_value("x-tenant-id") == "tenant-42"
    assert request.headers["X-TENANT-ID"] == "tenant-42"
    v2 = APIGatewayAuthorizerEventV2(load_event("apigw_authorizer_v2_request"))
    assert v2.identity_source[1] == "tenant-42"
    assert v2.parsed_arn.http_method == "GET"


def test_websocket(load_event) -> None:
    connect = APIGatewayWebSocketEvent(load_event("apigw_websocket_connect"))
    message = APIGatewayWebSocketEvent(load_event("apigw_websocket_message"))
    assert connect.request_context.event_type == "CONNECT"
    assert connect.request_context.connection_id == message.request_context.connection_id
    assert message.json_body == {"action": "sendMessage", "room": "general", "message": "Hello, everyone!"}
    assert message.request_context.route_key == "sendMessage"


def test_bedrock_agent(load_event) -> None:
    event = BedrockAgentEvent(load_event("bedrock_agent"))
    assert event.path == "/lists/{listId}/todos"
    assert event.http_method == "POST"
    assert event.query_string_parameters == {"listId": "list-7", "notify": "true"}
    assert event.json_body == {"title": "buy oat milk", "priority": "2", "tags": "[groceries, home]"}
    assert event.agent.name == "TodoAssistant"


def test_connect_enums(load_event) -> None:
    data = ConnectContactFlowEvent(load_event("connect_contact_flow")).contact_data
    assert data.channel is ConnectContactFlowChannel.VOICE
    assert data.initiation_method is ConnectContactFlowInitiationMethod.INBOUND
    assert data.customer_endpoint.endpoint_type is ConnectContactFlowEndpointType.TELEPHONE_NUMBER
    assert data.queue.name == "OrderSupport"


# --- values that follow upstream exactly (defaults, types, spellings) ----------------------


def test_absent_response_fields_read_as_upstreams_defaults(load_event) -> None:
    define = DefineAuthChallengeTriggerEvent(load_event("cognito_define_auth_challenge"))
    assert (define.response.fail_authentication, define.response.issue_tokens) == (False, False)
    define.response.issue_tokens = True
    assert define.response.issue_tokens is True
    assert define.raw_event["response"]["issueTokens"] is True
    verify = VerifyAuthChallengeResponseTriggerEvent(load_event("cognito_verify_auth_challenge"))
    assert verify.response.answer_correct is False
    assert PreSignUpTriggerEvent({"response": {"autoConfirmUser": None}}).response.auto_confirm_user is False
    assert UserMigrationTriggerEvent(load_event("cognito_user_migration")).response.desired_delivery_mediums == []
    details = PreTokenGenerationV2TriggerEvent(load_event("cognito_pre_token_generation_v2")).response
    tokens = details.claims_scope_override_details.access_token_generation
    assert (tokens.claims_to_add_or_override, tokens.claims_to_suppress, tokens.scopes_to_add) == ({}, [], [])
    tokens.scopes_to_add = ["orders/read"]
    assert tokens.scopes_to_add == ["orders/read"]

    create = CloudFormationCustomResourceEvent(load_event("cloudformation_custom_resource_create"))
    assert (create.physical_resource_id, create.old_resource_properties) == ("", {})


def test_websocket_maps_are_lower_cased_and_never_none(load_event) -> None:
    connect = APIGatewayWebSocketEvent(load_event("apigw_websocket_connect"))
    assert "host" in list(connect.multi_value_headers)  # keys lower-cased, as upstream
    assert connect.multi_value_headers["HOST"] == connect.multi_value_headers["host"]
    message = APIGatewayWebSocketEvent(load_event("apigw_websocket_message"))
    assert message.query_string_parameters == message.multi_value_query_string_parameters == {}
    assert message.multi_value_headers == {}


def test_timestamps_have_upstreams_types(load_event) -> None:
    # Naive local time, as upstream (UTC on Lambda; the conftest pins TZ=UTC). Seconds or milliseconds.
    assert IoTCoreThingEvent(load_event("iot_registry_thing_created")).timestamp == datetime(2024, 5, 14, 10, 15, 30)
    assert IoTCoreThingEvent({"timestamp": 1715681730}).timestamp == datetime(2024, 5, 14, 10, 15, 30)
    with pytest.raises(InvalidEventError, match="timestamp"):
        _ = IoTCoreThingEvent({"timestamp": "yesterday"}).timestamp
    record = next(DynamoDBStreamEvent(load_event("dynamodb_stream")).records)
    assert record.dynamodb.approximate_creation_date_time == 1715681730


def test_s3_keys_etags_and_forms_as_upstream(load_event) -> None:
    bridge = S3EventBridgeNotificationEvent(load_event("s3_eventbridge"))
    assert bridge.detail.object.key == "uploads/2024/05/Quarterly Report (final).pdf"
    tiering = S3Event(load_event("s3_notification_intelligent_tiering"))
    assert tiering.record.s3.get_object.etag == ""
    renamed = {"Records": [{"s3": {"get_object": {"key": "a+b", "eTag": "e1"}}}]}
    assert (S3Event(renamed).object_key, S3Event(renamed).record.s3.get_object.etag) == ("a b", "e1")
    widget = CloudWatchDashboardCustomWidgetEvent(load_event("cloudwatch_dashboard_custom_widget"))
    assert widget.widget_context.forms == {"status": "open", "limit": "20"}
    assert CloudWatchDashboardCustomWidgetEvent({"widgetContext": {}}).widget_context.forms is None


def test_alternate_key_spellings(load_event) -> None:
    messages = list(ActiveMQEvent(load_event("activemq")).messages)
    assert [m.correlation_id for m in messages[:2]] == ["corr-1", "corr-2"]  # what Amazon MQ sends
    assert ActiveMQEvent({"messages": [{"correlationID": "c"}]}).message.correlation_id == "c"  # upstream's key
    headers = SESEvent(load_event("ses")).mail.common_headers
    assert (headers.cc, headers.bcc, headers.sender, headers.reply_to) == ([], [], [], [])
    for key in ("replyTo", "reply-to"):
        event = SESEvent({"Records": [{"ses": {"mail": {"commonHeaders": {key: ["a@example.com"]}}}}]})
        assert event.mail.common_headers.reply_to == ["a@example.com"]


def test_non_utf8_payload_is_also_a_unicode_decode_error() -> None:
    firehose = KinesisFirehoseEvent({"records": [{"data": "//79"}]})
    with pytest.raises(UnicodeDecodeError) as raised:
        _ = next(firehose.records).data_as_text
    assert isinstance(raised.value, InvalidEventError)
    assert raised.value.field == "data"
