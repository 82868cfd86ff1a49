"""docs/packages/data-classes.md: each example invoked with the matching sample event, its answer checked."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest


def answer(example: Any, event: dict[str, Any], context: Any) -> Any:
    response = example.lambda_handler(event, context)
    json.dumps(response)  # what Lambda does with it: a response must be plain JSON
    return response


def test_s3_event_source_decodes_the_object_key(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("data_classes/s3_event_source.py")
    event = load_event("s3_notification")
    assert event["Records"][0]["s3"]["object"]["key"] == "uploads/2024/05/Quarterly+Report+%28final%29.pdf"

    assert answer(example, event, lambda_context) == {
        "bucket": "todos-attachments-123456789012",
        "key": "uploads/2024/05/Quarterly Report (final).pdf",
    }


def test_sqs_nested_s3_reads_the_notification_in_each_body(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("data_classes/sqs_nested_s3.py")

    assert answer(example, load_event("s3_sqs"), lambda_context) == {
        "uploads": ["s3://todos-attachments-123456789012/uploads/2024/05/Quarterly Report (final).pdf"]
    }


def test_dynamodb_changes_compares_the_deserialized_images(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("data_classes/dynamodb_changes.py")
    event = load_event("dynamodb_stream")  # INSERT, MODIFY, REMOVE of one item

    assert answer(example, event, lambda_context) == {
        "TODO#1": {"changed": ["completed", "title", "version"], "version": 2}
    }


@pytest.mark.parametrize(
    ("authorization", "tenant_header", "effect"),
    [
        ("Bearer tnt_42_9f8e7d6c5b4a3f2e1d0c", "tenant-42", "Allow"),
        ("Bearer tnt_42_9f8e7d6c5b4a3f2e1d0c", "tenant-7", "Deny"),
        ("Bearer forged", "tenant-42", "Deny"),
    ],
)
def test_apigw_authorizer_allows_only_the_sessions_tenant(
    load_example: Any, load_event: Any, lambda_context: Any, authorization: str, tenant_header: str, effect: str
) -> None:
    example = load_example("data_classes/apigw_authorizer.py")
    event = load_event("apigw_authorizer_request")
    event["headers"]["Authorization"] = authorization
    event["headers"]["X-Tenant-Id"] = tenant_header

    policy = answer(example, event, lambda_context)

    api = "arn:aws:execute-api:us-east-1:123456789012:x7k2pq9w3m/prod"
    resource = f"{api}/GET/todos/*" if effect == "Allow" else f"{api}/*/*"
    assert policy["policyDocument"] == {
        "Version": "2012-10-17",
        "Statement": [{"Action": "execute-api:Invoke", "Effect": effect, "Resource": [resource]}],
    }
    tenant = "tenant-42" if authorization.endswith("0c") else None
    assert policy["principalId"] == (tenant or "anonymous")
    assert policy.get("context", {}).get("tenant") == tenant


@pytest.mark.parametrize(("email", "confirmed"), [("jane.doe@example.com", True), ("jane@elsewhere.test", False)])
def test_cognito_pre_signup_confirms_company_addresses(
    load_example: Any, load_event: Any, lambda_context: Any, email: str, confirmed: bool
) -> None:
    example = load_example("data_classes/cognito_pre_signup.py")
    event = load_event("cognito_pre_signup")
    event["request"]["userAttributes"]["email"] = email

    returned = answer(example, event, lambda_context)

    assert returned["response"] == {
        "autoConfirmUser": confirmed,
        "autoVerifyEmail": confirmed,
        "autoVerifyPhone": False,
    }
    assert returned["request"] == event["request"]


def test_firehose_transform_upper_cases_every_record(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("data_classes/firehose_transform.py")
    event = load_event("kinesis_firehose")

    response = answer(example, event, lambda_context)

    assert [(r["recordId"], r["result"]) for r in response["records"]] == [
        (r["recordId"], "Ok") for r in event["records"]
    ]
    assert [base64.b64decode(r["data"]) for r in response["records"]] == [
        b'{"ORDERID":"ORD-1001","CUSTOMERID":"CUST-201","TOTAL":19.99,"CURRENCY":"USD"}\n',
        b'{"ORDERID":"ORD-1002","CUSTOMERID":"CUST-202","TOTAL":39.98,"CURRENCY":"USD"}\n',
        b"PLAIN TEXT LOG LINE: ORDER ORD-1003 SHIPPED\n",
    ]


def test_cloudwatch_logs_unpacks_the_subscription_payload(
    load_example: Any, load_event: Any, lambda_context: Any
) -> None:
    example = load_example("data_classes/cloudwatch_logs.py")

    assert answer(example, load_event("cloudwatch_logs"), lambda_context) == {
        "log_group": "/aws/lambda/orders-api",
        "events": 4,
        "reports": [
            "REPORT RequestId: 2f6a4b8c-1d3e-4f5a-9b7c-8d0e1f2a3b4c\tDuration: 129.37 ms\tBilled Duration: 130 ms"
            "\tMemory Size: 512 MB\tMax Memory Used: 88 MB\tInit Duration: 402.16 ms\t\n"
        ],
    }
