"""Whole JSON records for the documented scenarios: keys, order and value formats."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any

import pytest

from powertools.common.typing import LocalLambdaContext
from powertools.logger import Logger, correlation_paths


def here() -> int:
    """Line number of the caller's next line: where the log call under test sits."""
    return sys._getframe(1).f_lineno + 1


def test_plain_record(service: str, output: Any, stamp: Any) -> None:
    logger = Logger(service=service, stream=output)
    line = here()
    logger.info("Collecting payment")

    [document] = output.documents()
    assert list(stamp(document).items()) == [
        ("level", "INFO"),
        ("location", f"test_plain_record:{line}"),
        ("message", "Collecting payment"),
        ("timestamp", "<ts>"),
        ("service", service),
    ]
    # Compact separators and non-ASCII kept as-is, like upstream.
    assert output.lines()[0].startswith('{"level":"INFO","location":')


def test_extra_keys_keywords_and_constructor_keys(service: str, output: Any, stamp: Any) -> None:
    logger = Logger(service=service, stream=output, environment="prod")
    line = here()
    logger.info("Collecting payment", extra={"order_id": 7}, amount=Decimal("10.50"), city="Zürich")

    [document] = output.documents()
    assert list(stamp(document).items()) == [
        ("level", "INFO"),
        ("location", f"test_extra_keys_keywords_and_constructor_keys:{line}"),
        ("message", "Collecting payment"),
        ("timestamp", "<ts>"),
        ("service", service),
        ("environment", "prod"),
        ("order_id", 7),
        ("amount", "10.50"),  # a Decimal keeps its exact digits, as upstream
        ("city", "Zürich"),
    ]
    assert "Zürich" in output.getvalue()


