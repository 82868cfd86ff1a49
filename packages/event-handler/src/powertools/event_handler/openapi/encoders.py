"""``jsonable_encoder``: models, dataclasses, enums, dates, decimals... to plain JSON-able values.

Used for bodies of routes without a return annotation when validation is enabled.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from types import GeneratorType
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from powertools.event_handler.openapi.exceptions import SerializationError

__all__ = ["jsonable_encoder"]

_MAX_DEPTH = 256


def jsonable_encoder(obj: Any, custom_serializer: Callable[[Any], Any] | None = None, _depth: int = 0) -> Any:
    if _depth > _MAX_DEPTH:
        raise SerializationError("value is nested too deeply to encode as JSON")
    depth = _depth + 1
    if obj is None or isinstance(obj, (str, int, float)):
        return obj.value if isinstance(obj, Enum) else obj
    if isinstance(obj, BaseModel):
        return jsonable_encoder(obj.model_dump(mode="json", by_alias=True), custom_serializer, depth)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return jsonable_encoder(dataclasses.asdict(obj), custom_serializer, depth)
    if isinstance(obj, Enum):
        return jsonable_encoder(obj.value, custom_serializer, depth)
    if isinstance(obj, Mapping):
        return {
            jsonable_encoder(key, custom_serializer, depth): jsonable_encoder(value, custom_serializer, depth)
            for key, value in obj.items()
        }
    if isinstance(obj, (list, tuple, set, frozenset, GeneratorType)):
        return [jsonable_encoder(item, custom_serializer, depth) for item in obj]
    if isinstance(obj, (datetime.datetime, datetime.date, datetime.time)):
        return obj.isoformat()
    if isinstance(obj, datetime.timedelta):
        return obj.total_seconds()
    if isinstance(obj, Decimal):
        return int(obj) if obj.as_tuple().exponent >= 0 else float(obj)  # type: ignore[operator]
    if isinstance(obj, (UUID, PurePath)):
        return str(obj)
    if isinstance(obj, bytes):
        return obj.decode()
    if custom_serializer is not None:
        return custom_serializer(obj)
    try:
        return jsonable_encoder(dict(obj), custom_serializer, depth)
    except Exception:
        try:
            return jsonable_encoder(vars(obj), custom_serializer, depth)
        except Exception as exc:
            raise SerializationError(f"cannot encode a {type(obj).__name__} as JSON") from exc
