"""HTTP errors a route can raise to answer with that status code and a JSON message.

``raise NotFoundError("no such todo")`` becomes
``{"statusCode": 404, "message": "no such todo"}`` with status 404.
"""

from __future__ import annotations

from typing import Any

from powertools.common.exceptions import PowertoolsError

__all__ = [
    "BadRequestError",
    "ForbiddenError",
    "InternalServerError",
    "NotFoundError",
    "RequestEntityTooLargeError",
    "RequestTimeoutError",
    "ServiceError",
    "ServiceUnavailableError",
    "UnauthorizedError",
    "ValidationConfigurationError",
    "ValidationNotAvailableError",
]


class ServiceError(Exception):
    """An HTTP error response: ``status_code`` and a ``msg`` (text or a JSON-able dict)."""

    def __init__(self, status_code: int, msg: str | dict[str, Any]) -> None:
        super().__init__(msg)
        self.status_code = status_code
        self.msg = msg


class BadRequestError(ServiceError):
    def __init__(self, msg: str | dict[str, Any]) -> None:
        super().__init__(400, msg)


class UnauthorizedError(ServiceError):
    def __init__(self, msg: str | dict[str, Any]) -> None:
        super().__init__(401, msg)


class ForbiddenError(ServiceError):
    def __init__(self, msg: str | dict[str, Any]) -> None:
        super().__init__(403, msg)


class NotFoundError(ServiceError):
    def __init__(self, msg: str | dict[str, Any] = "Not found") -> None:
        super().__init__(404, msg)


class RequestTimeoutError(ServiceError):
    def __init__(self, msg: str | dict[str, Any]) -> None:
        super().__init__(408, msg)


class RequestEntityTooLargeError(ServiceError):
    def __init__(self, msg: str | dict[str, Any]) -> None:
        super().__init__(413, msg)


class InternalServerError(ServiceError):
    def __init__(self, message: str | dict[str, Any]) -> None:
        super().__init__(500, message)


class ServiceUnavailableError(ServiceError):
    def __init__(self, msg: str | dict[str, Any]) -> None:
        super().__init__(503, msg)


class ValidationNotAvailableError(PowertoolsError, NotImplementedError):
    """Validation or OpenAPI was asked for, but pydantic v2 (the ``validation`` extra) is not installed."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where} needs pydantic v2: install it with pip install 'powertools-event-handler[validation]'"
        )


class ValidationConfigurationError(PowertoolsError, ValueError):
    """A validation option set without ``enable_validation``, or a status code that isn't one.

    A ``ValueError``, which is what upstream raises in these cases.
    """
