"""What every envelope shares: validate the event's outer shape, then the payload(s) inside."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, TypeVar

from powertools.parser.adapters import validate

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")


class BaseEnvelope(ABC):
    """Extracts the user's payload from one kind of event and validates it into the user's model.

    Subclasses implement :meth:`parse`: validate the event with the envelope's own model
    (:meth:`_parse_envelope`), then each payload with the user's model (:meth:`_parse`).
    """

    @staticmethod
    def _parse(data: Any, model: Any) -> Any:
        """Validate one payload into ``model``; ``None`` stays ``None`` (e.g. a GET without body)."""
        if data is None:
            return None
        return validate(data, model)

    def _parse_envelope(self, envelope_model: type[M], data: Any) -> M:
        """Validate the event's outer shape; a mismatch names this envelope, not an internal model."""
        from pydantic import ValidationError

        try:
            if isinstance(data, (str, bytes, bytearray)):
                return envelope_model.model_validate_json(data)
            return envelope_model.model_validate(data)
        except ValidationError as exc:
            raise retitled(exc, type(self).__name__) from None

    def _parse_shape(self, shape: Any, data: Any) -> Any:
        """Like :meth:`_parse_envelope`, for a ``TypedDict`` mirror of the envelope's model."""
        from pydantic import ValidationError

        from powertools.parser.adapters import get_adapter

        adapter = get_adapter(shape)
        try:
            if isinstance(data, (str, bytes, bytearray)):
                return adapter.validate_json(data)
            return adapter.validate_python(data)
        except ValidationError as exc:
            raise retitled(exc, type(self).__name__) from None

    @abstractmethod
    def parse(self, data: Any, model: Any) -> Any:
        """Return the payload(s) of ``data`` validated into ``model``."""


def retitled(exc: Any, title: str) -> Any:
    """The same validation errors under ``title`` (e.g. ``SqsEnvelope``), so users see which envelope failed."""
    from pydantic import ValidationError

    try:
        return ValidationError.from_exception_data(title, exc.errors(include_url=False))
    except Exception:
        return exc


# Generic to support type annotations (upstream exposes it from ``envelopes.base``).
Envelope = TypeVar("Envelope", bound=BaseEnvelope)
