"""Data classes: every public property of every class, on its sample event, both flavours.

Properties are found on the UPSTREAM class with ``inspect`` and read on both wrappers;
values are compared recursively (wrappers by ``raw_event`` and then their own properties,
sequences element by element). packages/data-classes/README.md "Differences from upstream"
documents "No KeyError for absent fields" (ours reads None / an empty wrapper / an empty
list) and typed errors; those are accepted precisely, everything else must be equal.
"""

from __future__ import annotations

import base64
import binascii
import enum
import importlib
import inspect
import pkgutil
import types
from collections.abc import Iterator
from functools import cache, cached_property
from typing import Any

import pytest

from powertools_testing.events import DATA_CLASS_OF_EVENT, load_event
from tools.compat.harness import OURS, UPSTREAM, Flavour

EVENTS: dict[str, str] = DATA_CLASS_OF_EVENT
MAX_DEPTH = 8
MAX_ITEMS = 50  # elements compared per sequence


@cache
def find_class(flavour: Flavour, name: str) -> type:
    """The class from the package root, else from the (same-named) submodule defining it."""
    root = flavour.data_classes
    if hasattr(root, name):
        return getattr(root, name)  # type: ignore[no-any-return]
    for info in pkgutil.walk_packages(root.__path__, f"{root.__name__}."):
        module = importlib.import_module(info.name)
        if isinstance(getattr(module, name, None), type):
            return getattr(module, name)  # type: ignore[no-any-return]
    raise LookupError(f"{flavour.name} has no data class {name}")


def public_properties(cls: type) -> list[str]:
    return sorted(
        name
        for name, member in inspect.getmembers(cls)
        if not name.startswith("_") and isinstance(member, property | cached_property)
    )


def read(obj: Any, name: str) -> tuple[str, Any]:
    """("ok", value) or ("error", exc); generators are drained here, where their errors surface."""
    try:
        value = getattr(obj, name)
        if isinstance(value, Iterator | types.GeneratorType):
            value = list(value)[:MAX_ITEMS]
        return "ok", value
    except Exception as exc:
        return "error", exc


def is_wrapper(value: Any) -> bool:
    return hasattr(value, "raw_event") and hasattr(type(value), "raw_event")


def is_documented_absent(upstream: tuple[str, Any], ours: tuple[str, Any]) -> bool:
    """README: "No KeyError for absent fields ... every field reads as None (nested objects as
    an empty wrapper, lists as empty)"."""
    if upstream[0] != "error" or not isinstance(upstream[1], KeyError | TypeError) or ours[0] != "ok":
        return False
    value = ours[1]
    return value is None or value == [] or value == {} or (is_wrapper(value) and not value.raw_event)


# README: "Malformed input raises `InvalidEventError` naming the field (upstream lets
# `binascii.Error`, `json.JSONDecodeError`, `zlib.error` or `TypeError` escape)".
DOCUMENTED_UPSTREAM_ERRORS = ("Error", "JSONDecodeError", "error", "TypeError")


def is_invalid_event_error(exc: BaseException) -> bool:
    return any(cls.__name__ == "InvalidEventError" for cls in type(exc).__mro__)


def is_documented_typed_error(upstream: BaseException, ours: BaseException) -> bool:
    if type(ours).__name__ == "InvalidEventError" and type(upstream).__name__ in DOCUMENTED_UPSTREAM_ERRORS:
        return True
    # README "Typed errors": malformed JSON raises `InvalidJsonError`, an `InvalidEventError`
    # that is also the `json.JSONDecodeError` upstream raises (so `except` clauses keep working).
    if is_invalid_event_error(ours) and isinstance(ours, type(upstream)):
        return True
    # README "Typed errors": bytes that are not UTF-8 raise `InvalidTextError`, an
    # `InvalidEventError` that is also the builtin `UnicodeDecodeError` upstream raises.
    return (
        isinstance(upstream, UnicodeDecodeError)
        and isinstance(ours, UnicodeDecodeError)
        and (is_invalid_event_error(ours))
    )


# README: "SNS URL spellings. `signing_cert_url` / `unsubscribe_url` read both `…Url` (Lambda)
# and `…URL` (SQS delivery) spellings": upstream's KeyError there is documented.
DOCUMENTED_SNS_URLS = (".decoded_nested_sns_event.signing_cert_url", ".decoded_nested_sns_event.unsubscribe_url")


def is_documented_activemq_correlation_id(upstream: Any, ours: Any, path: str, raw: Any) -> bool:
    """README: "ActiveMQ `correlation_id` reads `correlationId`": upstream reads `correlationID`,
    a key Amazon MQ does not send, so it gives None where ours gives the event's value."""
    return (
        path.endswith(".correlation_id")
        and upstream is None
        and isinstance(raw, dict)
        and raw.get("correlationId") is not None
        and ours == raw["correlationId"]
    )


