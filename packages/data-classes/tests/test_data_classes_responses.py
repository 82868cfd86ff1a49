"""Response builders and setters: the exact documents the services receive."""

from __future__ import annotations

import base64
import json

import pytest

from powertools.data_classes import (
    APIGatewayAuthorizerResponse,
    APIGatewayAuthorizerResponseV2,
    KinesisFirehoseDataTransformationRecordMetadata,
    KinesisFirehoseDataTransformationResponse,
    KinesisFirehoseEvent,
    PreSignUpTriggerEvent,
    PreTokenGenerationTriggerEvent,
    PreTokenGenerationV2TriggerEvent,
    S3BatchOperationEvent,
    S3BatchOperationResponse,
    S3BatchOperationResponseRecord,
    TransferFamilyAuthorizer,
    TransferFamilyAuthorizerResponse,
    UserMigrationTriggerEvent,
)
from powertools.data_classes.api_gateway_authorizer_event import (
    DENY_ALL_RESPONSE,
    APIGatewayAuthorizerResponseWebSocket,
    AuthorizerResponseError,
    HttpVerb,
)
from powertools.data_classes.appsync_authorizer_event import AppSyncAuthorizerResponse
from powertools.data_classes.kinesis_firehose_event import FirehoseResponseError
from powertools.data_classes.s3_batch_operation_event import S3BatchOperationResponseError
from powertools.data_classes.transfer_family_event import TransferFamilyResponseError

METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:x7k2pq9w3m/prod/GET/todos/1"
BASE = "arn:aws:execute-api:us-east-1:123456789012:x7k2pq9w3m/prod"


def test_iam_policy_groups_plain_routes_and_isolates_conditional_ones() -> None:
    policy = APIGatewayAuthorizerResponse.from_route_arn(
        METHOD_ARN, principal_id="user-1", context={"tenant": "t-42"}, usage_identifier_key="key-1"
    )
    policy.allow_route(HttpVerb.GET.value, "/todos/*")
    policy.allow_route("POST", "/todos")
    policy.allow_route("PUT", "/todos/{id}", conditions=[{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}])
    policy.deny_route("DELETE", "*")
    assert policy.asdict() == {
        "principalId": "user-1",
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Action": "execute-api:Invoke",
                    "Effect": "Allow",
                    "Resource": [f"{BASE}/PUT/todos/{{id}}"],
                    "Condition": [{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}],
                },
                {
                    "Action": "execute-api:Invoke",
                    "Effect": "Allow",
                    "Resource": [f"{BASE}/GET/todos/*", f"{BASE}/POST/todos"],
                },
                {"Action": "execute-api:Invoke", "Effect": "Deny", "Resource": [f"{BASE}/DELETE/*"]},
            ],
        },
        "usageIdentifierKey": "key-1",
        "context": {"tenant": "t-42"},
    }


def test_allow_all_routes_and_verb_names() -> None:
    policy = APIGatewayAuthorizerResponse("u", "us-east-1", "123456789012", "api", "dev", partition="aws-cn")
    policy.allow_all_routes()
    policy.deny_all_routes("ALL")  # an HttpVerb member name works too
    statements = policy.asdict()["policyDocument"]["Statement"]
    assert statements[0]["Resource"] == ["arn:aws-cn:execute-api:us-east-1:123456789012:api/dev/*/*"]
    assert statements[1]["Effect"] == "Deny"


def test_policy_errors_are_typed() -> None:
    policy = APIGatewayAuthorizerResponse.from_route_arn(METHOD_ARN, principal_id="u")
    with pytest.raises(AuthorizerResponseError, match="No statements"):
        policy.asdict()
    with pytest.raises(AuthorizerResponseError, match=r"Invalid HTTP verb: 'FETCH'\. Use either"):
        policy.allow_route("FETCH", "/todos")
    with pytest.raises(AuthorizerResponseError, match="Invalid resource path"):
        policy.allow_route("GET", "/todos?x=1")
    with pytest.raises(ValueError):  # still a ValueError, as upstream raised
        policy.allow_route("GET", "/todos?x=1")


