"""Common: the middleware factory and JMESPath envelopes/functions, both flavours.

``aws_lambda_powertools.middleware_factory`` → ``powertools.common.middleware`` and
``aws_lambda_powertools.utilities.jmespath_utils`` → ``powertools.common.jmespath``.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable
from typing import Any

import pytest

from powertools_testing.events import event_names, load_event
from tools.compat.harness import FLAVOURS, OURS, UPSTREAM, Flavour, SimpleLambdaContext


def outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", call()
    except Exception as exc:
        return "error", (type(exc).__name__, str(exc))


def both(scenario: Callable[[Flavour], Any]) -> dict[str, tuple[str, Any]]:
    return {flavour.name: outcome(lambda flavour=flavour: scenario(flavour)) for flavour in FLAVOURS}


# --- lambda_handler_decorator ------------------------------------------------------------


def middleware_calls(pt: Flavour) -> list[Any]:
    calls: list[Any] = []

    @pt.middleware.lambda_handler_decorator
    def plain(handler: Callable[..., Any], event: Any, context: Any) -> Any:
        calls.append(("plain before", event, context.aws_request_id))
        response = handler(event, context)
        calls.append(("plain after", response))
        return {"wrapped": response}

    @pt.middleware.lambda_handler_decorator
    def configured(handler: Callable[..., Any], event: Any, context: Any, prefix: str = "") -> Any:
        calls.append(("configured", prefix))
        return handler({**event, "prefix": prefix}, context)

    @plain
    @configured(prefix="p-")
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        calls.append(("handler", event))
        return {"ok": event}

    calls.append(("result", handler({"n": 1}, SimpleLambdaContext())))
    calls.append(("result by keyword", handler(event={"n": 2}, context=SimpleLambdaContext())))
    calls.append(("name kept", handler.__name__))
    return calls


def middleware_trace_execution(pt: Flavour) -> Any:
    @pt.middleware.lambda_handler_decorator(trace_execution=False)
    def untraced(handler: Callable[..., Any], event: Any, context: Any) -> Any:
        return handler(event, context)

    @untraced
    def handler(event: Any, context: Any) -> Any:
        return event

    return handler({"x": 1}, SimpleLambdaContext())


def middleware_error(pt: Flavour) -> Any:
    @pt.middleware.lambda_handler_decorator
    def swallow(handler: Callable[..., Any], event: Any, context: Any) -> Any:
        try:
            return handler(event, context)
        except KeyError as exc:
            return {"caught": repr(exc)}

    @swallow
    def handler(event: Any, context: Any) -> Any:
        return event["missing"]

    return handler({}, SimpleLambdaContext())


def middleware_positional_config(pt: Flavour) -> Any:
    @pt.middleware.lambda_handler_decorator
    def needs_keywords(handler: Callable[..., Any], event: Any, context: Any, flag: bool = False) -> Any:
        return handler(event, context)

    return needs_keywords(lambda event, context: event, True)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "scenario", [middleware_calls, middleware_trace_execution, middleware_error, middleware_positional_config]
)
def test_middleware(scenario: Callable[[Flavour], Any]) -> None:
    results = both(scenario)
    assert results["ours"] == results["upstream"]


# --- JMESPath ------------------------------------------------------------------------------


def envelope_constants() -> list[str]:
    return sorted(name for name in dir(UPSTREAM.jmespath_envelopes) if name.isupper())


def test_envelope_constants_equal() -> None:
    values = {f.name: {n: getattr(f.jmespath_envelopes, n, None) for n in envelope_constants()} for f in FLAVOURS}
    assert values["ours"] == values["upstream"]


def run_query(pt: Flavour, event_name: str, envelope: str) -> Any:
    return pt.jmespath.query(load_event(event_name), getattr(pt.jmespath_envelopes, envelope))


@pytest.mark.parametrize("envelope", envelope_constants())
def test_query_results_on_every_sample_event(envelope: str) -> None:
    """Where upstream extracts data from a sample event, ours extracts the same."""
    mismatches, matched = [], 0
    for event_name in event_names():
        results = both(lambda pt, e=event_name: run_query(pt, e, envelope))
        if results["upstream"][0] != "ok":
            continue
        matched += 1
        if results["ours"] != results["upstream"]:
            mismatches.append((event_name, results["upstream"], results["ours"]))
    assert mismatches == []
    assert matched, "no sample event matches this envelope"


def raised(call: Callable[[], Any]) -> BaseException | None:
    try:
        call()
    except Exception as exc:
        return exc
    return None


def test_query_errors_on_every_sample_event() -> None:
    """Where upstream fails (the envelope doesn't fit the event), ours fails too.

    Documented: packages/common/README.md, "Differences from upstream" — "`query()` failures raise
    `InvalidEnvelopeExpressionError` naming the expression": where upstream lets jmespath's
    ``JMESPathError`` or ``json.JSONDecodeError`` escape, ours raises
    ``powertools.common.exceptions.InvalidEnvelopeExpressionError`` whose ``.expression`` is the
    envelope; ``except ValueError`` catches both, ``except JMESPathError`` only upstream's."""
    import jmespath.exceptions

    from powertools.common.exceptions import InvalidEnvelopeExpressionError

    mismatches = set()
    upstream_kinds = set()
    for envelope in envelope_constants():
        expression = getattr(UPSTREAM.jmespath_envelopes, envelope)
        for event_name in event_names():
            errors = {f.name: raised(lambda pt=f, e=event_name, n=envelope: run_query(pt, e, n)) for f in FLAVOURS}
            upstream_error, our_error = errors["upstream"], errors["ours"]
            if upstream_error is None:
                continue
            if not isinstance(upstream_error, (jmespath.exceptions.JMESPathError, json.JSONDecodeError)):
                if type(our_error).__name__ != type(upstream_error).__name__:
                    mismatches.add((envelope, event_name, type(upstream_error).__name__, type(our_error).__name__))
                continue
            upstream_kinds.add(type(upstream_error).__name__)
            if type(our_error) is not InvalidEnvelopeExpressionError or our_error.expression != expression:
                mismatches.add((envelope, event_name, type(upstream_error).__name__, repr(our_error)))
                continue
            assert isinstance(upstream_error, ValueError)
            assert isinstance(our_error, ValueError)
            assert not isinstance(our_error, (jmespath.exceptions.JMESPathError, json.JSONDecodeError))
    assert sorted(mismatches) == []
    assert upstream_kinds == {"JMESPathTypeError", "JSONDecodeError"}, "both documented kinds are exercised"


def test_invalid_expression() -> None:
    """Same README section: a malformed expression. Upstream lets jmespath's ParseError subclasses
    escape, except lexer errors, which it wraps in its own InvalidEnvelopeExpressionError (not a
    ValueError) with the whole event in the message; ours raises InvalidEnvelopeExpressionError for
    both, with the expression and jmespath's reason and without the event."""
    import jmespath.exceptions

    from powertools.common.exceptions import InvalidEnvelopeExpressionError

    data = {"a": "secret"}
    for expression in ("a[?", "a.", "Records[*].powertools_json(", "`{", "a$"):
        upstream_error = raised(lambda e=expression: UPSTREAM.jmespath.query(data, e))
        our_error = raised(lambda e=expression: OURS.jmespath.query(data, e))
        assert type(our_error) is InvalidEnvelopeExpressionError, expression
        assert our_error.expression == expression
        assert str(our_error) == f"Invalid JMESPath envelope expression {expression!r}: {our_error.reason}"
        assert "secret" not in str(our_error)
        if isinstance(upstream_error, jmespath.exceptions.ParseError):
            assert our_error.reason == str(upstream_error)
        else:  # a lexer error: same class name upstream, its message carries jmespath's and the data
            assert type(upstream_error).__name__ == "InvalidEnvelopeExpressionError", expression
            assert f"Error: {our_error.reason} Exp: {expression}, Data: {data}" in str(upstream_error)


def test_powertools_functions() -> None:
    payload = {"k": [1, 2]}
    data = {
        "json": json.dumps(payload),
        "b64": base64.b64encode(json.dumps(payload).encode()).decode(),
        "gz": base64.b64encode(gzip.compress(json.dumps(payload).encode())).decode(),
    }
    expressions = [
        "powertools_json(json).k",
        "powertools_json(powertools_base64(b64))",
        "powertools_json(powertools_base64_gzip(gz)).k[1]",
        "missing",
    ]
    for expression in expressions:
        results = both(lambda pt, e=expression: pt.jmespath.query(data, e))
        assert results["ours"] == results["upstream"], expression


def test_extract_data_from_envelope_still_works() -> None:
    """Deprecated upstream, still public: same value (warnings aside)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = both(lambda pt: pt.jmespath.extract_data_from_envelope(load_event("sqs"), "Records[0].messageId"))
    assert results["ours"] == results["upstream"]
    assert results["upstream"][0] == "ok"


def test_encoder_writes_decimal_as_upstream() -> None:
    import decimal
    import importlib

    upstream_encoder = importlib.import_module("aws_lambda_powertools.shared.json_encoder").Encoder
    our_encoder = importlib.import_module("powertools.common.encoder").Encoder
    value = {
        "exact": decimal.Decimal("12345678901234567890.123456789"),
        "small": decimal.Decimal("8.5"),
        "exp": decimal.Decimal("1.5E+20"),
        "nan": decimal.Decimal("NaN"),
        "inf": decimal.Decimal("-Infinity"),
    }
    assert json.dumps(value, cls=our_encoder) == json.dumps(value, cls=upstream_encoder)


# --- utilities.typing and utilities.serialization -----------------------------------------


def plain_context_filled_by_a_test(pt: Flavour) -> dict[str, Any]:
    """The pattern upstream users' unit tests follow: instantiate, set private fields."""
    ctx = pt.typing.LambdaContext()
    ctx._function_name = "orders"
    ctx._memory_limit_in_mb = 256
    ctx._invoked_function_arn = "arn:aws:lambda:eu-west-1:111122223333:function:orders"
    ctx._aws_request_id = "req-1"
    read = {
        "function_name": ctx.function_name,
        "memory": ctx.memory_limit_in_mb,
        "arn": ctx.invoked_function_arn,
        "request": ctx.aws_request_id,
        "remaining": ctx.get_remaining_time_in_millis(),
    }
    read["unset"] = outcome(lambda: ctx.log_stream_name)[1][0]
    return read


def test_plain_lambda_context_fills_and_reads_as_upstream() -> None:
    results = both(plain_context_filled_by_a_test)
    assert results["ours"] == results["upstream"]
    assert results["ours"][1]["unset"] == "AttributeError"


SERIALIZATION_INPUTS = ["", "plain", "ünïcødé ✓", "x" * 1000]


@pytest.mark.parametrize("text", SERIALIZATION_INPUTS, ids=range(len(SERIALIZATION_INPUTS)))
def test_base64_helpers_agree_with_upstream(text: str) -> None:
    def calls(pt: Flavour) -> list[str]:
        s = pt.serialization
        encoded = s.base64_encode(text)
        return [encoded, s.base64_from_str(text), s.base64_decode(encoded), s.base64_from_json({"t": text})]

    results = both(calls)
    assert results["ours"] == results["upstream"]
    assert results["ours"][0] == "ok"


def test_base64_decode_of_garbage_is_the_same_error_class_family() -> None:
    import binascii

    for bad in ["abc", "a", "abcde"]:
        results = both(lambda pt, b=bad: pt.serialization.base64_decode(b))
        assert results["upstream"][0] == results["ours"][0] == "error", bad
        assert results["upstream"][1][0] == "Error"  # binascii.Error
        assert results["ours"][1][0] == "InvalidBase64Error"
        from powertools.common.serialization import InvalidBase64Error

        assert issubclass(InvalidBase64Error, binascii.Error)
