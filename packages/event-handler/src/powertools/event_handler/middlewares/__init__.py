"""Middlewares: code that runs around every route (``app.use``) or one route (``middlewares=[...]``).

A middleware is any callable ``(app, next_middleware) -> Response``. Call
``next_middleware(app)`` to continue, or return a Response to answer early.
"""

from __future__ import annotations

from powertools.event_handler.middlewares.base import BaseMiddlewareHandler, NextMiddleware

__all__ = ["BaseMiddlewareHandler", "NextMiddleware"]