def test_websocket_policy_has_no_verb() -> None:
    arn = "arn:aws:execute-api:us-east-1:123456789012:ws9k2/prod/$connect"
    policy = APIGatewayAuthorizerResponseWebSocket.from_route_arn(arn, principal_id="conn-user")
    policy.allow_route("$connect")
    assert policy.asdict()["policyDocument"]["Statement"] == [
        {
            "Action": "execute-api:Invoke",
            "Effect": "Allow",
            "Resource": ["arn:aws:execute-api:us-east-1:123456789012:ws9k2/prod/$connect"],
        }
    ]


def test_simple_and_deny_all_responses() -> None:
    assert APIGatewayAuthorizerResponseV2(authorize=True, context={"role": "admin"}).asdict() == {
        "isAuthorized": True,
        "context": {"role": "admin"},
    }
    assert APIGatewayAuthorizerResponseV2().asdict() == {"isAuthorized": False}
    assert DENY_ALL_RESPONSE["policyDocument"]["Statement"][0]["Resource"] == ["*"]


def test_appsync_authorizer_response() -> None:
    response = AppSyncAuthorizerResponse(
        authorize=True, max_age=300, resolver_context={"tenant": "t-42"}, deny_fields=["Mutation.deleteTodo"]
    )
    assert response.asdict() == {
        "isAuthorized": True,
        "ttlOverride": 300,
        "deniedFields": ["Mutation.deleteTodo"],
        "resolverContext": {"tenant": "t-42"},
    }
    assert AppSyncAuthorizerResponse().asdict() == {"isAuthorized": False}


def test_firehose_transformation_response(load_event) -> None:
    response = KinesisFirehoseDataTransformationResponse()
    for record in KinesisFirehoseEvent(load_event("kinesis_firehose")).records:
        try:
            order = record.data_as_json
        except ValueError:
            response.add_record(record.build_data_transformation_response(result="Dropped"))
            continue
        data = base64.b64encode(json.dumps({"id": order["orderId"]}).encode()).decode()
        metadata = KinesisFirehoseDataTransformationRecordMetadata(partition_keys={"customer": order["customerId"]})
        response.add_record(record.build_data_transformation_response(data=data, metadata=metadata))
    document = response.asdict()
    assert [r["result"] for r in document["records"]] == ["Ok", "Ok", "Dropped"]
    first = document["records"][0]
    assert set(first) == {"recordId", "result", "data", "metadata"}
    assert json.loads(base64.b64decode(first["data"])) == {"id": "ord-1001"}
    assert first["metadata"] == {"partitionKeys": {"customer": "cust-201"}}
    assert response.records[0].data_as_json == {"id": "ord-1001"}
    assert document["records"][2] == {"recordId": response.records[2].record_id, "result": "Dropped", "data": ""}
    with pytest.raises(FirehoseResponseError, match="empty response"):
        KinesisFirehoseDataTransformationResponse().asdict()
    with pytest.raises(FirehoseResponseError, match="result must be one of"):
        KinesisFirehoseDataTransformationResponse().add_record(
            next(KinesisFirehoseEvent(load_event("kinesis_firehose")).records).build_data_transformation_response(
                result="Maybe"  # type: ignore[arg-type]
            )
        )


def test_s3_batch_response(load_event) -> None:
    event = S3BatchOperationEvent(load_event("s3_batch_operations_v2"))
    response = S3BatchOperationResponse(event.invocation_schema_version, event.invocation_id, "PermanentFailure")
    response.add_result(event.task.build_task_batch_response("TemporaryFailure", "throttled, retry"))
    assert response.asdict() == {
        "invocationSchemaVersion": "2.0",
        "treatMissingKeysAs": "PermanentFailure",
        "invocationId": event.invocation_id,
        "results": [
            {"taskId": event.task.task_id, "resultCode": "TemporaryFailure", "resultString": "throttled, retry"}
        ],
    }
    response.add_result(S3BatchOperationResponseRecord("t2", "Succeeded"))
    with pytest.raises(S3BatchOperationResponseError, match="exactly one result, but got 2"):
        response.asdict()
    with pytest.raises(S3BatchOperationResponseError, match="result_code must be one of"):
        S3BatchOperationResponseRecord("t", "Done")  # type: ignore[arg-type]


