"""Bounds: hostile sizes and depths are answered quickly and with typed errors.

- Routing: 100 kB paths built to make a backtracking matcher explode, against routes mixing
  parameters and literals in one segment (``/items/<a>-<b>-<c>``) and regex catch-alls, on
  every HTTP resolver: each resolves in well under 0.5 s (the slowest is in the row).
- Feature flags: rules with the string and membership actions (there is no regex action:
  STARTSWITH, ENDSWITH, IN/NOT_IN, KEY_IN_VALUE, VALUE_IN_KEY, ...) on 100 kB context values.
- Depth: JSON bodies nested 100,000 levels deep through ``json_body`` of every HTTP data class
  (``InvalidEventError``), every HTTP resolver (a 400; with ``enable_validation`` the 422
  ``json_invalid`` upstream answers for any unparsable body) and ``validate``
  (``SchemaValidationError``): never a RecursionError, never a 500.

The 0.5 s bound is generous on purpose (a busy 2-core machine); the measured times are recorded.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel

from powertools.common.exceptions import InvalidEventError
from powertools.common.typing import LocalLambdaContext
from powertools.data_classes import (
    ALBEvent,
    APIGatewayProxyEvent,
    APIGatewayProxyEventV2,
    LambdaFunctionUrlEvent,
    VPCLatticeEvent,
    VPCLatticeEventV2,
)
from powertools.feature_flags import FeatureFlags
from powertools.validation import SchemaValidationError, envelopes, validate
from powertools_testing.events import load_event
from tools.reliability.ledger import LEDGER
from tools.reliability.targets import MemoryStore, http_resolvers

BOUND = 0.5  # seconds
SIZE = 100_000
DEEP = 100_000


def _timed(call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


# --- routing ----------------------------------------------------------------------------------

RESOLVERS = http_resolvers()  # class, sample, where its events keep the method and the path
HOSTILE_PATHS: dict[str, str] = {
    "mixed segment, no split matches": "/items/" + "-" * SIZE + "#",
    "mixed segment, many splits": "/items/" + "a-" * (SIZE // 2),
    "dotted segment": "/files/" + "." * SIZE + "#",
    "literal-wrapped params": "/x" + "y" * SIZE,
    "mixed then literal": "/v/" + "-" * SIZE + "/tail/x",
    "100,000 slashes": "/" * SIZE,
    "50,000 segments": "/a" * (SIZE // 2),
    "catch-all, deep": "/static/" + "a/" * (SIZE // 2),
    "catch-all, encoded dots": "/static/" + "%2e" * (SIZE // 3),
    "catch-all, no match": "/static" + "-" * SIZE,
}


def _routed_app(resolver: type[Any]) -> Any:
    app = resolver()

    @app.get("/items/<a>-<b>-<c>")
    def items(a: str, b: str, c: str) -> dict[str, int]:
        return {"a": len(a), "b": len(b), "c": len(c)}

    @app.get("/files/<name>.<ext>")
    def files(name: str, ext: str) -> dict[str, int]:
        return {"name": len(name)}

    @app.get("/x<a>y<b>z")
    def wrapped(a: str, b: str) -> dict[str, int]:
        return {"a": len(a)}

    @app.get("/v/<a>-<b>/tail/<c>")
    def tail(a: str, b: str, c: str) -> dict[str, int]:
        return {"a": len(a)}

    @app.get("/static/.+")
    def static() -> dict[str, str]:
        return {"static": "yes"}

    @app.get("/proxy/(.*)/end")
    def proxy() -> dict[str, str]:
        return {"proxy": "yes"}

    return app


def _event(sample: str, where: tuple[str, str], method: str, path: str) -> dict[str, Any]:
    event = load_event(sample)
    for dotted, value in zip(where, (method, path), strict=True):
        *parents, last = dotted.split(".")
        node = event
        for key in parents:
            node = node[key]
        node[last] = value
    return event


@pytest.mark.parametrize("name", sorted(RESOLVERS))
def test_hostile_paths_resolve_in_milliseconds(name: str) -> None:
    resolver, sample, where = RESOLVERS[name]
    app = _routed_app(resolver)
    slowest = 0.0
    for label, path in sorted(HOSTILE_PATHS.items()):
        event = _event(sample, where, "GET", path)
        response, seconds = _timed(lambda: app.resolve(event, LocalLambdaContext()))  # noqa: B023
        assert isinstance(response["statusCode"], int), label
        assert seconds < BOUND, (label, seconds)
        slowest = max(slowest, seconds)
    # A sanity check that the routes do match what they should.
    ok = app.resolve(_event(sample, where, "GET", "/items/1-2-3"), LocalLambdaContext())
    assert ok["statusCode"] == 200
    LEDGER.case(
        "bounds",
        f"100 kB hostile paths vs mixed-segment and regex routes: {name}",
        f"each resolves < {BOUND} s (slowest: {slowest * 1000:.1f} ms)",
        len(HOSTILE_PATHS) + 1,
    )


# --- feature flags ------------------------------------------------------------------------------


STRING_ACTIONS = [
    ("EQUALS", "a" * 1000),
    ("NOT_EQUALS", "a" * 1000),
    ("STARTSWITH", "a" * 5000 + "b"),
    ("ENDSWITH", "b" + "a" * 5000),
    ("VALUE_IN_KEY", "a" * 5000 + "b"),
    ("VALUE_NOT_IN_KEY", "ab" * 2500 + "c"),
    ("KEY_IN_VALUE", ["a" * 1000, "b"]),
    ("KEY_NOT_IN_VALUE", ["a" * 1000]),
    ("IN", "a" * 5000 + "b"),
    ("NOT_IN", "a" * 5000 + "b"),
    ("KEY_GREATER_THAN_VALUE", "a" * 5000),
    ("KEY_LESS_THAN_OR_EQUAL_VALUE", "a" * 5000),
    ("ANY_IN_VALUE", ["a" * 1000, "b"]),
    ("ALL_IN_VALUE", ["a"]),
    ("NONE_IN_VALUE", ["b"]),
    ("MODULO_RANGE", {"BASE": 7, "START": 0, "END": 3}),
]
HOSTILE_CONTEXT_VALUES: dict[str, Any] = {
    "100 kB of one letter": "a" * SIZE,
    "100 kB almost matching": "a" * (SIZE - 1) + "b",
    "100 kB alternating": "ab" * (SIZE // 2),
    "100,000-item list": ["a"] * SIZE,
    "100,000-digit integer": 10 ** (SIZE - 1),
    "100 kB of regex syntax": "(a+)+$" * (SIZE // 6),
}


@pytest.mark.filterwarnings("ignore::powertools.common.warnings.PowertoolsUserWarning")  # wrong-typed values
def test_feature_flag_string_actions_on_hostile_context_values() -> None:
    document = {
        f"flag_{index}": {
            "default": False,
            "rules": {"rule": {"when_match": True, "conditions": [{"action": action, "key": "v", "value": value}]}},
        }
        for index, (action, value) in enumerate(STRING_ACTIONS)
    }
    flags = FeatureFlags(store=MemoryStore(document))
    slowest = 0.0
    for label, value in HOSTILE_CONTEXT_VALUES.items():
        context = {"v": value}
        enabled, seconds = _timed(lambda: flags.get_enabled_features(context=context))  # noqa: B023
        assert isinstance(enabled, list), label
        for index in range(len(STRING_ACTIONS)):
            flag = f"flag_{index}"
            answer, one = _timed(lambda: flags.evaluate(name=flag, context=context, default=False))  # noqa: B023
            assert isinstance(answer, bool)
            seconds = max(seconds, one)
        assert seconds < BOUND, (label, seconds)
        slowest = max(slowest, seconds)
    LEDGER.case(
        "bounds",
        f"feature-flags: {len(STRING_ACTIONS)} string/membership actions on 100 kB context values",
        f"each evaluation < {BOUND} s, a bool answer (slowest: {slowest * 1000:.1f} ms)",
        len(HOSTILE_CONTEXT_VALUES) * (len(STRING_ACTIONS) + 1),
    )


# --- depth ----------------------------------------------------------------------------------------

DEEP_BODIES = {
    "arrays": "[" * DEEP + "]" * DEEP,
    "objects": '{"a":' * DEEP + "1" + "}" * DEEP,
}
DEPTH_CLAIM = (
    "InvalidEventError (json_body); 400, or 422 json_invalid with enable_validation (resolvers); "
    "SchemaValidationError (validate); no RecursionError, no 500"
)

HTTP_DATA_CLASSES: dict[str, tuple[type[Any], str, str]] = {
    "APIGatewayProxyEvent": (APIGatewayProxyEvent, "apigw_rest_post_json", "isBase64Encoded"),
    "APIGatewayProxyEventV2": (APIGatewayProxyEventV2, "apigw_http", "isBase64Encoded"),
    "ALBEvent": (ALBEvent, "alb", "isBase64Encoded"),
    "LambdaFunctionUrlEvent": (LambdaFunctionUrlEvent, "function_url", "isBase64Encoded"),
    "VPCLatticeEvent": (VPCLatticeEvent, "vpc_lattice_v1", "is_base64_encoded"),
    "VPCLatticeEventV2": (VPCLatticeEventV2, "vpc_lattice_v2", "isBase64Encoded"),
}


@pytest.mark.parametrize("encoded", [False, True], ids=["plain", "base64"])
@pytest.mark.parametrize("shape", sorted(DEEP_BODIES))
@pytest.mark.parametrize("name", sorted(HTTP_DATA_CLASSES))
def test_deep_json_body_of_http_data_classes(name: str, shape: str, encoded: bool) -> None:
    cls, sample, flag = HTTP_DATA_CLASSES[name]
    event = load_event(sample)
    body = DEEP_BODIES[shape]
    event["body"] = base64.b64encode(body.encode()).decode() if encoded else body
    event[flag] = encoded
    LEDGER.case("bounds", "JSON body nested 100,000 levels deep", DEPTH_CLAIM)
    with pytest.raises(InvalidEventError):
        cls(event).json_body  # noqa: B018


class Order(BaseModel):
    orderId: str


@pytest.mark.parametrize("validation", [False, True], ids=["plain", "enable_validation"])
@pytest.mark.parametrize("shape", sorted(DEEP_BODIES))
@pytest.mark.parametrize("name", sorted(RESOLVERS))
def test_deep_json_body_through_the_resolvers_is_a_400(name: str, shape: str, validation: bool) -> None:
    resolver, sample, where = RESOLVERS[name]
    app = resolver(enable_validation=validation)
    if validation:

        @app.post("/orders")
        def create(order: Order) -> dict[str, str]:
            return {"id": order.orderId}

    else:

        @app.post("/orders")
        def create_plain() -> dict[str, Any]:
            return {"body": app.current_event.json_body}

    event = _event(sample, where, "POST", "/orders")
    event["body"] = DEEP_BODIES[shape]
    for flag in ("isBase64Encoded", "is_base64_encoded"):
        if flag in event:
            event[flag] = False
    LEDGER.case("bounds", "JSON body nested 100,000 levels deep", DEPTH_CLAIM)
    response = app.resolve(event, LocalLambdaContext())
    # Without validation the body is the client's error (400); with it, pydantic reports the
    # body as invalid JSON in a 422, as upstream's validation does for any unparsable body.
    assert response["statusCode"] == (422 if validation else 400), response
    assert "Traceback" not in json.dumps(response)
    ok = _event(sample, where, "POST", "/orders")
    ok["body"] = '{"orderId": "o-1"}'
    for flag in ("isBase64Encoded", "is_base64_encoded"):
        if flag in ok:
            ok[flag] = False
    assert app.resolve(ok, LocalLambdaContext())["statusCode"] == 200


def _nested_list(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def _nested_dict(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth):
        value = {"a": value}
    return value


RECURSIVE_SCHEMA = {
    "anyOf": [
        {"type": "array", "items": {"$ref": "#"}},
        {"type": "object", "additionalProperties": {"$ref": "#"}},
    ]
}
VALIDATION_CASES: dict[str, Callable[[], Any]] = {
    "API_GATEWAY_REST body, arrays": lambda: validate(
        {"body": DEEP_BODIES["arrays"]}, {"type": "object"}, envelope=envelopes.API_GATEWAY_REST
    ),
    "API_GATEWAY_HTTP body, objects": lambda: validate(
        {"body": DEEP_BODIES["objects"]}, {"type": "object"}, envelope=envelopes.API_GATEWAY_HTTP
    ),
    "SQS body, objects": lambda: validate(
        {"Records": [{"body": DEEP_BODIES["objects"]}]}, {"type": "array"}, envelope=envelopes.SQS
    ),
    "a list 100,000 deep, recursive schema": lambda: validate(_nested_list(DEEP), RECURSIVE_SCHEMA),
    "a dict 100,000 deep, recursive schema": lambda: validate(_nested_dict(DEEP), RECURSIVE_SCHEMA),
}


@pytest.mark.parametrize("case", sorted(VALIDATION_CASES))
def test_deep_payloads_through_validate(case: str) -> None:
    LEDGER.case("bounds", "JSON body nested 100,000 levels deep", DEPTH_CLAIM)
    with pytest.raises(SchemaValidationError):
        VALIDATION_CASES[case]()
