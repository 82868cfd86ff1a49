"""Errors raised by the parser itself (validation failures are pydantic's ``ValidationError``)."""

from __future__ import annotations

from powertools.common.exceptions import PowertoolsError


class InvalidEnvelopeError(PowertoolsError, TypeError):
    """The envelope given is not a ``BaseEnvelope`` subclass (or instance)."""


class InvalidModelTypeError(PowertoolsError, TypeError):
    """The model given cannot be validated by pydantic, or none was given and the handler has no type hint."""
