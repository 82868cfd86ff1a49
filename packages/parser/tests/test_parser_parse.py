"""parse() and @event_parser over every kind of model pydantic validates, with cached adapters."""

from __future__ import annotations

import dataclasses
import json
from typing import Annotated, Any, Literal, Union

import pytest
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from powertools.parser import (
    InvalidEnvelopeError,
    InvalidModelTypeError,
    envelopes,
    event_parser,
    parse,
)
from powertools.parser.adapters import get_adapter


class Order(BaseModel):
    orderId: str
    total: float


@dataclasses.dataclass
class OrderData:
    orderId: str
    total: float


class Cat(BaseModel):
    kind: Literal["cat"]
    meows: int


class Dog(BaseModel):
    kind: Literal["dog"]
    barks: int


Pet = Annotated[Union[Cat, Dog], Field(discriminator="kind")]

ORDER = {"orderId": "ord-1", "total": 9.5, "ignored": True}


def test_parse_model_dataclass_and_typeddict_like() -> None:
    assert parse(ORDER, Order) == Order(orderId="ord-1", total=9.5)
    assert parse(ORDER, OrderData) == OrderData(orderId="ord-1", total=9.5)
    assert parse(ORDER, dict[str, Any]) == ORDER


def test_parse_json_text_and_bytes() -> None:
    assert parse(json.dumps(ORDER), Order) == Order(orderId="ord-1", total=9.5)
    assert parse(json.dumps(ORDER).encode(), Order) == Order(orderId="ord-1", total=9.5)


def test_parse_not_json_text_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as info:
        parse("{not json", Order)
    assert info.value.errors()[0]["type"] == "json_invalid"


def test_parse_str_model_keeps_text() -> None:
    assert parse("plain text", str) == "plain text"


def test_parse_unions_and_discriminated_unions() -> None:
    assert parse({"kind": "dog", "barks": 3}, Pet) == Dog(kind="dog", barks=3)
    assert parse({"kind": "cat", "meows": 1}, Union[Cat, Dog]) == Cat(kind="cat", meows=1)
    with pytest.raises(ValidationError) as info:
        parse({"kind": "cow"}, Pet)
    assert info.value.errors()[0]["type"] == "union_tag_invalid"


def test_parse_type_adapter_is_used_as_given() -> None:
    adapter = TypeAdapter(list[Order])
    assert parse([ORDER], adapter) == [Order(orderId="ord-1", total=9.5)]
    assert get_adapter(adapter) is adapter


def test_adapters_are_built_once_per_type() -> None:
    assert get_adapter(Order) is get_adapter(Order)
    assert get_adapter(list[Order]) is get_adapter(list[Order])
    assert get_adapter(Pet) is get_adapter(Pet)


def test_invalid_event_raises_validation_error_with_path() -> None:
    with pytest.raises(ValidationError) as info:
        parse({"orderId": "ord-1", "total": "lots"}, Order)
    assert [(e["loc"], e["type"]) for e in info.value.errors()] == [(("total",), "float_parsing")]


def test_model_pydantic_cannot_handle_is_a_typed_error() -> None:
    class Opaque:
        pass

    with pytest.raises(InvalidModelTypeError, match="Opaque"):
        parse({}, Opaque)


def test_envelope_must_be_a_base_envelope() -> None:
    with pytest.raises(InvalidEnvelopeError, match="BaseEnvelope"):
        parse({}, Order, envelope=dict)  # type: ignore[arg-type]


def test_envelope_instance_is_accepted(load_event: Any) -> None:
    parsed = parse(load_event("eventbridge"), dict[str, Any], envelopes.EventBridgeEnvelope())
    assert parsed["order"]["orderId"] == "ord-1001"


def test_custom_envelope(load_event: Any) -> None:
    class DetailOrderEnvelope(envelopes.BaseEnvelope):
        def parse(self, data: Any, model: Any) -> Any:
            return self._parse(data["detail"]["order"], model)

    parsed = parse(load_event("eventbridge"), Order, DetailOrderEnvelope)
    assert parsed == Order(orderId="ord-1001", total=19.99)


# --- event_parser --------------------------------------------------------------------------------


def test_event_parser_uses_model_argument(lambda_context: Any) -> None:
    @event_parser(model=Order)
    def handler(event: Order, context: Any) -> dict[str, Any]:
        return {"id": event.orderId, "total": event.total}

    assert handler(ORDER, lambda_context) == {"id": "ord-1", "total": 9.5}
    assert handler(ORDER, lambda_context) == {"id": "ord-1", "total": 9.5}  # second invocation, cached path


def test_event_parser_infers_model_from_type_hint(lambda_context: Any) -> None:
    @event_parser
    def handler(event: Pet, context: Any) -> str:
        return type(event).__name__

    assert handler({"kind": "cat", "meows": 2}, lambda_context) == "Cat"
    assert handler({"kind": "dog", "barks": 2}, lambda_context) == "Dog"


def test_event_parser_with_envelope(load_event: Any, lambda_context: Any) -> None:
    @event_parser(model=Order, envelope=envelopes.SqsEnvelope)
    def handler(event: list[Order], context: Any) -> list[str]:
        return [order.orderId for order in event]

    assert handler(load_event("sqs"), lambda_context) == ["ord-1001", "ord-1002"]


def test_event_parser_without_model_or_hint_is_a_typed_error(lambda_context: Any) -> None:
    @event_parser
    def handler(event, context):  # type: ignore[no-untyped-def]
        return event

    with pytest.raises(InvalidModelTypeError, match="type hint"):
        handler(ORDER, lambda_context)


def test_event_parser_validation_error_reaches_caller(lambda_context: Any) -> None:
    @event_parser(model=Order)
    def handler(event: Order, context: Any) -> None:
        raise AssertionError("the handler must not run on an invalid event")

    with pytest.raises(ValidationError):
        handler({"orderId": "x"}, lambda_context)


def test_event_parser_accepts_json_text_events(lambda_context: Any) -> None:
    calls: list[Order] = []

    @event_parser
    def handler(event: Order, context: Any) -> None:
        calls.append(event)

    handler(json.dumps(ORDER), lambda_context)
    assert calls == [Order(orderId="ord-1", total=9.5)]
