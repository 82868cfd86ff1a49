"""Defaults of the OpenAPI document (upstream's ``openapi.constants``)."""

from powertools.event_handler.openapi.config import DEFAULT_API_VERSION, DEFAULT_OPENAPI_TITLE, DEFAULT_OPENAPI_VERSION

__all__ = [
    "DEFAULT_API_VERSION",
    "DEFAULT_CONTENT_TYPE",
    "DEFAULT_OPENAPI_RESPONSE_DESCRIPTION",
    "DEFAULT_OPENAPI_TITLE",
    "DEFAULT_OPENAPI_VERSION",
    "DEFAULT_STATUS_CODE",
]

DEFAULT_CONTENT_TYPE = "application/json"
DEFAULT_OPENAPI_RESPONSE_DESCRIPTION = "Successful Response"
DEFAULT_STATUS_CODE = 200
