"""Lookup helpers shared by the event classes, usable on plain dicts too."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from powertools.common.dict_wrapper import get_header_value
from powertools.data_classes._fields import base64_text

__all__ = ["base64_decode", "get_header_value", "get_multi_value_query_string_values", "get_query_string_value"]


def base64_decode(value: str) -> str:
    """Base64 text to UTF-8 text, raising ``InvalidEventError`` when it is neither."""
    return base64_text(value, "value") or ""


def get_query_string_value(
    query_string_parameters: Mapping[str, Any] | None, name: str, default_value: str | None = None
) -> str | None:
    """One query string parameter (names are case-sensitive, as in URLs)."""
    if not query_string_parameters:
        return default_value
    value = query_string_parameters.get(name)
    return default_value if value is None else value


def get_multi_value_query_string_values(
    multi_value_query_string_parameters: Mapping[str, list[str]] | None,
    name: str,
    default_values: list[str] | None = None,
) -> list[str]:
    """Every value of a repeated query string parameter."""
    default = default_values or []
    if not multi_value_query_string_parameters:
        return default
    return multi_value_query_string_parameters.get(name) or default
