"""Upstream's import path for the Swagger UI helpers (``OAuth2Config``); they live in ``event_handler.swagger``."""

from powertools.event_handler.swagger.html import generate_swagger_html
from powertools.event_handler.swagger.oauth2 import OAuth2Config, generate_oauth2_redirect_html

__all__ = ["OAuth2Config", "generate_oauth2_redirect_html", "generate_swagger_html"]
