"""Turn an HTTP proxy event into the raw values the validation middleware checks.

Query strings and headers arrive differently per integration (REST/ALB multi-value maps,
HTTP API comma-joined values, Lattice v2 lists): a scalar parameter gets one string back
(a comma-joined value restored, not split), a list parameter every value.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import parse_qs, unquote

from pydantic import BaseModel

from powertools.event_handler.openapi.exceptions import RequestUnsupportedContentType, RequestValidationError
from powertools.event_handler.openapi.fields import (
    ModelField,
    is_scalar_annotation,
    is_sequence_annotation,
    is_subclass,
)

__all__ = ["body_values", "header_values", "multi_value_query_names", "normalize_params", "query_values"]

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


def multi_value_query_names(event: Any) -> Collection[str]:
    """Names sent more than once natively, so a scalar's comma-joined value is not mistaken for them."""
    raw = event.get("rawQueryString")
    if raw:
        return {name for name, values in parse_qs(raw, keep_blank_values=True).items() if len(values) > 1}
    params = event.get("queryStringParameters") or {}
    if any(isinstance(value, list) for value in params.values()):  # VPC Lattice v2
        return {name for name, value in params.items() if isinstance(value, list) and len(value) > 1}
    multi = event.multi_value_query_string_parameters
    if getattr(event, "decode_query_parameters", False):
        return {unquote(name) for name in multi}
    return multi.keys()


def query_values(event: Any) -> dict[str, Any]:
    return dict(event.resolved_query_string_parameters)


def header_values(event: Any) -> tuple[dict[str, Any], Collection[str]]:
    """Headers by lower-case name, and the names the integration sent as several values."""
    headers = {str(name).lower(): value for name, value in event.resolved_headers_field.items()}
    multi = event.get("multiValueHeaders") or {}
    return headers, {str(name).lower() for name in multi}


def _restore_scalar(value: Any, name: str, multi: Collection[str]) -> Any:
    if isinstance(value, list) and len(value) > 1 and name not in multi and all(isinstance(v, str) for v in value):
        return ",".join(value)
    return value


def normalize_params(values: dict[str, Any], fields: list[ModelField], multi: Collection[str]) -> dict[str, Any]:
    """One value for scalar fields, every value for list fields, a dict of values for model fields."""
    for field in fields:
        annotation = field.annotation
        if is_scalar_annotation(annotation):
            if field.alias in values:
                value = _restore_scalar(values[field.alias], field.alias, multi)
                values[field.alias] = value[0] if isinstance(value, list) and len(value) == 1 else value
        elif is_subclass(annotation, BaseModel):
            values[field.alias] = _model_values(values, annotation, multi)
    return values


def _model_values(values: Mapping[str, Any], model: type[BaseModel], multi: Collection[str]) -> dict[str, Any]:
    by_name = bool(model.model_config.get("validate_by_name") or model.model_config.get("populate_by_name"))
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        alias = info.alias or name
        key = alias if values.get(alias) is not None else (name if by_name else alias)
        value = values.get(key)
        if value is None:
            continue
        if not is_sequence_annotation(info.annotation):
            value = _restore_scalar(value, key, multi)
            if isinstance(value, list) and value:
                value = value[0]
        data[alias] = value
    return data


def body_values(event: Any) -> Any:
    """The parsed body: JSON, a form (values as lists) or multipart parts; a 422/415 when unreadable."""
    content_type = event.headers.get("content-type") or ""
    if isinstance(content_type, list):  # VPC Lattice v2 sends every header as a list
        content_type = content_type[0] if content_type else ""
    content_type = content_type.strip()
    if not content_type or content_type.startswith(JSON):
        try:
            return event.json_body
        except json.JSONDecodeError as exc:
            raise RequestValidationError(
                [
                    {
                        "type": "json_invalid",
                        "loc": ("body", exc.pos),
                        "msg": "JSON decode error",
                        "input": {},
                        "ctx": {"error": exc.msg},
                    }
                ],
                body=exc.doc,
            ) from exc
        except Exception as exc:  # not UTF-8 after base64, nested too deeply: still the client's error
            raise RequestValidationError(
                [{"type": "json_invalid", "loc": ("body", 0), "msg": "JSON decode error", "input": {}, "ctx": {}}]
            ) from exc
    if content_type.startswith(FORM):
        return parse_qs(event.decoded_body or "", keep_blank_values=True)
    if content_type.startswith(MULTIPART):
        from powertools.event_handler.openapi.multipart import parse_multipart

        return parse_multipart(event, content_type)
    raise RequestUnsupportedContentType(
        "Unsupported content type",
        errors=[
            {
                "type": "unsupported_content_type",
                "loc": ("body",),
                "msg": f"Unsupported content type: {content_type}",
                "input": {},
                "ctx": {},
            }
        ],
    )