def test_transfer_family(load_event) -> None:
    event = TransferFamilyAuthorizer(load_event("transfer_family_authorizer"))
    assert event.password not in repr(event)
    assert event.password not in str(event)
    assert "'password': '[SENSITIVE]'" in str(event)
    builder = TransferFamilyAuthorizerResponse()
    role = "arn:aws:iam::123456789012:role/TransferUser"
    assert builder.build_authentication_response_s3(role, home_directory="/bucket/jdoe") == {
        "HomeDirectory": "/bucket/jdoe",
        "Role": role,
        "HomeDirectoryType": "PATH",
    }
    details = [{"Entry": "/", "Target": "/fs-123/jdoe"}]
    assert builder.build_authentication_response_efs(
        role, user_gid=1000, user_uid=1001, home_directory_details=details, home_directory_type="LOGICAL"
    ) == {
        "HomeDirectoryDetails": json.dumps(details),
        "PosixProfile": {"Gid": 1000, "Uid": 1001},
        "Role": role,
        "HomeDirectoryType": "LOGICAL",
    }
    with pytest.raises(TransferFamilyResponseError, match="home_directory must be set"):
        builder.build_authentication_response_s3(role)


def test_cognito_setters_write_into_the_raw_event(load_event) -> None:
    raw = load_event("cognito_pre_signup")
    event = PreSignUpTriggerEvent(raw)
    event.response.auto_confirm_user = True
    event.response.auto_verify_email = True
    assert raw["response"]["autoConfirmUser"] is True
    assert event.response.auto_verify_email is True
    assert event.raw_event is raw


def test_cognito_pre_token_generation_overrides(load_event) -> None:
    v1 = PreTokenGenerationTriggerEvent(load_event("cognito_pre_token_generation"))
    details = v1.response.claims_override_details
    details.claims_to_add_or_override = {"tenant": "t-42"}
    details.claims_to_suppress = ["email"]
    details.set_group_configuration_groups_to_override(["readers"])
    details.set_group_configuration_preferred_role("arn:aws:iam::123456789012:role/Reader")
    assert v1.raw_event["response"]["claimsOverrideDetails"] == {
        "claimsToAddOrOverride": {"tenant": "t-42"},
        "claimsToSuppress": ["email"],
        "groupOverrideDetails": {
            "groupsToOverride": ["readers"],
            "preferredRole": "arn:aws:iam::123456789012:role/Reader",
        },
    }
    assert details.group_configuration.groups_to_override == ["readers"]

    v2 = PreTokenGenerationV2TriggerEvent(load_event("cognito_pre_token_generation_v2"))
    assert v2.request.scopes[-1] == "todos/read"
    overrides = v2.response.claims_scope_override_details
    overrides.access_token_generation.scopes_to_add = ["todos/admin"]
    overrides.id_token_generation.claims_to_suppress = ["phone_number"]
    assert v2.raw_event["response"]["claimsAndScopeOverrideDetails"] == {
        "accessTokenGeneration": {"scopesToAdd": ["todos/admin"]},
        "idTokenGeneration": {"claimsToSuppress": ["phone_number"]},
    }


def test_user_migration_response_and_password_redaction(load_event) -> None:
    event = UserMigrationTriggerEvent(load_event("cognito_user_migration"))
    event.response.user_attributes = {"email": "jane.doe@example.com", "email_verified": "true"}
    event.response.final_user_status = "CONFIRMED"
    event.response.message_action = "SUPPRESS"
    assert event.raw_event["response"]["finalUserStatus"] == "CONFIRMED"
    assert event.request.password not in repr(event)
    assert event.request.password not in str(event)
    assert "'password': '[SENSITIVE]'" in str(event)
