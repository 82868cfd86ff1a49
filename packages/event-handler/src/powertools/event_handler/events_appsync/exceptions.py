"""Errors of the AppSync Events handler."""

from __future__ import annotations

from powertools.common.exceptions import InvalidEventError

__all__ = ["InvalidAppSyncEventsEventError", "UnauthorizedException"]


class UnauthorizedException(Exception):
    """Raise it in a handler to reject the whole publish or subscribe request.

    It propagates out of ``resolve()``; AppSync answers the client with an unauthorized error.
    (A per-event ``on_publish`` handler without ``aggregate`` reports it as that event's error,
    as upstream does.)
    """

    def __init__(self, message: str | None = None, *args: object) -> None:
        super().__init__(message, *args)
        self.name = "UnauthorizedException"


class InvalidAppSyncEventsEventError(InvalidEventError):
    """The event lacks what routing needs (``info.operation``, ``info.channel.path``)."""
