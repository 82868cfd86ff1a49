"""Build the OpenAPI 3.1 document of a resolver's routes (``get_openapi_schema``).

Every route's signature is analysed (once, shared with validation), all parameter, body and
return types go through one pydantic JSON-schema pass so models become ``components/schemas``
entries referenced with ``$ref``, and each route becomes one operation.
"""

from __future__ import annotations

import copy
import re
import warnings
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, create_model
from pydantic.json_schema import GenerateJsonSchema

from powertools.event_handler.openapi.dependant import Dependant, analyze_return
from powertools.event_handler.openapi.exceptions import SchemaValidationError
from powertools.event_handler.openapi.fields import ModelField, is_subclass
from powertools.event_handler.openapi.params import Body, Param

if TYPE_CHECKING:
    from powertools.event_handler.route import Route

__all__ = ["build_paths", "openapi_path", "operation_id"]

REF_PREFIX = "#/components/schemas/"
JSON = "application/json"
METHODS_WITH_BODY = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}
DEFAULT_RESPONSE_DESCRIPTION = "Successful Response"

VALIDATION_ERROR = {
    "title": "ValidationError",
    "type": "object",
    "properties": {
        "loc": {"title": "Location", "type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
        "type": {"title": "Error Type", "type": "string"},
    },
    "required": ["loc", "msg", "type"],
}


def _error_list(title: str) -> dict[str, Any]:
    detail = {"title": "Detail", "type": "array", "items": {"$ref": f"{REF_PREFIX}ValidationError"}}
    return {"title": title, "type": "object", "properties": {"detail": detail}}


HTTP_VALIDATION_ERROR = _error_list("HTTPValidationError")
RESPONSE_VALIDATION_ERROR = _error_list("ResponseValidationError")


def openapi_path(rule: str) -> str:
    """``/todos/<todo_id>`` -> ``/todos/{todo_id}``."""
    return re.sub(r"<(.*?)>", lambda match: "{" + match.group(1) + "}", rule)


def operation_id(route: Route) -> str:
    name = getattr(route.func, "__name__", "route")
    return re.sub(r"\W", "_", name + openapi_path(route.path)) + "_" + route.method.lower()


def _is_dynamic(rule: str) -> bool:
    if "<" in rule:
        return True
    try:
        return re.compile(rule).groups > 0
    except re.error:
        return False


def ordered(routes: list[Route]) -> list[Route]:
    """Routes with path parameters first, then static ones, each in registration order (as upstream)."""
    return [r for r in routes if _is_dynamic(r.path)] + [r for r in routes if not _is_dynamic(r.path)]


class _RouteFields:
    """What one route contributes to the schema pass."""

    def __init__(self, route: Route, dependant: Dependant) -> None:
        self.route = route
        self.dependant = dependant
        self.operation_id = route.openapi.get("operation_id") or operation_id(route)
        self.params = [
            *dependant.path_params,
            *dependant.query_params,
            *dependant.header_params,
            *dependant.cookie_params,
        ]
        self.body = _body_field(dependant, self.operation_id)
        self.extra_responses: dict[Any, ModelField] = {}
        for response in (route.openapi.get("responses") or {}).values():
            for payload in (response.get("content") or {}).values():
                if isinstance(payload, dict) and "model" in payload:
                    field = analyze_return(payload["model"])
                    if field is not None:
                        self.extra_responses[payload["model"]] = field

    def fields(self) -> list[ModelField]:
        out = [*self.extra_responses.values()]
        if self.dependant.return_param is not None:
            out.insert(0, self.dependant.return_param)
        return [*out, *self.params, *([self.body] if self.body is not None else [])]


def _body_field(dependant: Dependant, op_id: str) -> ModelField | None:
    """The single body parameter itself, or a ``Body_<operationId>`` model of all of them."""
    params = dependant.body_params
    if not params:
        return None
    if not dependant.body_embedded:
        return params[0]
    model: type[BaseModel] = create_model(  # type: ignore[call-overload]
        "Body_" + op_id, **{field.name: (field.annotation, field.field_info) for field in params}
    )
    required = any(field.required for field in params)
    media_types = {getattr(field.field_info, "media_type", JSON) for field in params}
    if any(getattr(field.field_info, "media_type", "") == "multipart/form-data" for field in params):
        media_type = "multipart/form-data"
    elif any(getattr(field.field_info, "media_type", "") == "application/x-www-form-urlencoded" for field in params):
        media_type = "application/x-www-form-urlencoded"
    else:
        media_type = media_types.pop() if len(media_types) == 1 else JSON
    info = Body(default=... if required else None, alias="body", media_type=media_type)
    return ModelField("body", model, info)


def _schema(field: ModelField, mapping: dict[Any, Any]) -> dict[str, Any]:
    schema = dict(mapping[(field, field.mode)])
    if "$ref" not in schema:
        schema["title"] = field.field_info.title or field.alias.title().replace("_", " ")
    return schema


def _parameter(field: ModelField, mapping: dict[Any, Any]) -> list[dict[str, Any]]:
    info = field.field_info
    assert isinstance(info, Param)
    annotation = field.annotation
    if is_subclass(annotation, BaseModel):
        # A model of query/header parameters: one parameter per model field.
        expanded = []
        for name, model_field in annotation.model_fields.items():
            parameter: dict[str, Any] = {
                "name": model_field.alias or name,
                "in": info.in_.value,
                "required": model_field.is_required(),
                "schema": _basic_schema(model_field.annotation),
            }
            if model_field.description:
                parameter["description"] = model_field.description
            expanded.append(parameter)
        return expanded
    parameter = {
        "name": field.alias,
        "in": info.in_.value,
        "required": field.required,
        "schema": _schema(field, mapping),
    }
    if info.description:
        parameter["description"] = info.description
    if info.openapi_examples:
        parameter["examples"] = info.openapi_examples
    if info.deprecated:
        parameter["deprecated"] = info.deprecated
    return [parameter]


def _basic_schema(annotation: Any) -> dict[str, str]:
    for base, name in ((bool, "boolean"), (int, "integer"), (float, "number")):
        if is_subclass(annotation, base):
            return {"type": name}
    return {"type": "string"}


def _responses(
    entry: _RouteFields, mapping: dict[Any, Any], enable_validation: bool, definitions: dict[str, Any]
) -> dict[int, Any]:
    route, dependant = entry.route, entry.dependant
    responses: dict[int, Any] = {}
    if enable_validation:
        responses[422] = {
            "description": "Validation Error",
            "content": {JSON: {"schema": {"$ref": f"{REF_PREFIX}HTTPValidationError"}}},
        }
    custom_code = route.openapi.get("custom_response_validation_http_code")
    if custom_code:
        responses[int(custom_code)] = _response_validation_error_response()
        definitions["ResponseValidationError"] = RESPONSE_VALIDATION_ERROR
    declared = route.openapi.get("responses")
    returned = {"schema": _schema(dependant.return_param, mapping)} if dependant.return_param is not None else {}
    if declared:
        for code, response in declared.items():
            response = copy.deepcopy(response)
            if "content" not in response:
                response["content"] = {JSON: returned}
            else:
                for media_type, payload in response["content"].items():
                    if isinstance(payload, dict) and "model" in payload:
                        field = entry.extra_responses[payload["model"]]
                        rest = {key: value for key, value in payload.items() if key != "model"}
                        response["content"][media_type] = {**rest, "schema": _schema(field, mapping)}
            responses[code] = response
    else:
        description = route.openapi.get("response_description") or DEFAULT_RESPONSE_DESCRIPTION
        responses[route.status_code] = {"description": description, "content": {JSON: returned}}
    return responses


def _response_validation_error_response() -> dict[str, Any]:
    return {
        "description": "Response Validation Error",
        "content": {JSON: {"schema": {"$ref": f"{REF_PREFIX}ResponseValidationError"}}},
    }


def _operation(
    entry: _RouteFields,
    mapping: dict[Any, Any],
    enable_validation: bool,
    definitions: dict[str, Any],
    seen_ids: set[str],
) -> dict[str, Any]:
    route = entry.route
    options = route.openapi
    if entry.operation_id in seen_ids:
        func = route.func
        message = f"Duplicate Operation ID {entry.operation_id} for function {getattr(func, '__name__', func)}"
        source = getattr(func, "__globals__", {}).get("__file__")
        warnings.warn(message + (f" in {source}" if source else ""), stacklevel=1)
    seen_ids.add(entry.operation_id)
    operation: dict[str, Any] = {
        "summary": options.get("summary") or f"{route.method} {openapi_path(route.path)}",
        "operationId": entry.operation_id,
        "deprecated": options.get("deprecated") or None,
    }
    if options.get("tags"):
        operation["tags"] = options["tags"]
    if options.get("description"):
        operation["description"] = options["description"]
    if options.get("security"):
        operation["security"] = options["security"]
    if options.get("openapi_extensions"):
        operation.update(options["openapi_extensions"])
    parameters: list[dict[str, Any]] = []
    for field in entry.params:
        if getattr(field.field_info, "include_in_schema", True):
            parameters += [
                p
                for p in _parameter(field, mapping)
                if not (p["in"] == "header" and p["name"].lower() == "content-type")
            ]
    if parameters:
        unique = {(p["in"], p["name"]): p for p in parameters}
        unique.update({(p["in"], p["name"]): p for p in parameters if p.get("required")})
        operation["parameters"] = list(unique.values())
    if route.method in METHODS_WITH_BODY and entry.body is not None:
        info = entry.body.field_info
        body: dict[str, Any] = {}
        if entry.body.required:
            body["required"] = True
        if info.description:
            body["description"] = info.description
        media: dict[str, Any] = {"schema": _schema(entry.body, mapping)}
        if getattr(info, "openapi_examples", None):
            media["examples"] = info.openapi_examples  # type: ignore[attr-defined]
        body["content"] = {getattr(info, "media_type", JSON): media}
        operation["requestBody"] = body
    operation["responses"] = _responses(entry, mapping, enable_validation, definitions)
    return operation


def build_paths(
    routes: list[Route],
    dependant_of: Any,
    *,
    enable_validation: bool,
    response_validation_error_http_code: int | None,
    security_schemes: dict[str, Any] | None,
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """The ``paths`` object and the ``components.schemas`` definitions for ``routes``."""
    entries = [_RouteFields(route, dependant_of(route)) for route in ordered(routes)]
    fields = [field for entry in entries for field in entry.fields()]
    generator = GenerateJsonSchema(ref_template=REF_PREFIX + "{model}")
    mapping, definitions = generator.generate_definitions(
        inputs=[(field, field.mode, field.adapter.core_schema) for field in fields]  # type: ignore[misc]
    )
    schemas: dict[str, Any] = {str(name): value for name, value in definitions.items()}
    paths: dict[str, dict[str, Any]] = {}
    seen_ids: set[str] = set()
    for entry in entries:
        security = entry.route.openapi.get("security")
        if security and not _security_defined(security, security_schemes):
            raise SchemaValidationError(
                [{"loc": ("security",), "type": "security_scheme_not_found", "msg": _SECURITY_MESSAGE}]
            )
        if not entry.route.openapi.get("include_in_schema", True):
            continue
        operation = _operation(entry, mapping, enable_validation, schemas, seen_ids)
        has_route_code = bool(entry.route.openapi.get("custom_response_validation_http_code"))
        if response_validation_error_http_code is not None and not has_route_code:
            operation["responses"][response_validation_error_http_code] = _response_validation_error_response()
        if "ValidationError" not in schemas:
            schemas["ValidationError"] = VALIDATION_ERROR
            schemas["HTTPValidationError"] = HTTP_VALIDATION_ERROR
        paths.setdefault(openapi_path(entry.route.path), {})[entry.route.method.lower()] = operation
    return paths, schemas


_SECURITY_MESSAGE = (
    "Security configuration was not found in security_schemas or security_schema was not defined. "
    "See: https://docs.powertools.aws.dev/lambda/python/latest/core/event_handler/api_gateway/#security-schemes"
)


def _security_defined(security: list[dict[str, list[str]]], schemes: dict[str, Any] | None) -> bool:
    schemes = schemes or {}
    return bool(schemes) and all(name in schemes for requirement in security for name in requirement)


def check_security(security: list[dict[str, list[str]]] | None, schemes: dict[str, Any] | None) -> None:
    if security and not _security_defined(security, schemes):
        raise SchemaValidationError(
            [{"loc": ("security",), "type": "security_scheme_not_found", "msg": _SECURITY_MESSAGE}]
        )
