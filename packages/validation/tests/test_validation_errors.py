"""Every field of SchemaValidationError for the documented failures, and the error types."""

from __future__ import annotations

import pytest

from powertools.common import PowertoolsError
from powertools.validation import InvalidSchemaFormatError, SchemaValidationError, validate

AGE = {"type": "integer", "minimum": 18, "maximum": 42}
SCHEMA = {
    "type": "object",
    "required": ["name", "age"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "pattern": "^[A-Z][a-z]+$"},
        "age": AGE,
        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
        "plan": {"enum": ["free", "pro"]},
    },
}


def _fields(error: SchemaValidationError) -> dict[str, object]:
    return {
        "message": error.message,
        "validation_message": error.validation_message,
        "name": error.name,
        "path": error.path,
        "value": error.value,
        "definition": error.definition,
        "rule": error.rule,
        "rule_definition": error.rule_definition,
    }


def _failure(event: object) -> SchemaValidationError:
    with pytest.raises(SchemaValidationError) as caught:
        validate(event, SCHEMA)
    return caught.value


def test_maximum() -> None:
    error = _failure({"name": "Ana", "age": 60})
    assert _fields(error) == {
        "message": (
            "Failed schema validation. Error: data.age must be smaller than or equal to 42, Path: ['data', 'age']"
        ),
        "validation_message": "data.age must be smaller than or equal to 42",
        "name": "data.age",
        "path": ["data", "age"],
        "value": 60,
        "definition": AGE,
        "rule": "maximum",
        "rule_definition": 42,
    }
    assert str(error) == error.message
    assert error.errors == [error]


def test_missing_required_property() -> None:
    error = _failure({"name": "Ana"})
    assert _fields(error) == {
        "message": "Failed schema validation. Error: data must contain ['age'] properties, Path: ['data']",
        "validation_message": "data must contain ['age'] properties",
        "name": "data",
        "path": ["data"],
        "value": {"name": "Ana"},
        "definition": SCHEMA,
        "rule": "required",
        "rule_definition": ["name", "age"],
    }


def test_wrong_type_in_array_item() -> None:
    error = _failure({"name": "Ana", "age": 20, "tags": ["a", 5]})
    assert (error.validation_message, error.name, error.path, error.value) == (
        "data.tags[1] must be string",
        "data.tags[1]",
        ["data", "tags", "1"],
        5,
    )
    assert (error.definition, error.rule, error.rule_definition) == ({"type": "string"}, "type", "string")


def test_pattern_enum_and_additional_properties() -> None:
    pattern = _failure({"name": "ana", "age": 20})
    assert (pattern.validation_message, pattern.rule, pattern.rule_definition) == (
        "data.name must match pattern ^[A-Z][a-z]+$",
        "pattern",
        "^[A-Z][a-z]+$",
    )
    enum = _failure({"name": "Ana", "age": 20, "plan": "gold"})
    assert (enum.validation_message, enum.value, enum.rule_definition) == (
        "data.plan must be one of ['free', 'pro']",
        "gold",
        ["free", "pro"],
    )
    extra = _failure({"name": "Ana", "age": 20, "password": "hunter2"})
    assert (extra.validation_message, extra.rule) == (
        "data must not contain {'password'} properties",
        "additionalProperties",
    )


def test_message_never_contains_the_invalid_value() -> None:
    schema = {"properties": {"password": {"type": "string", "minLength": 12}}}
    with pytest.raises(SchemaValidationError) as caught:
        validate({"password": "hunter2-secret"[:7]}, schema)
    assert caught.value.value == "hunter2"
    assert "hunter2" not in str(caught.value)
    assert str(caught.value) == (
        "Failed schema validation. Error: data.password must be longer than or equal to 12 characters, "
        "Path: ['data', 'password']"
    )


def test_fast_fail_off_reports_every_error() -> None:
    with pytest.raises(SchemaValidationError) as caught:
        validate({"name": "ana", "age": 60}, SCHEMA, provider_options={"fast_fail": False})
    error = caught.value
    assert [e.validation_message for e in error.errors] == [
        "data.name must match pattern ^[A-Z][a-z]+$",
        "data.age must be smaller than or equal to 42",
    ]
    assert error.message == (
        "Failed schema validation. 2 errors: data.name must match pattern ^[A-Z][a-z]+$, Path: ['data', 'name']; "
        "data.age must be smaller than or equal to 42, Path: ['data', 'age']"
    )
    assert (error.name, error.rule, error.value) == ("data.name", "pattern", "ana")


def test_detailed_exceptions_off_keeps_the_message_only() -> None:
    with pytest.raises(SchemaValidationError) as caught:
        validate({"name": "Ana", "age": 60}, SCHEMA, provider_options={"detailed_exceptions": False})
    assert _fields(caught.value) == {
        "message": "Failed schema validation. Error: data.age must be smaller than or equal to 42, Path: []",
        "validation_message": "data.age must be smaller than or equal to 42",
        "name": None,
        "path": [],
        "value": None,
        "definition": None,
        "rule": None,
        "rule_definition": None,
    }


def test_error_types_are_powertools_and_value_errors() -> None:
    assert issubclass(SchemaValidationError, PowertoolsError)
    assert issubclass(SchemaValidationError, ValueError)
    assert issubclass(InvalidSchemaFormatError, PowertoolsError)
    assert issubclass(InvalidSchemaFormatError, ValueError)


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ({"type": "strnig"}, "unknown type 'strnig' at #;"),
        ({"properties": {"a": {"type": ["string", "nul"]}}}, "unknown type 'nul' at #/properties/a;"),
        ({"required": "name"}, "invalid JSON Schema: required must be an array"),
        ({"minimum": "a"}, "invalid JSON Schema: minimum must be a number"),
        ({"properties": []}, "invalid JSON Schema: AttributeError: 'list' object has no attribute 'items'"),
        (
            {"pattern": "("},
            "invalid JSON Schema: a pattern is not a valid regular expression: missing ), unterminated subpattern",
        ),
        ({"$ref": "#/definitions/missing"}, "invalid JSON Schema: $ref '#/definitions/missing' points at nothing"),
    ],
)
def test_broken_schemas_raise_invalid_schema_format_error(schema: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidSchemaFormatError) as caught:
        validate({}, schema)
    assert str(caught.value).startswith(message)
