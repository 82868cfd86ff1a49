"""One validated value of a route: a parameter, the body or the return value, with its TypeAdapter."""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Mapping
from types import GenericAlias, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from powertools.event_handler.openapi.params import Body, Header, Param, UploadFile

__all__ = ["ModelField", "is_scalar_annotation", "is_sequence_annotation", "is_subclass", "missing_error"]

_SEQUENCES: tuple[type, ...] = (list, tuple, set, frozenset, deque)


def is_subclass(value: Any, classes: type | tuple[type, ...]) -> bool:
    """``issubclass`` that answers False for anything not a class (on 3.10 ``list[int]`` passes
    ``isinstance(x, type)`` but ``issubclass`` raises on it)."""
    return isinstance(value, type) and not isinstance(value, GenericAlias) and issubclass(value, classes)


def is_sequence_annotation(annotation: Any) -> bool:
    """list[int], tuple[str, ...], set[...] and their optional forms (not str/bytes)."""
    origin = get_origin(annotation)
    if origin is Union or origin is UnionType:
        return any(is_sequence_annotation(arg) for arg in get_args(annotation))
    if origin is Annotated:
        return is_sequence_annotation(get_args(annotation)[0])
    if is_subclass(annotation, (str, bytes)):
        return False
    return is_subclass(annotation, _SEQUENCES) or is_subclass(origin, _SEQUENCES)


def _is_complex(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin is Union or origin is UnionType:
        return any(_is_complex(arg) for arg in get_args(annotation))
    if origin is Annotated:
        return _is_complex(get_args(annotation)[0])
    for candidate in (annotation, origin):
        if is_subclass(candidate, (BaseModel, Mapping, UploadFile)) or is_sequence_annotation(candidate):
            return True
        if isinstance(candidate, type) and dataclasses.is_dataclass(candidate):
            return True
    return False


def is_scalar_annotation(annotation: Any) -> bool:
    """True for str/int/enums/dates...: the types a query string, header or path segment can hold."""
    return annotation is Ellipsis or not _is_complex(annotation)


def missing_error(loc: tuple[Any, ...]) -> dict[str, Any]:
    return {"type": "missing", "loc": loc, "msg": "Field required", "input": None}


class ModelField:
    """A parameter (or body, or return value) and the pydantic adapter that validates it.

    The adapter is built on first use: a route that is never called costs no schema build.
    """

    __slots__ = ("_adapter", "annotation", "field_info", "mode", "name")

    def __init__(self, name: str, annotation: Any, field_info: FieldInfo, mode: str = "validation") -> None:
        self.name = name
        self.annotation = annotation
        self.field_info = field_info
        self.mode = mode
        self._adapter: TypeAdapter[Any] | None = None

    def __repr__(self) -> str:
        return f"ModelField({self.name!r}, {self.annotation!r}, {type(self.field_info).__name__})"

    @property
    def alias(self) -> str:
        alias = self.field_info.alias
        return alias if alias is not None else self.name

    @property
    def required(self) -> bool:
        return self.field_info.is_required()

    @property
    def type_(self) -> Any:
        return self.annotation

    @property
    def location(self) -> str:
        info = self.field_info
        return info.in_.value if isinstance(info, Param) else "body"

    @property
    def adapter(self) -> TypeAdapter[Any]:
        if self._adapter is None:
            self._adapter = TypeAdapter(Annotated[self.annotation, self.field_info])  # type: ignore[arg-type]
        return self._adapter

    def get_default(self) -> Any:
        if self.field_info.is_required():
            return PydanticUndefined
        return self.field_info.get_default(call_default_factory=True)

    def validate(self, value: Any, loc: tuple[Any, ...]) -> tuple[Any, list[dict[str, Any]]]:
        try:
            return self.adapter.validate_python(value, from_attributes=True), []
        except ValidationError as exc:
            return None, [{**error, "loc": loc + tuple(error["loc"])} for error in exc.errors()]

    def serialize(self, value: Any) -> Any:
        return self.adapter.dump_python(value, mode="json", by_alias=True)


def header_alias(field_info: FieldInfo, name: str) -> None:
    """``x_api_key: Annotated[str, Header()]`` reads the ``x-api-key`` header."""
    if isinstance(field_info, Header) and field_info.convert_underscores and not field_info.alias:
        field_info.alias = name.replace("_", "-")


def is_body(field: ModelField) -> bool:
    return isinstance(field.field_info, Body)
