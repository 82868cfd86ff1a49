"""A serializer from two functions you give."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from powertools.idempotency.serialization.base import BaseIdempotencySerializer

__all__ = ["CustomDictSerializer"]


class CustomDictSerializer(BaseIdempotencySerializer):
    def __init__(self, to_dict: Callable[[Any], dict[str, Any]], from_dict: Callable[[dict[str, Any]], Any]) -> None:
        self._to_dict = to_dict
        self._from_dict = from_dict

    def to_dict(self, data: Any) -> dict[str, Any]:
        return self._to_dict(data)

    def from_dict(self, data: dict[str, Any]) -> Any:
        return self._from_dict(data)
