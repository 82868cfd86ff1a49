"""Bad input: wrong event and schema types, hostile nesting and size. Each a typed error, never a crash."""

from __future__ import annotations

import json
from typing import Any

import pytest

from powertools.validation import InvalidSchemaFormatError, SchemaValidationError, envelopes, validate

OBJECT = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
# A tree: every node may have a child of the same shape.
TREE = {"type": "object", "properties": {"child": {"$ref": "#"}, "leaf": {"type": "integer"}}}


def _nested(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"leaf": 1}
    for _ in range(depth):
        node = {"child": node}
    return node


@pytest.mark.parametrize(
    ("event", "type_name"),
    [(["id"], "list"), ("{}", "str"), (None, "NoneType"), (b"{}", "bytes"), (42, "int")],
)
def test_non_dict_events_fail_validation_with_every_field(event: Any, type_name: str) -> None:
    with pytest.raises(SchemaValidationError) as caught:
        validate(event, OBJECT)
    error = caught.value
    assert (error.message, error.validation_message, error.name, error.path) == (
        "Failed schema validation. Error: data must be object, Path: ['data']",
        "data must be object",
        "data",
        ["data"],
    )
    assert (error.value, error.definition, error.rule, error.rule_definition) == (event, OBJECT, "type", "object")


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ("schema.json", "schema must be a dict holding a JSON Schema, got str (load the file or text with json.load"),
        (b"{}", "schema must be a dict holding a JSON Schema, got bytes (load"),
        (None, "schema must be a dict holding a JSON Schema, got NoneType"),
        ([OBJECT], "schema must be a dict holding a JSON Schema, got list"),
        (True, "schema must be a dict holding a JSON Schema, got bool"),
        ({"enum": {1, 2}}, "schema is not JSON-serializable: Object of type set is not JSON serializable"),
    ],
)
def test_schemas_that_are_not_json_objects(schema: Any, message: str) -> None:
    with pytest.raises(InvalidSchemaFormatError) as caught:
        validate({"id": "a"}, schema)
    assert str(caught.value).startswith(message)


def test_circular_schema() -> None:
    schema: dict[str, Any] = {"type": "object"}
    schema["properties"] = {"self": schema}
    with pytest.raises(InvalidSchemaFormatError, match="schema is not JSON-serializable: Circular reference detected"):
        validate({}, schema)


def test_schema_nested_beyond_the_recursion_limit() -> None:
    schema: dict[str, Any] = {"type": "object"}
    for _ in range(5000):
        schema = {"type": "object", "properties": {"a": schema}}
    with pytest.raises(InvalidSchemaFormatError, match="schema is nested too deeply to compile"):
        validate({}, schema)


def test_schema_nested_deeper_than_fastjsonschema_walks() -> None:
    schema: dict[str, Any] = {"type": "object"}
    for _ in range(300):
        schema = {"type": "object", "properties": {"a": schema}}
    with pytest.raises(InvalidSchemaFormatError, match="Schema is too deeply nested"):
        validate({}, schema)


def test_recursive_schema_validates_reasonable_depth() -> None:
    assert validate(_nested(50), TREE) == _nested(50)


def test_payload_nested_beyond_the_recursion_limit_is_rejected_not_a_crash() -> None:
    with pytest.raises(SchemaValidationError) as caught:
        validate(_nested(20_000), TREE)
    error = caught.value
    assert (error.message, error.validation_message, error.name, error.path, error.value, error.rule) == (
        "Failed schema validation. Error: data is nested too deeply to validate, Path: ['data']",
        "data is nested too deeply to validate",
        "data",
        ["data"],
        None,
        None,
    )
    # The process is fine afterwards: a normal event validates.
    assert validate({"leaf": 1}, TREE) == {"leaf": 1}


def test_deeply_nested_json_body_behind_an_envelope_is_rejected() -> None:
    event = {"body": "[" * 100_000 + "]" * 100_000}
    with pytest.raises(SchemaValidationError, match="data is nested too deeply to validate"):
        validate(event, {"type": "array"}, envelope=envelopes.API_GATEWAY_REST)


def test_huge_payload_validates() -> None:
    items = [{"id": str(i)} for i in range(200_000)]
    schema = {"type": "array", "items": OBJECT, "maxItems": 250_000}
    assert validate({"body": json.dumps(items)}, schema, envelope=envelopes.API_GATEWAY_REST) == items


def test_huge_payload_over_the_schema_bound_is_rejected() -> None:
    schema = {"type": "array", "maxItems": 1000}
    with pytest.raises(SchemaValidationError) as caught:
        validate(list(range(100_000)), schema)
    assert caught.value.validation_message == "data must contain less than or equal to 1000 items"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"strict": True},
            "unknown provider option(s) 'strict'; supported: detailed_exceptions, fast_fail, use_default",
        ),
        ({"handlers": {}}, "unknown provider option(s) 'handlers'"),
        ({"use_default": "yes"}, "provider option 'use_default' must be True or False, got 'yes'"),
        ([("use_default", True)], "provider_options must be a dict of fastjsonschema options, got list"),
    ],
)
def test_bad_provider_options(options: Any, message: str) -> None:
    with pytest.raises(InvalidSchemaFormatError) as caught:
        validate({"id": "a"}, OBJECT, provider_options=options)
    assert str(caught.value).startswith(message)


def test_handlers_must_be_a_mapping() -> None:
    with pytest.raises(InvalidSchemaFormatError, match="handlers must be a dict of URI scheme to callable, got list"):
        validate({"id": "a"}, OBJECT, handlers=[lambda uri: {}])  # type: ignore[arg-type]
