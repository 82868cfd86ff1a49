"""Store a pydantic model return value as JSON data; validate it back on a repeat.

pydantic is not a dependency: the model's own ``model_dump`` / ``model_validate`` are used.
"""

from __future__ import annotations

from typing import Any

from powertools.idempotency.exceptions import IdempotencyModelTypeError, IdempotencyNoSerializationModelError
from powertools.idempotency.serialization.base import BaseIdempotencyModelSerializer, BaseIdempotencySerializer
from powertools.idempotency.serialization.functions import get_actual_type

__all__ = ["PydanticSerializer"]


class PydanticSerializer(BaseIdempotencyModelSerializer):
    def __init__(self, model: type[Any]) -> None:
        self._model = model

    def to_dict(self, data: Any) -> dict[str, Any]:
        return data.model_dump(mode="json")

    def from_dict(self, data: dict[str, Any]) -> Any:
        return self._model.model_validate(data)

    @classmethod
    def instantiate(cls, model_type: Any) -> BaseIdempotencySerializer:
        model_type = get_actual_type(model_type)
        if model_type is None:
            raise IdempotencyNoSerializationModelError("No serialization model was supplied")
        if not (isinstance(model_type, type) and callable(getattr(model_type, "model_validate", None))):
            raise IdempotencyModelTypeError("Model type is not inherited from pydantic BaseModel")
        return cls(model=model_type)
