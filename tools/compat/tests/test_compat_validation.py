"""Validation: validate()/@validator results and SchemaValidationError fields, both flavours.

The one documented difference in messages (packages/validation/README.md, "Differences from
upstream": "Messages leave out the invalid value") is asserted precisely; every other field of
the error is compared as is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from powertools_testing.events import load_event
from tools.compat.harness import FLAVOURS, Flavour, SimpleLambdaContext

ERROR_FIELDS = ("validation_message", "name", "path", "value", "definition", "rule", "rule_definition")

ORDER_SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["id", "total", "items"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": "^o-[0-9]+$"},
        "total": {"type": "number", "minimum": 0, "maximum": 1000},
        "status": {"enum": ["new", "paid"]},
        "email": {"type": "string", "format": "email"},
        "items": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string", "minLength": 2}}},
        },
        "when": {"type": "string", "format": "date-time"},
        "choice": {"oneOf": [{"type": "integer"}, {"type": "string"}]},
    },
}
VALID_ORDER: dict[str, Any] = {"id": "o-1", "total": 10.5, "items": [{"sku": "ab"}], "status": "new"}

INVALID_ORDERS: dict[str, dict[str, Any]] = {
    "not_an_object": [],  # type: ignore[dict-item]
    "missing_required": {"id": "o-1", "items": [{"sku": "ab"}]},
    "wrong_type": {**VALID_ORDER, "total": "ten"},
    "above_maximum": {**VALID_ORDER, "total": 1001},
    "below_minimum": {**VALID_ORDER, "total": -1},
    "pattern": {**VALID_ORDER, "id": "x-1"},
    "enum": {**VALID_ORDER, "status": "lost"},
    "additional_property": {**VALID_ORDER, "extra": True},
    "min_items": {**VALID_ORDER, "items": []},
    "nested_required": {**VALID_ORDER, "items": [{"sku": "ab"}, {}]},
    "nested_min_length": {**VALID_ORDER, "items": [{"sku": "ab"}, {"sku": "a"}]},
    "format_email": {**VALID_ORDER, "email": "not-an-email"},
    "format_date_time": {**VALID_ORDER, "when": "yesterday"},
    "one_of": {**VALID_ORDER, "choice": 1.5},
}


def outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    """("ok", result) or ("error", the exception)."""
    try:
        return "ok", call()
    except Exception as exc:
        return "error", exc


def both(scenario: Callable[[Flavour], Any]) -> dict[str, tuple[str, Any]]:
    return {flavour.name: outcome(lambda flavour=flavour: scenario(flavour)) for flavour in FLAVOURS}


def error_fields(exc: BaseException) -> dict[str, Any]:
    return {"class": type(exc).__name__, **{field: getattr(exc, field, "<absent>") for field in ERROR_FIELDS}}


def assert_same_failure(results: dict[str, tuple[str, Any]]) -> None:
    (up_kind, up_error), (our_kind, our_error) = results["upstream"], results["ours"]
    assert up_kind == our_kind == "error", results
    assert error_fields(our_error) == error_fields(up_error)
    # Documented: packages/validation/README.md, "Differences from upstream" — "Messages leave out
    # the invalid value": ours is upstream's message without its trailing ", Data: <value>".
    upstream_message = str(up_error)
    assert ", Data: " in upstream_message
    assert str(our_error) == upstream_message.rsplit(", Data: ", 1)[0]
    assert our_error.message == str(our_error)


def test_valid_event_returns_the_same() -> None:
    results = both(lambda pt: pt.validation.validate(event=dict(VALID_ORDER), schema=ORDER_SCHEMA))
    assert results["ours"] == results["upstream"]


@pytest.mark.parametrize("case", INVALID_ORDERS)
def test_schema_validation_error_fields(case: str) -> None:
    payload = INVALID_ORDERS[case]
    assert_same_failure(both(lambda pt: pt.validation.validate(event=payload, schema=ORDER_SCHEMA)))


def test_custom_formats() -> None:
    schema = {
        "type": "object",
        "properties": {"code": {"type": "string", "format": "code"}, "n": {"type": "string", "format": "even"}},
    }
    formats: dict[str, Any] = {"code": r"^[A-Z]{3}$", "even": lambda value: int(value) % 2 == 0}
    good = both(lambda pt: pt.validation.validate(event={"code": "ABC", "n": "4"}, schema=schema, formats=formats))
    assert good["ours"] == good["upstream"] == ("ok", {"code": "ABC", "n": "4"})
    assert_same_failure(both(lambda pt: pt.validation.validate(event={"code": "abc"}, schema=schema, formats=formats)))
    assert_same_failure(both(lambda pt: pt.validation.validate(event={"n": "3"}, schema=schema, formats=formats)))


# --- envelopes on the shared sample events ----------------------------------------------

ANY_OBJECT: dict[str, Any] = {"type": ["object", "array", "string", "number", "boolean", "null"]}
ENVELOPE_EVENTS: dict[str, str] = {
    "API_GATEWAY_REST": "apigw_rest_post_json",
    "API_GATEWAY_HTTP": "apigw_http_iam",  # a POST with a body
    "SQS": "sqs",
    "SNS": "sns",
    "EVENTBRIDGE": "eventbridge",
    "CLOUDWATCH_EVENTS_SCHEDULED": "eventbridge_scheduled",
    "KINESIS_DATA_STREAM": "kinesis_stream",
    "CLOUDWATCH_LOGS": "cloudwatch_logs",
}


@pytest.mark.parametrize("constant", ENVELOPE_EVENTS)
def test_envelope_constants_equal(constant: str) -> None:
    values = {flavour.name: getattr(flavour.validation_envelopes, constant) for flavour in FLAVOURS}
    assert values["ours"] == values["upstream"]


@pytest.mark.parametrize("constant", ENVELOPE_EVENTS)
def test_envelope_results_equal(constant: str) -> None:
    event_name = ENVELOPE_EVENTS[constant]

    def scenario(pt: Flavour) -> Any:
        envelope = getattr(pt.validation_envelopes, constant)
        return pt.validation.validate(event=load_event(event_name), schema=ANY_OBJECT, envelope=envelope)

    results = both(scenario)
    assert results["ours"] == results["upstream"]
    assert results["upstream"][0] == "ok", results["upstream"]


@pytest.mark.parametrize("constant", ENVELOPE_EVENTS)
def test_envelope_failures_equal(constant: str) -> None:
    event_name = ENVELOPE_EVENTS[constant]
    impossible = {"type": "integer"}  # no payload of a sample event is an integer

    def scenario(pt: Flavour) -> Any:
        envelope = getattr(pt.validation_envelopes, constant)
        return pt.validation.validate(event=load_event(event_name), schema=impossible, envelope=envelope)

    assert_same_failure(both(scenario))


def _assert_documented_envelope_error(results: dict[str, tuple[str, Any]], envelope: str) -> None:
    """Documented: packages/validation/README.md, "Differences from upstream" — "Envelope failures
    raise `InvalidEnvelopeExpressionError` naming the envelope": where upstream lets jmespath's
    ``JMESPathError`` (or ``json.JSONDecodeError``) escape, ours raises
    ``powertools.common.exceptions.InvalidEnvelopeExpressionError`` with the envelope on
    ``.expression``; ``except ValueError`` catches both."""
    import json

    import jmespath.exceptions

    from powertools.common.exceptions import InvalidEnvelopeExpressionError

    (up_kind, up_error), (our_kind, our_error) = results["upstream"], results["ours"]
    assert up_kind == our_kind == "error"
    assert isinstance(up_error, (jmespath.exceptions.JMESPathError, json.JSONDecodeError))
    assert type(our_error) is InvalidEnvelopeExpressionError
    assert our_error.expression == envelope
    if isinstance(up_error, json.JSONDecodeError):  # ours says which function failed, then json's reason
        assert our_error.reason.startswith("powertools_json: value is not valid JSON")
        assert up_error.msg in our_error.reason
    else:
        assert our_error.reason == str(up_error)
    assert str(our_error) == f"Invalid JMESPath envelope expression {envelope!r}: {our_error.reason}"
    assert isinstance(up_error, ValueError)
    assert isinstance(our_error, ValueError)
    assert not isinstance(our_error, (jmespath.exceptions.JMESPathError, json.JSONDecodeError))


def test_invalid_envelope_expression() -> None:
    results = both(lambda pt: pt.validation.validate(event={"a": 1}, schema=ANY_OBJECT, envelope="a[?"))
    _assert_documented_envelope_error(results, "a[?")


def test_invalid_envelope_expression_in_the_decorator() -> None:
    def scenario(pt: Flavour) -> Any:
        @pt.validation.validator(inbound_schema=ANY_OBJECT, envelope="a[?")
        def handler(event: Any, context: Any) -> Any:
            return event

        return handler({"a": 1}, SimpleLambdaContext())

    _assert_documented_envelope_error(both(scenario), "a[?")


def test_envelope_on_a_body_that_is_not_json() -> None:
    event = {**load_event("apigw_rest_post_json"), "body": "order=o-1"}
    results = both(lambda pt: pt.validation.validate(event=event, schema=ANY_OBJECT, envelope="powertools_json(body)"))
    _assert_documented_envelope_error(results, "powertools_json(body)")


def test_envelope_on_an_event_without_body() -> None:
    def scenario(pt: Flavour) -> Any:
        envelope = pt.validation_envelopes.API_GATEWAY_HTTP
        return pt.validation.validate(event=load_event("apigw_http"), schema=ANY_OBJECT, envelope=envelope)

    _assert_documented_envelope_error(both(scenario), "powertools_json(body)")


def test_invalid_schema_error_type() -> None:
    """Only the class is compared: README documents "a short reason" instead of upstream's message."""
    results = both(lambda pt: pt.validation.validate(event={}, schema={"type": "no-such-type"}))
    names = {name: type(result[1]).__name__ for name, result in results.items()}
    assert names["ours"] == names["upstream"] == "InvalidSchemaFormatError"


