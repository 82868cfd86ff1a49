"""JSON Schema validation for Lambda events and responses (upstream: aws_lambda_powertools.utilities.validation).

from powertools.validation import envelopes, validate, validator

Importing this package is cheap: fastjsonschema and jmespath load on first use.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.2.1"

_EXPORTS = {
    "envelopes": ".envelopes",
    "SchemaValidationError": ".exceptions",
    "InvalidSchemaFormatError": ".exceptions",
    "InvalidEnvelopeExpressionError": ".exceptions",
    "validate_data_against_schema": ".base",
    "SchemaCacheInfo": ".schema_cache",
    "schema_cache_info": ".schema_cache",
    "clear_schema_cache": ".schema_cache",
    "set_schema_cache_size": ".schema_cache",
    "SchemaValidationMiddleware": ".middleware",
}

__all__ = [
    "validate",
    "validator",
    "envelopes",
    "SchemaValidationError",
    "InvalidSchemaFormatError",
    "InvalidEnvelopeExpressionError",
    "validate_data_against_schema",
    "SchemaCacheInfo",
    "schema_cache_info",
    "clear_schema_cache",
    "set_schema_cache_size",
    "SchemaValidationMiddleware",
    "__version__",
]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

# Imported eagerly (it is light): the function ``validator`` must win over the submodule of
# the same name, which Python binds on the package when the submodule is first imported.
from powertools.validation.validator import validate, validator  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.validation import envelopes
    from powertools.validation.base import validate_data_against_schema
    from powertools.validation.exceptions import (
        InvalidEnvelopeExpressionError,
        InvalidSchemaFormatError,
        SchemaValidationError,
    )
    from powertools.validation.middleware import SchemaValidationMiddleware
    from powertools.validation.schema_cache import (
        SchemaCacheInfo,
        clear_schema_cache,
        schema_cache_info,
        set_schema_cache_size,
    )
