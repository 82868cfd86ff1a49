"""The signature of ``IdempotencyConfig(response_hook=...)``."""

from __future__ import annotations

from typing import Any, Protocol

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from powertools.idempotency.persistence.datarecord import DataRecord

__all__ = ["IdempotentHookFunction"]


class IdempotentHookFunction(Protocol):
    """Called with the stored response and its record when a repeat is answered from the store."""

    def __call__(self, response: Any, idempotent_data: DataRecord) -> Any: ...
