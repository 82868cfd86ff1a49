"""Errors raised by powertools.validation.

``InvalidEnvelopeExpressionError`` is the very class defined in
``powertools.common.exceptions`` (raised by ``powertools.common.jmespath.query``),
so catching it from either module works.
"""

from __future__ import annotations

from typing import Any

from powertools.common.exceptions import InvalidEnvelopeExpressionError, PowertoolsError

__all__ = ["SchemaValidationError", "InvalidSchemaFormatError", "InvalidEnvelopeExpressionError"]


class SchemaValidationError(PowertoolsError, ValueError):
    """The data does not conform to the JSON Schema.

    Attributes mirror fastjsonschema's error, e.g. for ``{"maximum": 42}`` and 60:

    * ``message``: our sentence, also ``str(error)``; it never includes the invalid value
    * ``validation_message``: ``"data.age must be smaller than or equal to 42"``
    * ``name``: ``"data.age"``; ``path``: ``["data", "age"]``
    * ``value``: ``60`` (the invalid value itself: mind what you log)
    * ``definition``: ``{"type": "integer", "maximum": 42}``
    * ``rule``: ``"maximum"``; ``rule_definition``: ``42``
    * ``errors``: every failure as its own error when ``provider_options={"fast_fail": False}``,
      otherwise just this one
    """

    def __init__(
        self,
        message: str | None = None,
        validation_message: str | None = None,
        name: str | None = None,
        path: list[Any] | None = None,
        value: Any | None = None,
        definition: Any | None = None,
        rule: str | None = None,
        rule_definition: Any | None = None,
        errors: list[SchemaValidationError] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.validation_message = validation_message
        self.name = name
        self.path = path
        self.value = value
        self.definition = definition
        self.rule = rule
        self.rule_definition = rule_definition
        self.errors: list[SchemaValidationError] = errors if errors is not None else [self]


class InvalidSchemaFormatError(PowertoolsError, ValueError):
    """The schema, its formats, handlers or provider options cannot be compiled."""
