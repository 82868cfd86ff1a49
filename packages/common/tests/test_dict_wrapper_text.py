import json
import pickle
from typing import Any

import pytest

from powertools.common import DictWrapper, InvalidEventError
from powertools.common.dict_wrapper import InvalidJsonError, parse_json, wrap_section
from powertools.common.events.api_gateway import APIGatewayProxyEvent
from powertools.common.events.sqs import SQSEvent


class Order(DictWrapper):
    _sensitive_properties = ("card",)

    @property
    def order_id(self) -> str:
        return self._data["orderId"]

    @property
    def card(self) -> str:
        return self._data["card"]

    @property
    def customer(self) -> "Customer":
        return Customer(self._data["customer"])

    @property
    def lines(self) -> list[Any]:
        return [Line(item) for item in self._data["lines"]] + ["note"]

    @property
    def total(self) -> int:
        return self._data["total"]  # absent below: a KeyError


class Customer(DictWrapper):
    @property
    def name(self) -> str:
        return self._data["name"]


class Line(DictWrapper):
    @property
    def sku(self) -> str:
        return self._data["sku"]


EVENT = {"orderId": "o-1", "card": "4111 1111 1111 1111", "customer": {"name": "Ana"}, "lines": [{"sku": "s-9"}]}


def test_str_lists_properties_sorted_and_hides_secrets() -> None:
    assert str(Order(EVENT)) == str(
        {
            "card": "[SENSITIVE]",
            "customer": {"name": "Ana", "raw_event": "[SENSITIVE]"},
            "lines": [{"raw_event": "[SENSITIVE]", "sku": "s-9"}, "note"],
            "order_id": "o-1",
            "raw_event": "[SENSITIVE]",
            "total": "[Cannot be deserialized]",
        }
    )


def test_repr_is_objects_and_shows_no_field() -> None:
    text = repr(Order(EVENT))
    assert text.startswith(f"<{__name__}.Order object at 0x")
    assert "4111" not in text
    assert "o-1" not in text


def test_str_of_an_http_event_hides_the_raw_event_and_survives_bad_fields() -> None:
    text = str(APIGatewayProxyEvent({"httpMethod": "GET", "path": "/", "body": "{bad", "requestContext": 5}))
    assert "'raw_event': '[SENSITIVE]'" in text
    assert "'json_body': '[Cannot be deserialized]'" in text
    assert "'request_context': '[Cannot be deserialized]'" in text


def test_bad_json_is_also_a_json_decode_error() -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        parse_json('{"a": }', field="body")
    error = caught.value
    assert isinstance(error, InvalidJsonError)
    assert isinstance(error, InvalidEventError)
    assert (error.msg, error.pos, error.lineno, error.colno, error.field) == ("Expecting value", 6, 1, 7, "body")
    assert str(error) == "body is not valid JSON: Expecting value at position 6"
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.field, copy.pos) == (InvalidJsonError, str(error), "body", 6)


@pytest.mark.parametrize("depth", [20_000, 100_000])  # 3.13 parses 5,000 levels
def test_deeply_nested_json_is_a_typed_error(depth: int) -> None:
    with pytest.raises(InvalidEventError, match="body is JSON nested too deeply to parse"):
        parse_json("[" * depth + "]" * depth, field="body")
    record = next(SQSEvent({"Records": [{"body": '{"a":' * depth + "1" + "}" * depth}]}).records)
    with pytest.raises(InvalidEventError, match="body is JSON nested too deeply"):
        _ = record.json_body


def test_wrong_typed_json_input_is_a_typed_error() -> None:
    with pytest.raises(InvalidEventError, match="body is not valid JSON") as caught:
        parse_json(5, field="body")  # type: ignore[arg-type]
    assert not isinstance(caught.value, json.JSONDecodeError)


class WithOwnInit(DictWrapper):
    def __init__(self, data: Any) -> None:
        super().__init__(data)
        self.extra = "set by __init__"


def test_wrap_section_runs_an_overridden_init() -> None:
    assert WithOwnInit._plain_init is False
    assert Customer._plain_init is True
    assert wrap_section(WithOwnInit, {"a": 1}).extra == "set by __init__"
    fast = wrap_section(Customer, {"name": "Ana"})
    assert type(fast) is Customer
    assert fast.name == "Ana"
    assert fast.raw_event == {"name": "Ana"}