# --- the decorator -------------------------------------------------------------------------


def decorated(pt: Flavour, event: Any, *, outbound: dict[str, Any] | None = None, envelope: str = "") -> Any:
    @pt.validation.validator(inbound_schema=ORDER_SCHEMA, outbound_schema=outbound, envelope=envelope)
    def handler(evt: Any, context: Any) -> Any:
        return {"received": evt}

    return handler(event, SimpleLambdaContext())


def test_decorator_valid() -> None:
    results = both(lambda pt: decorated(pt, dict(VALID_ORDER)))
    assert results["ours"] == results["upstream"]


def test_decorator_inbound_failure() -> None:
    assert_same_failure(both(lambda pt: decorated(pt, INVALID_ORDERS["above_maximum"])))


def test_decorator_outbound_failure() -> None:
    outbound = {"type": "object", "required": ["missing"]}
    assert_same_failure(both(lambda pt: decorated(pt, dict(VALID_ORDER), outbound=outbound)))


def test_decorator_envelope() -> None:
    event = {"detail": dict(VALID_ORDER), "source": "compat"}
    results = both(lambda pt: decorated(pt, event, envelope="detail"))
    assert results["ours"] == results["upstream"]


# --- SchemaValidationMiddleware: upstream's event_handler.middlewares.schema_validation --------

