"""powertools.parser: validate Lambda events into pydantic models, with envelopes for every event source.

Importing this package does not import pydantic: each name below loads its
module on first use, and ``powertools.parser.models`` builds a model module
only when one of its names is first used.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.2.2"

_EXPORTS = {
    "parse": ".parser",
    "event_parser": ".parser",
    "envelopes": ".envelopes",
    "models": ".models",
    "BaseEnvelope": ".envelopes.base",
    "InvalidEnvelopeError": ".exceptions",
    "InvalidModelTypeError": ".exceptions",
    # pydantic's own names, re-exported so a parser user needs one import line.
    "BaseModel": "pydantic",
    "Field": "pydantic",
    "Json": "pydantic",
    "TypeAdapter": "pydantic",
    "ValidationError": "pydantic",
    "field_validator": "pydantic",
    "model_validator": "pydantic",
}

__all__ = [*_EXPORTS, "__version__"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from pydantic import BaseModel, Field, Json, TypeAdapter, ValidationError, field_validator, model_validator

    from powertools.parser import envelopes, models
    from powertools.parser.envelopes.base import BaseEnvelope
    from powertools.parser.exceptions import InvalidEnvelopeError, InvalidModelTypeError
    from powertools.parser.parser import event_parser, parse
