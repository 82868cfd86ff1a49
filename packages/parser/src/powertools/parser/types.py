"""Type helpers shared by models, envelopes and user code (upstream's ``parser.types``)."""

from __future__ import annotations

from typing import Any, Literal, TypeVar, Union

from pydantic import BaseModel, Json

Model = TypeVar("Model", bound=BaseModel)
EnvelopeModel = TypeVar("EnvelopeModel")
EventParserReturnType = TypeVar("EventParserReturnType")
AnyInheritedModel = Union[type[BaseModel], BaseModel]
RawDictOrModel = Union[dict[str, Any], type[BaseModel], BaseModel]
T = TypeVar("T")

__all__ = [
    "AnyInheritedModel",
    "EnvelopeModel",
    "EventParserReturnType",
    "Json",
    "Literal",
    "Model",
    "RawDictOrModel",
    "T",
]