_ORDER = {"type": "object", "required": ["sku"], "properties": {"quantity": {"type": "integer", "minimum": 1}}}


def _middleware_response(pt: Flavour, body: Any) -> dict[str, Any]:
    if pt.upstream:
        from aws_lambda_powertools.event_handler.middlewares.schema_validation import SchemaValidationMiddleware
    else:
        from powertools.validation.middleware import SchemaValidationMiddleware
    app = pt.event_handler.APIGatewayRestResolver()

    @app.post("/orders", middlewares=[SchemaValidationMiddleware(inbound_schema=_ORDER)])
    def create() -> dict[str, str]:
        return {"id": "o-1"}

    response = app.resolve({"httpMethod": "POST", "path": "/orders", "headers": {}, "body": json.dumps(body)}, {})
    return {"status": response["statusCode"], "body": json.loads(response["body"])}


@pytest.mark.parametrize(
    "body", [{"sku": "KB", "quantity": 2}, {"quantity": 2}, {"sku": "KB", "quantity": 0}], ids=["ok", "missing", "bad"]
)
def test_schema_validation_middleware_answers_as_upstream(body: dict[str, Any]) -> None:
    results = {pt.name: _middleware_response(pt, body) for pt in FLAVOURS}
    # Documented (packages/validation/README.md): messages leave out upstream's ", Data: <value>".
    upstream = results["upstream"]
    if "message" in upstream["body"]:
        upstream["body"]["message"] = upstream["body"]["message"].split(", Data: ")[0]
    assert results["ours"] == upstream
