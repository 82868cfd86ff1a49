import dataclasses
import datetime
import decimal
import enum
import json
import uuid

import pytest

from powertools.common import Encoder
from powertools.common.encoder import dumps


class Color(enum.Enum):
    RED = "red"


@dataclasses.dataclass
class Order:
    id: int
    total: decimal.Decimal


class FakeModel:
    """Anything with pydantic's model_dump(mode=...) is encoded without importing pydantic."""

    def model_dump(self, mode: str = "python") -> dict[str, str]:
        return {"mode": mode}


def test_encodes_everyday_lambda_values() -> None:
    value = {
        "int_decimal": decimal.Decimal("10"),
        "frac_decimal": decimal.Decimal("1.5"),
        "when": datetime.datetime(2026, 11, 29, 7, 30, tzinfo=datetime.timezone.utc),
        "day": datetime.date(2026, 11, 29),
        "time": datetime.time(7, 30, 1),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "color": Color.RED,
        "tags": {"b", "a"},
        "frozen": frozenset({3, 1}),
        "raw": b"\x00\xffhi",
        "order": Order(1, decimal.Decimal("9.99")),
        "model": FakeModel(),
    }
    assert json.loads(json.dumps(value, cls=Encoder)) == {
        "int_decimal": "10",
        "frac_decimal": "1.5",
        "when": "2026-11-29T07:30:00+00:00",
        "day": "2026-11-29",
        "time": "07:30:01",
        "id": "12345678-1234-5678-1234-567812345678",
        "color": "red",
        "tags": ["a", "b"],
        "frozen": [1, 3],
        "raw": "AP9oaQ==",
        "order": {"id": 1, "total": "9.99"},
        "model": {"mode": "json"},
    }


def test_unknown_type_names_the_type() -> None:
    class Opaque:
        pass

    with pytest.raises(TypeError, match=r"Object of type .*Opaque is not JSON serializable"):
        json.dumps({"x": Opaque()}, cls=Encoder)


def test_dataclass_class_itself_is_not_encoded_as_instance() -> None:
    with pytest.raises(TypeError, match="type"):
        json.dumps(Order, cls=Encoder)


def test_mixed_set_keeps_all_members() -> None:
    assert sorted(json.loads(dumps({1, "a"})), key=str) == [1, "a"]


def test_dumps_is_compact_and_keeps_unicode() -> None:
    assert dumps({"a": [1, 2], "b": "é"}) == '{"a":[1,2],"b":"é"}'
    assert dumps({"a": 1}, indent=2) == '{\n  "a": 1\n}'


def test_decimal_is_written_as_its_exact_string_as_upstream() -> None:
    assert dumps(decimal.Decimal("12345678901234567890.123456789")) == '"12345678901234567890.123456789"'
    assert dumps(decimal.Decimal("1.5E+20")) == '"1.5E+20"'
    assert dumps({"n": decimal.Decimal("NaN")}) == '{"n":NaN}'
    assert dumps(decimal.Decimal("-Infinity")) == '"-Infinity"'
