"""The default: return values are stored and returned as the JSON data they are."""

from __future__ import annotations

from typing import Any

from powertools.idempotency.serialization.base import BaseIdempotencySerializer

__all__ = ["NoOpSerializer"]


class NoOpSerializer(BaseIdempotencySerializer):
    def to_dict(self, data: Any) -> Any:
        return data

    def from_dict(self, data: Any) -> Any:
        return data
