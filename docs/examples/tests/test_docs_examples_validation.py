"""docs/packages/validation.md: each example run on a valid and an invalid event."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

from powertools.validation import (
    InvalidSchemaFormatError,
    SchemaValidationError,
    schema_cache_info,
    set_schema_cache_size,
)


def test_decorator_fills_defaults_and_rejects_a_bad_event(load_example: Any, lambda_context: Any) -> None:
    example = load_example("validation/validate_handler.py")

    response = example.lambda_handler({"user_id": "u-1", "ip": "10.0.0.1"}, lambda_context)
    assert response == {"statusCode": 200, "body": {"user_id": "u-1", "role": "reader"}}

    with pytest.raises(SchemaValidationError) as raised:
        example.lambda_handler({"user_id": "u-1", "ip": "not-an-ip"}, lambda_context)
    assert raised.value.name == "data.ip"
    assert raised.value.rule == "format"
    assert raised.value.value == "not-an-ip"
    assert "not-an-ip" not in str(raised.value)  # the message leaves the value out


def test_validate_answers_400_with_the_error(load_example: Any, lambda_context: Any) -> None:
    example = load_example("validation/validate_function.py")

    assert example.lambda_handler({"user_id": "u-1", "ip": "10.0.0.1", "role": "admin"}, lambda_context) == {
        "statusCode": 200,
        "body": "admin",
    }
    assert example.lambda_handler({"ip": "10.0.0.1"}, lambda_context) == {
        "statusCode": 400,
        "body": "Failed schema validation. Error: data must contain ['user_id'] properties, Path: ['data']",
    }


def sqs_event(load_event: Any, bodies: list[Any]) -> dict[str, Any]:
    template = load_event("sqs")["Records"][0]
    return {"Records": [{**copy.deepcopy(template), "body": json.dumps(body)} for body in bodies]}


def test_sqs_envelope_validates_every_body(load_example: Any, load_event: Any, lambda_context: Any) -> None:
    example = load_example("validation/sqs_envelope.py")

    orders = [{"order_id": "o-1", "quantity": 2}, {"order_id": "o-2", "quantity": 3}]
    assert example.lambda_handler(sqs_event(load_event, orders), lambda_context) == {"units": 5}

    with pytest.raises(SchemaValidationError) as raised:
        example.lambda_handler(sqs_event(load_event, [*orders, {"order_id": "o-3", "quantity": 0}]), lambda_context)
    assert raised.value.path == ["data", "2", "quantity"]
    assert raised.value.rule == "minimum"


def test_custom_formats(load_example: Any, lambda_context: Any) -> None:
    example = load_example("validation/custom_formats.py")

    assert example.lambda_handler({"account_id": "123456789012", "region": "eu-west-1"}, lambda_context) == {
        "account_id": "123456789012",
        "region": "eu-west-1",
    }
    with pytest.raises(SchemaValidationError) as raised:
        example.lambda_handler({"account_id": "1234", "region": "eu-west-1"}, lambda_context)
    assert raised.value.name == "data.account_id"
    with pytest.raises(SchemaValidationError) as raised:
        example.lambda_handler({"account_id": "123456789012", "region": "mars-north-1"}, lambda_context)
    assert raised.value.name == "data.region"


def test_custom_formats_are_needed(load_example: Any) -> None:
    example = load_example("validation/custom_formats.py")
    from powertools.validation import validate

    unknown = r"unknown format '(awsaccountid|served_region)' at #/properties/"
    with pytest.raises(InvalidSchemaFormatError, match=unknown):
        validate({"account_id": "123456789012", "region": "eu-west-1"}, example.ASSUME_ROLE)


def test_remote_refs_come_from_the_bundle(load_example: Any, lambda_context: Any) -> None:
    example = load_example("validation/remote_refs.py")

    event = {"name": "Ada", "address": {"street": "1 Main St", "country": "DK"}}
    assert example.lambda_handler(event, lambda_context) == {"name": "Ada", "country": "DK"}
    with pytest.raises(SchemaValidationError) as raised:
        example.lambda_handler({"name": "Ada", "address": {"street": "1 Main St", "country": "D"}}, lambda_context)
    assert raised.value.path == ["data", "address", "country"]


@pytest.fixture
def default_cache_size() -> Iterator[None]:
    yield
    set_schema_cache_size(128)


def test_schema_cache_compiles_once(
    load_example: Any, lambda_context: Any, default_cache_size: None, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_example("validation/schema_cache.py")
    assert schema_cache_info().maxsize == 256

    example.lambda_handler({"id": "a"}, lambda_context)
    before = schema_cache_info()
    assert example.lambda_handler({"id": "b"}, lambda_context) == {"id": "b"}
    after = schema_cache_info()

    assert (after.hits, after.misses) == (before.hits + 1, before.misses)
    assert capsys.readouterr().out.splitlines()[-1] == str(after)
    with pytest.raises(SchemaValidationError):
        example.lambda_handler({}, lambda_context)
