"""docs/packages/tracer.md: each example invoked as in Lambda, the X-Ray documents it sends checked
(received over UDP by the plugin's ``xray_daemon``; see conftest's ``in_lambda``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest

from powertools.tracer import Tracer


@pytest.fixture(autouse=True)
def _fresh_tracer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (
        "POWERTOOLS_TRACE_DISABLED",
        "POWERTOOLS_TRACER_CAPTURE_RESPONSE",
        "POWERTOOLS_TRACER_CAPTURE_ERROR",
        "POWERTOOLS_SERVICE_NAME",
        "POWERTOOLS_DEV",
        "AWS_SAM_LOCAL",
        "AWS_CHALICE_CLI_MODE",
    ):
        monkeypatch.delenv(name, raising=False)
    Tracer._reset_config()
    yield
    Tracer._reset_config()
    if "aws_xray_sdk" in sys.modules:  # what Tracer changes process-wide, put back for other tests
        from aws_xray_sdk import global_sdk_config
        from aws_xray_sdk.core import xray_recorder

        global_sdk_config.set_sdk_enabled(True)
        xray_recorder.configure(streaming_threshold=30)


def subsegment(name: str, **fields: Any) -> dict[str, Any]:
    return {"name": name, "in_progress": False, "type": "subsegment", "namespace": "local", **fields}


def test_getting_started_sends_the_documented_tree(load_example: Any, in_lambda: Any, lambda_context: Any) -> None:
    example = load_example("tracer/getting_started.py")
    get_order = f"{example.__name__}.get_order"  # "app.get_order" for a handler in app.py

    response = example.lambda_handler({"orderId": "o-42"}, lambda_context)

    assert response == {"statusCode": 200, "order": {"id": "o-42", "status": "shipped"}}
    assert in_lambda.documents(2) == {
        "## lambda_handler": subsegment(
            "## lambda_handler",
            annotations={"ColdStart": True, "Service": "orders"},
            metadata={"orders": {"lambda_handler response": response}},
        ),
        f"## {get_order}": subsegment(
            f"## {get_order}",
            annotations={"OrderId": "o-42"},
            metadata={"orders": {"source": {"cache": "miss"}, f"{get_order} response": response["order"]}},
        ),
    }
    assert in_lambda.parents() == {"## lambda_handler": "lambda", f"## {get_order}": "## lambda_handler"}

    in_lambda.new_invocation()
    example.lambda_handler({"orderId": "o-43"}, lambda_context)
    assert in_lambda.documents(2)["## lambda_handler"]["annotations"] == {"ColdStart": False, "Service": "orders"}


def test_function_kinds_each_get_a_subsegment_with_their_response(
    load_example: Any, in_lambda: Any, lambda_context: Any
) -> None:
    example = load_example("tracer/function_kinds.py")
    module = example.__name__

    response = example.lambda_handler({"orderId": "o-7"}, lambda_context)

    assert response == {"reserved": "o-7", "pages": [0, 1, 2]}
    documents = in_lambda.documents(4)
    assert documents[f"## {module}.fetch"]["metadata"] == {
        "orders": {f"{module}.fetch response": {"id": "o-7", "lines": 3}}
    }
    assert documents[f"## {module}.reservation"]["metadata"] == {
        "orders": {f"{module}.reservation response": {"order": "o-7"}}
    }
    assert "fault" not in documents[f"## {module}.pages"]
    assert in_lambda.parents() == {
        "## lambda_handler": "lambda",
        f"## {module}.reservation": "## lambda_handler",
        # the context manager's subsegment spans its with block
        f"## {module}.fetch": f"## {module}.reservation",
        f"## {module}.pages": f"## {module}.reservation",
    }


def test_keep_values_out_records_neither_response_nor_error_message(
    load_example: Any, in_lambda: Any, lambda_context: Any
) -> None:
    example = load_example("tracer/keep_values_out.py")

    assert example.lambda_handler({"user": "ann", "password": "correct horse"}, lambda_context) == {
        "token": "secret-session-token"
    }
    [handler] = in_lambda.documents(1).values()
    assert "metadata" not in handler
    assert "secret-session-token" not in str(in_lambda.daemon.documents())

    in_lambda.new_invocation()
    with pytest.raises(PermissionError):
        example.lambda_handler({"user": "ann", "password": "guess"}, lambda_context)
    [failed] = in_lambda.documents(1).values()
    assert failed["fault"] is True  # still traced as a failure ...
    assert failed["cause"]["exceptions"][0]["type"] == "PermissionError"  # the SDK's own cause
    assert "metadata" not in failed  # ... without the "lambda_handler error" metadata copy


def test_patch_botocore_traces_the_s3_call(load_example: Any, aws: Any, in_lambda: Any, lambda_context: Any) -> None:
    import boto3

    boto3.client("s3").create_bucket(Bucket="reports")
    boto3.client("s3").put_object(Bucket="reports", Key="2026/11.csv", Body=b"a,b\n")
    in_lambda.new_invocation()  # the set-up calls above were traced too, under the previous trace id
    example = load_example("tracer/patch_botocore.py")

    assert example.lambda_handler({"bucket": "reports"}, lambda_context) == {"keys": ["2026/11.csv"]}

    documents = in_lambda.documents(2)
    assert documents["s3"]["namespace"] == "aws"
    assert documents["s3"]["aws"]["operation"] == "ListObjectsV2"
    assert documents["s3"]["aws"]["bucket_name"] == "reports"
    assert documents["s3"]["http"]["response"]["status"] == 200
    assert in_lambda.parents() == {"## lambda_handler": "lambda", "s3": "## lambda_handler"}


def test_escape_hatch_subsegment_carries_its_annotation(load_example: Any, in_lambda: Any, lambda_context: Any) -> None:
    example = load_example("tracer/escape_hatch.py")

    assert example.lambda_handler({"items": [{"id": n} for n in range(25)]}, lambda_context) == {"written": 25}

    documents = in_lambda.documents(2)
    assert documents["## batch write"] == subsegment("## batch write", annotations={"Items": 25})
    assert in_lambda.parents() == {"## lambda_handler": "lambda", "## batch write": "## lambda_handler"}


def test_opentelemetry_provider_emits_the_same_tree_as_spans(
    load_example: Any, monkeypatch: pytest.MonkeyPatch, lambda_context: Any
) -> None:
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")
    example = load_example("tracer/opentelemetry_provider.py")
    exporter = InMemorySpanExporter()
    example.provider.add_span_processor(SimpleSpanProcessor(exporter))

    assert example.lambda_handler({"orderId": "o-1"}, lambda_context)["order"] == {"id": "o-1", "status": "shipped"}

    spans = {span.name: span for span in exporter.get_finished_spans()}
    get_order = f"## {example.__name__}.get_order"
    assert sorted(spans) == sorted(["## lambda_handler", get_order])
    handler = spans["## lambda_handler"]
    assert handler.attributes is not None
    assert handler.attributes["ColdStart"] is True
    assert handler.attributes["Service"] == "orders"
    assert "ColdStart" in handler.attributes["aws.xray.annotations"]
    assert spans[get_order].parent is not None
    assert spans[get_order].parent.span_id == handler.context.span_id
