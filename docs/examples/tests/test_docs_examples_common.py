"""docs/packages/common.md: the middleware example (with its X-Ray subsegment) and the JMESPath example."""

from __future__ import annotations

from typing import Any


def test_middleware_answers_400_without_the_header(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("common/middleware.py")
    event = load_event("apigw_rest")  # its headers carry no x-tenant

    assert example.lambda_handler(event, lambda_context) == {"statusCode": 400, "body": "missing x-tenant"}


def test_middleware_runs_the_handler_in_its_traced_subsegment(
    load_example: Any, load_event: Any, lambda_context: Any, in_lambda: Any
) -> None:
    example = load_example("common/middleware.py")
    event = load_event("apigw_rest")
    event["headers"]["x-tenant"] = "acme"

    assert example.lambda_handler(event, lambda_context) == {"statusCode": 200, "body": "hello, acme"}

    assert in_lambda.documents(1) == {
        "## require_tenant": {
            "name": "## require_tenant",
            "in_progress": False,
            "type": "subsegment",
            "namespace": "local",
        }
    }
    assert in_lambda.parents() == {"## require_tenant": "lambda"}


def test_jmespath_decodes_every_sqs_body(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("common/jmespath_sqs.py")

    assert example.lambda_handler(load_event("sqs"), lambda_context) == {
        "total": 19.99 + 39.98,
        "orders": ["ord-1001", "ord-1002"],
    }


def test_jmespath_names_the_envelope_a_bad_body_breaks(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("common/jmespath_sqs.py")
    event = load_event("sqs")
    event["Records"][1]["body"] = "ord-1002,39.98"

    response = example.lambda_handler(event, lambda_context)

    assert response == {
        "rejected": "Records[*].powertools_json(body)",
        "reason": "powertools_json: value is not valid JSON (Expecting value at position 0)",
    }