def test_record_with_lambda_context(service: str, output: Any, monkeypatch: pytest.MonkeyPatch, stamp: Any) -> None:
    monkeypatch.setenv("_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
    logger = Logger(service=service, stream=output)
    context = LocalLambdaContext(function_name="checkout", memory_limit_in_mb=256, aws_request_id="req-1")
    line = here() + 3

    @logger.inject_lambda_context
    def handler(event: dict[str, Any], context: Any) -> str:
        logger.info("Collecting payment")
        return "ok"

    assert handler({}, context) == "ok"
    assert (
        handler({}, LocalLambdaContext(function_name="checkout", memory_limit_in_mb=256, aws_request_id="req-2"))
        == "ok"
    )

    first, second = (stamp(d) for d in output.documents())
    assert list(first.items()) == [
        ("level", "INFO"),
        ("location", f"handler:{line}"),
        ("message", "Collecting payment"),
        ("timestamp", "<ts>"),
        ("service", service),
        ("cold_start", True),
        ("function_name", "checkout"),
        ("function_memory_size", 256),
        ("function_arn", "arn:aws:lambda:us-east-1:123456789012:function:checkout"),
        ("function_request_id", "req-1"),
        ("xray_trace_id", "1-5759e988-bd862e3fe1be46a994272793"),
    ]
    # The second invocation is warm and carries its own request id.
    assert second == {**first, "cold_start": False, "function_request_id": "req-2"}


def test_exception_record_with_stack_trace(service: str, output: Any, stamp: Any) -> None:
    logger = Logger(service=service, stream=output)
    raise_line = here() + 1
    try:
        raise ValueError("something went wrong")
    except ValueError:
        log_line = here()
        logger.exception("Received an exception")

    [document] = output.documents()
    assert list(stamp(document).items()) == [
        ("level", "ERROR"),
        ("location", f"test_exception_record_with_stack_trace:{log_line}"),
        ("message", "Received an exception"),
        ("timestamp", "<ts>"),
        ("service", service),
        (
            "exception",
            "Traceback (most recent call last):\n"
            f'  File "{__file__}", line {raise_line}, in test_exception_record_with_stack_trace\n'
            '    raise ValueError("something went wrong")\n'
            "ValueError: something went wrong",
        ),
        ("exception_name", "ValueError"),
        (
            "stack_trace",
            {
                "type": "ValueError",
                "value": "something went wrong",
                "module": "builtins",
                "frames": [
                    {
                        "file": __file__,
                        "line": raise_line,
                        "function": "test_exception_record_with_stack_trace",
                        "statement": 'raise ValueError("something went wrong")',
                    }
                ],
            },
        ),
    ]


def test_exception_without_stack_trace_serialization(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, serialize_stacktrace=False)
    try:
        raise KeyError("sku")
    except KeyError:
        logger.error("lookup failed", exc_info=True)
    [document] = output.documents()
    assert list(document)[-2:] == ["exception", "exception_name"]
    assert document["exception_name"] == "KeyError"


def test_correlation_id_from_event(service: str, output: Any, load_event: Any) -> None:
    logger = Logger(service=service, stream=output)
    event = load_event("apigw_rest")

    @logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
    def handler(event: dict[str, Any], context: Any) -> None:
        logger.info("Collecting payment")

    handler(event, LocalLambdaContext(aws_request_id="req-1"))

    [document] = output.documents()
    assert list(document)[-2:] == ["function_request_id", "correlation_id"]
    assert document["correlation_id"] == event["requestContext"]["requestId"]
    assert logger.get_correlation_id() == event["requestContext"]["requestId"]


def test_set_and_clear_correlation_id(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    logger.set_correlation_id("abc-123")
    logger.info("with")
    logger.set_correlation_id(None)
    logger.info("without")
    with_id, without_id = output.documents()
    assert with_id["correlation_id"] == "abc-123"
    assert "correlation_id" not in without_id
    assert logger.get_correlation_id() is None


def test_log_event_writes_the_event_as_message(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)

    @logger.inject_lambda_context(log_event=True)
    def handler(event: dict[str, Any], context: Any) -> None:
        pass

    handler({"order_id": 7}, LocalLambdaContext(aws_request_id="r"))
    [document] = output.documents()
    assert document["message"] == {"order_id": 7}
    assert document["level"] == "INFO"


def test_log_event_from_env(service: str, output: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_LOGGER_LOG_EVENT", "true")
    logger = Logger(service=service, stream=output)
    handler = logger.inject_lambda_context(lambda event, context: None)
    handler({"a": 1}, LocalLambdaContext())
    assert output.documents()[0]["message"] == {"a": 1}


def test_message_formats(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    logger.info({"operation": "charge", "amount": 3})
    logger.info("user %s paid %d", "ana", 3)
    logger.info('{"already": "json"}')
    logger.info("true story")
    logger.info(42)
    messages = [d["message"] for d in output.documents()]
    assert messages == [{"operation": "charge", "amount": 3}, "user ana paid 3", {"already": "json"}, "true story", 42]


def test_none_values_are_left_out(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output)
    logger.append_keys(customer=None)
    logger.info("x", order=None, kept=0)
    [document] = output.documents()
    assert "customer" not in document
    assert "order" not in document
    assert document["kept"] == 0


def test_log_record_order_and_disabled_keys(service: str, output: Any, stamp: Any) -> None:
    logger = Logger(service=service, stream=output, log_record_order=["message", "level"], location=None)
    logger.info("first")
    [document] = output.documents()
    assert list(stamp(document).items()) == [
        ("message", "first"),
        ("level", "INFO"),
        ("timestamp", "<ts>"),
        ("service", service),
    ]


def test_custom_template_keys(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, location="[%(funcName)s] %(module)s", process_name="%(process)d")
    logger.info("x")
    [document] = output.documents()
    assert document["location"] == "[test_custom_template_keys] test_logger_records"
    # Only standard attribute names are templates; other keys are kept literally (as upstream).
    assert document["process_name"] == "%(process)d"


def test_unencodable_values_never_break_a_log_call(service: str, output: Any) -> None:
    class Opaque:
        def __str__(self) -> str:
            return "opaque!"

    logger = Logger(service=service, stream=output)
    logger.info("x", thing=Opaque(), ids={3, 1, 2}, raw=b"hi")
    [document] = output.documents()
    assert (document["thing"], document["ids"], document["raw"]) == ("opaque!", [1, 2, 3], "aGk=")


def test_failing_serializer_writes_a_fallback_record(service: str, output: Any, stamp: Any) -> None:
    def broken(log: dict[str, Any]) -> str:
        raise RuntimeError("serializer down")

    logger = Logger(service=service, stream=output, json_serializer=broken)
    line = here()
    logger.info("Collecting payment", order_id=7)
    [document] = output.documents()
    assert list(stamp(document).items()) == [
        ("level", "INFO"),
        ("location", f"test_failing_serializer_writes_a_fallback_record:{line}"),
        ("message", "Collecting payment"),
        ("timestamp", "<ts>"),
        ("service", service),
        ("order_id", 7),
        ("log_serialization_error", "RuntimeError: serializer down"),
    ]


def test_failing_json_default_writes_a_fallback_record(service: str, output: Any) -> None:
    def strict(value: Any) -> Any:
        raise TypeError(f"no {type(value).__name__}")

    logger = Logger(service=service, stream=output, json_default=strict)
    logger.info("x", when=object())
    [document] = output.documents()
    assert document["log_serialization_error"] == "TypeError: no object"
    assert "when" not in document
    assert document["message"] == "x"


def test_custom_serializer_returning_bytes(service: str, output: Any) -> None:
    logger = Logger(service=service, stream=output, json_serializer=lambda log: json.dumps(log).encode())
    logger.info("bytes")
    assert output.documents()[0]["message"] == "bytes"


def test_dev_mode_pretty_prints(service: str, output: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_DEV", "1")
    import powertools.common.config as config

    monkeypatch.setattr(config, "_dev_warning_shown", False)
    with pytest.warns(UserWarning, match="POWERTOOLS_DEV"):
        logger = Logger(service=service, stream=output)
    logger.info("pretty")
    text = output.getvalue()
    assert text.startswith('{\n    "level": "INFO",\n    "location": ')
    assert json.loads(text)["message"] == "pretty"


def test_non_finite_floats_are_strings_so_the_record_is_strict_json() -> None:
    import io

    stream = io.StringIO()
    logger = Logger(service="nan-check", stream=stream)
    logger.info("measured", extra={"ratio": float("nan"), "limits": [float("inf"), -float("inf"), 1.5]})
    line = stream.getvalue().strip()
    record = json.loads(line, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
    assert record["ratio"] == "NaN"
    assert record["limits"] == ["Infinity", "-Infinity", 1.5]
    assert record["message"] == "measured"


def test_a_digit_string_level_is_rejected_like_upstream(monkeypatch: pytest.MonkeyPatch) -> None:
    from powertools.common.exceptions import ConfigurationError

    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "50")
    with pytest.raises(ValueError, match="POWERTOOLS_LOG_LEVEL='50' is not valid") as info:
        Logger(service="digits")
    assert isinstance(info.value, ConfigurationError)
    monkeypatch.delenv("POWERTOOLS_LOG_LEVEL")
    assert Logger(service="digits-int", level=50).log_level == 50  # an int in code is still a level
