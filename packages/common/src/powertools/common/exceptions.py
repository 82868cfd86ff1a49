"""Errors shared by every powertools package."""

from __future__ import annotations


class PowertoolsError(Exception):
    """Base class of every error raised by powertools itself."""


class ConfigurationError(PowertoolsError, ValueError):
    """A configuration value (argument or environment variable) is malformed."""

    def __init__(self, variable: str, value: object, expected: str) -> None:
        self.variable = variable
        self.value = value
        self.expected = expected
        super().__init__(f"{variable}={value!r} is not valid: expected {expected}")


class InvalidEventError(PowertoolsError, ValueError):
    """An event is missing a field or holds a value that cannot be decoded."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


class MiddlewareInvalidArgumentError(PowertoolsError, TypeError):
    """A middleware built with lambda_handler_decorator was given positional options."""


class InvalidEnvelopeExpressionError(PowertoolsError, ValueError):
    """A JMESPath envelope expression could not be compiled or evaluated."""

    def __init__(self, expression: str, reason: str) -> None:
        self.expression = expression
        self.reason = reason
        super().__init__(f"Invalid JMESPath envelope expression {expression!r}: {reason}")
