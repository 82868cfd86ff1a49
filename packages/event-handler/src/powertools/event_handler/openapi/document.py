"""Assemble the whole OpenAPI document from the resolver's routes and the document settings."""

from __future__ import annotations

import warnings
from typing import Any

from powertools.event_handler.openapi.generator import (
    RESPONSE_VALIDATION_ERROR,
    build_paths,
    check_security,
)
from powertools.event_handler.openapi.models import OpenAPI, PathItem, Server, Tag

__all__ = ["build_document", "route_dependant"]


def route_dependant(route: Any) -> Any:
    """The route's analysed signature (shared with validation: built once per route)."""
    from powertools.event_handler.middlewares.openapi_validation import route_dependant as shared

    return shared(route)


def build_document(
    app: Any,
    *,
    title: str,
    version: str,
    openapi_version: str,
    summary: str | None,
    description: str | None,
    tags: list[Any] | None,
    servers: list[Any] | None,
    terms_of_service: str | None,
    contact: Any | None,
    license_info: Any | None,
    security_schemes: dict[str, Any] | None,
    security: list[dict[str, list[str]]] | None,
    external_documentation: Any | None,
    openapi_extensions: dict[str, Any] | None,
) -> OpenAPI:
    if not openapi_version.startswith("3.1"):
        # pydantic v2 writes JSON Schema 2020-12, which only OpenAPI 3.1 uses.
        warnings.warn(
            "You are using Pydantic v2, which is incompatible with OpenAPI schema 3.0. Forcing OpenAPI 3.1",
            stacklevel=3,
        )
        openapi_version = "3.1.0"
    info: dict[str, Any] = {"title": title, "version": version}
    optional = {
        "summary": summary,
        "description": description,
        "termsOfService": terms_of_service,
        "contact": contact,
        "license": license_info,
    }
    info.update({key: value for key, value in optional.items() if value})
    check_security(security, security_schemes)
    document: dict[str, Any] = {
        "openapi": openapi_version,
        "info": info,
        "servers": servers or [Server(url="/")],
        "security": security or None,
        **(openapi_extensions if isinstance(openapi_extensions, dict) else {}),
    }
    if external_documentation:
        document["externalDocs"] = external_documentation
    code = app._response_validation_error_http_code
    paths, definitions = build_paths(
        list(app._route_list),
        route_dependant,
        enable_validation=app._enable_validation,
        response_validation_error_http_code=code,
        security_schemes=security_schemes,
    )
    components: dict[str, Any] = {}
    if definitions:
        schemas = {name: definitions[name] for name in sorted(definitions)}
        # Upstream always lists it (its default code, 422, counts as set).
        schemas.setdefault("ResponseValidationError", RESPONSE_VALIDATION_ERROR)
        components["schemas"] = schemas
    if security_schemes:
        components["securitySchemes"] = security_schemes
    if components:
        document["components"] = components
    if tags:
        document["tags"] = [Tag(name=tag) if isinstance(tag, str) else tag for tag in tags]
    document["paths"] = {path: PathItem(**operations) for path, operations in paths.items()}
    return OpenAPI(**document)
