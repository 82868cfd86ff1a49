"""Log buffering: hold low-level records per invocation, write them only when needed."""

from __future__ import annotations

from powertools.logger.buffer.config import LoggerBufferConfig

__all__ = ["LoggerBufferConfig"]
