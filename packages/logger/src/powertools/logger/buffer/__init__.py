"""Log buffering: hold low-level records per invocation, write them only when needed."""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Lazy: Logger imports buffer.cache at startup; the config (and typing) load when first used.
_EXPORTS = {"LoggerBufferConfig": "powertools.logger.buffer.config"}

TYPE_CHECKING = False
if TYPE_CHECKING:
    from powertools.logger.buffer.config import LoggerBufferConfig

__all__ = ["LoggerBufferConfig"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
