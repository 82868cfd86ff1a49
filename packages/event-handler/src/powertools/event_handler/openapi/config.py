"""What ``configure_openapi(...)`` stores, and the defaults ``get_openapi_schema`` falls back to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULT_API_VERSION", "DEFAULT_OPENAPI_TITLE", "DEFAULT_OPENAPI_VERSION", "OpenAPIConfig"]

DEFAULT_API_VERSION = "1.0.0"
DEFAULT_OPENAPI_VERSION = "3.1.0"
DEFAULT_OPENAPI_TITLE = "Powertools for AWS Lambda (Python) API"


@dataclass
class OpenAPIConfig:
    """The document-level settings (values are the ``openapi.models`` objects or plain dicts)."""

    title: str = DEFAULT_OPENAPI_TITLE
    version: str = DEFAULT_API_VERSION
    openapi_version: str = DEFAULT_OPENAPI_VERSION
    summary: str | None = None
    description: str | None = None
    tags: list[Any] | None = None
    servers: list[Any] | None = None
    terms_of_service: str | None = None
    contact: Any | None = None
    license_info: Any | None = None
    security_schemes: dict[str, Any] | None = None
    security: list[dict[str, list[str]]] | None = None
    external_documentation: Any | None = None
    openapi_extensions: dict[str, Any] | None = None
