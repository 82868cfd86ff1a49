"""JMESPath with the powertools functions, and envelope expressions.

from powertools.common.jmespath import envelopes, query

payload = query(event, envelopes.SQS)
"""

from __future__ import annotations

import functools
from typing import Any

import jmespath
from jmespath.exceptions import JMESPathError
from jmespath.parser import ParsedResult

from powertools.common.exceptions import InvalidEnvelopeExpressionError
from powertools.common.jmespath import envelopes
from powertools.common.jmespath.functions import PowertoolsFunctionError, PowertoolsFunctions

__all__ = [
    "PowertoolsFunctionError",
    "PowertoolsFunctions",
    "InvalidEnvelopeExpressionError",
    "compile_expression",
    "envelopes",
    "extract_data_from_envelope",
    "query",
]

_DEFAULT_OPTIONS = jmespath.Options(custom_functions=PowertoolsFunctions())


@functools.lru_cache(maxsize=256)
def compile_expression(expression: str) -> ParsedResult:
    """Compile once; envelopes are evaluated on every invocation."""
    if not isinstance(expression, str):
        raise InvalidEnvelopeExpressionError(repr(expression), "an envelope must be a string")
    try:
        return jmespath.compile(expression)
    except JMESPathError as exc:
        raise InvalidEnvelopeExpressionError(expression, str(exc)) from None


def query(data: Any, envelope: str, jmespath_options: dict[str, Any] | None = None) -> Any:
    """Search ``data`` with a JMESPath ``envelope`` and the powertools functions."""
    parsed = compile_expression(envelope)
    options = _DEFAULT_OPTIONS if not jmespath_options else _options(jmespath_options)
    try:
        return parsed.search(data, options=options)
    except JMESPathError as exc:
        raise InvalidEnvelopeExpressionError(envelope, str(exc)) from None


def extract_data_from_envelope(data: Any, envelope: str, jmespath_options: dict[str, Any] | None = None) -> Any:
    """Older name of :func:`query`, kept for code migrating from upstream."""
    return query(data, envelope, jmespath_options)


def _options(jmespath_options: dict[str, Any]) -> jmespath.Options:
    options = dict(jmespath_options)
    options.setdefault("custom_functions", PowertoolsFunctions())
    return jmespath.Options(**options)
