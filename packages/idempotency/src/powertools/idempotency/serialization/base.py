"""Serializer interfaces (upstream: ``idempotency.serialization.base``)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

__all__ = ["BaseIdempotencyModelSerializer", "BaseIdempotencySerializer"]


class BaseIdempotencySerializer(ABC):
    @abstractmethod
    def to_dict(self, data: Any) -> Any:
        """The return value as JSON-able data, stored with the record."""

    @abstractmethod
    def from_dict(self, data: Any) -> Any:
        """The stored data back as the return value."""


class BaseIdempotencyModelSerializer(BaseIdempotencySerializer):
    @classmethod
    @abstractmethod
    def instantiate(cls, model_type: Any) -> BaseIdempotencySerializer:
        """A serializer for ``model_type`` (the function's return annotation)."""
