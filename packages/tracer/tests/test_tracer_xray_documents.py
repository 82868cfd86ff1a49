"""What reaches the X-Ray daemon for traced handlers and methods, decoded and compared whole."""

from __future__ import annotations

import os

import pytest

from powertools.tracer import Tracer


def test_handler_and_method_form_a_tree_with_annotations_and_responses(lambda_env):
    tracer = Tracer(service="orders")

    @tracer.capture_method
    def get_order(order_id: str) -> dict:
        tracer.put_annotation("OrderId", order_id)
        return {"id": order_id, "total": 12.5}

    @tracer.capture_lambda_handler
    def handler(event, context):
        return {"statusCode": 200, "order": get_order(event["id"])}

    assert handler({"id": "o-1"}, None) == {"statusCode": 200, "order": {"id": "o-1", "total": 12.5}}

    method_name = f"## {__name__}.test_handler_and_method_form_a_tree_with_annotations_and_responses.locals.get_order"
    docs = lambda_env.by_name(lambda_env.daemon.wait_for(2))
    assert sorted(docs) == ["## handler", method_name]
    handler_doc, method_doc = docs["## handler"], docs[method_name]

    assert lambda_env.stable(handler_doc) == {
        "name": "## handler",
        "in_progress": False,
        "annotations": {"ColdStart": True, "Service": "orders"},
        "metadata": {"orders": {"handler response": {"statusCode": 200, "order": {"id": "o-1", "total": 12.5}}}},
        "type": "subsegment",
        "namespace": "local",
    }
    assert lambda_env.stable(method_doc) == {
        "name": method_name,
        "in_progress": False,
        "annotations": {"OrderId": "o-1"},
        "metadata": {"orders": {f"{method_name[3:]} response": {"id": "o-1", "total": 12.5}}},
        "type": "subsegment",
        "namespace": "local",
    }
    # The handler hangs off Lambda's own segment; the method off the handler.
    assert handler_doc["parent_id"] == lambda_env.parent_id
    assert method_doc["parent_id"] == handler_doc["id"]
    assert {d["trace_id"] for d in docs.values()} == {lambda_env.trace_id}
    assert handler_doc["start_time"] <= method_doc["start_time"] <= method_doc["end_time"] <= handler_doc["end_time"]


def test_second_invocation_is_not_a_cold_start(lambda_env):
    tracer = Tracer()

    @tracer.capture_lambda_handler
    def handler(event, context):
        return None

    handler({}, None)
    lambda_env.new_invocation()
    handler({}, None)

    first, second = lambda_env.daemon.wait_for(2)
    # No service configured: no Service annotation, and a None response records nothing.
    assert lambda_env.stable(first) == {
        "name": "## handler",
        "in_progress": False,
        "annotations": {"ColdStart": True},
        "type": "subsegment",
        "namespace": "local",
    }
    assert second["annotations"] == {"ColdStart": False}
    assert second["trace_id"] == lambda_env.trace_id != first["trace_id"]


def test_handler_error_is_recorded_as_cause_and_metadata_then_reraised(lambda_env):
    tracer = Tracer(service="payments")

    class PaymentDeclined(Exception):
        def __init__(self, reason: str) -> None:
            super().__init__(f"declined: {reason}")
            self.reason = reason

    @tracer.capture_lambda_handler
    def handler(event, context):
        raise PaymentDeclined("insufficient funds")

    with pytest.raises(PaymentDeclined):
        handler({}, None)

    (doc,) = lambda_env.daemon.wait_for(1)
    cause = lambda_env.stable(doc)["cause"]
    assert cause["working_directory"] == os.getcwd()
    (exception,) = cause["exceptions"]
    assert exception["message"] == "declined: insufficient funds"
    assert exception["type"] == "PaymentDeclined"
    assert exception["remote"] is False
    assert exception["stack"][-1]["label"] == "handler"
    assert doc["fault"] is True
    # The exception's public attributes, as the X-Ray SDK serializes them (same as upstream).
    assert doc["metadata"] == {"payments": {"handler error": {"reason": "insufficient funds"}}}
    assert doc["annotations"] == {"ColdStart": True, "Service": "payments"}


def test_capture_response_and_error_false_keep_values_out(lambda_env):
    tracer = Tracer(service="users")

    @tracer.capture_method(capture_response=False)
    def secret() -> str:
        return "s3cr3t"

    @tracer.capture_lambda_handler(capture_response=False, capture_error=False)
    def handler(event, context):
        secret()
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        handler({}, None)

    docs = lambda_env.daemon.wait_for(2)
    assert all("metadata" not in doc for doc in docs)
    assert lambda_env.by_name(docs)["## handler"]["fault"] is True  # the failure itself is still traced


@pytest.mark.parametrize(
    ("variable", "value", "expected_keys"),
    [
        ("POWERTOOLS_TRACER_CAPTURE_RESPONSE", "false", set()),
        ("POWERTOOLS_TRACER_CAPTURE_RESPONSE", "true", {"handler response"}),
    ],
)
def test_capture_response_env_var(lambda_env, monkeypatch, variable, value, expected_keys):
    monkeypatch.setenv(variable, value)
    tracer = Tracer(service="svc")

    @tracer.capture_lambda_handler
    def handler(event, context):
        return {"ok": True}

    handler({}, None)
    (doc,) = lambda_env.daemon.wait_for(1)
    assert set(doc.get("metadata", {}).get("svc", {})) == expected_keys


