"""Fail clearly when validation or OpenAPI is used without pydantic v2 installed."""

from __future__ import annotations

from powertools.event_handler.exceptions import ValidationNotAvailableError

__all__ = ["require_pydantic"]


def require_pydantic(feature: str) -> None:
    """Raise ValidationNotAvailableError naming ``feature`` unless pydantic 2.x can be imported."""
    try:
        import pydantic
    except ImportError as exc:
        raise ValidationNotAvailableError(feature) from exc
    if not str(getattr(pydantic, "VERSION", "")).startswith("2."):
        raise ValidationNotAvailableError(f"{feature} (pydantic {getattr(pydantic, 'VERSION', '?')} is installed)")
