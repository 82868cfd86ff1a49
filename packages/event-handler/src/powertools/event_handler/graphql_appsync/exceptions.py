"""Errors raised while routing an AppSync GraphQL event."""

from __future__ import annotations

from powertools.common.exceptions import InvalidEventError, PowertoolsError

__all__ = ["InvalidAppSyncEventError", "InvalidBatchResponse", "ResolverNotFoundError"]


class ResolverNotFoundError(PowertoolsError, ValueError):
    """No resolver is registered for the event's type and field.

    A ``ValueError`` too: upstream raises a bare ``ValueError`` for single events, so
    ``except ValueError`` keeps working.
    """

    def __init__(self, type_name: str | None, field_name: str | None) -> None:
        self.type_name = type_name
        self.field_name = field_name
        super().__init__(f"No resolver found for '{type_name}.{field_name}'")


class InvalidBatchResponse(PowertoolsError):
    """An aggregate batch resolver returned something other than a list."""


class InvalidAppSyncEventError(InvalidEventError):
    """The event lacks what routing needs (``info.fieldName``, ``arguments``) or is not an object."""
