"""Envelope models specialised for one payload model, so a whole batch validates in one pydantic call.

``SqsModel`` declares ``body: str``. For ``parse(event, Order, SqsEnvelope)`` we
derive (once, then cached) a subclass whose ``body`` is ``Json[Order]`` and whose
``Records`` hold that subclass: pydantic-core then parses every record and body
without a Python loop, and an error's path says which record failed
(``Records.3.body.price``).
"""

from __future__ import annotations

import collections.abc
import functools
import types
from typing import Annotated, Any, Literal, TypeVar, Union, cast, get_args, get_origin

from pydantic import BaseModel, Field, Json, TypeAdapter, create_model

M = TypeVar("M", bound=BaseModel)


def can_specialize(model: Any) -> bool:
    """A model usable inside an annotation (a TypeAdapter instance is not) and hashable for the cache."""
    if isinstance(model, TypeAdapter):
        return False
    try:
        hash(model)
    except TypeError:
        return False
    return True


@functools.lru_cache(maxsize=512)
def with_fields(base: type[M], **annotations: Any) -> type[M]:
    """A subclass of ``base`` whose named fields take new annotations (same alias and default)."""
    overrides: dict[str, Any] = {}
    for name, annotation in annotations.items():
        original = base.model_fields[name]
        default = ... if original.is_required() else original.default
        overrides[name] = (annotation, Field(default, alias=original.alias))
    model: type[M] = create_model(base.__name__, __base__=base, __module__=base.__module__, **overrides)
    return model


def json_payload(model: Any) -> Any:
    """The annotation of a payload field carrying JSON text of ``model`` (plain text for ``str``)."""
    return model if model is str else cast(Any, Json)[model]


@functools.lru_cache(maxsize=512)
def typed_mirror(base: type[BaseModel], **overrides: Any) -> Any:
    """A ``TypedDict`` with ``base``'s keys and types (nested models mirrored too), or ``None``.

    Envelopes only read the payload out of the event; the envelope's own model
    instances are thrown away. Validating against a TypedDict checks exactly the
    same keys and types but skips building an object per record and attribute,
    which is most of the cost of a big batch. Models with validators or alias
    choices can't be mirrored faithfully: callers then use :func:`with_fields`.
    """
    from typing_extensions import NotRequired, TypedDict

    decorators = base.__pydantic_decorators__
    if decorators.field_validators or decorators.model_validators or decorators.validators:
        return None
    keys: dict[str, Any] = {}
    for name, field in base.model_fields.items():
        key = field.validation_alias if field.validation_alias is not None else (field.alias or name)
        if not isinstance(key, str):
            return None
        if name in overrides:
            annotation = overrides[name]
        else:
            annotation = _mirror_annotation(field.annotation)
            if annotation is None:
                return None
            if field.metadata:
                annotated: tuple[Any, ...] = (annotation, *field.metadata)
                annotation = cast(Any, Annotated)[annotated]  # constraints such as PositiveInt
        keys[key] = annotation if field.is_required() else NotRequired[annotation]
    return TypedDict(f"{base.__name__}Shape", keys)  # type: ignore[operator]


def _mirror_annotation(annotation: Any) -> Any:
    """``annotation`` with every nested model replaced by its mirror; ``None`` if one can't be mirrored."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation is not BaseModel:
        return typed_mirror(annotation)
    args = get_args(annotation)
    if not args:
        return annotation
    origin = get_origin(annotation)
    if origin is type or origin is Literal:
        return annotation
    mirrored = tuple(_mirror_annotation(arg) for arg in args)
    if any(item is None for item in mirrored):
        return None
    if origin is Union or origin is types.UnionType:
        return Union[mirrored]
    if origin is Annotated:
        return annotation
    if origin in (collections.abc.Sequence, list):
        return list[mirrored[0]]  # type: ignore[valid-type]
    if origin is dict:
        return dict[mirrored[0], mirrored[1]]  # type: ignore[valid-type]
    return None