def is_documented_dynamodb_binary(upstream: Any, ours: Any, path: str) -> bool:
    """README: "DynamoDB binary values are decoded. `B` and `BS` attributes read as `bytes`
    decoded from the event's base64; upstream hands back the base64 text"."""
    if ".dynamodb." not in path:
        return False
    try:
        if isinstance(upstream, str) and isinstance(ours, bytes):
            return base64.b64decode(upstream) == ours
        if isinstance(upstream, set) and isinstance(ours, set) and all(isinstance(v, str) for v in upstream):
            return {base64.b64decode(v) for v in upstream} == ours
    except binascii.Error:  # a string set (SS), not base64: compared as plain values below
        return False
    return False


def compare(upstream: Any, ours: Any, path: str, out: list[str], depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        return
    if is_wrapper(upstream):
        if not is_wrapper(ours):
            out.append(f"{path}: upstream {type(upstream).__name__} wrapper, ours {type(ours).__name__} {ours!r:.80}")
            return
        if upstream.raw_event != ours.raw_event:
            out.append(f"{path}.raw_event: upstream {upstream.raw_event!r:.120} != ours {ours.raw_event!r:.120}")
            return
        for name in public_properties(type(upstream)):
            up, our = read(upstream, name), read(ours, name)
            where = f"{path}.{name}"
            if up[0] == our[0] == "ok":
                if is_documented_activemq_correlation_id(up[1], our[1], where, upstream.raw_event):
                    continue
                compare(up[1], our[1], where, out, depth + 1)
            elif up[0] == our[0] == "error":
                if type(up[1]).__name__ != type(our[1]).__name__ and not is_documented_typed_error(up[1], our[1]):
                    out.append(f"{where}: upstream raises {type(up[1]).__name__}, ours {type(our[1]).__name__}")
            elif not is_documented_absent(up, our) and not (
                where.endswith(DOCUMENTED_SNS_URLS) and up[0] == "error" and isinstance(up[1], KeyError)
            ):
                out.append(f"{where}: upstream {describe(up)} / ours {describe(our)}")
        return
    if isinstance(upstream, list | tuple) and isinstance(ours, list | tuple):
        if len(upstream) != len(ours):
            out.append(f"{path}: {len(upstream)} items upstream, {len(ours)} ours: {upstream!r:.100} / {ours!r:.100}")
            return
        for index, (a, b) in enumerate(zip(upstream[:MAX_ITEMS], ours[:MAX_ITEMS], strict=True)):
            compare(a, b, f"{path}[{index}]", out, depth + 1)
        return
    if isinstance(upstream, dict) and isinstance(ours, dict):
        if list(upstream) != list(ours):
            out.append(f"{path}: keys upstream {list(upstream)!r:.150} != ours {list(ours)!r:.150}")
            return
        for key in upstream:
            compare(upstream[key], ours[key], f"{path}[{key!r}]", out, depth + 1)
        return
    if isinstance(upstream, enum.Enum) and isinstance(ours, enum.Enum):
        # Each flavour has its own enum class: equal means same class name, member and value.
        if (type(upstream).__name__, upstream.name, upstream.value) != (type(ours).__name__, ours.name, ours.value):
            out.append(f"{path}: upstream {upstream!r} != ours {ours!r}")
        return
    if type(upstream).__module__.startswith("aws_lambda_powertools") and hasattr(upstream, "__dict__"):
        # A plain helper object (e.g. APIGatewayRouteArn): compare its public attributes.
        if type(ours).__name__ != type(upstream).__name__:
            out.append(f"{path}: upstream {type(upstream).__name__} != ours {type(ours).__name__}")
            return
        for name in [n for n in vars(upstream) if not n.startswith("_")]:
            compare(getattr(upstream, name), getattr(ours, name, "<absent>"), f"{path}.{name}", out, depth + 1)
        return
    if is_documented_dynamodb_binary(upstream, ours, path):
        return
    if upstream != ours or type(upstream) is not type(ours):
        out.append(f"{path}: upstream {upstream!r:.150} != ours {ours!r:.150}")


def describe(result: tuple[str, Any]) -> str:
    kind, value = result
    return f"raises {type(value).__name__}({value})" if kind == "error" else f"returns {value!r:.100}"


@pytest.mark.parametrize("event_name", sorted(EVENTS))
def test_every_property_equal(event_name: str) -> None:
    class_name = EVENTS[event_name]
    upstream = find_class(UPSTREAM, class_name)(load_event(event_name))
    ours = find_class(OURS, class_name)(load_event(event_name))
    differences: list[str] = []
    compare(upstream, ours, class_name, differences)
    assert differences == []


# --- issue 13: behaviours a user relies on, side by side ----------------------------------------

FLAVOURS_BOTH = [UPSTREAM, OURS]


def _cls(flavour: Flavour, name: str) -> Any:
    return find_class(flavour, name)


def _drain(next_item: Any) -> tuple[list[Any], bool]:
    """Values handed out by repeated reads of an advancing property, and whether StopIteration ended them."""
    seen = []
    try:
        for _ in range(10):
            seen.append(next_item())
    except StopIteration:
        return seen, True
    return seen, False


@pytest.mark.parametrize("flavour", FLAVOURS_BOTH, ids=str)
def test_activemq_message_and_kafka_record_advance_then_stop(flavour: Flavour) -> None:
    mq = _cls(flavour, "ActiveMQEvent")(load_event("activemq"))
    messages, stopped = _drain(lambda: mq.message.message_id)
    assert stopped
    assert messages == [m["messageID"] for m in load_event("activemq")["messages"]]
    kafka = _cls(flavour, "KafkaEvent")(load_event("kafka_msk"))
    offsets, stopped = _drain(lambda: kafka.record.offset)
    raw = load_event("kafka_msk")["records"]
    assert stopped
    assert offsets == [r["offset"] for batch in raw.values() for r in batch]


def test_advancing_properties_equal() -> None:
    results = {}
    for flavour in FLAVOURS_BOTH:
        mq = _cls(flavour, "ActiveMQEvent")(load_event("activemq"))
        kafka = _cls(flavour, "KafkaEvent")(load_event("kafka_self_managed"))
        results[flavour.name] = (_drain(lambda mq=mq: mq.message.raw_event), _drain(lambda k=kafka: k.record.raw_event))
    assert results["ours"] == results["upstream"]


def test_cloudwatch_logs_extracted_fields_empty_when_absent() -> None:
    values = [
        [
            e.extracted_fields
            for e in _cls(f, "CloudWatchLogsEvent")(load_event("cloudwatch_logs")).parse_logs_data().log_events
        ]
        for f in FLAVOURS_BOTH
    ]
    assert values[0] == values[1] == [{}] * len(values[0])


def test_cognito_v2_token_generation_assignments_reach_the_response() -> None:
    responses = []
    for flavour in FLAVOURS_BOTH:
        event = _cls(flavour, "PreTokenGenerationV2TriggerEvent")(load_event("cognito_pre_token_generation_v2"))
        details = event.response.claims_scope_override_details
        details.id_token_generation = {"claimsToAddOrOverride": {"tier": "gold"}, "claimsToSuppress": ["email"]}
        details.access_token_generation = {"scopesToAdd": ["orders/read"]}
        responses.append(event.raw_event["response"])
    assert responses[0] == responses[1]
    assert responses[1]["claimsAndScopeOverrideDetails"]["idTokenGeneration"]["claimsToAddOrOverride"] == {
        "tier": "gold"
    }


@pytest.mark.parametrize(
    "number", ["1" + "0" * 45, "1" + "0" * 120, "-25" + "0" * 50, "12345678901234567890123456789012345678"]
)
def test_dynamodb_numbers_with_trailing_zeros(number: str) -> None:
    values = []
    for flavour in FLAVOURS_BOTH:
        event = _cls(flavour, "DynamoDBStreamEvent")(
            {"Records": [{"eventName": "INSERT", "dynamodb": {"NewImage": {"n": {"N": number}}}}]}
        )
        values.append(next(event.records).dynamodb.new_image["n"])
    assert values[0] == values[1]
    assert str(values[0]) == str(values[1])


SECRET_EVENT = {
    "httpMethod": "POST",
    "path": "/login",
    "headers": {"Authorization": "Bearer s3cr3t-t0ken"},
    "body": '{"password": "hunter2"}',
    "requestContext": {"requestId": "r-1", "identity": {"sourceIp": "203.0.113.9", "apiKey": "key-123"}},
}


def test_repr_never_shows_the_event() -> None:
    for flavour in FLAVOURS_BOTH:
        text = repr(_cls(flavour, "APIGatewayProxyEvent")(SECRET_EVENT))
        assert text.startswith("<"), text
        assert " object at 0x" in text, text
        assert "s3cr3t" not in text
        assert "hunter2" not in text


@pytest.mark.parametrize(
    ("event_name", "class_name"),
    [("sqs", "SQSEvent"), ("apigw_rest", "APIGatewayProxyEvent"), ("codepipeline_job", "CodePipelineJobEvent")],
)
def test_str_lists_properties_and_hides_the_raw_event(event_name: str, class_name: str) -> None:
    for flavour in FLAVOURS_BOTH:
        text = str(_cls(flavour, class_name)(load_event(event_name)))
        assert text.startswith("{"), (flavour, text[:200])
        assert "'raw_event': '[SENSITIVE]'" in text, (flavour, text[:200])


@pytest.mark.parametrize(
    ("event_name", "class_name", "part"),
    [
        ("sqs_fifo", "SQSEvent", lambda e: next(e.records).attributes),
        ("apigw_rest", "APIGatewayProxyEvent", lambda e: e.request_context.identity),
        ("eventbridge", "EventBridgeEvent", lambda e: e),
    ],
)
def test_str_equal_where_every_property_is_present(event_name: str, class_name: str, part: Any) -> None:
    # Where the event carries every field, str() is the same text in both flavours. (Where it
    # doesn't, upstream prints "[Cannot be deserialized]" for its KeyErrors and ours the
    # documented None/empty value: README "No KeyError for absent fields".)
    texts = [str(part(_cls(f, class_name)(load_event(event_name)))) for f in FLAVOURS_BOTH]
    assert texts[0] == texts[1]


def test_codepipeline_credentials_are_sensitive_in_str() -> None:
    for flavour in FLAVOURS_BOTH:
        credentials = _cls(flavour, "CodePipelineJobEvent")(load_event("codepipeline_job")).data.artifact_credentials
        text = str(credentials)
        assert "'secret_access_key': '[SENSITIVE]'" in text
        assert "'session_token': '[SENSITIVE]'" in text


def test_bad_json_is_a_json_decode_error_in_both() -> None:
    import json as _json

    for flavour in FLAVOURS_BOTH:
        record = next(_cls(flavour, "SQSEvent")({"Records": [{"body": "{oops"}]}).records)
        with pytest.raises(_json.JSONDecodeError) as caught:
            _ = record.json_body
        assert (caught.value.msg, caught.value.pos) == ("Expecting property name enclosed in double quotes", 1)


def test_authorizer_response_error_messages_equal() -> None:
    messages = []
    for flavour in FLAVOURS_BOTH:
        response = _cls(flavour, "APIGatewayAuthorizerResponse")(
            principal_id="u", region="us-east-1", aws_account_id="123456789012", api_id="api", stage="dev"
        )
        found = []
        for action in (
            lambda r=response: r.asdict(),
            lambda r=response: r.allow_route("FETCH", "/todos"),
            lambda r=response: r.allow_route("GET", "/todos?x=1"),
        ):
            with pytest.raises(ValueError) as caught:
                action()
            found.append(str(caught.value))
        messages.append(found)
    assert messages[0] == messages[1]


# README "Bounded inputs" / "Typed errors" (beyond upstream, which has these holes too): deeply
# nested JSON raises InvalidEventError where upstream lets RecursionError escape, and Kafka header
# values that are not byte lists raise InvalidEventError where upstream raises TypeError.
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("class_name", "event", "read"),
    [
        ("SQSEvent", {"Records": [{"body": DEEP}]}, lambda e: next(e.records).json_body),
        ("APIGatewayProxyEvent", {"httpMethod": "POST", "path": "/", "body": DEEP}, lambda e: e.json_body),
        (
            "KinesisStreamEvent",
            {"Records": [{"kinesis": {"data": base64.b64encode(DEEP.encode()).decode()}}]},
            lambda e: next(e.records).kinesis.data_as_json(),
        ),
        (
            "KafkaEvent",
            {"records": {"t-0": [{"value": base64.b64encode(DEEP.encode()).decode()}]}},
            lambda e: e.record.json_value,
        ),
        ("SQSEvent", {"Records": [{"body": DEEP}]}, lambda e: next(e.records).decoded_nested_s3_event),
    ],
)
def test_deep_json_is_a_typed_error_here(class_name: str, event: dict[str, Any], read: Any) -> None:
    with pytest.raises(RecursionError):
        read(_cls(UPSTREAM, class_name)(event))
    with pytest.raises(ValueError) as caught:
        read(_cls(OURS, class_name)(event))
    assert is_invalid_event_error(caught.value)
    assert "nested too deeply" in str(caught.value)


def test_kafka_header_that_is_not_bytes() -> None:
    event = {"records": {"t-0": [{"value": "", "headers": [{"retries": 5}]}]}}
    with pytest.raises(TypeError):
        _ = _cls(UPSTREAM, "KafkaEvent")(event).record.decoded_headers
    with pytest.raises(ValueError, match=r"headers\.retries must be a list of byte values") as caught:
        _ = _cls(OURS, "KafkaEvent")(event).record.decoded_headers
    assert is_invalid_event_error(caught.value)
    signed = {"records": {"t-0": [{"value": "", "headers": [{"h": [-1, 65, 127]}]}]}}
    assert [_cls(f, "KafkaEvent")(signed).record.decoded_headers["h"] for f in FLAVOURS_BOTH] == [b"\xffA\x7f"] * 2
