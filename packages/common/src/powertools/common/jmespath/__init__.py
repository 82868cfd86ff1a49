"""JMESPath with the powertools functions, and envelope expressions.

    from powertools.common.jmespath import envelopes, query

    payload = query(event, envelopes.SQS)

The jmespath library loads on the first query, so importing the envelope
constants costs nothing at cold start.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from powertools.common.exceptions import InvalidEnvelopeExpressionError
from powertools.common.jmespath import envelopes
from powertools.common.lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    import jmespath
    from jmespath.parser import ParsedResult

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

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "PowertoolsFunctions": "powertools.common.jmespath.functions",
        "PowertoolsFunctionError": "powertools.common.jmespath.functions",
    },
)


@functools.lru_cache(maxsize=256)
def compile_expression(expression: str) -> ParsedResult:
    """Compile once; envelopes are evaluated on every invocation."""
    import jmespath
    from jmespath.exceptions import JMESPathError

    if not isinstance(expression, str):
        raise InvalidEnvelopeExpressionError(repr(expression), "an envelope must be a string")
    try:
        return jmespath.compile(expression)
    except JMESPathError as exc:
        raise InvalidEnvelopeExpressionError(expression, str(exc)) from None


def query(data: Any, envelope: str, jmespath_options: dict[str, Any] | None = None) -> Any:
    """Search ``data`` with a JMESPath ``envelope`` and the powertools functions."""
    from jmespath.exceptions import JMESPathError

    parsed = compile_expression(envelope)
    options = _default_options() if not jmespath_options else _options(jmespath_options)
    try:
        return parsed.search(data, options=options)
    except JMESPathError as exc:
        raise InvalidEnvelopeExpressionError(envelope, str(exc)) from None


def extract_data_from_envelope(data: Any, envelope: str, jmespath_options: dict[str, Any] | None = None) -> Any:
    """Older name of :func:`query`, kept for code migrating from upstream."""
    return query(data, envelope, jmespath_options)


@functools.lru_cache(maxsize=1)
def _default_options() -> jmespath.Options:
    import jmespath

    from powertools.common.jmespath.functions import PowertoolsFunctions

    return jmespath.Options(custom_functions=PowertoolsFunctions())


def _options(jmespath_options: dict[str, Any]) -> jmespath.Options:
    import jmespath

    from powertools.common.jmespath.functions import PowertoolsFunctions

    options = dict(jmespath_options)
    options.setdefault("custom_functions", PowertoolsFunctions())
    return jmespath.Options(**options)