def test_capture_error_env_var_off(lambda_env, monkeypatch):
    monkeypatch.setenv("POWERTOOLS_TRACER_CAPTURE_ERROR", "false")
    tracer = Tracer(service="svc")

    @tracer.capture_method
    def fails() -> None:
        raise KeyError("missing")

    with pytest.raises(KeyError):
        fails()
    (doc,) = lambda_env.daemon.wait_for(1)
    assert "metadata" not in doc
    assert doc["cause"]["exceptions"][0]["type"] == "KeyError"


def test_explicit_argument_beats_env_var(lambda_env, monkeypatch):
    monkeypatch.setenv("POWERTOOLS_TRACER_CAPTURE_RESPONSE", "false")
    tracer = Tracer(service="svc")

    @tracer.capture_lambda_handler(capture_response=True)
    def handler(event, context):
        return "kept"

    handler({}, None)
    (doc,) = lambda_env.daemon.wait_for(1)
    assert doc["metadata"] == {"svc": {"handler response": "kept"}}


def test_put_metadata_uses_service_namespace_unless_given(lambda_env):
    tracer = Tracer(service="booking")

    @tracer.capture_lambda_handler(capture_response=False)
    def handler(event, context):
        tracer.put_metadata("request", {"seats": 2})
        tracer.put_metadata("debug", [1, 2], namespace="internal")

    handler({}, None)
    (doc,) = lambda_env.daemon.wait_for(1)
    assert doc["metadata"] == {"booking": {"request": {"seats": 2}}, "internal": {"debug": [1, 2]}}


def test_metadata_is_a_snapshot_taken_when_recorded(lambda_env):
    tracer = Tracer(service="svc")
    state = {"step": 1}

    @tracer.capture_lambda_handler(capture_response=False)
    def handler(event, context):
        tracer.put_metadata("state", state)
        state["step"] = 2  # mutating afterwards must not rewrite history

    handler({}, None)
    (doc,) = lambda_env.daemon.wait_for(1)
    assert doc["metadata"] == {"svc": {"state": {"step": 1}}}


def test_responses_that_cannot_be_recorded_are_skipped_not_fatal(lambda_env):
    import io

    tracer = Tracer(service="files")
    stream = io.BytesIO(b"file contents")

    @tracer.capture_method
    def open_stream() -> io.BytesIO:
        return stream

    @tracer.capture_method
    def huge() -> str:
        return "x" * 100_000  # would push the subsegment past the 64 KiB UDP datagram

    @tracer.capture_lambda_handler
    def handler(event, context):
        body = open_stream().read()
        return {"size": len(huge()), "body": body.decode()}

    assert handler({}, None) == {"size": 100_000, "body": "file contents"}  # the stream was left unread
    docs = lambda_env.by_name(lambda_env.daemon.wait_for(3))
    prefix = f"## {__name__}.test_responses_that_cannot_be_recorded_are_skipped_not_fatal.locals"
    assert "metadata" not in docs[f"{prefix}.open_stream"]
    assert "metadata" not in docs[f"{prefix}.huge"]
    assert docs["## handler"]["metadata"] == {"files": {"handler response": {"size": 100_000, "body": "file contents"}}}


def test_handler_kwargs_are_passed_through(lambda_env):
    tracer = Tracer()

    @tracer.capture_lambda_handler
    def handler(event, context, tenant: str = "none"):
        return tenant

    assert handler({}, None, tenant="acme") == "acme"
    lambda_env.daemon.wait_for(1)


def test_methods_on_classes_are_named_by_qualname(lambda_env):
    tracer = Tracer()

    class Repository:
        @tracer.capture_method
        def load(self, key: str) -> str:
            return key.upper()

    assert Repository().load("k") == "K"
    (doc,) = lambda_env.daemon.wait_for(1)
    assert doc["name"] == f"## {__name__}.test_methods_on_classes_are_named_by_qualname.locals.Repository.load"
    assert doc["metadata"] == {"": {f"{doc['name'][3:]} response": "K"}}


def test_nested_responses_are_recorded_as_sent_and_checked_against_the_limit(lambda_env):
    tracer = Tracer(service="svc")
    state = {"items": [{"sku": "a", "qty": 1}], "dims": (1, 2.5, None, True), "note": "héllo"}

    @tracer.capture_method
    def nested() -> dict:
        return state

    @tracer.capture_method
    def many_small() -> list:
        return [{"sku": "x" * 20}] * 2_000  # every piece small; over 48 KiB only in total

    @tracer.capture_lambda_handler(capture_response=False)
    def handler(event, context):
        nested()
        state["items"][0]["qty"] = 99  # recorded before this: the snapshot is deep
        many_small()

    handler({}, None)
    docs = lambda_env.by_name(lambda_env.daemon.wait_for(3))
    prefix = f"{__name__}.test_nested_responses_are_recorded_as_sent_and_checked_against_the_limit.locals"
    assert docs[f"## {prefix}.nested"]["metadata"] == {
        "svc": {
            f"{prefix}.nested response": {
                "items": [{"sku": "a", "qty": 1}],
                "dims": [1, 2.5, None, True],
                "note": "héllo",
            }
        }
    }
    assert "metadata" not in docs[f"## {prefix}.many_small"]
