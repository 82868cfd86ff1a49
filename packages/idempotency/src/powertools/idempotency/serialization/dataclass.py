"""Store a dataclass return value as its fields; rebuild it on a repeat."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any

from powertools.idempotency.exceptions import IdempotencyModelTypeError, IdempotencyNoSerializationModelError
from powertools.idempotency.serialization.base import BaseIdempotencyModelSerializer, BaseIdempotencySerializer
from powertools.idempotency.serialization.functions import get_actual_type

__all__ = ["DataclassSerializer"]


class DataclassSerializer(BaseIdempotencyModelSerializer):
    def __init__(self, model: type[Any]) -> None:
        self._model = model

    def to_dict(self, data: Any) -> dict[str, Any]:
        return asdict(data)

    def from_dict(self, data: dict[str, Any]) -> Any:
        return self._model(**data)

    @classmethod
    def instantiate(cls, model_type: Any) -> BaseIdempotencySerializer:
        model_type = get_actual_type(model_type)
        if model_type is None:
            raise IdempotencyNoSerializationModelError("No serialization model was supplied")
        if not (isinstance(model_type, type) and is_dataclass(model_type)):
            raise IdempotencyModelTypeError("Model type is not inherited of dataclass type")
        return cls(model=model_type)
