"""Reading the model out of a return annotation (``Order``, ``Order | None``, ``Optional[Order]``)."""

from __future__ import annotations

import types
import typing
from typing import Any

from powertools.idempotency.exceptions import IdempotencyModelTypeError

__all__ = ["get_actual_type", "return_annotation"]


def get_actual_type(model_type: Any) -> Any:
    if typing.get_origin(model_type) in (typing.Union, types.UnionType):
        kinds = [arg for arg in typing.get_args(model_type) if arg is not type(None)]
        if len(kinds) != 1:
            raise IdempotencyModelTypeError(
                "Invalid type: expected a single type, optionally wrapped in Optional or Union with None."
            )
        return kinds[0]
    return model_type


def return_annotation(function: Any) -> Any:
    """The function's return annotation, resolved when written as a string (``from __future__ import annotations``)."""
    annotation = getattr(function, "__annotations__", {}).get("return")
    if isinstance(annotation, str):
        try:
            annotation = typing.get_type_hints(function).get("return")
        except Exception as exc:
            from powertools.idempotency.exceptions import IdempotencyNoSerializationModelError

            raise IdempotencyNoSerializationModelError(
                f"The return annotation {annotation!r} of {function.__qualname__} can't be resolved to a class "
                f"({type(exc).__name__}: {exc}); define the class at module level or pass a serializer instance"
            ) from None
    return annotation
