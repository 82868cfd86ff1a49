"""LoggerBufferConfig: which records to hold back per invocation, and how many bytes of them."""

from __future__ import annotations

from typing import ClassVar, Literal

from powertools.common.exceptions import ConfigurationError

_LEVELS = {"DEBUG": 10, "INFO": 20, "WARNING": 30}


class LoggerBufferConfig:
    """Buffer records at or below ``buffer_at_verbosity``; write them only if the invocation goes wrong.

    Parameters
    ----------
    max_bytes:
        Size bound of one invocation's buffer; the oldest records are evicted past it.
    buffer_at_verbosity:
        ``"DEBUG"``, ``"INFO"`` or ``"WARNING"``: this level and the ones below it are buffered.
    flush_on_error_log:
        Write the buffer out before any ``error``/``exception``/``critical`` record.
    """

    VALID_LOG_LEVELS: ClassVar[list[str]] = list(_LEVELS)
    LOG_LEVEL_BUFFER_VALUES = Literal["DEBUG", "INFO", "WARNING"]

    def __init__(
        self,
        max_bytes: int = 20480,
        buffer_at_verbosity: LOG_LEVEL_BUFFER_VALUES = "DEBUG",
        flush_on_error_log: bool = True,
    ) -> None:
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
            raise ConfigurationError("max_bytes", max_bytes, "a positive integer")
        level = buffer_at_verbosity.upper() if isinstance(buffer_at_verbosity, str) else None
        if level not in _LEVELS:
            raise ConfigurationError("buffer_at_verbosity", buffer_at_verbosity, "one of DEBUG, INFO, WARNING")
        if not isinstance(flush_on_error_log, bool):
            raise ConfigurationError("flush_on_error_log", flush_on_error_log, "a boolean")
        self._max_bytes = max_bytes
        self._buffer_at_verbosity = level
        self._flush_on_error_log = flush_on_error_log

    @property
    def max_bytes(self) -> int:
        return self._max_bytes

    @property
    def buffer_at_verbosity(self) -> str:
        return self._buffer_at_verbosity

    @property
    def buffer_level(self) -> int:
        """``buffer_at_verbosity`` as a logging level number."""
        return _LEVELS[self._buffer_at_verbosity]

    @property
    def flush_on_error_log(self) -> bool:
        return self._flush_on_error_log

    def __repr__(self) -> str:
        return (
            f"LoggerBufferConfig(max_bytes={self._max_bytes}, buffer_at_verbosity={self._buffer_at_verbosity!r}, "
            f"flush_on_error_log={self._flush_on_error_log})"
        )
