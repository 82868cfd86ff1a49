"""validate(): the validated data it returns, with upstream's documented examples."""

from __future__ import annotations

import copy

import pytest

from powertools.common import DictWrapper
from powertools.validation import SchemaValidationError, validate

# The shape of upstream's getting-started INPUT schema.
USER_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema",
    "$id": "http://example.com/example.json",
    "type": "object",
    "required": ["user_id", "project", "ip"],
    "properties": {
        "user_id": {"type": "string", "maxLength": 50},
        "project": {"type": "string", "maxLength": 30},
        "ip": {"type": "string", "format": "ipv4", "maxLength": 30},
    },
}
USER = {"user_id": "0d44b083-8206-4a3a-aa95-5d392a99be4a", "project": "powertools", "ip": "192.168.0.1"}

DEFAULTS_SCHEMA = {
    "type": "object",
    "required": ["data"],
    "properties": {
        "data": {
            "type": "object",
            "properties": {
                "s3_bucket": {"type": "string", "default": ""},
                "file_size": {"type": "integer", "default": 0},
                "tags": {"type": "array", "default": []},
            },
        }
    },
}


def test_valid_event_is_returned_unchanged() -> None:
    event = copy.deepcopy(USER)
    assert validate(event=event, schema=USER_SCHEMA) == USER


def test_defaults_from_the_schema_are_filled_in() -> None:
    result = validate(event={"data": {"s3_bucket": "orders"}}, schema=DEFAULTS_SCHEMA)
    assert result == {"data": {"s3_bucket": "orders", "file_size": 0, "tags": []}}


def test_use_default_false_leaves_omitted_fields_out() -> None:
    result = validate({"data": {}}, DEFAULTS_SCHEMA, provider_options={"use_default": False})
    assert result == {"data": {}}


def test_positional_arguments_follow_upstream_order() -> None:
    # event, schema, formats, handlers, provider_options, envelope, jmespath_options
    result = validate(
        {"detail": {"n": "7"}}, {"properties": {"n": {"format": "digits"}}}, {"digits": r"^\d+$"}, None, None, "detail"
    )
    assert result == {"n": "7"}


def test_lists_and_scalars_validate_too() -> None:
    assert validate([1, 2, 3], {"type": "array", "items": {"type": "integer"}}) == [1, 2, 3]
    assert validate("abc", {"type": "string", "minLength": 3}) == "abc"


def test_event_data_classes_are_validated_by_their_raw_event() -> None:
    wrapped = DictWrapper(copy.deepcopy(USER))
    assert validate(wrapped, USER_SCHEMA) == USER


def test_builtin_format_rejects_bad_value() -> None:
    with pytest.raises(SchemaValidationError) as caught:
        validate({**USER, "ip": "999.1.1"}, USER_SCHEMA)
    assert caught.value.validation_message == "data.ip must be ipv4"
    assert caught.value.rule == "format"
