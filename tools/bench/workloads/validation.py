"""Validate an API Gateway REST event's JSON body against a 20-property schema through an envelope."""

from __future__ import annotations

import json
from typing import Any

from tools.bench.adapter import Api
from tools.bench.events import load_event
from tools.bench.workloads.base import Call, Target, Workload

# 20 properties of four types, all required; the body below satisfies them.
_TYPES = ("string", "integer", "number", "boolean")
PROPERTIES = {f"field{index:02d}": _TYPES[index % 4] for index in range(20)}
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {name: {"type": kind} for name, kind in PROPERTIES.items()},
    "required": list(PROPERTIES),
}
_SAMPLES: dict[str, Any] = {"string": "text", "integer": 7, "number": 2.5, "boolean": True}
BODY = {name: _SAMPLES[kind] for name, kind in PROPERTIES.items()}


def _event(body: dict[str, Any]) -> dict[str, Any]:
    event: dict[str, Any] = load_event("apigw_rest_post_json")
    event["body"] = json.dumps(body)
    return event


def _invalid_body() -> dict[str, Any]:
    return {**BODY, "field01": "not an integer"}


def build(api: Api) -> Call:
    validation = api.module("validation")
    validate, envelope = validation.validate, api.module("validation.envelopes").API_GATEWAY_REST
    try:
        validate(event=_event(_invalid_body()), schema=SCHEMA, envelope=envelope)
        rejects_invalid = False
    except validation.SchemaValidationError:
        rejects_invalid = True
    event = _event(BODY)

    def call() -> dict[str, Any]:
        validate(event=event, schema=SCHEMA, envelope=envelope)
        return {"valid": True, "rejects_invalid": rejects_invalid}

    return call


_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


class BareSchemaError(ValueError):
    pass


def _check(data: Any) -> None:
    if not isinstance(data, dict):
        raise BareSchemaError("payload must be an object")
    for name, kind in PROPERTIES.items():
        if name not in data:
            raise BareSchemaError(f"{name} is required")
        value = data[name]
        # JSON Schema: a boolean is not an integer or number.
        if not isinstance(value, _PY_TYPES[kind]) or (kind != "boolean" and isinstance(value, bool)):
            raise BareSchemaError(f"{name} must be {kind}")


def bare() -> Call:
    try:
        _check(json.loads(_event(_invalid_body())["body"]))
        rejects_invalid = False
    except BareSchemaError:
        rejects_invalid = True
    event = _event(BODY)

    def call() -> dict[str, Any]:
        _check(json.loads(event["body"]))
        return {"valid": True, "rejects_invalid": rejects_invalid}

    return call


WORKLOADS = [
    Workload(
        name="validation.apigw_envelope",
        utility="validation",
        description="validate(event, 20-property schema, envelope=API_GATEWAY_REST)",
        build=build,
        bare=bare,
        target=Target(0.05),
    ),
]
