"""Where a route parameter comes from, and its constraints: ``Annotated[int, Query(gt=0)]``.

Each marker is a pydantic ``FieldInfo``, so every pydantic field option (alias, title,
description, gt/ge/lt/le, min_length/max_length, pattern, examples, ...) works and ends up
in the OpenAPI document. Importing this module imports pydantic.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic.fields import FieldInfo

from powertools.event_handler.depends import Depends

__all__ = ["Body", "Cookie", "Depends", "File", "Form", "Header", "Param", "ParamTypes", "Path", "Query", "UploadFile"]


class ParamTypes(Enum):
    query = "query"
    header = "header"
    path = "path"
    cookie = "cookie"


def _field_kwargs(default: Any, alias: str | None, options: dict[str, Any]) -> dict[str, Any]:
    kwargs = {name: value for name, value in options.items() if value is not None}
    kwargs["default"] = default
    if alias is not None:
        kwargs["alias"] = alias
        # pydantic >= 2.12 no longer copies alias into validation_alias by itself.
        kwargs.setdefault("validation_alias", alias)
    return kwargs


class Param(FieldInfo):  # type: ignore[misc]
    """A request parameter read from the path, query string, headers or cookies."""

    in_: ParamTypes

    def __init__(
        self,
        default: Any = ...,
        *,
        alias: str | None = None,
        include_in_schema: bool = True,
        openapi_examples: dict[str, Any] | None = None,
        **options: Any,
    ) -> None:
        self.include_in_schema = include_in_schema
        self.openapi_examples = openapi_examples
        super().__init__(**_field_kwargs(default, alias, options))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.default})"


class Path(Param):  # type: ignore[misc]
    """A ``<name>`` segment of the route's rule (always required)."""

    in_ = ParamTypes.path

    def __init__(self, default: Any = ..., **options: Any) -> None:
        if default is not ...:
            raise AssertionError("Path parameters cannot have a default value")
        super().__init__(default, **options)


class Query(Param):  # type: ignore[misc]
    """A query-string parameter; ``list[...]`` collects repeated values."""

    in_ = ParamTypes.query


class Header(Param):  # type: ignore[misc]
    """A request header, matched without regard to case; ``x_api_key`` reads ``x-api-key``."""

    in_ = ParamTypes.header

    def __init__(self, default: Any = ..., *, convert_underscores: bool = True, **options: Any) -> None:
        self.convert_underscores = convert_underscores
        super().__init__(default, **options)

    @property
    def alias(self) -> str | None:
        return self._header_alias

    @alias.setter
    def alias(self, value: str | None) -> None:
        # Headers are case-insensitive: the lower-case name is the one looked up (and reported).
        self._header_alias = value.lower() if value is not None else None


class Cookie(Param):  # type: ignore[misc]
    """A cookie sent with the request."""

    in_ = ParamTypes.cookie


class Body(FieldInfo):  # type: ignore[misc]
    """The request body (JSON by default); ``embed=True`` reads ``{"<name>": ...}`` instead."""

    def __init__(
        self,
        default: Any = ...,
        *,
        embed: bool = False,
        media_type: str = "application/json",
        alias: str | None = None,
        include_in_schema: bool = True,
        openapi_examples: dict[str, Any] | None = None,
        **options: Any,
    ) -> None:
        self.embed = embed
        self.media_type = media_type
        self.include_in_schema = include_in_schema
        self.openapi_examples = openapi_examples
        super().__init__(**_field_kwargs(default, alias, options))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.default})"


class Form(Body):  # type: ignore[misc]
    """A field of an ``application/x-www-form-urlencoded`` body."""

    def __init__(self, default: Any = ..., *, media_type: str = "application/x-www-form-urlencoded", **options: Any):
        options.setdefault("embed", True)  # a form field is always one named field of the body
        super().__init__(default, media_type=media_type, **options)


class File(Form):  # type: ignore[misc]
    """A file part of a ``multipart/form-data`` body (``bytes`` or ``UploadFile``)."""

    def __init__(self, default: Any = ..., *, media_type: str = "multipart/form-data", **options: Any):
        super().__init__(default, media_type=media_type, **options)


class UploadFile:
    """An uploaded file: its bytes, file name and content type."""

    __slots__ = ("content", "content_type", "filename")

    def __init__(self, content: bytes, filename: str | None = None, content_type: str | None = None) -> None:
        self.content = content
        self.filename = filename
        self.content_type = content_type

    def __repr__(self) -> str:
        return f"UploadFile(filename={self.filename!r}, size={len(self.content)}, content_type={self.content_type!r})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.is_instance_schema(cls)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string", "format": "binary"}
