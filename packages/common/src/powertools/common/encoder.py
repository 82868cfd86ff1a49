"""The one JSON encoder every powertools package uses."""

from __future__ import annotations

import base64
import json
import sys

# Not typing.TYPE_CHECKING: importing `typing` is a cold-start cost every utility would pay.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

# The types below are looked up in sys.modules instead of imported: a value can
# only be a Decimal if `decimal` is already loaded, and skipping those imports
# keeps the encoder out of the cold-start bill.


class Encoder(json.JSONEncoder):
    """JSON encoder for the values Lambda code handles every day.

    Decimal becomes a string with every digit (NaN becomes float NaN), as
    upstream's encoder does; dates and times ISO-8601, UUID its
    string, Enum its value, sets sorted lists where possible, bytes base64,
    dataclasses and pydantic models (duck-typed via ``model_dump``) dicts.
    """

    def default(self, o: Any) -> Any:
        modules = sys.modules
        decimal = modules.get("decimal")
        if decimal is not None and isinstance(o, decimal.Decimal):
            return _decimal(o)
        datetime = modules.get("datetime")
        if datetime is not None and isinstance(o, (datetime.datetime, datetime.date, datetime.time)):
            return o.isoformat()
        uuid = modules.get("uuid")
        if uuid is not None and isinstance(o, uuid.UUID):
            return str(o)
        enum = modules.get("enum")
        if enum is not None and isinstance(o, enum.Enum):
            return o.value
        if isinstance(o, (set, frozenset)):
            return _ordered(o)
        if isinstance(o, (bytes, bytearray, memoryview)):
            return base64.b64encode(bytes(o)).decode("ascii")
        if hasattr(type(o), "__dataclass_fields__"):
            import dataclasses

            return dataclasses.asdict(o)
        dump = getattr(o, "model_dump", None)
        if callable(dump) and not isinstance(o, type):
            return dump(mode="json")
        raise TypeError(f"Object of type {type(o).__qualname__} is not JSON serializable by powertools' Encoder")


def _decimal(value: Any) -> float | str:
    # As upstream: the exact digits as a string (a float would lose precision); NaN as float NaN.
    return float("nan") if value.is_nan() else str(value)


def _ordered(values: set[Any] | frozenset[Any]) -> list[Any]:
    # Sorted output keeps documents stable across invocations; mixed types can't sort.
    try:
        return sorted(values)
    except TypeError:
        return list(values)


def dumps(value: Any, *, indent: int | None = None) -> str:
    """Compact JSON with the powertools encoder."""
    separators = (",", ":") if indent is None else None
    return json.dumps(value, cls=Encoder, separators=separators, indent=indent, ensure_ascii=False)
